// Evidence read off one paragraph in a single pass over its words (tokens.ts): language, whose
// voice it is in, how it opens and ends, quotation marks, names. The classifier weighs these with
// learned weights (see ../classify.ts and ../weights.json); nothing here decides anything by itself.
// Note: every trait is a general feature of German prose or of the newsletter's form, never a
// word taken from one issue, so that the weights learned on the labelled issues carry over.

import { CLASS, OPENING } from '../characters.js';
import { tokensOf, type Tokens } from '../tokens.js';
import {
  ANNOUNCES_OWN,
  ENUMERATION,
  FOLLOWS_ON,
  isWrappedInQuotes,
  LETTER_CLOSING,
  LETTER_OPENING,
  OPENS_WITH_ACTOR,
  POINTS_AT_LINK,
  POINTS_BACK,
  POINTS_BACK_WORD,
  QUOTES_HIMSELF,
  REFERS_BACK,
  RELATED_ITEM,
  RELATED_ITEM_WORD,
  SALUTATION,
  SAYS_WHEN,
  TURNS_TO_NEXT,
} from './patterns.js';
import { Quotes } from './quotes.js';
import { emptyEvidence, type Evidence } from './traits.js';
import { WordCounter } from './words.js';

export { isWrappedInQuotes } from './patterns.js';
export type { Evidence } from './traits.js';
export { stemHash, wordHash } from '../characters.js';
export { languageOf } from './words.js';

/** Reads the evidence of one paragraph. */
export function readEvidence(text: string): Evidence {
  const tokens = tokensOf(text);
  const evidence = emptyEvidence(text.length);
  const quotedChars = readWords(tokens, evidence);
  if (evidence.sentences === 0 && evidence.words > 0) evidence.sentences = 1;
  evidence.umlaut = tokens.words.some((word) => word.umlaut);
  evidence.quotedShare = text.length ? Math.min(1, quotedChars / text.length) : 0;
  readForm(text, evidence);
  return evidence;
}

/**
 * Counts the paragraph's words, as the evidence reads them: what stands between whitespace or a
 * slash (`and/or` is two), without the punctuation around it (`„Hype“,` is `Hype`).
 * @returns how many characters stand inside quotation marks
 */
function readWords(tokens: Tokens, evidence: Evidence): number {
  const { text, chunkFrom, chunkTo, chunkWord, marks } = tokens;
  const quotes = new Quotes(text, marks);
  const counter = new WordCounter(tokens, evidence);
  let mark = 0;
  for (let chunk = 0; chunk < chunkFrom.length; chunk++) {
    const start = chunkFrom[chunk]!;
    const end = chunkTo[chunk]!;
    const words = chunk + 1 < chunkWord.length ? chunkWord[chunk + 1]! : tokens.words.length;
    while (mark < marks.length && marks[mark]! < start) mark++;
    const quoted = quotes.quotedAt(start) && !(CLASS[text.charCodeAt(start)]! & OPENING);
    // Note: most chunks hold no mark at all, and are one word of the evidence as they are.
    if (mark === marks.length || marks[mark]! >= end) counter.read(end, chunkWord[chunk]!, words, quoted);
    else readMarkedChunk(counter, quotes, start, end, chunkWord[chunk]!, words, quoted);
  }
  return quotes.finish();
}

/** A chunk with a quotation mark, a bracket or a slash in it: its words between slashes, an elision `[…]` counted. */
function readMarkedChunk(counter: WordCounter, quotes: Quotes, chunkStart: number, end: number, firstWord: number, words: number, chunkQuoted: boolean): void {
  const { text, from } = counter.tokens;
  let word = firstWord;
  for (let start = chunkStart; start < end;) {
    let pieceEnd = start;
    while (pieceEnd < end && text.charCodeAt(pieceEnd) !== 47) pieceEnd++;
    if (pieceEnd > start) {
      const quoted = start === chunkStart ? chunkQuoted : quotes.quotedAt(start) && !(CLASS[text.charCodeAt(start)]! & OPENING);
      if (quotes.bracketIn(start, pieceEnd) && /\[(?:…|\.\.\.)\]/.test(text.slice(start, pieceEnd))) counter.evidence.elisions++;
      let last = word;
      while (last < words && from[last]! < pieceEnd) last++;
      counter.read(pieceEnd, word, last, quoted);
      word = last;
    }
    start = pieceEnd + 1;
  }
}

/** What the paragraph shows as a whole: how it opens and ends, its lead-in, a letter's lines. */
function readForm(text: string, evidence: Evidence): void {
  const trimmed = text.trimEnd();
  evidence.lastChar = trimmed[trimmed.length - 1] ?? '';
  evidence.opensWithQuoteMark = text.length > 0 && (CLASS[text.charCodeAt(0)]! & OPENING) !== 0;
  evidence.wrapped = isWrappedInQuotes(text);
  evidence.elisionOnly = evidence.words === 0 && evidence.elisions > 0 && /^\s*\[(?:…|\.\.\.)\]\s*$/.test(text);
  const firstSentence = text.slice(0, 200);
  evidence.refersBack = REFERS_BACK.test(firstSentence);
  evidence.pointsBack = POINTS_BACK_WORD.test(firstSentence) && POINTS_BACK.test(firstSentence);
  evidence.followsOn = FOLLOWS_ON.test(firstSentence);
  evidence.relatedItem = RELATED_ITEM_WORD.test(firstSentence) && RELATED_ITEM.test(firstSentence);
  evidence.pointsAtLink = POINTS_AT_LINK.test(firstSentence);
  evidence.turnsToNext = TURNS_TO_NEXT.test(firstSentence) || /\bübrigens\b/.test(firstSentence.slice(0, 80));
  evidence.opensWithActor = OPENS_WITH_ACTOR.test(firstSentence);
  evidence.enumeration = ENUMERATION.test(firstSentence);
  evidence.saysWhen = SAYS_WHEN.test(firstSentence.slice(0, 120));
  if (evidence.lastChar === ':') {
    const ending = text.slice(-400);
    evidence.quotesHimself = QUOTES_HIMSELF.test(ending);
    evidence.announcesOwnText = !evidence.quotesHimself && ANNOUNCES_OWN.test(ending);
  }
  evidence.salutation = SALUTATION.test(firstSentence);
  if (trimmed.length <= 120) evidence.letterLine = LETTER_OPENING.test(trimmed) || LETTER_CLOSING.test(trimmed) || (evidence.handles > 0 && evidence.words <= 4);
}
