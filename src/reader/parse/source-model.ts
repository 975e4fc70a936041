// The source model: a logistic regression over a candidate's features (source-candidates.ts) gives the
// probability that it is one of the section's sources, a second one which is the main (the heading's).
// Weights, penalty and the threshold from which a candidate counts are chosen by cross-validation on the
// labelled sections (scripts/sources/training.ts). Below it, no source: a wrong one is worse than none.

import type { Source } from '../../model.js';
import type { Candidate } from './source-candidates.js';
import stored from './source-weights.json' with { type: 'json' };

/** A logistic regression: a bias and a weight per feature (a feature without one weighs 0). */
export interface Logistic {
  bias: number;
  weights: Record<string, number>;
}

export interface SourceModel {
  source: Logistic;
  main: Logistic;
  /** From this probability a candidate is a source; from `doubtfulFrom` one left out makes its section doubtful. */
  threshold: number;
  doubtfulFrom: number;
  /** The L2 penalty the weights were fitted with (chosen by cross-validation). */
  penalty: number;
}

/** A model in use, which scoring swaps for one trained without the labelled group it reads. */
export function swappable<M>(initial: M): { use: () => M; with: <T>(other: M, read: () => T) => T } {
  let current = initial;
  return {
    use: () => current,
    with: (other, read) => {
      const before = current;
      current = other;
      try {
        return read();
      } finally {
        current = before;
      }
    },
  };
}

const model = swappable<SourceModel>(stored);
export const withSourceModel = model.with;
const weightMaps = new WeakMap<Logistic, Map<string, number>>();

function weightsOf(m: Logistic): Map<string, number> {
  let weights = weightMaps.get(m);
  if (!weights) weightMaps.set(m, (weights = new Map(Object.entries(m.weights))));
  return weights;
}

/** The logit of a feature set (the weights read into a map once). */
export function logit(m: Logistic, features: Iterable<string>): number {
  const weights = weightsOf(m);
  let z = m.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** A source of a section: how sure the reading is (1: set by the author) and why, for `npm run check`. */
export interface SourceReading {
  source: Source;
  confidence: number;
  reasons: string[];
}

export type Scored = { candidate: Candidate; probability: number };

/** The section's candidates scored; its sources (the main one first) as readings and as their candidates; those nearly taken. */
export function decide(candidates: Candidate[]): { scored: Scored[]; readings: SourceReading[]; groups: Candidate[][]; doubtful: Scored[] } {
  const { source, threshold, doubtfulFrom } = model.use();
  const scored = candidates.map((candidate) => ({ candidate, probability: sigmoid(logit(source, candidate.features)) }));
  const probability = new Map(scored.map((s) => [s.candidate, s.probability]));
  const taken = (c: Candidate | undefined) => Boolean(c && probability.get(c)! >= threshold);
  // A person and the outlet they speak in make one source.
  const groups = candidates.filter(taken).flatMap((c) => {
    if (c.kind === 'outlet' && c.partner?.kind === 'person' && c.partner.partner === c && taken(c.partner)) return [];
    return [c.kind === 'person' && c.partner?.kind === 'outlet' && taken(c.partner) ? [c, c.partner] : [c]];
  });
  authorOfMedium(groups);
  groups.unshift(...groups.splice(mainGroup(groups), 1));
  const readings = groups.map((members) => ({
    source: members[0]!.kind === 'person' ? { person: members[0]!.name, ...(members[1] ? { outlet: members[1].name } : {}) } : { outlet: members[0]!.name },
    confidence: Math.round(Math.min(...members.map((c) => probability.get(c)!)) * 100) / 100,
    reasons: members.map((c) => reasonFor(c, probability.get(c)!)),
  }));
  return { scored, readings, groups, doubtful: scored.filter((s) => s.probability >= doubtfulFrom && s.probability < threshold) };
}

/** Media whose people a section quotes without naming it again. */
const PERSONAL_MEDIUM = /^(?:named with|title after) "(?:Newsletter|Blog|Podcast|Kanal|Channel|Substack|Videoblog)/i;

/** A newsletter, blog or podcast the section opens with is the medium of the first person it quotes with none (`Der Newsletter X …` … `Sayash Probe fasst …:`). */
function authorOfMedium(groups: Candidate[][]): void {
  const opening = Math.min(...groups.flat().map((c) => c.occurrences[0]!.paragraph));
  const medium = groups.findIndex(([c]) => c!.kind === 'outlet' && c!.occurrences.some((o) => o.paragraph === opening && PERSONAL_MEDIUM.test(o.mention.why)));
  const author = groups.find((g) => g.length === 1 && g[0]!.kind === 'person');
  if (medium < 0 || !author || groups.some(([c]) => c!.kind === 'person' && c!.occurrences[0]!.paragraph === opening)) return;
  author.push(groups[medium]![0]!);
  groups.splice(medium, 1);
}

/** The index of the main source: the group whose best member the main model rates highest. */
function mainGroup(groups: Candidate[][]): number {
  const first = firstNamed(groups.flat());
  const score = (members: Candidate[]) => Math.max(...members.map((c) => logit(model.use().main, c === first ? [...c.features, 'first-named'] : c.features)));
  const scores = groups.map(score);
  return groups.length < 2 ? 0 : scores.indexOf(Math.max(...scores));
}

/** The candidate the section names first. */
export function firstNamed(candidates: Candidate[]): Candidate | undefined {
  const at = (c: Candidate) => c.occurrences[0]!.paragraph * 10_000 + c.occurrences[0]!.mention.at;
  return candidates.reduce<Candidate | undefined>((first, c) => (!first || at(c) < at(first) ? c : first), undefined);
}

/** `Heise: outlet, after "laut", strong@lead … (0.93)`: its construction and the features weighing most for it. */
function reasonFor(c: Candidate, probability: number): string {
  const o = c.occurrences.find((x) => x.mention.strong) ?? c.occurrences[0]!;
  const weights = weightsOf(model.use().source);
  const weighed = [...c.features]
    .filter((f) => (weights.get(f) ?? 0) > 0)
    .sort((a, b) => weights.get(b)! - weights.get(a)!)
    .slice(0, 3);
  const written = c.name !== o.mention.name ? ` (written "${o.mention.name}")` : '';
  return `${c.name}${written}: ${c.kind}, ${o.mention.why}, ${weighed.join(' ')} (${probability.toFixed(2)})`;
}
