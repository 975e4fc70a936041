// Characters and words as numbers: a class for every UTF-16 code unit (letter, upper or lower
// case, digit, space, quotation mark) and a hash of every lower-cased word, so that a paragraph is
// scanned by character codes and its words looked up and compared without making strings.

import { isSpace } from '../words.js';

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

// Character classes, looked up by UTF-16 code unit.
export const SPACE = 1;
export const LETTER = 2;
export const UPPER = 4;
export const LOWER = 8;
export const DIGIT = 16;
export const OPENING = 32;
export const QUOTE_MARK = 64;
export const UMLAUT = 128;
export const OPENS_BEFORE = 256;
export const CLASS = new Uint16Array(65536);
export const CLOSING_OF = new Map<number, number>([
  [0x201e, 0x201c], // „ “
  [0xbb, 0xab], // » «
  [0x201c, 0x201d], // “ ”
  [0x201a, 0x2018], // ‚ ‘
  [0x2018, 0x2019], // ‘ ’
  [0xab, 0xbb], // « »
  [34, 34], // " "
]);
for (let c = 0; c < 65536; c++) {
  const char = String.fromCharCode(c);
  let kind = 0;
  // Note: a slash separates words too (`and/or`, `Autor*innen/Leser`), as whitespace does.
  if (isSpace(c) || c === 47) kind |= SPACE;
  if (c >= 48 && c <= 57) kind |= DIGIT;
  else if (/\p{L}/u.test(char)) {
    kind |= LETTER;
    if (/\p{Lu}/u.test(char)) kind |= UPPER;
    else if (/\p{Ll}/u.test(char)) kind |= LOWER;
  }
  if (CLOSING_OF.has(c)) kind |= OPENING;
  if ('„“”"‚‘’\'«»'.includes(char)) kind |= QUOTE_MARK;
  if ('äöüÄÖÜß'.includes(char)) kind |= UMLAUT;
  if ('(–—-/'.includes(char)) kind |= OPENS_BEFORE;
  CLASS[c] = kind;
}

/** How many letters of a word its stem keeps: `Souveränität` and `souverän` share `souver`. */
export const STEM = 6;

/** A 32-bit hash (FNV-1a) of the lower-cased letters from..to-1: words compared as numbers. */
export function hashWord(text: string, from: number, to: number): number {
  let hash = FNV_OFFSET;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ lowerCode(text.charCodeAt(i)), FNV_PRIME);
  return hash >>> 0;
}

/** The hash of a word's stem, as the terms of a paragraph hold it (for names found elsewhere). */
export function stemHash(word: string): number {
  return hashWord(word, 0, Math.min(word.length, STEM));
}

/** The hash of a whole word, as the capitals of a paragraph hold it. */
export function wordHash(word: string): number {
  return hashWord(word, 0, word.length);
}

export function lowerCode(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c < 0x250 && !(CLASS[c]! & UPPER)) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}
