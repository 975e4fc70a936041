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
  /** The chunks: where each starts and ends, and the index of its first word (`words.length` for a chunk of none at the end). */
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
  const n = text.length;
  let inChunk = false;
  let gap = GAP_SENTENCE_END;
  let gapStart = -2;
  let i = 0;
  while (i < n) {
    let kind = CLASS[text.charCodeAt(i)]!;
    if (kind & WHITESPACE) {
      if (inChunk) t.chunkTo.push(i);
      inChunk = false;
      i++;
      continue;
    }
    if (!inChunk) {
      t.chunkFrom.push(i);
      t.chunkWord.push(t.words.length);
      inChunk = true;
    }
    if (!(kind & WORD)) {
      if (kind & MARK) t.marks.push(i);
      if (kind & SENTENCE_END) gap |= GAP_SENTENCE_END;
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    for (;;) {
      hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
      i++;
      if (i >= n) break;
      kind = CLASS[text.charCodeAt(i)]!;
      if (kind & WORD) continue;
      if (!(kind & JOINER) || i + 1 >= n || !(CLASS[text.charCodeAt(i + 1)]! & WORD)) break;
      if (kind & MARK) t.marks.push(i);
      hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
      i++;
    }
    if (start - gapStart === 1 && CLASS[text.charCodeAt(gapStart)]! & SPACE) gap |= GAP_ONE_SPACE;
    t.words.push(infoAt(text, start, i, hash));
    t.from.push(start);
    t.to.push(i);
    t.gaps.push(gap);
    gap = 0;
    gapStart = i;
  }
  if (inChunk) t.chunkTo.push(n);
  return t;
}

/**
 * Words seen, with what is known of them, by a hash of the word as written (verified, so two words
 * with one hash stay apart).
 * Note: texts repeat their words, so each is looked up once; bounded, so that a huge archive
 * cannot fill the memory with them.
 */
const byHash = new Map<number, WordInfo>();
const collided = new Map<string, WordInfo>();
const stems = new Map<string, StemRecord>();
const WORD_CACHE = 100_000;
/** How often the caches were emptied: a word kept from before has a stem record of an older generation. */
export let stemGeneration = 0;

function stemRecordOf(key: string): StemRecord {
  let record = stems.get(key);
  if (!record) stems.set(key, (record = { key, scan: 0, count: 0, weight: 0, generation: stemGeneration }));
  return record;
}

/** What is known of the word text[from..to), whose case-sensitive FNV hash is `hash`. */
function infoAt(text: string, from: number, to: number, hash: number): WordInfo {
  const key = hash & 0x3fffffff;
  const known = byHash.get(key);
  if (known && sameWord(known.word, text, from, to)) return known;
  const word = text.slice(from, to);
  if (known) {
    let info = collided.get(word);
    if (!info) collided.set(word, (info = describe(word)));
    return info;
  }
  if (byHash.size >= WORD_CACHE) {
    byHash.clear();
    collided.clear();
    stems.clear();
    stemGeneration++;
  }
  const info = describe(word);
  byHash.set(key, info);
  return info;
}

function sameWord(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/** What is known of a word (as written), whether a tokenization found it or not. */
export function wordInfo(word: string): WordInfo {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return infoAt(word, 0, word.length, hash);
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
