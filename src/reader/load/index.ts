// Stage 1, load: one file's bytes to issue sources (decode, front matter, one source per issue of
// a raw export). `loadFile` is the one entry: build, check and import all load through it.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { checkCharacters } from './characters.js';
import { ArchiveError, BuildError, InputError } from '../../errors.js';
import { readFrontMatter, type FrontMatter } from './frontmatter.js';
import { countSectionBreaks, essentialText, splitIssues } from './split.js';
import { decodeText, splitLines } from './decode.js';

export { isIssueFileName } from './file-names.js';

/** One issue's text as found in the input, before parsing. */
export interface IssueSource {
  /** The file's path relative to the input folder (for messages). */
  file: string;
  /** 1-based line in the file of `lines[0]`. */
  firstLine: number;
  lines: string[];
  number: number;
  frontMatter: FrontMatter;
}

/** What a file holds: its issues, and warnings about what was removed or ignored. */
export interface LoadResult {
  sources: IssueSource[];
  warnings: string[];
}

/**
 * Loads one input file: decodes it, removes what cannot be text, reads its front matter and
 * splits a raw export into one source per issue, each numbered.
 * @param name the file's name, for messages and for a number given only by the name (`056.txt`)
 * @param bytes the file's bytes as read; a string is text already decoded (tests, scripts)
 */
export function loadFile(name: string, bytes: Uint8Array | string): LoadResult {
  const decoded = typeof bytes === 'string' ? bytes : decodeText(bytes, name);
  const { text, warnings: characterWarnings } = checkCharacters(decoded, name);
  const { data, body, lineOffset, warnings: frontMatterWarnings } = readFrontMatter(text, name);
  const warnings = [...characterWarnings, ...frontMatterWarnings];
  const chunks = splitIssues(splitLines(body), lineOffset + 1).filter((chunk) => chunk.lines.some((l) => l.trim()));
  if (chunks.length === 0) {
    const what = !decoded ? 'is empty' : lineOffset ? 'holds no text after its front matter' : 'holds only blank lines (spaces, tabs or invisible characters)';
    throw new InputError(name, undefined, `${what}; add the issue text or remove the file`);
  }
  if (chunks.length > 1 && (data.number !== undefined || data.slug !== undefined || data.title !== undefined)) {
    throw new InputError(name, 1, `holds ${chunks.length} issues, so its front matter cannot say which one "number", "slug" or "title" belong to; split the file with npm run import`);
  }
  const sources = chunks.map((chunk): IssueSource => {
    if (data.number !== undefined && chunk.number !== undefined && data.number !== chunk.number) {
      warnings.push(`${name}:${chunk.firstLine}: the front matter says number ${data.number}, the text says Krasse Links No ${chunk.number}; using ${data.number}`);
    }
    const number = data.number ?? chunk.number ?? numberFromFileName(name);
    if (number === undefined) {
      const several = (fileNameDigits(name)?.length ?? 0) > 1 ? ` (${name} holds more than one number)` : '';
      throw new InputError(name, chunk.firstLine, `has no issue number: add a line "Krasse Links No N", front matter "number: N", or put the number alone in the file name${several}`);
    }
    if (!Number.isSafeInteger(number)) throw new InputError(name, chunk.firstLine, `issue number ${number} is too large; correct it`);
    return { file: name, firstLine: chunk.firstLine, lines: chunk.lines, number, frontMatter: data };
  });
  return { sources, warnings };
}

/**
 * The issue number a file name gives: its only run of digits (`056.txt`, `notiz-42.txt`).
 * Note: a name with several (`2024-05-01.txt`) gives none, rather than a wrong one.
 */
function numberFromFileName(file: string): number | undefined {
  const digits = fileNameDigits(file);
  return digits?.length === 1 ? Number(digits[0]) : undefined;
}

function fileNameDigits(file: string): string[] | undefined {
  return path.basename(file, path.extname(file)).match(/\d+/g) ?? undefined;
}

/** What tells copies of one issue apart (see `pickCopies`): plain data, kept in the build's manifest. */
export interface IssueCopy {
  number: number;
  file: string;
  firstLine: number;
  /** A hash of the issue's words without blank lines and title line: equal for the same issue. */
  essential: string;
  /** How many section breaks the copy has: the author's breaks make a copy richer. */
  breaks: number;
}

/** A source as a copy of its issue. */
export function copyOf(source: IssueSource): IssueCopy {
  return {
    number: source.number,
    file: source.file,
    firstLine: source.firstLine,
    essential: createHash('sha256').update(essentialText(source.lines)).digest('base64url').slice(0, 32),
    breaks: countSectionBreaks(source.lines),
  };
}

/** Keeps one source per issue number (see `pickCopies`). */
export function dropDuplicateCopies(sources: IssueSource[], warnings: string[]): IssueSource[] {
  return pickCopies(
    sources.map((source) => ({ ...copyOf(source), source })),
    warnings,
  ).map((copy) => copy.source);
}

/**
 * Keeps one copy per issue number, in the order the numbers first come. Copies with the same
 * words are the same issue: the richer one (more section breaks; of equals, the first) is kept,
 * with a warning naming the other. Copies whose words differ are an error naming both.
 * @param conflict the error for two copies with different words (the first one seen, the other)
 */
export function pickCopies<T extends IssueCopy>(copies: T[], warnings: string[], conflict: (first: T, other: T) => BuildError = differentCopies): T[] {
  const byNumber = new Map<number, T>();
  for (const copy of copies) {
    const chosen = byNumber.get(copy.number);
    if (!chosen) {
      byNumber.set(copy.number, copy);
      continue;
    }
    if (chosen.essential !== copy.essential) throw conflict(chosen, copy);
    const richer = copy.breaks > chosen.breaks ? copy : chosen;
    byNumber.set(copy.number, richer);
    const dropped = richer === copy ? chosen : copy;
    warnings.push(`${dropped.file}:${dropped.firstLine}: issue No ${copy.number} is also in ${richer.file}; using the copy with section breaks`);
  }
  return [...byNumber.values()];
}

function differentCopies(first: IssueCopy, other: IssueCopy): BuildError {
  return new ArchiveError(`${first.file}:${first.firstLine} and ${other.file}:${other.firstLine} both hold issue No ${other.number} with different text; keep one of them`);
}
