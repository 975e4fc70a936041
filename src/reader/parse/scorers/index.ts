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
  const words = new Vocabulary(evidence);
  const sourceKeys = sources.map((list) => list?.map((word) => ({ word: words.idOf(wordHash(word)), stem: words.idOf(stemHash(word)) })));
  const gaps = evidence.map((_, i) => (i === 0 ? 0 : words.similarity(i - WINDOW, i, i, i + WINDOW)));
  return evidence.map((e, i) => {
    const { terms, capitals, capitalStems, lastName, lastTerm } = words;
    let knownCount = 0;
    let firstKnown = false;
    for (let k = 0; k < capitals[i]!.length; k++) {
      const known = lastName[capitals[i]![k]!]! >= i - NAME_MEMORY || lastTerm[capitalStems[i]![k]!]! >= i - WINDOW;
      if (known) knownCount++;
      if (known && k < 2) firstKnown = true;
    }
    const source = sourceKeys[i];
    const known = i > 0 && source !== undefined && words.mentions(source, i - SOURCE_MEMORY);
    const echoesBefore = i > 0 && e.firstSentenceWords <= 8 && terms[i]!.subarray(0, e.firstSentenceTerms).some((id) => lastTerm[id] === i - 1);
    words.read(i);
    const context: Context = {
      e,
      p: evidence[i - 1],
      n: evidence[i + 1],
      cohesion: i === 0 ? 0 : words.similarity(i - WINDOW, i, i, i + 1),
      depth: i === 0 ? 0 : Math.min(1, depthAt(gaps, i)),
      namesKnown: e.capitals.length ? knownCount / e.capitals.length : 0,
      newName: e.opensWithName && !firstKnown,
      source: source ? (known ? 'known' : 'new') : 'none',
      leadInSource: sources[i - 1] !== undefined,
      // (Read after paragraph i: whether it names what the lead-in before it named.)
      mentionsLeadInSource: (i > 0 && words.mentions(sourceKeys[i - 1], i)) || (i > 1 && words.mentions(sourceKeys[i - 2], i)),
      runAfterLeadIn: runAfterLeadIn(evidence, sources, i),
      echoesBefore,
      inLetter: inLetter(evidence, i),
    };
    const pair = new Float64Array(PAIR_FEATURES.length);
    if (i > 0) PAIR_FEATURES.forEach(([, value], k) => (pair[k] = value(e, evidence[i - 1]!) ? 1 : 0));
    return { quote: vector(QUOTE_FEATURES, context), start: vector(START_FEATURES, context), pair };
  });
}

/**
 * The terms and capitalised words of a run of paragraphs as small numbers (one per hash), read
 * paragraph by paragraph: for each number, the last paragraph read that has it.
 * Note: numbers index arrays, so that the windows of cohesion and memory cost a look-up each, not a set's.
 */
class Vocabulary {
  readonly terms: Int32Array[];
  readonly capitals: Int32Array[];
  readonly capitalStems: Int32Array[];
  /** For each number, the last paragraph read whose capitals (terms) have it; far back for none. */
  readonly lastName: Int32Array;
  readonly lastTerm: Int32Array;
  private readonly ids: HashNumbers;
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  private stamp = 0;

  constructor(evidence: Evidence[]) {
    let count = 0;
    for (const e of evidence) count += e.terms.length + 2 * e.capitals.length;
    const ids = (this.ids = new HashNumbers(count));
    const numbers = (hashes: number[]) => {
      const numbered = new Int32Array(hashes.length);
      for (let k = 0; k < hashes.length; k++) numbered[k] = ids.add(hashes[k]!);
      return numbered;
    };
    this.terms = evidence.map((e) => numbers(e.terms));
    this.capitals = evidence.map((e) => numbers(e.capitals));
    this.capitalStems = evidence.map((e) => numbers(e.capitalStems));
    const size = ids.size + 1;
    this.lastName = new Int32Array(size).fill(FAR_BACK);
    this.lastTerm = new Int32Array(size).fill(FAR_BACK);
    this.left = new Int32Array(size);
    this.right = new Int32Array(size);
  }

  /** The number of a hash; one no paragraph has gets the last, which none has. */
  idOf(hash: number): number {
    return this.ids.find(hash) ?? this.ids.size;
  }

  /** Reads paragraph i: its words are now the last seen. */
  read(i: number): void {
    for (const id of this.capitals[i]!) this.lastName[id] = i;
    for (const id of this.terms[i]!) this.lastTerm[id] = i;
  }

  /** Whether a paragraph from `from` on, of those read, names one of the source's words (the word itself or its stem). */
  mentions(source: { word: number; stem: number }[] | undefined, from: number): boolean {
    return source !== undefined && source.some(({ word, stem }) => this.lastName[word]! >= from || this.lastTerm[stem]! >= from);
  }

  /**
   * Cosine similarity of the terms of paragraphs a..b-1 and those of c..d-1, each a set (a term
   * counts once however many of the paragraphs have it).
   */
  similarity(a: number, b: number, c: number, d: number): number {
    a = Math.max(0, a);
    d = Math.min(this.terms.length, d);
    const stamp = ++this.stamp;
    let left = 0;
    for (let j = a; j < b; j++) {
      for (const id of this.terms[j]!) {
        if (this.left[id] !== stamp) {
          this.left[id] = stamp;
          left++;
        }
      }
    }
    let right = 0;
    let shared = 0;
    for (let j = c; j < d; j++) {
      for (const id of this.terms[j]!) {
        if (this.right[id] === stamp) continue;
        this.right[id] = stamp;
        right++;
        if (this.left[id] === stamp) shared++;
      }
    }
    return left === 0 || right === 0 ? 0 : shared / Math.sqrt(left * right);
  }
}

/**
 * Numbers 0, 1, 2 … for 32-bit hashes, in the order first added: a table with open addressing.
 * Note: a Map would box every hash above 2^30 into a heap number; this keeps them in typed arrays.
 */
class HashNumbers {
  size = 0;
  private readonly keys: Uint32Array;
  private readonly values: Int32Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.keys = new Uint32Array(slots);
    this.values = new Int32Array(slots).fill(-1);
    this.mask = slots - 1;
  }

  /** The number of a hash, given it now if it has none yet. */
  add(hash: number): number {
    const slot = this.slotOf(hash);
    if (this.values[slot]! < 0) {
      this.keys[slot] = hash;
      this.values[slot] = this.size++;
    }
    return this.values[slot]!;
  }

  find(hash: number): number | undefined {
    const value = this.values[this.slotOf(hash)]!;
    return value < 0 ? undefined : value;
  }

  private slotOf(hash: number): number {
    let slot = Math.imul(hash, 0x9e3779b1) & this.mask;
    while (this.values[slot]! >= 0 && this.keys[slot] !== hash) slot = (slot + 1) & this.mask;
    return slot;
  }
}

/** Further back than any memory reaches: a word no paragraph read has. */
const FAR_BACK = -1_000_000;

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
