// Stage 1, load: a file's bytes decoded to text, and text split into lines. UTF-8 (BOM or not)
// and UTF-16 with BOM are read; binary files and other encodings are refused, naming line and byte.

import { windows1252Char } from './characters.js';
import { InputError } from '../../errors.js';

/** Signatures of binary formats that end up in an issue folder by mistake. */
const SIGNATURES: [name: string, bytes: number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['a ZIP archive (or a Word or OpenDocument file)', [0x50, 0x4b, 0x03, 0x04]],
  ['a Word 97–2003 document', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

/** How much of a file is looked at to tell text from binary data. */
const SNIFF_BYTES = 8192;

/**
 * Decodes a file's bytes to a string: UTF-8 (with or without BOM) or UTF-16 with BOM.
 * Throws an InputError for binary files, UTF-16 without BOM, UTF-32 and invalid UTF-8 or UTF-16.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const refuse = (line: number | undefined, problem: string, cause?: unknown) => new InputError(file, line, problem, cause ? { cause } : undefined);
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw refuse(undefined, 'is UTF-32 text, which is not read; save it as UTF-8 and build again');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le', file);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be', file);
  const signature = SIGNATURES.find(([, prefix]) => startsWith(bytes, prefix))?.[0];
  if (signature) throw refuse(undefined, `is not a text file (it looks like ${signature}); remove it from the issue folder, or save the issue as plain text`);
  if (looksLikeUtf16WithoutBom(bytes)) throw refuse(undefined, 'looks like UTF-16 text without a byte-order mark, which cannot be read safely; save it as UTF-8 and build again');
  if (isBinaryData(bytes)) throw refuse(undefined, 'is not a text file (it holds binary data); remove it from the issue folder, or save the issue as plain text');
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch (cause) {
    const offset = firstInvalidUtf8Offset(bytes, start);
    const byte = bytes[offset];
    // Note: a file that holds valid UTF-8 before the bad byte is UTF-8 damaged in one place; one
    // that does not is most likely Windows-1252, the other encoding German text arrives in.
    const utf8Before = bytes.subarray(start, offset).some((b) => b >= 0x80);
    const windows1252 = byte !== undefined && byte >= 0x80 ? windows1252Char(byte) : '';
    const hint = utf8Before
      ? '; the rest is UTF-8, so the file is damaged there: retype the character and build again'
      : /^[\p{L}\p{P}\p{S}]$/u.test(windows1252)
        ? `; byte 0x${hex(byte!)} is "${windows1252}" in Windows-1252 ("ANSI"), so the file is probably saved in that encoding: save it as UTF-8 and build again`
        : '; save the file as UTF-8 and build again';
    throw refuse(lineAt(bytes, offset), `is not valid UTF-8 (first bad byte at offset ${offset})${hint}`, cause);
  }
}

/** Invisible format characters: zero-width space, (non-)joiner, word joiner, BOM. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/;

/**
 * Splits text into lines on LF, CRLF or CR. Invisible characters among the whitespace at either
 * end of a line are dropped, so that a line of them is blank and one before `Krasse Links No 5`
 * or `- ` does not hide what the line is; inside the text they stay as written.
 */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return INVISIBLE.test(text) ? lines.map(withoutInvisibleEdges) : lines;
}

/** A line without the invisible characters in its leading and trailing whitespace (linear, no backtracking). */
function withoutInvisibleEdges(line: string): string {
  const blank = (c: string) => INVISIBLE.test(c) || /\s/.test(c);
  let start = 0;
  while (start < line.length && blank(line[start]!)) start++;
  let end = line.length;
  while (end > start && blank(line[end - 1]!)) end--;
  const edge = (part: string) => part.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  return edge(line.slice(0, start)) + line.slice(start, end) + edge(line.slice(end));
}

/**
 * Whether the start of a file holds a share of NUL and other control bytes that no text has.
 * Note: text pasted from anywhere may hold a stray control character (removed with a warning
 * later), but never one in ten bytes.
 */
function isBinaryData(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  return head.length > 0 && controls > head.length * 0.1;
}

/** Mostly-ASCII text in UTF-16 has a NUL in every other byte, on one side of each pair only. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES & ~1);
  const zeros = [0, 0];
  for (let i = 0; i < head.length; i++) if (head[i] === 0) zeros[i % 2]!++;
  const pairs = head.length / 2;
  return pairs >= 4 && zeros[0]! > pairs * 0.3 !== zeros[1]! > pairs * 0.3;
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8Offset(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF are invalid too.
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return i;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (cause) {
    const offset = firstInvalidUtf16Offset(bytes, encoding === 'utf-16le') + 2;
    throw new InputError(file, undefined, `is not valid UTF-16 (first bad unit at byte offset ${offset}); save the file as UTF-8 and build again`, { cause });
  }
}

/** Byte offset (after the BOM) of the first unpaired surrogate, or of a last odd byte. */
function firstInvalidUtf16Offset(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number) => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  let i = 0;
  for (; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return i;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/** The 1-based line of a byte offset, counting LF, CRLF and CR line endings. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}
