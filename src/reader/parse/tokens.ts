// A paragraph as words, read once. One scan over its characters finds the chunks (what stands
// between whitespace: the words a reader counts, which the name reader reads with their
// punctuation) and the words inside them (letters and digits, joined by a hyphen or an apostrophe:
// `KI-Hype`, `GPT-4`, `Trump’s`), each with what the lexicon knows of it, looked up once per word as
// written. The evidence, the name reader, the terms and the headings all read this one
// tokenization; `tokensOf` keeps it for every reader that asks about the same text.

import { CLASS, FNV_OFFSET, FNV_PRIME, JOINER, MARK, SENTENCE_END, SPACE, WHITESPACE, WORD } from './characters.js';
import { CHECK_OFFSET, CHECK_PRIME, infoAt, type WordInfo } from './word-info.js';

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
    words.push(infoAt(text, start, i, hash >>> 0, check >>> 0));
    from.push(start);
    to.push(i);
    gaps.push(gap);
    gap = 0;
    gapStart = i;
  }
  if (inChunk) chunkTo.push(n);
  return t;
}

/** How many words a reader counts in a text: its chunks (`text.match(/\S+/g)?.length ?? 0`). */
export function countWords(text: string): number {
  return tokensOf(text).chunkFrom.length;
}
