// The archive as a whole: issues in order, their URLs, neighbours and who mentions whom.
// Everything that needs more than one issue is worked out here, once, in linear time.

import { ArchiveError } from './errors.js';
import type { Issue } from './model.js';

export interface Archive {
  /** Issues, newest (highest number) first. */
  issues: Issue[];
  /** Site-relative URL path of an issue page (`issues/56/`), or undefined if not in the archive. */
  issuePath(number: number): string | undefined;
  /** The issue before (older) and after (newer) an issue. */
  neighbours(issue: Issue): { previous?: Issue; next?: Issue };
  /** Issues that mention this one, newest first. */
  mentionedBy(issue: Issue): Issue[];
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
  const mentions = new Map<number, Issue[]>();
  for (const issue of ordered) {
    const mentioned = new Set(issue.sections.flatMap((section) => section.mentions));
    for (const number of mentioned) if (byNumber.has(number)) (mentions.get(number) ?? mentions.set(number, []).get(number)!).push(issue);
  }
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
  };
}
