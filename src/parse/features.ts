// The features the classifier weighs: for each paragraph, the evidence of the paragraph itself
// and of its neighbours (a `:` lead-in before it, a quote after it), and how much its vocabulary
// and names hold on to the paragraphs before it (lexical cohesion, after Hearst's TextTiling).
// Two vectors per paragraph: one for "is a quote", one for "starts a section". Every feature is a
// number from 0 to 1; the weights are learned (scripts/train.ts), none is set by hand.

import { type Evidence, stemHash, wordHash } from './evidence.js';

type Context = {
  e: Evidence;
  p: Evidence | undefined;
  n: Evidence | undefined;
  cohesion: number;
  depth: number;
  namesKnown: number;
  newName: boolean;
  /** The paragraph names a source (a person or outlet in a position only a source takes). */
  source: 'none' | 'new' | 'known';
  /** The paragraph before (or the one before it) names a source. */
  leadInSource: boolean;
  /** The paragraph mentions the source named by one of the two paragraphs before. */
  mentionsLeadInSource: boolean;
  /** How far back (1–4) a lead-in handed over, with only paragraphs in no voice of the author's since; 0 if none. */
  runAfterLeadIn: number;
};
type Feature = readonly [name: string, value: (c: Context) => number | boolean];

const english = (e: Evidence | undefined) => e !== undefined && e.en >= 2 && languageShare(e) > 0.2;
const quoteLike = (e: Evidence | undefined) => e !== undefined && (english(e) || e.wrapped || e.elisions > 0);
const ownVoice = (e: Evidence) => e.firstSingular > 0 || e.address > 0 || e.colloquial > 0;
const endsColon = (e: Evidence | undefined) => e?.lastChar === ':';
/** A `:` lead-in in the author's own voice, after which he usually goes on himself. */
const ownLeadIn = (e: Evidence | undefined) =>
  endsColon(e) && !e!.quotesHimself && (e!.announcesOwnText || e!.firstSingularEarly || e!.firstPlural > 0 || e!.address > 0 || e!.colloquial > 0);
/** A `:` lead-in that hands over to someone else's words. */
const handsOver = (e: Evidence | undefined) => endsColon(e) && !ownLeadIn(e);
/** A paragraph that introduces a source and what it published or said. */
const introduces = (e: Evidence | undefined) => e !== undefined && (e.nameRuns > 0 || e.media > 0) && (e.reporting > 0 || e.media > 0) && !ownVoice(e);

/**
 * `ich`, `wir` or `Sie` right after a lead-in that hands over to someone else: the source's own
 * voice (an interview, a letter, a first-person essay), not the author's.
 */
const voiceOfSource = (e: Evidence, p: Evidence | undefined, leadInSource: boolean) =>
  (e.firstSingular > 0 || e.firstPlural > 0 || e.address > 0) && p !== undefined && !p.quotesHimself && !p.announcesOwnText &&
  p.firstSingular === 0 && (handsOver(p) || ((introduces(p) || leadInSource) && p.reporting > 0 && p.nameRuns > 0));

/** A paragraph of one or two sentences in the author's language, not a question: how a quote is announced. */
const shortLeadIn = (e: Evidence | undefined) => e !== undefined && e.sentences <= 2 && e.chars < 260 && !quoteLike(e) && e.lastChar !== '?';

/** From -1 (German) to 1 (English): the balance of the two languages' function words. */
function languageShare(e: Evidence): number {
  return (e.en - e.de - (e.umlaut ? 1 : 0)) / (e.en + e.de + 1);
}

/** Evidence that a paragraph is quoted rather than the author's own. */
export const QUOTE_FEATURES: readonly Feature[] = [
  ['bias', () => 1],
  ['English', ({ e }) => english(e)],
  ['English share', ({ e }) => Math.max(0, languageShare(e))],
  ['wrapped in quotation marks', ({ e }) => e.wrapped],
  ['opens with a quotation mark', ({ e }) => e.opensWithQuoteMark && !e.wrapped],
  ['share in quotation marks', ({ e }) => e.quotedShare],
  ['elision mark […]', ({ e }) => e.elisions > 0],
  ['elision mark […] in German', ({ e }) => e.elisions > 0 && !english(e)],
  ['in quotation marks, in German', ({ e }) => e.wrapped && !english(e)],
  ['only […]', ({ e }) => e.elisionOnly],
  ['ends with ":"', ({ e }) => endsColon(e)],
  ['ends with "?" or "!"', ({ e }) => e.lastChar === '?' || e.lastChar === '!'],
  ['first person', ({ e, p, leadInSource }) => e.firstSingular > 0 && !voiceOfSource(e, p, leadInSource)],
  ['opens in the first person', ({ e, p, leadInSource }) => e.firstSingularEarly && !voiceOfSource(e, p, leadInSource)],
  ['first person plural', ({ e, p, leadInSource }) => e.firstPlural > 0 && !voiceOfSource(e, p, leadInSource)],
  ['addresses the reader', ({ e, p, leadInSource }) => e.address > 0 && !voiceOfSource(e, p, leadInSource)],
  ['first or second person after a lead-in naming someone', ({ e, p, leadInSource }) => voiceOfSource(e, p, leadInSource)],
  ['colloquial', ({ e }) => e.colloquial > 0],
  ['formal address (Sie)', ({ e }) => e.formalAddress > 0],
  ['English words in German', ({ e }) => !english(e) && e.en >= 2],
  ['reported speech', ({ e }) => e.reported > 0],
  ['reporting verb', ({ e }) => e.reporting > 0],
  ['names a piece', ({ e }) => e.media > 0],
  ['refers back', ({ e }) => e.refersBack],
  ['starts in lower case', ({ e }) => e.startsLower],
  ['long sentences', ({ e }) => Math.min(1, Math.max(0, (e.words / Math.max(1, e.sentences) - 15) / 20))],
  ['passive voice', ({ e }) => (english(e) ? 0 : Math.min(1, e.passive / Math.max(1, e.sentences)))],
  ['long words', ({ e }) => Math.min(1, Math.max(0, (e.letters / Math.max(1, e.words) - 5.5) / 2))],
  ['short', ({ e }) => e.chars < 100],
  ['long', ({ e }) => e.chars > 400],
  ['letter or post line', ({ e }) => e.letterLine],
  ['no function words', ({ e }) => e.de + e.en === 0],
  ['opens with a name', ({ e }) => e.opensWithName],
  ['enumeration', ({ e }) => e.enumeration],
  ['after a ":" lead-in', ({ p }) => endsColon(p)],
  ['after a lead-in handing over', ({ p }) => handsOver(p)],
  ['after the author announces his own text', ({ p }) => ownLeadIn(p)],
  ['after the author quotes himself', ({ p }) => p?.quotesHimself === true],
  ['after a lead-in introducing a source', ({ p }) => introduces(p)],
  ['after English', ({ p }) => english(p)],
  ['before English', ({ n }) => english(n)],
  ['after a quote-like paragraph', ({ p }) => quoteLike(p)],
  ['before a quote-like paragraph', ({ n }) => quoteLike(n)],
  ['between quote-like paragraphs', ({ p, n }) => quoteLike(p) && quoteLike(n)],
  ['a lead-in after a quote-like paragraph', ({ e, p }) => endsColon(e) && quoteLike(p)],
  ['after a lead-in naming a source', ({ leadInSource }) => leadInSource],
  ['goes on after what a lead-in handed over', ({ runAfterLeadIn }) => runAfterLeadIn >= 2],
  ['after a short lead-in', ({ p }) => shortLeadIn(p)],
  ['after a short lead-in naming someone', ({ p, leadInSource }) => shortLeadIn(p) && !ownVoice(p!) && (leadInSource || p!.nameRuns > 0 || p!.media > 0 || endsColon(p))],
  ['mentions the source of the lead-in', ({ mentionsLeadInSource }) => mentionsLeadInSource],
  ['names a source itself', ({ source }) => source !== 'none'],
];

/** Evidence that a paragraph opens a new topical section. */
export const START_FEATURES: readonly Feature[] = [
  ['bias', () => 1],
  ['opens with a name', ({ e }) => e.opensWithName],
  ['opens with a new name', ({ newName }) => newName],
  ['introduces a new source', ({ source }) => source === 'new'],
  ['names a source already discussed', ({ source }) => source === 'known'],
  ['mentions the source of the lead-in', ({ mentionsLeadInSource }) => mentionsLeadInSource],
  ['names someone', ({ e }) => e.nameRuns > 0],
  ['names known from before', ({ namesKnown }) => namesKnown],
  ['vocabulary shared with before', ({ cohesion }) => cohesion],
  ['vocabulary shift (TextTiling depth)', ({ depth }) => depth],
  ['names a piece', ({ e }) => e.media > 0],
  ['recommends', ({ e }) => e.recommends],
  ['reporting verb', ({ e }) => e.reporting > 0],
  ['ends with ":"', ({ e }) => endsColon(e)],
  ['refers back', ({ e }) => e.refersBack],
  ['points back', ({ e }) => e.pointsBack],
  ['follows on', ({ e }) => e.followsOn],
  ['a related item', ({ e }) => e.relatedItem],
  ['points at a link', ({ e }) => e.pointsAtLink],
  ['turns to another item', ({ e }) => e.turnsToNext],
  ['opens with someone doing something', ({ e }) => e.opensWithActor],
  ['short first sentence', ({ e }) => e.firstSentenceWords <= 4 && e.sentences > 1],
  ['opens in the first person', ({ e }) => e.firstSingularEarly],
  ['first person plural', ({ e }) => e.firstPlural > 0],
  ['a question', ({ e }) => e.lastChar === '?'],
  ['answers a ":" lead-in', ({ p }) => endsColon(p)],
  ['before a quote-like paragraph', ({ n }) => quoteLike(n)],
  ['starts in lower case', ({ e }) => e.startsLower],
  ['long', ({ e }) => e.chars > 400],
  ['figures', ({ e }) => e.digits >= 2],
  ['English', ({ e }) => english(e)],
  ['wrapped in quotation marks', ({ e }) => e.wrapped],
];

/** A paragraph in German showing nothing of the author's voice (and no lead-in). */
const neutralGerman = (e: Evidence) => !english(e) && !ownVoice(e) && e.firstPlural === 0 && !endsColon(e) && e.chars >= 80;

/**
 * Evidence about a paragraph and the one before it, weighed for each combination of their kinds
 * (commentary or quote): whether the two are likely one voice.
 */
export const PAIR_FEATURES: readonly (readonly [name: string, value: (e: Evidence, p: Evidence) => boolean])[] = [
  ['both German, neither in the author’s voice', (e, p) => neutralGerman(e) && neutralGerman(p)],
  ['both English', (e, p) => english(e) && english(p)],
  ['the language changes', (e, p) => english(e) !== english(p)],
];

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

/** How many paragraphs back (up to 4) a lead-in handed over, with nothing in the author's voice since. */
function runAfterLeadIn(evidence: Evidence[], sources: (string[] | undefined)[], i: number): number {
  for (let k = 1; k <= 4 && i - k >= 0; k++) {
    const before = evidence[i - k]!;
    if (handsOver(before) || (introduces(before) && sources[i - k] !== undefined)) return k;
    if (ownVoice(before) || endsColon(before) || before.lastChar === '?' || english(before)) return 0;
  }
  return 0;
}

function vector(features: readonly Feature[], context: Context): Float64Array {
  const values = new Float64Array(features.length);
  for (let k = 0; k < features.length; k++) {
    const value = features[k]![1](context);
    // Note: a feature is a number from 0 to 1; an empty paragraph must not make it NaN.
    values[k] = typeof value === 'boolean' ? (value ? 1 : 0) : Number.isFinite(value) ? value : 0;
  }
  return values;
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
