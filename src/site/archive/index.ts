// The archive as a whole: issues in order, their URLs, neighbours and who mentions whom.
// Everything that needs more than one issue is worked out here, once, in linear time.

import { ArchiveError } from '../../errors.js';
import type { Issue, Section } from '../../model.js';
import { relatedIssues, relatedSections, type RelatedSection } from './related.js';

export interface Archive {
  /** Issues, newest (highest number) first. */
  issues: Issue[];
  /** Site-relative URL path of an issue page (`issues/56/`), or undefined if not in the archive. */
  issuePath(number: number): string | undefined;
  /** The issue before (older) and after (newer) an issue. */
  neighbours(issue: Issue): { previous?: Issue; next?: Issue };
  /** Issues that mention this one, newest first, each with the sections that mention it. */
  mentionedBy(issue: Issue): { issue: Issue; sections: Section[] }[];
  /** Up to three sections of other issues on the same subject as this section, most similar first. */
  related(section: Section): RelatedSection[];
  /** The issues related to this one through its sections, most related first (the `limit` most related, if given). */
  relatedIssues(issue: Issue, limit?: number): { issue: Issue; sections: Section[]; score: number }[];
}

export function createArchive(issues: Issue[]): Archive {
  const ordered = [...issues].sort((a, b) => b.number - a.number);
  const byNumber = new Map<number, Issue>();
  const bySlug = new Map<string, Issue>();
  for (const issue of ordered) {
    const sameNumber = byNumber.get(issue.number);
    if (sameNumber) throw new ArchiveError(`${sameNumber.file} and ${issue.file} both claim issue No ${issue.number}; keep one`);
    const sameSlug = bySlug.get(issue.slug);
    if (sameSlug) {
      throw new ArchiveError(`${sameSlug.file} (No ${sameSlug.number}) and ${issue.file} (No ${issue.number}) would both be written to issues/${issue.slug}/; give one a different slug`);
    }
    byNumber.set(issue.number, issue);
    bySlug.set(issue.slug, issue);
  }
  const position = new Map(ordered.map((issue, index) => [issue, index]));
  const mentions = new Map<number, { issue: Issue; sections: Section[] }[]>();
  for (const issue of ordered) {
    const mentioned = new Map<number, Section[]>();
    for (const section of issue.sections) {
      for (const number of section.mentions) if (byNumber.has(number)) (mentioned.get(number) ?? mentioned.set(number, []).get(number)!).push(section);
    }
    for (const [number, sections] of mentioned) (mentions.get(number) ?? mentions.set(number, []).get(number)!).push({ issue, sections });
  }
  // Worked out once, when first asked for (pages need it; the search index does not).
  let related: Map<Section, RelatedSection[]> | undefined;
  const relations = () => (related ??= relatedSections(ordered));
  return {
    issues: ordered,
    issuePath: (number) => {
      const issue = byNumber.get(number);
      return issue ? `issues/${issue.slug}/` : undefined;
    },
    neighbours: (issue) => {
      const index = position.get(issue)!;
      const previous = ordered[index + 1];
      const next = ordered[index - 1];
      return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
    },
    mentionedBy: (issue) => mentions.get(issue.number) ?? [],
    related: (section) => relations().get(section) ?? [],
    relatedIssues: (issue, limit) => relatedIssues(issue, relations(), limit),
  };
}
