// A paragraph as words, read once. One scan over its characters finds the chunks (what stands
// between whitespace: the words a reader counts, which the name reader reads with their
// punctuation) and the words inside them (letters and digits, joined by a hyphen or an apostrophe:
// `KI-Hype`, `GPT-4`, `Trump’s`), each with what the lexicon knows of it, looked up once per word as
// written. The evidence, the name reader, the terms and the headings all read this one
// tokenization; `tokensOf` keeps it for every reader that asks about the same text.

import { CLASS, FNV_OFFSET, FNV_PRIME, hashWord, JOINER, MARK, SENTENCE_END, SPACE, STEM, UMLAUT, WHITESPACE, WORD } from './characters.js';
import { backgroundRank, ENGLISH_COMMON, flagsOf, FORM_WORDS, isFirstName, isSurname, RECOMMENDING, RECOMMENDING_FIRST, RECOMMENDING_LENGTHS } from './lexicon.js';

/** What is known of a word as written, worked out once per word. */
export interface WordInfo {
  /** The word as written, and in lower case. */
  word: string;
  lower: string;
  /** The key shared by the word's forms (see stem), and its record for the terms. */
  stem: string;
  stemRecord: StemRecord;
  /** How much the word says about a topic: ln of its background rank, 0 for the commonest words. */
  weight: number;
  /** On no background list: a name, a compound, a term of art, or an English word. */
  unknown: boolean;
  /** Carries no topic: short and lower case, a number, a common word of German or English, or one of the newsletter's form. */
  functionWord: boolean;
  /** Capitalised as German nouns and names are (`Hegemonie`, `KI`; not `Im`, not `4`). */
  capitalised: boolean;
  /** A common first name (`Anne`, `Johannes`). */
  firstName: boolean;
  /** A common first name or surname (`Walter`, `Müller`): a word of people's names. */
  personName: boolean;
  /** The hashes of the lower-cased word and of its stem (see characters.ts), as the evidence compares words. */
  hash: number;
  stemHash: number;
  /** Which of the evidence's lists the word is on (lexicon/voice.ts). */
  flags: number;
  /** Opens with a word of recommendation (`lesenswerte`). */
  recommends: boolean;
  /** Has an umlaut or ß: German. */
  umlaut: boolean;
  /** Scratch for sectionTerms (terms.ts): the scan that last counted this word, its count there, and whether it was in English text. */
  scan: number;
  count: number;
  english: boolean;
}

/** A stem as the terms count it (terms.ts), one record for every word that has it. */
export interface StemRecord {
  key: string;
  /** Scratch for sectionTerms: the scan that last counted the stem, its count and weight there. */
  scan: number;
  count: number;
  weight: number;
  /** Records made before the last time the bounded caches were emptied are of an older generation. */
  generation: number;
}

/** A paragraph's words and chunks, as parallel arrays (one scan, few objects). */
export interface Tokens {
  text: string;
  /** The words in reading order: what is known of each, where it starts and ends. */
  words: WordInfo[];
  from: number[];
  to: number[];
  /** What stands between each word and the one before it (GAP_* bits). */
  gaps: number[];
  /** The chunks: where each starts and ends, and the index of its first word. */
  chunkFrom: number[];
  chunkTo: number[];
  chunkWord: number[];
  /** Where the characters stand that the evidence reads besides the words: quotation marks, apostrophes, `[` and `/`. */
  marks: number[];
}

/** A sentence ended (`.`, `!`, `?`, `:`, `…`) since the word before, or the word opens the paragraph. */
export const GAP_SENTENCE_END = 1;
/** Only one space (or no-break space) stands between the word and the one before (`Elon Musk`, not `Musk, Elon`). */
export const GAP_ONE_SPACE = 2;

/** The tokens of a text, kept for the readers that ask about it after the first (within one issue, see forgetTexts). */
export function tokensOf(text: string): Tokens {
  let tokens = cache.get(text);
  if (!tokens) {
    // Note: a bound keeps a huge issue from holding every paragraph's tokens; an issue's readers ask within a few hundred paragraphs.
    if (cache.size >= 512) cache.clear();
    tokens = tokenize(text);
    cache.set(text, tokens);
  }
  return tokens;
}

const cache = new Map<string, Tokens>();

/** Forgets the texts tokenized so far: an issue is read, its tokens are garbage (kept, they would outlive it and cost the collector). */
export function forgetTexts(): void {
  cache.clear();
}

/** Splits a text into chunks and words in one scan over its character codes. */
export function tokenize(text: string): Tokens {
  const t: Tokens = { text, words: [], from: [], to: [], gaps: [], chunkFrom: [], chunkTo: [], chunkWord: [], marks: [] };
  const { words, from, to, gaps, chunkFrom, chunkTo, chunkWord, marks } = t;
  const n = text.length;
  let inChunk = false;
  let gap = GAP_SENTENCE_END;
  let gapStart = -2;
  let i = 0;
  while (i < n) {
    let kind = CLASS[text.charCodeAt(i)]!;
    if (kind & WHITESPACE) {
      if (inChunk) chunkTo.push(i);
      inChunk = false;
      i++;
      continue;
    }
    if (!inChunk) {
      chunkFrom.push(i);
      chunkWord.push(words.length);
      inChunk = true;
    }
    if (!(kind & WORD)) {
      if (kind & MARK) marks.push(i);
      if (kind & SENTENCE_END) gap |= GAP_SENTENCE_END;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    let check = CHECK_OFFSET;
    for (let c = text.charCodeAt(i); ; c = text.charCodeAt(i)) {
      hash = Math.imul(hash ^ c, FNV_PRIME);
      check = Math.imul(check ^ c, CHECK_PRIME);
      i++;
      if (i >= n) break;
      kind = CLASS[text.charCodeAt(i)]!;
      if (kind & WORD) continue;
      if (!(kind & JOINER) || i + 1 >= n || !(CLASS[text.charCodeAt(i + 1)]! & WORD)) break;
      // A joiner: part of the word.
      if (kind & MARK) marks.push(i);
      c = text.charCodeAt(i);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      check = Math.imul(check ^ c, CHECK_PRIME);
      i++;
    }
    if (start - gapStart === 1 && CLASS[text.charCodeAt(gapStart)]! & SPACE) gap |= GAP_ONE_SPACE;
    words.push(table.infoAt(text, start, i, hash >>> 0, check >>> 0));
    from.push(start);
    to.push(i);
    gaps.push(gap);
    gap = 0;
    gapStart = i;
  }
  if (inChunk) chunkTo.push(n);
  return t;
}

/**
 * Words seen, with what is known of them, by two hashes of the word as written (FNV-1a, and a
 * second with its own prime and offset) and its length: a table with open addressing.
 * Note: two words of one length alike in both 32-bit hashes would be taken for one; among a
 * hundred thousand words the chance of that is below one in a billion, and a comparison of the
 * characters, which the second hash saves, took a third of the tokenizer's time.
 */
class WordTable {
  private keys = new Uint32Array(0);
  private checks = new Uint32Array(0);
  private infos: (WordInfo | undefined)[] = [];
  private size = 0;

  constructor() {
    this.resize(1 << 14);
  }

  /** What is known of the word text[from..to), whose hashes are `hash` and `check`. */
  infoAt(text: string, from: number, to: number, hash: number, check: number): WordInfo {
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    for (let info = this.infos[slot]; info !== undefined; info = this.infos[slot]) {
      if (this.keys[slot] === hash && this.checks[slot] === check && info.word.length === to - from) return info;
      slot = (slot + 1) & mask;
    }
    if (this.size >= WORD_CACHE) {
      this.clear();
      return this.infoAt(text, from, to, hash, check);
    }
    const info = describe(text.slice(from, to));
    this.keys[slot] = hash;
    this.checks[slot] = check;
    this.infos[slot] = info;
    if (++this.size > this.keys.length / 2) this.resize(2 * this.keys.length);
    return info;
  }

  private resize(slots: number): void {
    const { keys, checks, infos } = this;
    this.keys = new Uint32Array(slots);
    this.checks = new Uint32Array(slots);
    this.infos = new Array<WordInfo | undefined>(slots).fill(undefined);
    infos.forEach((info, k) => {
      if (!info) return;
      let slot = keys[k]! & (slots - 1);
      while (this.infos[slot]) slot = (slot + 1) & (slots - 1);
      this.keys[slot] = keys[k]!;
      this.checks[slot] = checks[k]!;
      this.infos[slot] = info;
    });
  }

  /** Forgets every word (the stems' records start a new generation). */
  private clear(): void {
    this.size = 0;
    this.infos = [];
    this.resize(1 << 14);
    stems.clear();
    stemGeneration++;
  }
}

/** The second hash's offset and prime (FNV-1a's are in characters.ts). */
const CHECK_OFFSET = 0x9747b28c;
const CHECK_PRIME = 0x01000199;
const WORD_CACHE = 100_000;
const table = new WordTable();
const stems = new Map<string, StemRecord>();
/** How often the caches were emptied: a word kept from before has a stem record of an older generation. */
export let stemGeneration = 0;

function stemRecordOf(key: string): StemRecord {
  let record = stems.get(key);
  if (!record) stems.set(key, (record = { key, scan: 0, count: 0, weight: 0, generation: stemGeneration }));
  return record;
}

/** What is known of a word (as written), whether a tokenization found it or not. */
export function wordInfo(word: string): WordInfo {
  let hash = FNV_OFFSET;
  let check = CHECK_OFFSET;
  for (let i = 0; i < word.length; i++) {
    hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
    check = Math.imul(check ^ word.charCodeAt(i), CHECK_PRIME);
  }
  return table.infoAt(word, 0, word.length, hash >>> 0, check >>> 0);
}

/** Words among the commonest this many of German say nothing about a topic. */
const COMMON_RANK = 150;
/** The weight of a word on no background list (a name, a compound, a term of art). */
export const UNKNOWN_WEIGHT = Math.log(200_000);

function describe(word: string): WordInfo {
  const lower = word.toLowerCase();
  const rank = backgroundRank(lower);
  const hash = hashWord(word, 0, word.length);
  const first = word.charCodeAt(0);
  const key = stem(word);
  return {
    word,
    lower,
    stem: key,
    stemRecord: stemRecordOf(key),
    weight: rank === undefined ? UNKNOWN_WEIGHT : rank <= COMMON_RANK ? 0 : Math.log(rank),
    unknown: rank === undefined,
    functionWord:
      // Note: most words are short function words (`und`, `the`, `ist`).
      (word.length <= 3 && first >= 97 && first <= 122) ||
      lower.length < 2 || (lower.length === 2 && word !== word.toUpperCase()) || /^[\d'’-]+$/.test(lower) ||
      ENGLISH_COMMON.has(lower) || FORM_WORDS.has(lower) || (rank !== undefined && rank <= COMMON_RANK),
    capitalised: /^\p{Lu}/u.test(word) && !/^\p{Lu}\p{Ll}?$/u.test(word) && /\p{L}/u.test(word.slice(1)),
    firstName: isFirstName(lower),
    personName: isFirstName(lower) || isSurname(lower),
    hash,
    stemHash: word.length < STEM ? hash : hashWord(word, 0, STEM),
    flags: flagsOf(hash, word.length),
    recommends: opensWithRecommendation(word),
    umlaut: hasUmlaut(word),
    scan: 0,
    count: 0,
    english: false,
  };
}

function hasUmlaut(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (CLASS[word.charCodeAt(i)]! & UMLAUT) return true;
  return false;
}

/** Whether a word opens with a word of recommendation (`lesenswerte`, `klug`). */
function opensWithRecommendation(word: string): boolean {
  if (!RECOMMENDING_FIRST.has(word.charCodeAt(0))) return false;
  for (let letters = 1; letters <= word.length && letters < 16; letters++) {
    if (RECOMMENDING_LENGTHS[letters] && RECOMMENDING.has(hashWord(word, 0, letters))) return true;
  }
  return false;
}

/** German and English inflection endings, longest first, stripped to group a word's forms. */
const ENDINGS = ['ern', 'en', 'er', 'es', 'e', 'n', 's'];

/**
 * A key shared by the forms of a word (`Projekt`, `Projekte`, `Projekts` → `projekt`; `LLMs` →
 * `llm`): lower case, one inflection ending stripped from words long enough to have one.
 */
export function stem(word: string): string {
  // The plural of an abbreviation: `LLMs`, `KIs`.
  if (/^\p{Lu}[\p{Lu}\d-]+s$/u.test(word)) return word.slice(0, -1).toLowerCase();
  const lower = word.toLowerCase();
  if (lower.length < 6 || /\d/.test(lower)) return lower;
  for (const ending of ENDINGS) if (lower.endsWith(ending) && lower.length - ending.length >= 5) return lower.slice(0, -ending.length);
  return lower;
}

/** How many words a reader counts in a text: its chunks (`text.match(/\S+/g)?.length ?? 0`). */
export function countWords(text: string): number {
  return tokensOf(text).chunkFrom.length;
}
