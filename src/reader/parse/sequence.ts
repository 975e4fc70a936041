// A small sequence model over the paragraphs of an issue (a linear-chain conditional random
// field): each paragraph is in one of four states — the author's commentary or a quote, each
// either continuing the current section or starting a new one. A state's score is the weighted
// evidence for "quote" plus the weighted evidence for "starts a section"; the transitions weigh
// what follows what (a quote continues a quote; a new section follows a quote), and pair features
// of two neighbouring paragraphs (both in the same voice) weigh whether they are of one kind.
// Forward-backward gives every paragraph the probability of each state given the whole issue.
// Note: the same code serves reading (src/reader/parse/classify.ts) and training (scripts/training.ts).

import type { NodeFeatures } from './scorers/index.js';

export const STATES = 4;
/** The states: commentary, commentary opening a section, quote, quote opening a section. */
export const COMMENTARY = 0;
export const COMMENTARY_START = 1;
export const QUOTE = 2;
export const QUOTE_START = 3;
export const isQuoteState = (state: number) => state >= QUOTE;
export const isStartState = (state: number) => (state & 1) === 1;
/** Pair features weigh the four combinations of kinds: commentary–commentary, –quote, quote–commentary, –quote. */
export const KIND_PAIRS = 4;
const kindPair = (from: number, to: number) => (isQuoteState(from) ? 2 : 0) + (isQuoteState(to) ? 1 : 0);

/** Bit masks of allowed states. */
export const ANY = 0b1111;
export const STARTS = (1 << COMMENTARY_START) | (1 << QUOTE_START);
export const CONTINUES = (1 << COMMENTARY) | (1 << QUOTE);
export const QUOTES = (1 << QUOTE) | (1 << QUOTE_START);
export const COMMENTARIES = (1 << COMMENTARY) | (1 << COMMENTARY_START);

export interface ChainWeights {
  quote: ArrayLike<number>;
  start: ArrayLike<number>;
  /** transition[from * STATES + to] */
  transition: ArrayLike<number>;
  /** pair[feature * KIND_PAIRS + kind pair] */
  pair: ArrayLike<number>;
}

/** A run of paragraphs read together: their features and the states each may take. */
export interface Chain {
  features: NodeFeatures[];
  /** Allowed states per paragraph (bit mask): explicit breaks, `> ` lines, blank-line exports. */
  allowed: Uint8Array;
}

export interface ForwardBackward {
  logZ: number;
  /** Log scores per paragraph and state (n × STATES), already divided by the temperature. */
  emit: Float64Array;
  alpha: Float64Array;
  beta: Float64Array;
  /** Log scores of the transition into each paragraph (n × STATES × STATES; the first is unused). */
  transition: Float64Array;
}

function dot(weights: ArrayLike<number>, values: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < values.length; k++) sum += weights[k]! * values[k]!;
  return sum;
}

/** Log-sum-exp of up to four values. */
function logSumExp(values: Float64Array, count: number): number {
  let max = -Infinity;
  for (let k = 0; k < count; k++) if (values[k]! > max) max = values[k]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(values[k]! - max);
  return max + Math.log(sum);
}

const SQUARE = STATES * STATES;

/**
 * Runs forward-backward over a chain.
 * @param temperature divides every score: above 1 makes the probabilities less sure (calibration).
 * @param allowed the states each paragraph may take (training clamps them to the labels)
 */
export function forwardBackward(chain: Chain, weights: ChainWeights, temperature = 1, allowed = chain.allowed): ForwardBackward {
  const n = chain.features.length;
  const emit = new Float64Array(n * STATES);
  const transition = new Float64Array(n * SQUARE);
  const pairScore = new Float64Array(KIND_PAIRS);
  for (let i = 0; i < n; i++) {
    const features = chain.features[i]!;
    const quote = dot(weights.quote, features.quote) / temperature;
    const start = dot(weights.start, features.start) / temperature;
    for (let s = 0; s < STATES; s++) {
      emit[i * STATES + s] = allowed[i]! & (1 << s) ? (isQuoteState(s) ? quote : 0) + (isStartState(s) ? start : 0) : -Infinity;
    }
    if (i === 0) continue;
    pairScore.fill(0);
    for (let k = 0; k < features.pair.length; k++) {
      const value = features.pair[k]!;
      if (value !== 0) for (let c = 0; c < KIND_PAIRS; c++) pairScore[c] = pairScore[c]! + value * weights.pair[k * KIND_PAIRS + c]!;
    }
    for (let a = 0; a < STATES; a++) {
      for (let b = 0; b < STATES; b++) transition[i * SQUARE + a * STATES + b] = (weights.transition[a * STATES + b]! + pairScore[kindPair(a, b)]!) / temperature;
    }
  }
  const alpha = new Float64Array(n * STATES);
  const beta = new Float64Array(n * STATES);
  const terms = new Float64Array(STATES);
  for (let s = 0; s < STATES; s++) alpha[s] = emit[s]!;
  for (let i = 1; i < n; i++) {
    for (let s = 0; s < STATES; s++) {
      for (let a = 0; a < STATES; a++) terms[a] = alpha[(i - 1) * STATES + a]! + transition[i * SQUARE + a * STATES + s]!;
      alpha[i * STATES + s] = emit[i * STATES + s]! + logSumExp(terms, STATES);
    }
  }
  for (let i = n - 2; i >= 0; i--) {
    for (let s = 0; s < STATES; s++) {
      for (let b = 0; b < STATES; b++) terms[b] = transition[(i + 1) * SQUARE + s * STATES + b]! + emit[(i + 1) * STATES + b]! + beta[(i + 1) * STATES + b]!;
      beta[i * STATES + s] = logSumExp(terms, STATES);
    }
  }
  const last = new Float64Array(STATES);
  for (let s = 0; s < STATES; s++) last[s] = n ? alpha[(n - 1) * STATES + s]! : 0;
  return { logZ: n ? logSumExp(last, STATES) : 0, emit, alpha, beta, transition };
}

/** The probability of each state for each paragraph (n × STATES). */
export function marginals(run: ForwardBackward): Float64Array {
  const result = new Float64Array(run.alpha.length);
  for (let k = 0; k < result.length; k++) result[k] = Math.exp(run.alpha[k]! + run.beta[k]! - run.logZ);
  return result;
}

/**
 * Calls `visit(i, from, to, p)` with the probability p of each pair of states of paragraphs i-1 and i.
 */
export function forEachPairMarginal(run: ForwardBackward, visit: (i: number, from: number, to: number, p: number) => void): void {
  const n = run.alpha.length / STATES;
  for (let i = 1; i < n; i++) {
    for (let a = 0; a < STATES; a++) {
      const from = run.alpha[(i - 1) * STATES + a]!;
      if (from === -Infinity) continue;
      for (let b = 0; b < STATES; b++) {
        const score = from + run.transition[i * SQUARE + a * STATES + b]! + run.emit[i * STATES + b]! + run.beta[i * STATES + b]! - run.logZ;
        if (score > -745) visit(i, a, b, Math.exp(score));
      }
    }
  }
}

export { kindPair };
