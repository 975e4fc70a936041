// Characters and words as numbers: a class for every UTF-16 code unit and a hash of every word,
// so that the tokenizer (tokens.ts) reads a paragraph by character codes, and the readers after
// it look words up and compare them without making strings.

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

// Character classes, looked up by UTF-16 code unit.
/** Whitespace as JavaScript's `\s` matches it: what separates the words a reader counts. */
export const WHITESPACE = 1;
/** A letter (`\p{L}`). */
export const LETTER = 2;
export const UPPER = 4;
export const LOWER = 8;
/** The digits 0–9. */
export const DIGIT = 16;
/** A quotation mark that opens a quotation (see CLOSING_OF). */
export const OPENING = 32;
export const QUOTE_MARK = 64;
export const UMLAUT = 128;
/** Characters after which a quotation mark opens a quotation (besides whitespace and a slash). */
export const OPENS_BEFORE = 256;
/** A letter or any digit (`\p{L}`, `\p{N}`; surrogates are neither): what a word is made of. */
export const WORD = 512;
/** `-`, `'`, `’`: join two runs of letters into one word (`KI-Hype`, `Trump’s`). */
export const JOINER = 1024;
/** `.`, `!`, `?`, `:`, `…`: end a sentence. */
export const SENTENCE_END = 2048;
/** A slash: the evidence reads `and/or` as two words. */
export const SLASH = 4096;
/** What the evidence reads besides the words: quotation marks, apostrophes, `[` and `/`. */
export const MARK = 8192;
/** A space or a no-break space: between two words of a name (`Elon Musk`). */
export const SPACE = 16384;

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

/** Whether a UTF-16 code unit is whitespace as `\s` matches it. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

for (let c = 0; c < 65536; c++) {
  const char = String.fromCharCode(c);
  let kind = 0;
  if (isSpace(c)) kind |= WHITESPACE;
  if (c === 0x20 || c === 0xa0) kind |= SPACE;
  if (c === 47) kind |= SLASH | MARK;
  if (c >= 48 && c <= 57) kind |= DIGIT;
  else if (/\p{L}/u.test(char)) {
    kind |= LETTER;
    if (/\p{Lu}/u.test(char)) kind |= UPPER;
    else if (/\p{Ll}/u.test(char)) kind |= LOWER;
  }
  if ((c < 0xd800 || c >= 0xe000) && /[\p{L}\p{N}]/u.test(char)) kind |= WORD;
  if (c === 0x2d || c === 0x27 || c === 0x2019) kind |= JOINER;
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x2026) kind |= SENTENCE_END;
  if (CLOSING_OF.has(c)) kind |= OPENING | MARK;
  if ('„“”"‚‘’\'«»'.includes(char)) kind |= QUOTE_MARK | MARK;
  if (c === 91) kind |= MARK;
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
