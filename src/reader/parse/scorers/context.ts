// The one helper every scorer reads through: a paragraph's evidence with its neighbours' and
// what follows from them — the traits of a lead-in (handing over, or the author's own), the
// language, the voice — and the paragraph's place among the paragraphs before it (cohesion).

import type { Evidence } from '../evidence/index.js';

/** A paragraph as the scorers see it: its evidence, its neighbours', and its place among the paragraphs before it. */
export type Context = {
  e: Evidence;
  /** The paragraph before and after, where there is one. */
  p: Evidence | undefined;
  n: Evidence | undefined;
  /** Vocabulary shared with the two paragraphs before (cosine of their term sets, 0 to 1). */
  cohesion: number;
  /** TextTiling's depth of the gap before the paragraph (0 to 1). */
  depth: number;
  /** Share of the paragraph's capitalised words that the paragraphs just before have too. */
  namesKnown: number;
  /** The paragraph opens with a name none of the paragraphs just before has. */
  newName: boolean;
  /** The paragraph names a source (a person or outlet in a position only a source takes). */
  source: 'none' | 'new' | 'known';
  /** The paragraph before (or the one before it) names a source. */
  leadInSource: boolean;
  /** The paragraph mentions the source named by one of the two paragraphs before. */
  mentionsLeadInSource: boolean;
  /** How far back (1–4) a lead-in handed over, with only paragraphs in no voice of the author's since; 0 if none. */
  runAfterLeadIn: number;
  /** A short first sentence that picks up a word of the paragraph before (`48 Stunden. Das ist …`): the author answering what he quoted. */
  echoesBefore: boolean;
  /** A letter's salutation came in the paragraphs just before, and no sign-off since. */
  inLetter: boolean;
};
/** A feature of a scorer: its name (the key of its weight in weights.json) and its value for a paragraph. */
export type Feature = readonly [name: string, value: (c: Context) => number | boolean];

export const english = (e: Evidence | undefined) => e !== undefined && e.en >= 2 && languageShare(e) > 0.2;
export const quoteLike = (e: Evidence | undefined) => e !== undefined && (english(e) || e.wrapped || e.elisions > 0);
export const ownVoice = (e: Evidence) => e.firstSingular > 0 || e.address > 0 || e.colloquial > 0;
export const endsColon = (e: Evidence | undefined) => e?.lastChar === ':';
/**
 * A `:` lead-in in the author's own voice that names no one, after which he usually goes on
 * himself; one that names someone (`Das erinnert mich an einen Satz, den Donna Haraway … hat:`)
 * hands over.
 */
export const ownLeadIn = (e: Evidence | undefined) =>
  endsColon(e) && !e!.quotesHimself && e!.nameRuns === 0 && (e!.announcesOwnText || e!.firstSingularEarly || e!.firstPlural > 0 || e!.address > 0 || e!.colloquial > 0);
/** A `:` lead-in that hands over to someone else's words. */
export const handsOver = (e: Evidence | undefined) => endsColon(e) && !ownLeadIn(e);
/** A paragraph that introduces a source and what it published or said. */
export const introduces = (e: Evidence | undefined) => e !== undefined && (e.nameRuns > 0 || e.media > 0) && (e.reporting > 0 || e.media > 0) && !ownVoice(e);

/**
 * `ich`, `wir` or `Sie` right after a lead-in that hands over to someone else: the source's own
 * voice (an interview, a letter, a first-person essay), not the author's.
 */
export const voiceOfSource = (e: Evidence, p: Evidence | undefined, leadInSource: boolean) =>
  (e.firstSingular > 0 || e.firstPlural > 0 || e.address > 0) &&
  p !== undefined &&
  !p.quotesHimself &&
  !p.announcesOwnText &&
  p.firstSingular === 0 &&
  (handsOver(p) || ((introduces(p) || leadInSource) && p.reporting > 0 && p.nameRuns > 0));

/** A paragraph of one or two sentences in the author's language, not a question: how a quote is announced. */
export const shortLeadIn = (e: Evidence | undefined) => e !== undefined && e.sentences <= 2 && e.chars < 260 && !quoteLike(e) && e.lastChar !== '?';

/** From -1 (German) to 1 (English): the balance of the two languages' function words. */
export function languageShare(e: Evidence): number {
  return (e.en - e.de - (e.umlaut ? 1 : 0)) / (e.en + e.de + 1);
}

/** A paragraph in German showing nothing of the author's voice (and no lead-in). */
export const neutralGerman = (e: Evidence) => !english(e) && !ownVoice(e) && e.firstPlural === 0 && !endsColon(e) && e.chars >= 80;

/** The values of a scorer's features for one paragraph. */
export function vector(features: readonly Feature[], context: Context): Float64Array {
  const values = new Float64Array(features.length);
  for (let k = 0; k < features.length; k++) {
    const value = features[k]![1](context);
    // Note: a feature is a number from 0 to 1; an empty paragraph must not make it NaN.
    values[k] = typeof value === 'boolean' ? (value ? 1 : 0) : Number.isFinite(value) ? value : 0;
  }
  return values;
}
