// One word of a paragraph as the evidence counts it: the language its function words tell, the
// voice (first person, address, particles, reported speech), names and the terms a topic is told
// by. The word lists are the lexicon's (../lexicon/voice.ts), looked up by the hash of the word.

import { CLASS, DIGIT, FNV_OFFSET, FNV_PRIME, LETTER, LOWER, lowerCode, QUOTE_MARK, STEM, UPPER } from '../characters.js';
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
import type { Tokens } from '../tokens.js';
import type { WordInfo } from '../word-info.js';
import type { Evidence } from './traits.js';

/** What the evidence needs of a word: the hashes of it and its stem, its flags in the lexicon, whether it recommends. */
type CoreWord = Pick<WordInfo, 'hash' | 'stemHash' | 'flags' | 'recommends'>;

/**
 * Counts a paragraph's words into its evidence, one after another, with what the words before
 * tell about the next (whether it opens a sentence, a run of name words, the word before).
 * Note: one object per paragraph, no object per word: every word of every issue passes through here.
 */
export class WordCounter {
  private sentenceStart = true;
  private nameRun = 0;
  private wordIndex = 0;
  private previousHash = 0;
  private previousIsCapitalI = false;
  private readonly computed: CoreWord = { hash: 0, stemHash: 0, flags: 0, recommends: false };

  constructor(
    readonly tokens: Tokens,
    readonly evidence: Evidence,
  ) {}

  /**
   * Reads the word of the evidence ending at `end` (whitespace or a slash), which holds the tokens'
   * words from `first` to `last` (none: punctuation alone), inside quotation marks or not.
   */
  read(end: number, first: number, last: number, quoted: boolean): void {
    if (first === last) return;
    const { text, from: wordFrom, to: wordTo } = this.tokens;
    // Its letters and digits, without the punctuation around them.
    let from = wordFrom[first]!;
    let to = wordTo[last - 1]!;
    while (from < to && !(CLASS[text.charCodeAt(from)]! & (LETTER | DIGIT))) from++;
    while (to > from && !(CLASS[text.charCodeAt(to - 1)]! & (LETTER | DIGIT))) to--;
    // (Digits of other scripts alone, `²`, are no word of the evidence.)
    if (to === from) return;
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
    // Note: a word of the tokens as it is needs no look-up; `z.B` or `5.000` (several) is read off its characters.
    if (last - first === 1 && from === wordFrom[first] && to === wordTo[first]) {
      const { hash, stemHash, flags, recommends } = this.tokens.words[first]!;
      this.count(from, to, ends, quoted, hash, stemHash, flags, recommends);
    } else {
      const { hash, stemHash, flags, recommends } = this.readCore(from, to);
      this.count(from, to, ends, quoted, hash, stemHash, flags, recommends);
    }
  }

  /** A word of several tokens (`z.B`, `5.000`), read off its characters. */
  private readCore(from: number, to: number): CoreWord {
    const { text } = this.tokens;
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
    const core = this.computed;
    core.hash = hash >>> 0;
    core.stemHash = to - from < STEM ? core.hash : stem >>> 0;
    core.flags = flagsOf(core.hash, to - from);
    core.recommends = recommends;
    return core;
  }

  /** Counts the word from `from` to `to` into the evidence: its hashes, flags, and whether it recommends (see CoreWord). */
  private count(from: number, to: number, ends: boolean, quoted: boolean, hash: number, stemHash: number, flags: number, recommends: boolean): void {
    const { text } = this.tokens;
    const evidence = this.evidence;
    const length = to - from;
    const first = text.charCodeAt(from);
    const capital = (CLASS[first]! & UPPER) !== 0;
    const opensSentence = this.sentenceStart;
    this.sentenceStart = ends && !(text.charCodeAt(to) === 46 && ((capital && length === 1) || (length <= 4 && EVIDENCE_ABBREVIATIONS.has(text.slice(from, to)))));
    if (text.charCodeAt(from - 1) === 64 /* @ */) evidence.handles++;
    evidence.words++;
    evidence.letters += length;
    const isLowerWord = (CLASS[first]! & LOWER) !== 0;
    if (this.wordIndex === 0) evidence.startsLower = isLowerWord;
    const functionWord = (flags & (IS_GERMAN | IS_ENGLISH)) !== 0;
    if (flags & IS_GERMAN) evidence.de++;
    else if (flags & IS_ENGLISH) evidence.en++;
    if (!quoted) this.voice(to, length, opensSentence, capital, isLowerWord, hash, flags, recommends);
    if (CLASS[first]! & DIGIT) evidence.digits++;
    // A name word: capitalised, not a function word, and not merely opening a sentence.
    const nameWord = capital && !functionWord && !(flags & IS_OPENER);
    if (nameWord) {
      this.nameRun++;
      if (this.nameRun === 2) {
        evidence.nameRuns++;
        if (this.wordIndex === 1) evidence.opensWithName = true;
      }
      evidence.capitals.push(hash);
      evidence.capitalStems.push(stemHash);
    } else this.nameRun = 0;
    const after = text.charCodeAt(to);
    if (after === 44 || after === 59 || after === 58) this.nameRun = 0;
    // Note: nouns and names (capitalised) and long words carry the topic; short lower-case words add only noise.
    if (length >= 4 && !functionWord && (nameWord || length >= 9)) {
      evidence.terms.push(stemHash);
      if (evidence.sentences === 0) evidence.firstSentenceTerms++;
    }
    if (evidence.sentences === 0) evidence.firstSentenceWords++;
    if (this.sentenceStart) evidence.sentences++;
    this.previousIsCapitalI = length === 1 && first === 73;
    this.previousHash = hash;
    this.wordIndex++;
  }

  /** The voice of a word outside quotation marks: first person, address, particles, reported speech, reporting, media. */
  private voice(to: number, length: number, opensSentence: boolean, capital: boolean, isLowerWord: boolean, hash: number, flags: number, recommends: boolean): void {
    const evidence = this.evidence;
    if (flags & IS_FIRST_SINGULAR && !(hash === ICH && this.previousIsCapitalI)) {
      evidence.firstSingular++;
      if (to <= 60 || (opensSentence && capital && hash === ICH)) evidence.firstSingularEarly = true;
    } else if (flags & IS_FIRST_PLURAL) evidence.firstPlural++;
    else if (flags & IS_ADDRESS && (isLowerWord || opensSentence || hash !== DIR)) evidence.address++;
    else if (flags & IS_COLLOQUIAL && (hash !== JA || !opensSentence)) evidence.colloquial++;
    if (capital && !opensSentence && flags & IS_FORMAL) evidence.formalAddress++;
    if (isLowerWord) {
      if ((flags & IS_SUBJUNCTIVE || (length > 6 && endsWithIere(this.tokens.text, to))) && this.previousHash !== ICH) evidence.reported++;
      if (flags & IS_REPORTING) evidence.reporting++;
      if (flags & IS_PASSIVE) evidence.passive++;
      if (hash === ES && this.previousHash === HEISST) evidence.reported++;
      if (recommends) evidence.recommends = true;
    }
    if (flags & IS_MEDIA) evidence.media++;
  }
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
