// Which readings the author should look at first: a small logistic model of "this reading is
// wrong", learned from the readings of issues the reader was not trained on (scripts/doubt.ts).
// The reader's own confidence misses many of its errors: a German quote after a lead-in read as
// commentary with 0.85, a section start one paragraph early. The model weighs the confidence with
// how close each decision was, the neighbours' readings around the paragraph, and a few kinds of
// evidence where errors gather (a lead-in before, a name at the start, an enumeration).
// Its weights and the probability from which a reading is listed are written by `npm run train`
// (doubt-weights.json), both chosen by cross-validation.

import type { NodeFeatures } from './scorers/index.js';
import { QUOTE_FEATURE_NAMES, START_FEATURE_NAMES } from './scorers/index.js';
import { STATES, type Chain } from './sequence.js';
import stored from './doubt-weights.json' with { type: 'json' };

/** The learned weights, in the order of DOUBT_FEATURES, and the probability of an error from which a reading is doubtful. */
export interface DoubtModel {
  weights: ArrayLike<number>;
  flagFrom: number;
}

/** What a feature sees of one paragraph (node) of a chain: its reading, its neighbours' and its evidence. */
interface View {
  /** Probability of a quote, of a section start; of the node before and after (undefined at the ends). */
  quote: number;
  start: number;
  confidence: number;
  before?: { quote: number; start: number };
  after?: { quote: number; start: number };
  features: NodeFeatures;
}

const quoteIndex = (name: string) => QUOTE_FEATURE_NAMES.indexOf(name);
const startIndex = (name: string) => START_FEATURE_NAMES.indexOf(name);
const evidence = (names: string[]) => {
  const indices = names.map((name) => {
    const [scorer, feature] = name.split(': ') as ['quote' | 'start', string];
    const k = scorer === 'quote' ? quoteIndex(feature) : startIndex(feature);
    if (k < 0) throw new Error(`doubt.ts: the reader has no ${scorer} feature "${feature}"`);
    return { scorer, k };
  });
  return (v: View) => Math.max(0, ...indices.map(({ scorer, k }) => v.features[scorer][k]!));
};
/** 1 where a decision was a coin toss, 0 where it was sure. */
const close = (p: number | undefined) => (p === undefined ? 0 : 1 - Math.abs(2 * p - 1));
const yes = (p: number | undefined) => (p !== undefined && p > 0.5 ? 1 : 0);
const no = (p: number | undefined) => (p !== undefined && p <= 0.5 ? 1 : 0);

const leadIn = evidence(['quote: after a ":" lead-in', 'quote: after a lead-in handing over', 'quote: after a lead-in naming a source', 'quote: after a short lead-in naming someone']);
const english = evidence(['quote: English']);
const marked = evidence(['quote: wrapped in quotation marks', 'quote: in quotation marks, in German']);
const opensWithName = evidence(['start: opens with a name', 'start: opens with someone doing something']);
const turns = evidence(['start: turns to another item', 'start: vocabulary shift (TextTiling depth)']);

/**
 * The features of "this reading is wrong", each a number from 0 to 1. Note: in the order training
 * tries them: each set it weighs is the features up to one of them (scripts/doubt.ts).
 */
export const DOUBT_FEATURES: readonly (readonly [string, (v: View) => number])[] = [
  ['bias', () => 1],
  ['the reader’s doubt (1 − confidence)', (v) => 1 - v.confidence],
  ['kind a close call', (v) => close(v.quote)],
  ['section start a close call', (v) => close(v.start)],
  ['read as a quote', (v) => yes(v.quote)],
  ['read as opening a section', (v) => yes(v.start)],
  ['the author’s, after a quote', (v) => no(v.quote) * yes(v.before?.quote)],
  ['a quote, after the author', (v) => yes(v.quote) * no(v.before?.quote)],
  ['before a quote', (v) => yes(v.after?.quote)],
  ['the kind before a close call', (v) => close(v.before?.quote)],
  ['the kind after a close call', (v) => close(v.after?.quote)],
  ['the section start before or after a close call', (v) => Math.max(close(v.before?.start), close(v.after?.start))],
  ['opens a section of one paragraph', (v) => yes(v.start) * yes(v.after?.start)],
  ['German after a lead-in, read as the author’s', (v) => no(v.quote) * (1 - english(v)) * (1 - marked(v)) * leadIn(v)],
  ['German, unmarked, read as a quote', (v) => yes(v.quote) * (1 - english(v)) * (1 - marked(v))],
  ['in quotation marks', marked],
  ['opens with a name, read as going on', (v) => no(v.start) * opensWithName(v)],
  ['opens with a name, read as opening a section', (v) => yes(v.start) * opensWithName(v)],
  ['turns to something else, read as going on', (v) => no(v.start) * turns(v)],
  ['an enumeration', evidence(['quote: enumeration'])],
  ['short', evidence(['quote: short'])],
  ['first or last of its run', (v) => (v.before && v.after ? 0 : 1)],
];

export const DOUBT_FEATURE_NAMES = DOUBT_FEATURES.map(([name]) => name);

/** The doubt features of each node of a chain, from the probabilities of its states (n × STATES). */
export function doubtFeatures(chain: Chain, probabilities: Float64Array): Float64Array[] {
  const at = (node: number) => {
    if (node < 0 || node >= chain.features.length) return undefined;
    const p = probabilities.subarray(node * STATES, node * STATES + STATES);
    return { quote: p[2]! + p[3]!, start: p[1]! + p[3]!, p };
  };
  return chain.features.map((features, node) => {
    const { quote, start, p } = at(node)!;
    const confidence = p[(quote > 0.5 ? 2 : 0) + (start > 0.5 ? 1 : 0)]!;
    const view: View = { quote, start, confidence, before: at(node - 1), after: at(node + 1), features };
    return Float64Array.from(DOUBT_FEATURES, ([, value]) => value(view));
  });
}

/** The probability that a reading with these doubt features is wrong. */
export function doubtOf(weights: ArrayLike<number>, features: Float64Array): number {
  let score = 0;
  for (let k = 0; k < features.length; k++) score += weights[k]! * features[k]!;
  return 1 / (1 + Math.exp(-score));
}

/** Reads a model stored by feature name (doubt-weights.json) into the order of the features. */
export function compileDoubt(model: { weights: Record<string, number>; flagFrom: number }): DoubtModel {
  return {
    weights: DOUBT_FEATURE_NAMES.map((name) => {
      const value = model.weights[name];
      if (value === undefined) throw new Error(`doubt-weights.json has no weight for "${name}": run npm run train`);
      return value;
    }),
    flagFrom: model.flagFrom,
  };
}

/** What a reading the author's marks decide (or one not explained) has for doubt. */
export const NOT_DOUBTED = { doubt: 0, doubtful: false };

/** Each node's doubt (rounded, for `npm run check`) and whether it is listed as doubtful, by the given model (default: the trained one). */
export function doubtsOf(chain: Chain, probabilities: Float64Array, model: DoubtModel = trainedDoubt()): { doubt: number; doubtful: boolean }[] {
  return doubtFeatures(chain, probabilities).map((features) => {
    const doubt = doubtOf(model.weights, features);
    return { doubt: Math.round(doubt * 100) / 100, doubtful: doubt >= model.flagFrom };
  });
}

let compiled: DoubtModel | undefined;
/** The trained model (read on first use, so that training can run while it is out of date). */
export function trainedDoubt(): DoubtModel {
  return (compiled ??= compileDoubt(stored));
}
