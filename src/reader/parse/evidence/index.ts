// Evidence read off one paragraph in a single scan of its words: language, whose voice it is in,
// how it opens and ends, quotation marks, names. The classifier weighs these with learned
// weights (see ../classify.ts and ../weights.json); nothing here decides anything by itself.
// Note: every trait is a general feature of German prose or of the newsletter's form, never a
// word taken from one issue, so that the weights learned on the labelled issues carry over.

import { CLASS, CLOSING_OF, DIGIT, FNV_OFFSET, FNV_PRIME, LETTER, LOWER, lowerCode, OPENING, OPENS_BEFORE, QUOTE_MARK, SPACE, STEM, UMLAUT, UPPER } from './characters.js';
import { ANNOUNCES_OWN, ENUMERATION, FOLLOWS_ON, isWrappedInQuotes, LETTER_CLOSING, LETTER_OPENING, OPENS_WITH_ACTOR, POINTS_AT_LINK, POINTS_BACK, QUOTES_HIMSELF, REFERS_BACK, RELATED_ITEM, SALUTATION, SAYS_WHEN, TURNS_TO_NEXT } from './patterns.js';
import { emptyEvidence, type Evidence } from './traits.js';
import {
  endsWithIere,
  ES,
  HEISST,
  ICH,
  DIR,
  IS_ADDRESS,
  IS_COLLOQUIAL,
  IS_ENGLISH,
  IS_FIRST_PLURAL,
  IS_FIRST_SINGULAR,
  IS_FORMAL,
  IS_GERMAN,
  IS_MEDIA,
  IS_OPENER,
  IS_PASSIVE,
  IS_REPORTING,
  IS_SUBJUNCTIVE,
  JA,
  LONGEST_LISTED,
  RECOMMENDING,
  RECOMMENDING_FIRST,
  RECOMMENDING_LENGTHS,
  WORDS,
} from './words.js';

export { isWrappedInQuotes } from './patterns.js';
export type { Evidence } from './traits.js';
export { stemHash, wordHash } from './characters.js';
export { ENGLISH, GERMAN, languageOf } from './words.js';

/** Reads the evidence of one paragraph. */
export function readEvidence(text: string): Evidence {
  const evidence = emptyEvidence(text.length);
  let quoteClose = 0; // the closing mark awaited while inside a quotation
  let quotedChars = 0;
  let sentenceStart = true; // the next word opens a sentence
  let nameRun = 0;
  let wordIndex = 0;
  let previousHash = 0;
  let previousIsCapitalI = false;
  let start = -1;
  let wordQuoted = false;
  let bracket = false;

  // Note: one scan over character codes, words handled as they end; no regular expression and
  // few strings per word, because every paragraph of every issue passes through here.
  const endWord = (end: number) => {
    const tokenStart = start;
    let from = start;
    let to = end;
    start = -1;
    while (from < to && !(CLASS[text.charCodeAt(from)]! & (LETTER | DIGIT))) from++;
    while (to > from && !(CLASS[text.charCodeAt(to - 1)]! & (LETTER | DIGIT))) to--;
    const opensSentence = sentenceStart;
    if (bracket) {
      const token = text.slice(tokenStart, end);
      if (token.includes('[…]') || token.includes('[...]')) evidence.elisions++;
    }
    bracket = false;
    // A sentence ends at . ! ? : … after the word (quotation marks may follow), unless the word is an initial or abbreviation.
    let ends = false;
    for (let i = end - 1; i >= to; i--) {
      const c = text.charCodeAt(i);
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026) {
        ends = true;
        break;
      }
      if (!(CLASS[c]! & QUOTE_MARK)) break;
    }
    const length = to - from;
    if (length === 0) {
      sentenceStart = ends || sentenceStart;
      return;
    }
    const first = text.charCodeAt(from);
    const capital = (CLASS[first]! & UPPER) !== 0;
    if (ends && text.charCodeAt(to) === 46 && ((capital && length === 1) || (length <= 4 && ABBREVIATIONS.has(text.slice(from, to))))) ends = false;
    sentenceStart = ends;
    if (text.charCodeAt(from - 1) === 64 /* @ */) evidence.handles++;
    evidence.words++;
    evidence.letters += length;
    // The word's hash, its stem's hash and whether it opens with a recommending stem, in one pass.
    let hash = FNV_OFFSET;
    let stem = FNV_OFFSET;
    let recommending = false;
    const mayRecommend = RECOMMENDING_FIRST.has(first);
    for (let i = from; i < to; i++) {
      hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
      const letters = i - from + 1;
      if (letters === STEM) stem = hash;
      if (mayRecommend && letters < 16 && RECOMMENDING_LENGTHS[letters] && RECOMMENDING.has(hash >>> 0)) recommending = true;
    }
    hash >>>= 0;
    stem = length < STEM ? hash : stem >>> 0;
    const flags = length <= LONGEST_LISTED ? (WORDS.get(hash) ?? 0) : 0;
    const isLowerWord = (CLASS[first]! & LOWER) !== 0;
    if (wordIndex === 0) evidence.startsLower = isLowerWord;
    const functionWord = (flags & (IS_GERMAN | IS_ENGLISH)) !== 0;
    if (flags & IS_GERMAN) evidence.de++;
    else if (flags & IS_ENGLISH) evidence.en++;
    if (!wordQuoted) {
      if (flags & IS_FIRST_SINGULAR && !(hash === ICH && previousIsCapitalI)) {
        evidence.firstSingular++;
        if (to <= 60 || (opensSentence && capital && hash === ICH)) evidence.firstSingularEarly = true;
      } else if (flags & IS_FIRST_PLURAL) evidence.firstPlural++;
      else if (flags & IS_ADDRESS && (isLowerWord || opensSentence || hash !== DIR)) evidence.address++;
      else if (flags & IS_COLLOQUIAL && (hash !== JA || !opensSentence)) evidence.colloquial++;
      if (capital && !opensSentence && flags & IS_FORMAL) evidence.formalAddress++;
      if (isLowerWord) {
        if ((flags & IS_SUBJUNCTIVE || (length > 6 && endsWithIere(text, to))) && previousHash !== ICH) evidence.reported++;
        if (flags & IS_REPORTING) evidence.reporting++;
        if (flags & IS_PASSIVE) evidence.passive++;
        if (hash === ES && previousHash === HEISST) evidence.reported++;
        if (recommending) evidence.recommends = true;
      }
      if (flags & IS_MEDIA) evidence.media++;
    }
    if (CLASS[first]! & DIGIT) evidence.digits++;
    // A name word: capitalised, not a function word, and not merely opening a sentence.
    const nameWord = capital && !functionWord && !(flags & IS_OPENER);
    if (nameWord) {
      nameRun++;
      if (nameRun === 2) {
        evidence.nameRuns++;
        if (wordIndex === 1) evidence.opensWithName = true;
      }
      evidence.capitals.push(hash);
      evidence.capitalStems.push(stem);
    } else nameRun = 0;
    const after = text.charCodeAt(to);
    if (after === 44 || after === 59 || after === 58) nameRun = 0;
    // Note: nouns and names (capitalised) and long words carry the topic; short lower-case words add only noise.
    if (length >= 4 && !functionWord && (nameWord || length >= 9)) {
      evidence.terms.push(stem);
      if (evidence.sentences === 0) evidence.firstSentenceTerms++;
    }
    if (evidence.sentences === 0) evidence.firstSentenceWords++;
    if (sentenceStart) evidence.sentences++;
    previousIsCapitalI = length === 1 && first === 73;
    previousHash = hash;
    wordIndex++;
  };

  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const kind = CLASS[c]!;
    if (quoteClose) {
      quotedChars++;
      if (c === quoteClose || (quoteClose === 0x201c && (c === 0x201d || c === 34))) quoteClose = 0;
    } else if (kind & OPENING && (i === 0 || CLASS[text.charCodeAt(i - 1)]! & (SPACE | OPENS_BEFORE))) {
      quoteClose = CLOSING_OF.get(c)!;
    }
    if (kind & UMLAUT) evidence.umlaut = true;
    if (kind & SPACE) {
      if (start >= 0) endWord(i);
    } else {
      if (start < 0) {
        start = i;
        wordQuoted = quoteClose !== 0 && !(kind & OPENING);
      }
      if (c === 91) bracket = true;
    }
  }
  if (evidence.sentences === 0 && evidence.words > 0) evidence.sentences = 1;

  const trimmed = text.trimEnd();
  evidence.lastChar = trimmed[trimmed.length - 1] ?? '';
  evidence.quotedShare = text.length ? Math.min(1, quotedChars / text.length) : 0;
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
  return evidence;
}

const ABBREVIATIONS = new Set(['Nr', 'No', 'bzw', 'bsw', 'etc', 'ca', 'Dr', 'Prof', 'Mr', 'Mrs', 'Ms', 'St', 'B', 'vgl', 'usw']);
