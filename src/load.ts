// Stage 1, load: read the input folder, decode each file, read its front matter and split raw
// exports into one source per issue. Nothing here interprets the prose.

import fs from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError, InputError } from './errors.js';
import { readFrontMatter, type FrontMatter } from './frontmatter.js';
import { countSectionBreaks, essentialText, splitIssues } from './split.js';
import { decodeText, splitLines } from './text.js';

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

export interface LoadResult {
  sources: IssueSource[];
  warnings: string[];
}

const ISSUE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/** Whether a file name is an issue file; editor leftovers and hidden files are not. */
export function isIssueFileName(name: string): boolean {
  if (name.startsWith('.') || name.endsWith('~') || name.startsWith('#')) return false;
  return ISSUE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Reads every issue file in `inputDir` (not recursive), sorted by name for a stable order. */
export async function loadIssues(inputDir: string): Promise<LoadResult> {
  let names: string[];
  try {
    names = (await fs.readdir(inputDir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (cause) {
    throw new ArchiveError(`cannot read the input folder ${inputDir}: ${(cause as Error).message}`, { cause });
  }
  const warnings: string[] = [];
  const sources: IssueSource[] = [];
  for (const name of names) {
    if (!isIssueFileName(name)) {
      if (!name.startsWith('.')) warnings.push(`${name}: not an issue file (.txt or .md), ignored`);
      continue;
    }
    const bytes = await fs.readFile(path.join(inputDir, name));
    const loaded = sourcesOfFile(name, decodeText(bytes, name));
    warnings.push(...loaded.warnings);
    sources.push(...loaded.sources);
  }
  return { sources: dropDuplicateCopies(sources, warnings), warnings };
}

/** Splits one decoded file into issue sources, numbering each. */
export function sourcesOfFile(file: string, text: string): LoadResult {
  const { data, body, lineOffset, warnings } = readFrontMatter(text, file);
  const chunks = splitIssues(splitLines(body), lineOffset + 1).filter((chunk) => chunk.lines.some((l) => l.trim()));
  if (chunks.length === 0) throw new InputError(file, undefined, 'holds no text; add the issue text or remove the file');
  if (chunks.length > 1 && (data.number !== undefined || data.slug !== undefined || data.title !== undefined)) {
    throw new InputError(file, 1, `holds ${chunks.length} issues, so its front matter cannot say which one "number", "slug" or "title" belong to; split the file with npm run import`);
  }
  const sources = chunks.map((chunk): IssueSource => {
    const number = data.number ?? chunk.number ?? numberFromFileName(file);
    if (number === undefined) {
      throw new InputError(file, chunk.firstLine, 'has no issue number: add a line "Krasse Links No N", front matter "number: N", or put the number in the file name');
    }
    return { file, firstLine: chunk.firstLine, lines: chunk.lines, number, frontMatter: data };
  });
  return { sources, warnings };
}

function numberFromFileName(file: string): number | undefined {
  const digits = /(\d+)/.exec(path.basename(file, path.extname(file)))?.[1];
  return digits === undefined ? undefined : Number(digits);
}

/**
 * Keeps one source per issue number. Copies with the same words are the same issue: the richer
 * one (more section breaks) is kept. Copies whose words differ are an error naming both files.
 */
export function dropDuplicateCopies(sources: IssueSource[], warnings: string[]): IssueSource[] {
  const byNumber = new Map<number, IssueSource>();
  for (const source of sources) {
    const kept = byNumber.get(source.number);
    if (!kept) {
      byNumber.set(source.number, source);
      continue;
    }
    if (essentialText(kept.lines) !== essentialText(source.lines)) {
      throw new ArchiveError(
        `${kept.file}:${kept.firstLine} and ${source.file}:${source.firstLine} both hold issue No ${source.number} with different text; keep one of them`,
      );
    }
    const richer = countSectionBreaks(source.lines) > countSectionBreaks(kept.lines) ? source : kept;
    byNumber.set(source.number, richer);
    const dropped = richer === source ? kept : source;
    warnings.push(`${dropped.file}:${dropped.firstLine}: issue No ${source.number} is also in ${richer.file}; using the copy with section breaks`);
  }
  return [...byNumber.values()];
}
