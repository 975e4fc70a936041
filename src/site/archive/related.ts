// Related sections across the archive ("Mehr dazu im Archiv"): for each section, up to three
// sections of other issues on the same subject, by TF-IDF cosine similarity of the sections'
// terms (quotes and commentary alike, see parse/terms.ts).
// Note: linear in the archive's size. Each section keeps its 32 most telling terms (in its
// model, so a rebuild needs no section text); an inverted index lists the sections of each term,
// and a section is compared only with the POSTINGS sections where each of its QUERY_TERMS best
// terms weighs most: at most QUERY_TERMS × POSTINGS candidates each, whatever the archive's size.

import type { Issue, Section } from '../../model.js';

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

/** Each section's terms as numbers, with their TF-IDF weights; section s's at `start[s]` … `start[s + 1]`. */
interface TermVectors {
  start: Int32Array;
  ids: Int32Array;
  weights: Float64Array;
  /** How many sections hold each term. */
  df: Int32Array;
}

/**
 * For every section of every issue, the most similar sections of other issues (at most one per
 * issue), best first; sections without any are left out of the map.
 * Note: flat typed arrays and no function made per section: at 1000 issues this runs once per
 * build, mostly before the JIT has warmed up, where every closure and small array counts.
 */
export function relatedSections(issues: Issue[], options: RelatedOptions = defaultRelatedOptions): Map<Section, RelatedSection[]> {
  const sections: Section[] = [];
  const owners: number[] = [];
  issues.forEach((issue, issueIndex) => {
    for (const section of issue.sections) {
      sections.push(section);
      owners.push(issueIndex);
    }
  });
  const issueOf = Int32Array.from(owners);
  const vectors = termVectors(sections);
  const { offsets, sections: postingSections, weights: postingWeights } = topPostings(vectors);
  const result = new Map<Section, RelatedSection[]>();
  const scores = new Float64Array(sections.length);
  const touched = new Int32Array(sections.length);
  /** The best candidate of each other issue (-1: none yet), and the issues that have one. */
  const bestOfIssue = new Int32Array(issues.length).fill(-1);
  const candidateIssues = new Int32Array(issues.length);
  const query = { ids: new Int32Array(QUERY_TERMS), weights: new Float64Array(QUERY_TERMS), length: 0 };
  const best = new Int32Array(options.limit);
  /** Whether candidate a ranks before b: higher score, then the newer issue, then reading order. */
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && (issueOf[a]! < issueOf[b]! || (issueOf[a] === issueOf[b] && a < b)));
  for (let index = 0; index < sections.length; index++) {
    const ownIssue = issueOf[index]!;
    bestTerms(vectors, index, query);
    let touchedCount = 0;
    for (let q = 0; q < query.length; q++) {
      const id = query.ids[q]!;
      const weight = query.weights[q]!;
      for (let p = offsets[id]!, end = offsets[id + 1]!; p < end; p++) {
        const candidate = postingSections[p]!;
        if (issueOf[candidate] === ownIssue) continue;
        const score = scores[candidate]!;
        if (score === 0) touched[touchedCount++] = candidate;
        scores[candidate] = score + weight * postingWeights[p]!;
      }
    }
    // The best section of each other issue, above the threshold.
    let issueCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const candidate = touched[t]!;
      const score = scores[candidate]!;
      if (score < options.threshold) continue;
      const issueIndex = issueOf[candidate]!;
      const known = bestOfIssue[issueIndex]!;
      if (known < 0) candidateIssues[issueCount++] = issueIndex;
      if (known < 0 || score > scores[known]! || (score === scores[known] && candidate < known)) bestOfIssue[issueIndex] = candidate;
    }
    if (issueCount) {
      // The best `limit` of them, by a pass that keeps the best so far (no sort of them all).
      let bestCount = 0;
      for (let c = 0; c < issueCount; c++) {
        const candidate = bestOfIssue[candidateIssues[c]!]!;
        if (bestCount === options.limit && !before(candidate, best[bestCount - 1]!)) continue;
        let at = Math.min(bestCount, options.limit - 1);
        for (; at > 0 && before(candidate, best[at - 1]!); at--) best[at] = best[at - 1]!;
        best[at] = candidate;
        if (bestCount < options.limit) bestCount++;
      }
      for (let c = 0; c < issueCount; c++) bestOfIssue[candidateIssues[c]!] = -1;
      const related: RelatedSection[] = [];
      for (let b = 0; b < bestCount; b++) related.push({ issue: issues[issueOf[best[b]!]!]!, section: sections[best[b]!]!, score: scores[best[b]!]! });
      result.set(sections[index]!, related);
    }
    for (let t = 0; t < touchedCount; t++) scores[touched[t]!] = 0;
  }
  return result;
}

/** The sections' terms as numbers and their TF-IDF weights, each section's vector of length 1. */
function termVectors(sections: Section[]): TermVectors {
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const start = new Int32Array(sections.length + 1);
  const ids: number[] = [];
  const counts: number[] = [];
  for (let index = 0; index < sections.length; index++) {
    // `stem:count` pairs separated by spaces (see Section.terms), read in place: the count's digits from the end back to the colon.
    const terms = sections[index]!.terms ?? '';
    for (let from = 0; from < terms.length;) {
      const space = terms.indexOf(' ', from);
      const end = space < 0 ? terms.length : space;
      let colon = end - 1;
      let count = 0;
      for (let scale = 1, digit = terms.charCodeAt(colon) - 48; digit >= 0 && digit <= 9; digit = terms.charCodeAt(--colon) - 48, scale *= 10) count += digit * scale;
      const term = terms.slice(from, colon);
      let id = termIds.get(term);
      if (id === undefined) {
        termIds.set(term, (id = df.length));
        df.push(0);
      }
      df[id]!++;
      ids.push(id);
      counts.push(count);
      from = end + 1;
    }
    start[index + 1] = ids.length;
  }
  // Note: a term's idf and a count's tf are worked out once each, not once per section that has them.
  const n = sections.length;
  const idf = Float64Array.from(df, (holders) => Math.log(1 + n / holders));
  const tf = new Float64Array(64).fill(NaN);
  const weights = new Float64Array(counts.length);
  for (let s = 0; s < n; s++) {
    let norm = 0;
    for (let i = start[s]!; i < start[s + 1]!; i++) {
      const count = counts[i]!;
      let countWeight = count < 64 ? tf[count]! : 1 + Math.log(count);
      if (Number.isNaN(countWeight)) countWeight = tf[count] = 1 + Math.log(count);
      const weight = countWeight * idf[ids[i]!]!;
      norm += weight * weight;
      weights[i] = weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = start[s]!; i < start[s + 1]!; i++) weights[i] = weights[i]! / norm;
  }
  return { start, ids: Int32Array.from(ids), weights, df: Int32Array.from(df) };
}

/**
 * The inverted index: per term, the sections holding it, in flat arrays (term t's at offsets[t] …
 * offsets[t + 1]); of a term held by more than POSTINGS sections, only the POSTINGS where it
 * weighs most (then the first in reading order).
 */
function topPostings({ start, ids, weights, df }: TermVectors): { offsets: Int32Array; sections: Int32Array; weights: Float64Array } {
  const offsets = new Int32Array(df.length + 1);
  for (let term = 0; term < df.length; term++) offsets[term + 1] = offsets[term]! + Math.min(df[term]!, POSTINGS);
  const kept = new Int32Array(df.length);
  const postingSections = new Int32Array(offsets[df.length]!);
  const postingWeights = new Float64Array(offsets[df.length]!);
  // Sections in reading order: a weight equal to one kept goes after it, as the first in reading order wins.
  for (let section = 0; section + 1 < start.length; section++) {
    for (let i = start[section]!; i < start[section + 1]!; i++) {
      const term = ids[i]!;
      const weight = weights[i]!;
      const from = offsets[term]!;
      const size = kept[term]!;
      if (size === POSTINGS && weight <= postingWeights[from + size - 1]!) continue;
      let at = from + Math.min(size, POSTINGS - 1);
      for (; at > from && weight > postingWeights[at - 1]!; at--) {
        postingSections[at] = postingSections[at - 1]!;
        postingWeights[at] = postingWeights[at - 1]!;
      }
      postingSections[at] = section;
      postingWeights[at] = weight;
      if (size < POSTINGS) kept[term] = size + 1;
    }
  }
  return { offsets, sections: postingSections, weights: postingWeights };
}

/** A section's QUERY_TERMS best terms into `query`: the heaviest first, then by term number. */
function bestTerms({ start, ids, weights }: TermVectors, section: number, query: { ids: Int32Array; weights: Float64Array; length: number }): void {
  let size = 0;
  for (let i = start[section]!; i < start[section + 1]!; i++) {
    const id = ids[i]!;
    const weight = weights[i]!;
    if (size === QUERY_TERMS) {
      const last = QUERY_TERMS - 1;
      if (weight < query.weights[last]! || (weight === query.weights[last] && id > query.ids[last]!)) continue;
    }
    let at = Math.min(size, QUERY_TERMS - 1);
    for (; at > 0 && (weight > query.weights[at - 1]! || (weight === query.weights[at - 1] && id < query.ids[at - 1]!)); at--) {
      query.ids[at] = query.ids[at - 1]!;
      query.weights[at] = query.weights[at - 1]!;
    }
    query.ids[at] = id;
    query.weights[at] = weight;
    if (size < QUERY_TERMS) size++;
  }
  query.length = size;
}

/**
 * The issues related to an issue through its sections, most related first (the `limit` most
 * related, if given): each with the sections of it that are related to a section of this issue
 * (in the issue's order).
 */
export function relatedIssues(issue: Issue, related: Map<Section, RelatedSection[]>, limit = Infinity): { issue: Issue; sections: Section[]; score: number }[] {
  // Note: a few dozen issues at most, so a list searched in order is cheaper than a map.
  const found: { issue: Issue; sections: Section[]; score: number }[] = [];
  for (const section of issue.sections) {
    for (const entry of related.get(section) ?? []) {
      let at = 0;
      while (at < found.length && found[at]!.issue !== entry.issue) at++;
      const known = found[at] ?? (found[at] = { issue: entry.issue, sections: [], score: 0 });
      if (!known.sections.includes(entry.section)) known.sections.push(entry.section);
      known.score += entry.score;
    }
  }
  // The best `limit` by a pass that keeps the best so far (issue numbers are unique: no ties).
  const best: typeof found = [];
  for (const known of found) {
    let at = best.length;
    while (at > 0 && (known.score > best[at - 1]!.score || (known.score === best[at - 1]!.score && known.issue.number > best[at - 1]!.issue.number))) at--;
    if (at < limit) best.splice(at, 0, known);
    if (best.length > limit) best.pop();
  }
  for (const known of best) if (known.sections.length > 1) known.sections.sort((a, b) => known.issue.sections.indexOf(a) - known.issue.sections.indexOf(b));
  return best;
}
