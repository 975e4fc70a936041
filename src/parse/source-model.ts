// The source model: a logistic regression over a candidate's features (source-candidates.ts) gives
// the probability that it is one of the section's sources; a second one, which of them is the main
// source (the heading's). Weights, the threshold from which a candidate counts and the penalty are
// learned by cross-validation on the labelled sections (scripts/sources/training.ts). Below the
// threshold the section names no source: a wrong source in a heading is worse than none.

import type { Source } from '../model.js';
import type { Candidate } from './source-candidates.js';
import stored from './source-weights.json' with { type: 'json' };

/** A logistic regression: a bias and a weight per feature (features it has no weight for count 0). */
export interface Logistic {
  bias: number;
  weights: Record<string, number>;
}

export interface SourceModel {
  source: Logistic;
  main: Logistic;
  /** From this probability a candidate is a source. */
  threshold: number;
  /** From this probability a candidate left out makes its section doubtful in `npm run check`. */
  doubtfulFrom: number;
  /** The L2 penalty the weights were fitted with (chosen by cross-validation). */
  penalty: number;
}

let model: SourceModel = stored;

/** Runs `read` with another model (scoring reads each labelled group with a model trained without it). */
export function withSourceModel<T>(other: SourceModel, read: () => T): T {
  const before = model;
  model = other;
  try {
    return read();
  } finally {
    model = before;
  }
}

/** The weights of each model as a map, made when first asked. */
const weightMaps = new WeakMap<Logistic, Map<string, number>>();

/** The logit of a feature set. */
export function logit(m: Logistic, features: Iterable<string>): number {
  let weights = weightMaps.get(m);
  if (!weights) weightMaps.set(m, (weights = new Map(Object.entries(m.weights))));
  let z = m.bias;
  for (const f of features) z += weights.get(f) ?? 0;
  return z;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** A source of a section, with how sure the reading is and why. */
export interface SourceReading {
  source: Source;
  /** 0 (a guess) to 1 (certain, e.g. set by the author in front matter). */
  confidence: number;
  /** Why each of its names was taken, and as what kind. */
  reasons: string[];
}

/** A candidate with its probability of being a source. */
export interface Scored {
  candidate: Candidate;
  probability: number;
}

/** The section's candidates scored, and those that are its sources (the main one's first). */
export function decide(candidates: Candidate[]): { scored: Scored[]; sources: { readings: SourceReading[]; members: Candidate[][] }; doubtful: Scored[] } {
  const scored = candidates.map((candidate) => ({ candidate, probability: sigmoid(logit(model.source, candidate.features)) }));
  const taken = scored.filter((s) => s.probability >= model.threshold);
  const isTaken = new Set(taken.map((s) => s.candidate));
  const probability = new Map(scored.map((s) => [s.candidate, s.probability]));
  // A person and the outlet they speak in make one source.
  const groups: Candidate[][] = [];
  for (const { candidate } of taken) {
    const partner = candidate.partner && isTaken.has(candidate.partner) ? candidate.partner : undefined;
    if (candidate.kind === 'outlet' && partner?.kind === 'person' && partner.partner === candidate) continue;
    groups.push(candidate.kind === 'person' && partner?.kind === 'outlet' ? [candidate, partner] : [candidate]);
  }
  authorsOfMedium(groups);
  const main = mainGroup(groups);
  if (main > 0) groups.unshift(...groups.splice(main, 1));
  const readings = groups.map((members) => ({
    source: members[0]!.kind === 'person' ? { person: members[0]!.name, ...(members[1] ? { outlet: members[1].name } : {}) } : { outlet: members[0]!.name },
    confidence: Math.round(Math.min(...members.map((c) => probability.get(c)!)) * 100) / 100,
    reasons: members.map((c) => reasonFor(c, probability.get(c)!)),
  }));
  const doubtful = scored.filter((s) => s.probability >= model.doubtfulFrom && s.probability < model.threshold);
  return { scored, sources: { readings, members: groups }, doubtful };
}

/** Media whose people a section quotes without naming it again. */
const PERSONAL_MEDIUM = /^(?:named with|title after) "(?:Newsletter|Blog|Podcast|Kanal|Channel|Substack|Videoblog)/i;

/**
 * A newsletter, blog or podcast the section opens with, and the first person it quotes later with no
 * outlet of their own: its author (`Der Newsletter SnakeOil-AI …` … `Sayash Probe fasst …:`).
 */
function authorsOfMedium(groups: Candidate[][]): void {
  const opening = Math.min(...groups.flat().map((c) => c.occurrences[0]!.paragraph));
  const medium = groups.findIndex(([c]) => c!.kind === 'outlet' && c!.occurrences.some((o) => o.paragraph === opening && PERSONAL_MEDIUM.test(o.mention.why)));
  if (medium < 0 || groups.some(([c]) => c!.kind === 'person' && c!.occurrences[0]!.paragraph === opening)) return;
  const author = groups.find((g) => g.length === 1 && g[0]!.kind === 'person');
  if (!author) return;
  author.push(groups[medium]![0]!);
  groups.splice(medium, 1);
}

/** The index of the main source: the group whose best member the main model rates highest. */
function mainGroup(groups: Candidate[][]): number {
  if (groups.length < 2) return 0;
  const first = firstNamed(groups.flat());
  const score = (c: Candidate) => logit(model.main, c === first ? [...c.features, 'first-named'] : c.features);
  let best = 0;
  let bestScore = -Infinity;
  groups.forEach((members, i) => {
    const s = Math.max(...members.map(score));
    if (s > bestScore) [best, bestScore] = [i, s];
  });
  return best;
}

/** The candidate the section names first. */
export function firstNamed(candidates: Candidate[]): Candidate | undefined {
  const at = (c: Candidate) => c.occurrences[0]!.paragraph * 10_000 + c.occurrences[0]!.mention.at;
  return candidates.reduce<Candidate | undefined>((first, c) => (!first || at(c) < at(first) ? c : first), undefined);
}

/** `Heise: outlet, after "laut", in a lead-in (0.93)`: what the reading rests on, for `npm run check`. */
function reasonFor(c: Candidate, probability: number): string {
  const o = c.occurrences.find((x) => x.mention.strong) ?? c.occurrences[0]!;
  const weighed = [...c.features].map((f) => [f, model.source.weights[f] ?? 0] as const).filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]).slice(0, 3);
  const written = c.name !== o.mention.name ? ` (written "${o.mention.name}")` : '';
  return `${c.name}${written}: ${c.kind}, ${o.mention.why}, ${weighed.map(([f]) => f).join(' ')} (${probability.toFixed(2)})`;
}
