// Stage 1, load: read the input folder, decode each file, read its front matter and split raw
// exports into one source per issue. Nothing here interprets the prose.

import path from 'node:path';
import { checkCharacters } from './characters.js';
import { ArchiveError, InputError } from '../errors.js';
import { readFrontMatter, type FrontMatter } from './frontmatter.js';
import { countSectionBreaks, essentialText, splitIssues } from './split.js';
import { inputBytes, readIssueFiles } from './inputs.js';
import { decodeText, splitLines } from './text.js';

export { isIssueFileName, readIssueFiles, type InputFile } from './inputs.js';

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

/** What is needed to tell copies of one issue apart (see `pickCopies`). */
export interface IssueCopy {
  number: number;
  file: string;
  firstLine: number;
  /** The issue's words without blank lines and title line (or a hash of them). */
  essential: string;
  /** How many section breaks the copy has. */
  breaks: number;
}

export interface LoadResult {
  sources: IssueSource[];
  warnings: string[];
}


/** Reads every issue file in `inputDir` (not recursive), sorted by name for a stable order. */
export async function loadIssues(inputDir: string): Promise<LoadResult> {
  const { files, warnings } = await readIssueFiles(inputDir);
  const sources: IssueSource[] = [];
  for (const file of files) {
    const loaded = sourcesOfFile(file.name, decodeText(inputBytes(file), file.name));
    warnings.push(...loaded.warnings);
    sources.push(...loaded.sources);
  }
  return { sources: dropDuplicateCopies(sources, warnings), warnings };
}

/** Splits one decoded file into issue sources, numbering each. */
export function sourcesOfFile(file: string, decoded: string): LoadResult {
  const { text, warnings: characterWarnings } = checkCharacters(decoded, file);
  const { data, body, lineOffset, warnings: frontMatterWarnings } = readFrontMatter(text, file);
  const warnings = [...characterWarnings, ...frontMatterWarnings];
  const chunks = splitIssues(splitLines(body), lineOffset + 1).filter((chunk) => chunk.lines.some((l) => l.trim()));
  if (chunks.length === 0) {
    const what = !decoded ? 'is empty' : lineOffset ? 'holds no text after its front matter' : 'holds only blank lines (spaces, tabs or invisible characters)';
    throw new InputError(file, undefined, `${what}; add the issue text or remove the file`);
  }
  if (chunks.length > 1 && (data.number !== undefined || data.slug !== undefined || data.title !== undefined)) {
    throw new InputError(file, 1, `holds ${chunks.length} issues, so its front matter cannot say which one "number", "slug" or "title" belong to; split the file with npm run import`);
  }
  const sources = chunks.map((chunk): IssueSource => {
    if (data.number !== undefined && chunk.number !== undefined && data.number !== chunk.number) {
      warnings.push(`${file}:${chunk.firstLine}: the front matter says number ${data.number}, the text says Krasse Links No ${chunk.number}; using ${data.number}`);
    }
    const number = data.number ?? chunk.number ?? numberFromFileName(file);
    if (number === undefined) {
      const several = (fileNameDigits(file)?.length ?? 0) > 1 ? ` (${file} holds more than one number)` : '';
      throw new InputError(file, chunk.firstLine, `has no issue number: add a line "Krasse Links No N", front matter "number: N", or put the number alone in the file name${several}`);
    }
    if (!Number.isSafeInteger(number)) throw new InputError(file, chunk.firstLine, `issue number ${number} is too large; correct it`);
    return { file, firstLine: chunk.firstLine, lines: chunk.lines, number, frontMatter: data };
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

/** Keeps one source per issue number (see `pickCopies`). */
export function dropDuplicateCopies(sources: IssueSource[], warnings: string[]): IssueSource[] {
  const copies = sources.map((source) => ({ source, number: source.number, file: source.file, firstLine: source.firstLine, essential: essentialText(source.lines), breaks: countSectionBreaks(source.lines) }));
  return pickCopies(copies, warnings).map((copy) => copy.source);
}

/**
 * Keeps one copy per issue number. Copies with the same words are the same issue: the richer
 * one (more section breaks) is kept. Copies whose words differ are an error naming both files.
 */
export function pickCopies<T extends IssueCopy>(copies: T[], warnings: string[]): T[] {
  const byNumber = new Map<number, T>();
  for (const copy of copies) {
    const kept = byNumber.get(copy.number);
    if (!kept) {
      byNumber.set(copy.number, copy);
      continue;
    }
    if (kept.essential !== copy.essential) {
      throw new ArchiveError(
        `${kept.file}:${kept.firstLine} and ${copy.file}:${copy.firstLine} both hold issue No ${copy.number} with different text; keep one of them`,
      );
    }
    const richer = copy.breaks > kept.breaks ? copy : kept;
    byNumber.set(copy.number, richer);
    const dropped = richer === copy ? kept : copy;
    warnings.push(`${dropped.file}:${dropped.firstLine}: issue No ${copy.number} is also in ${richer.file}; using the copy with section breaks`);
  }
  return [...byNumber.values()];
}


