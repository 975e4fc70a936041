// Related sections across the archive ("Mehr dazu im Archiv"): for each section, up to three
// sections of other issues on the same subject, by TF-IDF cosine similarity of the sections'
// terms (quotes and commentary alike, see parse/terms.ts).
// Note: linear in the archive's size. Each section keeps its 32 most telling terms (in its
// model, so a rebuild needs no section text); an inverted index lists the sections of each term,
// best first, and a section is compared only with the first POSTINGS of the sections of each of
// its QUERY_TERMS best terms: at most QUERY_TERMS × POSTINGS candidates each, whatever the size.

import type { Issue, Section } from './model.js';

export interface RelatedSection {
  issue: Issue;
  section: Section;
  /** Cosine similarity, 0 to 1. */
  score: number;
}

export interface RelatedOptions {
  /** Most related sections per section. */
  limit: number;
  /** Least similarity shown: below it, sections share words rather than a subject. */
  threshold: number;
}

export const defaultRelatedOptions: RelatedOptions = { limit: 3, threshold: 0.05 };

/** A section's best terms that look for candidates. */
const QUERY_TERMS = 16;
/** Sections of a term looked at, those where the term weighs most first. */
const POSTINGS = 64;

/**
 * For every section of every issue, the most similar sections of other issues (at most one per
 * issue), best first; sections without any are left out of the map.
 */
export function relatedSections(issues: Issue[], options: RelatedOptions = defaultRelatedOptions): Map<Section, RelatedSection[]> {
  const sections: { issue: Issue; section: Section; issueIndex: number }[] = [];
  issues.forEach((issue, issueIndex) => {
    for (const section of issue.sections) sections.push({ issue, section, issueIndex });
  });
  // Terms as numbers; each section's terms and counts.
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const vectors = sections.map(({ section }) => {
    const ids: number[] = [];
    const counts: number[] = [];
    for (const [term, count] of Object.entries(section.terms ?? {})) {
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = df.length));
        df.push(0);
      }
      df[id]!++;
      ids.push(id);
      counts.push(count);
    }
    return { ids, weights: counts };
  });
  // TF-IDF weights, each vector of length 1.
  const n = sections.length;
  for (const vector of vectors) {
    let norm = 0;
    vector.weights = vector.weights.map((count, i) => {
      const weight = (1 + Math.log(count)) * Math.log(1 + n / df[vector.ids[i]!]!);
      norm += weight * weight;
      return weight;
    });
    norm = Math.sqrt(norm) || 1;
    vector.weights = vector.weights.map((weight) => weight / norm);
  }
  // The inverted index: per term, the sections holding it, by weight (then reading order).
  const postings: { section: number; weight: number }[][] = Array.from({ length: df.length }, () => []);
  vectors.forEach((vector, section) => vector.ids.forEach((id, i) => postings[id]!.push({ section, weight: vector.weights[i]! })));
  for (const list of postings) {
    list.sort((a, b) => b.weight - a.weight || a.section - b.section);
    list.length = Math.min(list.length, POSTINGS);
  }

  const result = new Map<Section, RelatedSection[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  vectors.forEach((vector, index) => {
    const own = sections[index]!;
    const query = vector.ids.map((id, i) => ({ id, weight: vector.weights[i]! })).sort((a, b) => b.weight - a.weight || a.id - b.id).slice(0, QUERY_TERMS);
    for (const { id, weight } of query) {
      for (const posting of postings[id]!) {
        if (sections[posting.section]!.issueIndex === own.issueIndex) continue;
        if (scores[posting.section] === 0) touched.push(posting.section);
        scores[posting.section] = scores[posting.section]! + weight * posting.weight;
      }
    }
    // The best section of each other issue, above the threshold.
    const best = new Map<number, number>();
    for (const candidate of touched) {
      if (scores[candidate]! < options.threshold) continue;
      const issueIndex = sections[candidate]!.issueIndex;
      const known = best.get(issueIndex);
      if (known === undefined || scores[candidate]! > scores[known]! || (scores[candidate] === scores[known] && candidate < known)) best.set(issueIndex, candidate);
    }
    const chosen = [...best.values()]
      .sort((a, b) => scores[b]! - scores[a]! || sections[a]!.issueIndex - sections[b]!.issueIndex || a - b)
      .slice(0, options.limit)
      .map((candidate) => ({ issue: sections[candidate]!.issue, section: sections[candidate]!.section, score: scores[candidate]! }));
    if (chosen.length) result.set(own.section, chosen);
    for (const candidate of touched) scores[candidate] = 0;
    touched.length = 0;
  });
  return result;
}

/**
 * The issues related to an issue through its sections, most related first: each with the
 * sections of it that are related to a section of this issue (in the issue's order).
 */
export function relatedIssues(issue: Issue, related: Map<Section, RelatedSection[]>): { issue: Issue; sections: Section[]; score: number }[] {
  const byIssue = new Map<Issue, { issue: Issue; sections: Section[]; score: number }>();
  for (const section of issue.sections) {
    for (const entry of related.get(section) ?? []) {
      let known = byIssue.get(entry.issue);
      if (!known) byIssue.set(entry.issue, (known = { issue: entry.issue, sections: [], score: 0 }));
      if (!known.sections.includes(entry.section)) known.sections.push(entry.section);
      known.score += entry.score;
    }
  }
  for (const known of byIssue.values()) known.sections.sort((a, b) => known.issue.sections.indexOf(a) - known.issue.sections.indexOf(b));
  return [...byIssue.values()].sort((a, b) => b.score - a.score || b.issue.number - a.issue.number);
}
