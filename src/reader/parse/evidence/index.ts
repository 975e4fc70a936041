// Evidence read off one paragraph in a single pass over its words (tokens.ts): language, whose
// voice it is in, how it opens and ends, quotation marks, names. The classifier weighs these with
// learned weights (see ../classify.ts and ../weights.json); nothing here decides anything by itself.
// Note: every trait is a general feature of German prose or of the newsletter's form, never a
// word taken from one issue, so that the weights learned on the labelled issues carry over.

import { CLASS, DIGIT, LETTER, OPENING, QUOTE_MARK } from '../characters.js';
import { tokensOf, type Tokens } from '../tokens.js';
import { ANNOUNCES_OWN, ENUMERATION, FOLLOWS_ON, isWrappedInQuotes, LETTER_CLOSING, LETTER_OPENING, OPENS_WITH_ACTOR, POINTS_AT_LINK, POINTS_BACK, QUOTES_HIMSELF, REFERS_BACK, RELATED_ITEM, SALUTATION, SAYS_WHEN, TURNS_TO_NEXT } from './patterns.js';
import { Quotes } from './quotes.js';
import { emptyEvidence, type Evidence } from './traits.js';
import { coreWord, countWord, type WordReading } from './words.js';

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
  const { text, chunkFrom, chunkTo, marks } = tokens;
  const quotes = new Quotes(text, marks);
  const reading: WordReading = { sentenceStart: true, nameRun: 0, wordIndex: 0, previousHash: 0, previousIsCapitalI: false };
  let word = 0;
  let mark = 0;
  for (let chunk = 0; chunk < chunkFrom.length; chunk++) {
    const end = chunkTo[chunk]!;
    for (let start = chunkFrom[chunk]!; start < end; ) {
      // A slash splits the chunk: its marks say where.
      while (mark < marks.length && marks[mark]! < start) mark++;
      let pieceEnd = end;
      for (let m = mark; m < marks.length && marks[m]! < end; m++) {
        if (text.charCodeAt(marks[m]!) === 47) {
          pieceEnd = marks[m]!;
          break;
        }
      }
      if (pieceEnd > start) {
        const quoted = quotes.quotedAt(start) && !(CLASS[text.charCodeAt(start)]! & OPENING);
        if (quotes.bracketIn(start, pieceEnd) && /\[(?:…|\.\.\.)\]/.test(text.slice(start, pieceEnd))) evidence.elisions++;
        while (word < tokens.words.length && tokens.to[word]! <= start) word++;
        let last = word;
        while (last < tokens.words.length && tokens.from[last]! < pieceEnd) last++;
        if (last > word) readWord(tokens, evidence, reading, { from: tokens.from[word]!, to: tokens.to[last - 1]!, end: pieceEnd, word, words: last - word, quoted });
        word = last;
      }
      start = pieceEnd + 1;
    }
  }
  return quotes.finish();
}

/** One word of the evidence: its letters from `from` to `to` (trimmed of what is no letter or digit), before `end`, made of `words` of the tokens. */
function readWord(tokens: Tokens, evidence: Evidence, reading: WordReading, at: { from: number; to: number; end: number; word: number; words: number; quoted: boolean }): void {
  const { text } = tokens;
  let { from, to } = at;
  while (from < to && !(CLASS[text.charCodeAt(from)]! & (LETTER | DIGIT))) from++;
  while (to > from && !(CLASS[text.charCodeAt(to - 1)]! & (LETTER | DIGIT))) to--;
  // (Digits of other scripts alone, `²`, are no word of the evidence.)
  if (to === from) return;
  const opensSentence = reading.sentenceStart;
  // A sentence ends at . ! ? : … after the word (quotation marks may follow), unless the word is an initial or abbreviation.
  let ends = false;
  for (let i = at.end - 1; i >= to; i--) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026) {
      ends = true;
      break;
    }
    if (!(CLASS[c]! & QUOTE_MARK)) break;
  }
  // Note: a word of the tokens as it is needs no look-up; `z.B` or `5.000` (several) is read off its characters.
  const single = at.words === 1 && from === tokens.from[at.word] && to === tokens.to[at.word] ? tokens.words[at.word]! : undefined;
  countWord(text, evidence, reading, coreWord(text, from, to, single), { from, to, opensSentence, ends, quoted: at.quoted });
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
  evidence.pointsBack = POINTS_BACK.test(firstSentence);
  evidence.followsOn = FOLLOWS_ON.test(firstSentence);
  evidence.relatedItem = RELATED_ITEM.test(firstSentence);
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
