// The scorers' features for a run of paragraphs: one vector per paragraph for each scorer —
// quote (quote.ts), section start (section-start.ts), pair with the paragraph before (pair.ts) —
// all read through one context (context.ts). Every feature is a number from 0 to 1; the weights
// are learned (scripts/train.ts), none is set by hand.
// Note: cohesion is Hearst's TextTiling: the similarity of the vocabulary before and after each
// gap, and the depth of the valley there.

import { type Evidence, stemHash, wordHash } from '../evidence/index.js';
import { type Context, endsColon, english, handsOver, introduces, ownVoice, vector } from './context.js';
import { PAIR_FEATURES } from './pair.js';
import { QUOTE_FEATURES } from './quote.js';
import { START_FEATURES } from './section-start.js';

export { PAIR_FEATURES } from './pair.js';
export { QUOTE_FEATURES } from './quote.js';
export { START_FEATURES } from './section-start.js';

export const QUOTE_FEATURE_NAMES = QUOTE_FEATURES.map(([name]) => name);
export const START_FEATURE_NAMES = START_FEATURES.map(([name]) => name);
export const PAIR_FEATURE_NAMES = PAIR_FEATURES.map(([name]) => name);

export interface NodeFeatures {
  quote: Float64Array;
  start: Float64Array;
  /** Pair features of this paragraph and the one before (zeros for the first). */
  pair: Float64Array;
}

/** How many paragraphs before a gap (and after it) are compared for cohesion. */
const WINDOW = 2;
/** How many paragraphs back a name counts as known. */
const NAME_MEMORY = 3;
/** How many paragraphs back a source counts as already discussed. */
const SOURCE_MEMORY = 6;

/**
 * The feature vectors of a run of paragraphs.
 * @param evidence each paragraph's evidence
 * @param sources the words of the source each paragraph names (surname, outlet), if it names one
 */
export function featuresOf(evidence: Evidence[], sources: (string[] | undefined)[]): NodeFeatures[] {
  const terms = evidence.map((e) => new Set(e.terms));
  const names = evidence.map((e) => new Set(e.capitals));
  const sourceKeys = sources.map((words) => words?.map((word) => ({ word: wordHash(word), stem: stemHash(word) })));
  /** Whether paragraph j mentions one of the source's words (the word itself or its stem). */
  const mentions = (j: number, source: { word: number; stem: number }[] | undefined) =>
    source !== undefined && source.some(({ word, stem }) => names[j]!.has(word) || terms[j]!.has(stem));
  const gaps = evidence.map((_, i) => (i === 0 ? 0 : windowSimilarity(terms, i - WINDOW, i, i, i + WINDOW)));
  return evidence.map((e, i) => {
    let knownCount = 0;
    let firstKnown = false;
    for (let k = 0; k < e.capitals.length; k++) {
      const known = inWindow(names, i - NAME_MEMORY, i, e.capitals[k]!) || inWindow(terms, i - WINDOW, i, e.capitalStems[k]!);
      if (known) knownCount++;
      if (known && k < 2) firstKnown = true;
    }
    const source = sourceKeys[i];
    let known = false;
    for (let j = Math.max(0, i - SOURCE_MEMORY); j < i && source; j++) known ||= mentions(j, source);
    const context: Context = {
      e,
      p: evidence[i - 1],
      n: evidence[i + 1],
      cohesion: i === 0 ? 0 : windowSimilarity(terms, i - WINDOW, i, i, i + 1),
      depth: i === 0 ? 0 : Math.min(1, depthAt(gaps, i)),
      namesKnown: e.capitals.length ? knownCount / e.capitals.length : 0,
      newName: e.opensWithName && !firstKnown,
      source: source ? (known ? 'known' : 'new') : 'none',
      leadInSource: sources[i - 1] !== undefined,
      mentionsLeadInSource: (i > 0 && mentions(i, sourceKeys[i - 1])) || (i > 1 && mentions(i, sourceKeys[i - 2])),
      runAfterLeadIn: runAfterLeadIn(evidence, sources, i),
      echoesBefore: i > 0 && e.firstSentenceWords <= 8 && echoes(e, terms[i - 1]!),
      inLetter: inLetter(evidence, i),
    };
    const pair = new Float64Array(PAIR_FEATURES.length);
    if (i > 0) PAIR_FEATURES.forEach(([, value], k) => (pair[k] = value(e, evidence[i - 1]!) ? 1 : 0));
    return { quote: vector(QUOTE_FEATURES, context), start: vector(START_FEATURES, context), pair };
  });
}


/** Whether one of the sets from..to-1 holds the item. */
function inWindow(sets: Set<number>[], from: number, to: number, item: number): boolean {
  for (let j = Math.max(0, from); j < to; j++) if (sets[j]!.has(item)) return true;
  return false;
}

/**
 * Cosine similarity of the union of the sets a..b-1 and the union of c..d-1, counted without
 * building either union (an item counts once where two sets of a window share it).
 */
function windowSimilarity(sets: Set<number>[], a: number, b: number, c: number, d: number): number {
  a = Math.max(0, a);
  d = Math.min(sets.length, d);
  let shared = 0;
  let right = 0;
  for (let j = c; j < d; j++) {
    for (const item of sets[j]!) {
      if (inWindow(sets, c, j, item)) continue; // counted with an earlier set of the window
      right++;
      if (inWindow(sets, a, b, item)) shared++;
    }
  }
  let left = 0;
  for (let j = a; j < b; j++) for (const item of sets[j]!) if (!inWindow(sets, a, j, item)) left++;
  return left === 0 || right === 0 ? 0 : shared / Math.sqrt(left * right);
}


/** Whether a term of the paragraph's first sentence is among the given terms. */
function echoes(e: Evidence, before: Set<number>): boolean {
  for (let k = 0; k < e.firstSentenceTerms; k++) if (before.has(e.terms[k]!)) return true;
  return false;
}

/** Whether a letter's salutation came in the four paragraphs before, and no sign-off since. */
function inLetter(evidence: Evidence[], i: number): boolean {
  for (let k = 1; k <= 4 && i - k >= 0; k++) {
    const before = evidence[i - k]!;
    if (before.salutation) return true;
    if (before.letterLine) return false;
  }
  return false;
}

/** How many paragraphs back (up to 4) a lead-in handed over, with nothing in the author's voice since. */
function runAfterLeadIn(evidence: Evidence[], sources: (string[] | undefined)[], i: number): number {
  for (let k = 1; k <= 4 && i - k >= 0; k++) {
    const before = evidence[i - k]!;
    if (handsOver(before) || (introduces(before) && sources[i - k] !== undefined)) return k;
    if (ownVoice(before) || endsColon(before) || before.lastChar === '?' || english(before)) return 0;
  }
  return 0;
}


/**
 * Hearst's depth score at a gap: how far the similarity across it lies below the peaks on either
 * side. A deep valley is a shift of vocabulary, i.e. of topic.
 */
function depthAt(gaps: number[], i: number): number {
  const value = gaps[i]!;
  // Note: the climb to each peak goes at most DEPTH_REACH gaps, so that a long run of equal gaps
  // (thousands of identical list items) takes linear, not quadratic, time.
  let left = value;
  for (let j = i - 1; j >= Math.max(1, i - DEPTH_REACH) && gaps[j]! >= left; j--) left = gaps[j]!;
  let right = value;
  for (let j = i + 1; j < Math.min(gaps.length, i + 1 + DEPTH_REACH) && gaps[j]! >= right; j++) right = gaps[j]!;
  return left - value + (right - value);
}

/** How far the depth score looks for the peaks on either side of a gap. */
const DEPTH_REACH = 12;
