// Stage 1, load: characters no reader can see are removed (with a warning), and text that went
// through the wrong encoding ("fÃ¼r") is reported, never silently repaired.

// Note: double-encoded text is an error when the whole file is so, a warning when the file also
// holds correctly encoded text (it may quote such a string on purpose).

import { InputError } from '../../errors.js';

export interface CheckedText {
  text: string;
  warnings: string[];
}

/**
 * Control characters (C0 except tab, LF and CR; DEL; C1) and the ANSI escape sequences of
 * terminal output. Vertical tab and form feed separate words, so they become spaces.
 */
const CONTROL = /\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]/g;

/** Windows-1252 characters that stand for the bytes 0x80–0xBF, the continuation bytes of UTF-8. */
const CONTINUATION = '\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
/** A UTF-8 lead byte and its continuation bytes, each read as a Windows-1252 character. */
const DOUBLE_ENCODED = new RegExp(`[\\u00C2-\\u00DF][${CONTINUATION}]|[\\u00E0-\\u00EF][${CONTINUATION}]{2}`, 'g');
/** What double-encoded sequences stand for: characters of Windows-1252 (Latin letters, typographic punctuation, €, ™). */
const PLAUSIBLE = /^[\u00A0-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u2010-\u203A\u20AC\u2122]$/u;
/** Correctly encoded non-ASCII text: letters with diacritics, typographic quotes and dashes. */
const CORRECT = /[\u00C0-\u017F\u2013\u2014\u2018-\u201E\u2026\u00AB\u00BB\u20AC]/;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * The characters of the Windows-1252 bytes 0x80–0x9F (the bytes 0xA0–0xFF are the same code points).
 * Note: spelled out because Node's TextDecoder reads 'windows-1252' as Latin-1 there.
 */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
/** Windows-1252 character → byte, for the bytes 0x80–0xFF. */
const windows1252Byte = new Map(Array.from({ length: 128 }, (_, i) => [windows1252Char(0x80 + i), 0x80 + i] as const));

/** The character a byte stands for in Windows-1252. */
export function windows1252Char(byte: number): string {
  return byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F[byte - 0x80]! : String.fromCharCode(byte);
}

/** Removes control characters and checks for double-encoded text; throws an InputError when a whole file is double-encoded. */
export function checkCharacters(text: string, file: string): CheckedText {
  const warnings: string[] = [];
  // Note: double-encoded text is looked for first, because a converter that took the bytes for
  // Latin-1 leaves C1 control characters inside each sequence (`â\u0080\u009e` for „).
  const found = findDoubleEncoded(text);
  if (found.length) {
    const first = found[0]!;
    const example = `"${visible(first.context)}" stands for "${first.repaired}"`;
    const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
    const line = lineOf(text, first.index);
    if (!CORRECT.test(withoutSpans(text, found))) {
      throw new InputError(
        file,
        line,
        `is encoded twice: ${example}${more}, UTF-8 read as Windows-1252 (or Latin-1) and saved again; export it again as UTF-8 from the original, or convert it back (iconv -f utf-8 -t windows-1252)`,
      );
    }
    warnings.push(`${file}:${line}: ${example}${more}, encoded twice (UTF-8 read as Windows-1252 or Latin-1); kept as written because the rest of the file is fine: correct it unless it is meant`);
  }
  const removed = removeControls(text);
  if (removed.count) {
    const c1 = removed.c1 ? c1Hint(removed.c1) : '';
    warnings.push(`${file}:${lineOf(text, removed.at)}: ${removed.count} control character(s) removed (the first is ${codePoint(removed.first)}), they cannot be shown${c1}`);
  }
  return { text: removed.text, warnings };
}

function removeControls(text: string): { text: string; count: number; first: string; at: number; c1?: string } {
  let count = 0;
  let first = '';
  let at = -1;
  let c1: string | undefined;
  const cleaned = text.replace(CONTROL, (match, offset: number) => {
    if (!count) {
      first = match[0]!;
      at = offset;
    }
    if (!c1 && match >= '\u0080' && match <= '\u009f') c1 = match;
    count++;
    return match === '\v' || match === '\f' ? ' ' : '';
  });
  return { text: count ? cleaned : text, count, first, at, ...(c1 ? { c1 } : {}) };
}

interface DoubleEncoded {
  index: number;
  length: number;
  /** The word around the sequence, as written. */
  context: string;
  /** The same word with every double-encoded sequence decoded. */
  repaired: string;
}

/** Double-encoded sequences: each must decode, read back as UTF-8, to a plausible character. */
export function findDoubleEncoded(text: string): DoubleEncoded[] {
  const found: DoubleEncoded[] = [];
  for (const match of text.matchAll(DOUBLE_ENCODED)) {
    if (!repair(match[0])) continue;
    const start = wordEdge(text, match.index, -1);
    const end = wordEdge(text, match.index + match[0].length, 1);
    const context = text.slice(start, end);
    found.push({ index: match.index, length: match[0].length, context, repaired: context.replace(DOUBLE_ENCODED, (m) => repair(m) ?? m) });
  }
  return found;
}

/** The character a double-encoded sequence stands for, or undefined when it stands for none. */
function repair(sequence: string): string | undefined {
  const bytes = [...sequence].map((c) => windows1252Byte.get(c) ?? c.charCodeAt(0));
  try {
    const decoded = utf8.decode(Uint8Array.from(bytes));
    return PLAUSIBLE.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** Index of the end of the word around `index` in one direction (at most 20 characters away). */
function wordEdge(text: string, index: number, direction: 1 | -1): number {
  let i = index;
  const limit = index + 20 * direction;
  while (i !== limit && (direction < 0 ? i > 0 && !/\s/.test(text[i - 1]!) : i < text.length && !/\s/.test(text[i]!))) i += direction;
  return i;
}

function withoutSpans(text: string, spans: { index: number; length: number }[]): string {
  let rest = '';
  let last = 0;
  for (const span of spans) {
    rest += text.slice(last, span.index);
    last = span.index + span.length;
  }
  return rest + text.slice(last);
}

function c1Hint(character: string): string {
  const meant = windows1252Char(character.charCodeAt(0));
  return meant === character
    ? ''
    : `; ${codePoint(character)} is "${meant}" in Windows-1252, so the text was probably converted from Windows-1252 as if it were Latin-1: export it again as UTF-8 to keep those characters`;
}

/** Text for a message: control characters shown as their code points. */
function visible(text: string): string {
  return text.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `<${codePoint(c)}>`);
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The 1-based line of a string index (lines end at LF, CRLF or CR). */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) line++;
  }
  return line;
}
