// One word of a paragraph as the evidence counts it: the language its function words tell, the
// voice (first person, address, particles, reported speech), names and the terms a topic is told
// by. The word lists are the lexicon's (../lexicon/voice.ts), looked up by the hash of the word.

import { CLASS, DIGIT, FNV_OFFSET, FNV_PRIME, LOWER, lowerCode, STEM, UPPER } from '../characters.js';
import {
  DIR,
  ES,
  EVIDENCE_ABBREVIATIONS,
  flagsOf,
  HEISST,
  ICH,
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
  RECOMMENDING,
  RECOMMENDING_FIRST,
  RECOMMENDING_LENGTHS,
} from '../lexicon.js';
import type { Language } from '../../../model.js';
import type { WordInfo } from '../tokens.js';
import type { Evidence } from './traits.js';

/** What the evidence needs of a word: the hashes of it and its stem, its flags in the lexicon, whether it recommends. */
export type CoreWord = Pick<WordInfo, 'hash' | 'stemHash' | 'flags' | 'recommends'>;

/** What the words before tell about the next one. */
export interface WordReading {
  /** The next word opens a sentence. */
  sentenceStart: boolean;
  /** Name words in a row so far. */
  nameRun: number;
  wordIndex: number;
  previousHash: number;
  previousIsCapitalI: boolean;
}

const computed: CoreWord = { hash: 0, stemHash: 0, flags: 0, recommends: false };

/** The word text[from..to): the token's own record where it is one, else read off its characters (`z.B`, `5.000`). */
export function coreWord(text: string, from: number, to: number, token: WordInfo | undefined): CoreWord {
  if (token) return token;
  let hash = FNV_OFFSET;
  let stem = FNV_OFFSET;
  let recommends = false;
  const mayRecommend = RECOMMENDING_FIRST.has(text.charCodeAt(from));
  for (let i = from; i < to; i++) {
    hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
    const letters = i - from + 1;
    if (letters === STEM) stem = hash;
    if (mayRecommend && letters < 16 && RECOMMENDING_LENGTHS[letters] && RECOMMENDING.has(hash >>> 0)) recommends = true;
  }
  computed.hash = hash >>> 0;
  computed.stemHash = to - from < STEM ? computed.hash : stem >>> 0;
  computed.flags = flagsOf(computed.hash, to - from);
  computed.recommends = recommends;
  return computed;
}

/** Counts one word, its letters from `from` to `to`, into the evidence. */
export function countWord(text: string, evidence: Evidence, reading: WordReading, word: CoreWord, at: { from: number; to: number; opensSentence: boolean; ends: boolean; quoted: boolean }): void {
  const { from, to, opensSentence } = at;
  const { hash, flags } = word;
  const length = to - from;
  const first = text.charCodeAt(from);
  const capital = (CLASS[first]! & UPPER) !== 0;
  reading.sentenceStart = at.ends && !(text.charCodeAt(to) === 46 && ((capital && length === 1) || (length <= 4 && EVIDENCE_ABBREVIATIONS.has(text.slice(from, to)))));
  if (text.charCodeAt(from - 1) === 64 /* @ */) evidence.handles++;
  evidence.words++;
  evidence.letters += length;
  const isLowerWord = (CLASS[first]! & LOWER) !== 0;
  if (reading.wordIndex === 0) evidence.startsLower = isLowerWord;
  const functionWord = (flags & (IS_GERMAN | IS_ENGLISH)) !== 0;
  if (flags & IS_GERMAN) evidence.de++;
  else if (flags & IS_ENGLISH) evidence.en++;
  if (!at.quoted) countVoice(text, evidence, reading, word, { to, length, opensSentence, capital, isLowerWord });
  if (CLASS[first]! & DIGIT) evidence.digits++;
  // A name word: capitalised, not a function word, and not merely opening a sentence.
  const nameWord = capital && !functionWord && !(flags & IS_OPENER);
  if (nameWord) {
    reading.nameRun++;
    if (reading.nameRun === 2) {
      evidence.nameRuns++;
      if (reading.wordIndex === 1) evidence.opensWithName = true;
    }
    evidence.capitals.push(hash);
    evidence.capitalStems.push(word.stemHash);
  } else reading.nameRun = 0;
  const after = text.charCodeAt(to);
  if (after === 44 || after === 59 || after === 58) reading.nameRun = 0;
  // Note: nouns and names (capitalised) and long words carry the topic; short lower-case words add only noise.
  if (length >= 4 && !functionWord && (nameWord || length >= 9)) {
    evidence.terms.push(word.stemHash);
    if (evidence.sentences === 0) evidence.firstSentenceTerms++;
  }
  if (evidence.sentences === 0) evidence.firstSentenceWords++;
  if (reading.sentenceStart) evidence.sentences++;
  reading.previousIsCapitalI = length === 1 && first === 73;
  reading.previousHash = hash;
  reading.wordIndex++;
}

/** The voice of a word outside quotation marks: first person, address, particles, reported speech, reporting, media. */
function countVoice(text: string, evidence: Evidence, reading: WordReading, word: CoreWord, at: { to: number; length: number; opensSentence: boolean; capital: boolean; isLowerWord: boolean }): void {
  const { hash, flags } = word;
  const { to, opensSentence, capital, isLowerWord } = at;
  if (flags & IS_FIRST_SINGULAR && !(hash === ICH && reading.previousIsCapitalI)) {
    evidence.firstSingular++;
    if (to <= 60 || (opensSentence && capital && hash === ICH)) evidence.firstSingularEarly = true;
  } else if (flags & IS_FIRST_PLURAL) evidence.firstPlural++;
  else if (flags & IS_ADDRESS && (isLowerWord || opensSentence || hash !== DIR)) evidence.address++;
  else if (flags & IS_COLLOQUIAL && (hash !== JA || !opensSentence)) evidence.colloquial++;
  if (capital && !opensSentence && flags & IS_FORMAL) evidence.formalAddress++;
  if (isLowerWord) {
    if ((flags & IS_SUBJUNCTIVE || (at.length > 6 && endsWithIere(text, to))) && reading.previousHash !== ICH) evidence.reported++;
    if (flags & IS_REPORTING) evidence.reporting++;
    if (flags & IS_PASSIVE) evidence.passive++;
    if (hash === ES && reading.previousHash === HEISST) evidence.reported++;
    if (word.recommends) evidence.recommends = true;
  }
  if (flags & IS_MEDIA) evidence.media++;
}

/** Whether the word ending before `to` ends in `iere` (`kontrolliere`: the subjunctive of verbs in -ieren). */
function endsWithIere(text: string, to: number): boolean {
  return lowerCode(text.charCodeAt(to - 4)) === 105 && lowerCode(text.charCodeAt(to - 3)) === 101 && lowerCode(text.charCodeAt(to - 2)) === 114 && lowerCode(text.charCodeAt(to - 1)) === 101;
}

/** The language of a paragraph whose function words were counted: the one with more of them. */
export function languageOf(counts: { de: number; en: number; umlaut: boolean }, fallback: Language): Language {
  const de = counts.de + (counts.umlaut ? 1 : 0);
  return counts.en > de ? 'en' : de > counts.en ? 'de' : fallback;
}
