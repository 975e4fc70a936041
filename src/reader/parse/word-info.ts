// What is known of each word as written (its stem, how common it is in German, which of the
// lexicon's lists it is on, its hashes), worked out once per word and kept in a table the tokenizer
// (tokens.ts) finds it in by two hashes of its characters, so that no reader looks a word up twice.

import { CLASS, FNV_OFFSET, FNV_PRIME, hashWord, STEM, UMLAUT } from './characters.js';
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

/**
 * Words seen, with what is known of them, by two hashes of the word as written (FNV-1a, and a
 * second with its own prime and offset) and its length: a table with open addressing.
 * Note: two words of one length alike in both 32-bit hashes would be taken for one; among a
 * hundred thousand words the chance of that is below one in a billion, and a comparison of the
 * characters, which the second hash saves, took a third of the tokenizer's time.
 */
class WordTable {
  /** Per slot its word's two hashes and length, side by side (a length of 0: an empty slot), so that a look-up reads one place. */
  private keys = new Int32Array(0);
  private infos: (WordInfo | undefined)[] = [];
  private mask = 0;
  private size = 0;

  constructor() {
    this.resize(1 << 14);
  }

  /** What is known of the word text[from..to), whose hashes are `hash` and `check`. */
  infoAt(text: string, from: number, to: number, hash: number, check: number): WordInfo {
    const { keys, mask } = this;
    const h = hash | 0;
    const c = check | 0;
    const length = to - from;
    let slot = h & mask;
    for (let at = 3 * slot; keys[at + 2] !== 0; at = 3 * slot) {
      if (keys[at] === h && keys[at + 1] === c && keys[at + 2] === length) return this.infos[slot]!;
      slot = (slot + 1) & mask;
    }
    if (this.size >= WORD_CACHE) {
      this.clear();
      return this.infoAt(text, from, to, hash, check);
    }
    const info = describe(text.slice(from, to));
    this.put(slot, h, c, length, info);
    if (++this.size > (this.mask + 1) / 2) this.resize(2 * (this.mask + 1));
    return info;
  }

  private put(slot: number, hash: number, check: number, length: number, info: WordInfo): void {
    this.keys[3 * slot] = hash;
    this.keys[3 * slot + 1] = check;
    this.keys[3 * slot + 2] = length;
    this.infos[slot] = info;
  }

  private resize(slots: number): void {
    const { keys, infos } = this;
    this.keys = new Int32Array(3 * slots);
    this.infos = new Array<WordInfo | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    infos.forEach((info, k) => {
      if (!info) return;
      let slot = keys[3 * k]! & this.mask;
      while (this.infos[slot]) slot = (slot + 1) & this.mask;
      this.put(slot, keys[3 * k]!, keys[3 * k + 1]!, keys[3 * k + 2]!, info);
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
export const CHECK_OFFSET = 0x9747b28c;
export const CHECK_PRIME = 0x01000199;
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

/** What is known of the word text[from..to), whose two hashes (as tokens.ts works them out) are `hash` and `check`. */
export function infoAt(text: string, from: number, to: number, hash: number, check: number): WordInfo {
  return table.infoAt(text, from, to, hash, check);
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
      lower.length < 2 ||
      (lower.length === 2 && word !== word.toUpperCase()) ||
      /^[\d'’-]+$/.test(lower) ||
      ENGLISH_COMMON.has(lower) ||
      FORM_WORDS.has(lower) ||
      (rank !== undefined && rank <= COMMON_RANK),
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
