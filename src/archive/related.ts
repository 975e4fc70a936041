// Related sections across the archive ("Mehr dazu im Archiv"): for each section, up to three
// sections of other issues on the same subject, by TF-IDF cosine similarity of the sections'
// terms (quotes and commentary alike, see parse/terms.ts).
// Note: linear in the archive's size. Each section keeps its 32 most telling terms (in its
// model, so a rebuild needs no section text); an inverted index lists the sections of each term,
// and a section is compared only with the POSTINGS sections where each of its QUERY_TERMS best
// terms weighs most: at most QUERY_TERMS × POSTINGS candidates each, whatever the archive's size.

import type { Issue, Section } from '../model.js';
import { termCounts } from '../parse/terms.js';

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
const POSTINGS = 32;

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
    for (const [term, count] of termCounts(section.terms ?? '')) {
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
  // The inverted index: per term, the sections holding it, in two flat arrays (term t's at
  // offsets[t] … offsets[t + 1]); of a term held by more than POSTINGS sections, only the POSTINGS
  // where it weighs most (then the first in reading order).
  const all = new Int32Array(df.length + 1);
  df.forEach((count, term) => (all[term + 1] = all[term]! + count));
  const allSection = new Int32Array(all[df.length]!);
  const allWeight = new Float64Array(all[df.length]!);
  const fill = all.slice(0, df.length);
  vectors.forEach((vector, section) =>
    vector.ids.forEach((id, i) => {
      const at = fill[id]!++;
      allSection[at] = section;
      allWeight[at] = vector.weights[i]!;
    }),
  );
  const offsets = new Int32Array(df.length + 1);
  df.forEach((count, term) => (offsets[term + 1] = offsets[term]! + Math.min(count, POSTINGS)));
  const postingSection = new Int32Array(offsets[df.length]!);
  const postingWeight = new Float64Array(offsets[df.length]!);
  df.forEach((count, term) => {
    const start = all[term]!;
    let order = Array.from({ length: count }, (_, i) => start + i);
    if (count > POSTINGS) order = order.sort((a, b) => allWeight[b]! - allWeight[a]! || allSection[a]! - allSection[b]!).slice(0, POSTINGS);
    order.forEach((from, i) => {
      postingSection[offsets[term]! + i] = allSection[from]!;
      postingWeight[offsets[term]! + i] = allWeight[from]!;
    });
  });
  const issueOf = Int32Array.from(sections, (s) => s.issueIndex);

  const result = new Map<Section, RelatedSection[]>();
  const scores = new Float64Array(n);
  const touched: number[] = [];
  /** The best candidate of each other issue (-1: none yet), and the issues that have one. */
  const bestOfIssue = new Int32Array(issues.length).fill(-1);
  const candidateIssues: number[] = [];
  vectors.forEach((vector, index) => {
    const ownIssue = issueOf[index]!;
    const query = vector.ids.map((id, i) => ({ id, weight: vector.weights[i]! })).sort((a, b) => b.weight - a.weight || a.id - b.id).slice(0, QUERY_TERMS);
    for (const { id, weight } of query) {
      for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
        const candidate = postingSection[p]!;
        if (issueOf[candidate] === ownIssue) continue;
        if (scores[candidate] === 0) touched.push(candidate);
        scores[candidate] = scores[candidate]! + weight * postingWeight[p]!;
      }
    }
    // The best section of each other issue, above the threshold.
    for (const candidate of touched) {
      const score = scores[candidate]!;
      if (score < options.threshold) continue;
      const issueIndex = issueOf[candidate]!;
      const known = bestOfIssue[issueIndex]!;
      if (known < 0) candidateIssues.push(issueIndex);
      if (known < 0 || score > scores[known]! || (score === scores[known] && candidate < known)) bestOfIssue[issueIndex] = candidate;
    }
    if (candidateIssues.length) {
      // The best `limit` of them, by a pass that keeps the best so far (no sort of them all).
      const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && (issueOf[a]! < issueOf[b]! || (issueOf[a] === issueOf[b] && a < b)));
      const best: number[] = [];
      for (const issueIndex of candidateIssues) {
        const candidate = bestOfIssue[issueIndex]!;
        if (best.length === options.limit && !before(candidate, best[best.length - 1]!)) continue;
        let at = best.length;
        while (at > 0 && before(candidate, best[at - 1]!)) at--;
        best.splice(at, 0, candidate);
        if (best.length > options.limit) best.pop();
      }
      result.set(
        sections[index]!.section,
        best.map((candidate) => ({ issue: sections[candidate]!.issue, section: sections[candidate]!.section, score: scores[candidate]! })),
      );
      for (const issueIndex of candidateIssues) bestOfIssue[issueIndex] = -1;
      candidateIssues.length = 0;
    }
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
