// `npm run import -- EXPORT… [--date YYYY-MM-DD]`: splits exports into one file per issue in
// `issues/`, loaded as the build loads them; `--date` dates the imported issue (front matter).

// Note: an issue the archive already has with the same words is skipped, unless the new copy is
// richer (it has the author's section breaks): `pickCopies` decides, as in a build.

import fs from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError, BuildError, unreadableFile } from '../errors.js';
import { readIssueDate } from '../reader/load/dates.js';
import { copyOf, isIssueFileName, loadFile, pickCopies, type IssueCopy, type IssueSource } from '../reader/load/index.js';

export interface ImportResult {
  /** One line per issue: added, replaced or skipped, and why. */
  log: string[];
  /** Paths written. */
  written: string[];
}

/** The file name an imported issue gets: `056.txt`. */
export function issueFileName(number: number): string {
  return `${String(number).padStart(3, '0')}.txt`;
}

/** A copy of an issue, in the archive or in an export, with the file it is (or will be) in. */
type Copy = IssueCopy & { source: IssueSource; path: string };

export interface ImportOptions {
  /** The date of the imported issue (`YYYY-MM-DD`), written to its front matter; the exports must hold one issue. */
  date?: string;
}

export async function importExports(exportFiles: string[], intoDir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const date = options.date === undefined ? undefined : dateOption(options.date);
  await fs.mkdir(intoDir, { recursive: true });
  // Each issue's copy in the archive (or planned for it), with the file it is in.
  const archive = new Map<number, Copy>();
  const copy = (source: IssueSource, file: string): Copy => ({ ...copyOf(source), source, path: file });
  for (const name of (await fs.readdir(intoDir)).filter(isIssueFileName).sort()) {
    const file = path.join(intoDir, name);
    for (const source of loadFile(name, await fs.readFile(file)).sources) archive.set(source.number, copy(source, file));
  }

  // Plan everything first, so a conflict stops the import before any file is written.
  const planned = new Map<string, string>();
  const log: string[] = [];
  const exports: { label: string; sources: IssueSource[] }[] = [];
  for (const exportFile of exportFiles) {
    const label = path.basename(exportFile);
    const bytes = await fs.readFile(exportFile).catch((error: unknown) => Promise.reject(unreadableFile(error, exportFile, 'the export')));
    exports.push({ label, sources: loadFile(label, bytes).sources });
  }
  const numbers = [...new Set(exports.flatMap((e) => e.sources.map((s) => s.number)))];
  if (date && numbers.length > 1) {
    throw new BuildError(`--date gives one issue its date, but the exports hold ${numbers.length} issues (No ${numbers.join(', No ')}); import them one at a time`);
  }
  const otherText = (archived: Copy, offered: Copy) =>
    new ArchiveError(
      `${offered.file}:${offered.firstLine} holds issue No ${offered.number} with other text than ${path.relative(process.cwd(), archived.path)}; ` +
        'remove or rename the archived file if the export is the right version',
    );
  for (const { sources } of exports) {
    for (const source of sources) {
      const archived = archive.get(source.number);
      const offered = copy(source, archived?.path ?? path.join(intoDir, issueFileName(source.number)));
      const where = `${offered.file}:${offered.firstLine}`;
      // The archive's copy stays unless the export's is richer, as when a build finds both.
      const [chosen] = pickCopies(archived ? [archived, offered] : [offered], [], otherText);
      if (chosen !== offered) {
        log.push(`skipped No ${source.number} from ${where}: already in ${path.basename(archived!.path)}${date ? ` (its date is not changed: set "date:" in its front matter)` : ''}`);
        continue;
      }
      // The date: the one given, else the export's, else the one of the copy replaced.
      const issueDate = date ?? source.frontMatter.date ?? archived?.source.frontMatter.date;
      planned.set(offered.path, issueText(source.lines, issueDate));
      archive.set(source.number, offered);
      log.push(
        `${archived ? 'replaced' : 'added'} No ${source.number} from ${where} → ${path.basename(offered.path)}${archived ? ' (this copy has the section breaks)' : ''}${issueDate ? `, dated ${issueDate}` : ''}`,
      );
    }
  }
  for (const [target, text] of planned) {
    await fs.writeFile(target, text).catch((error: NodeJS.ErrnoException) => Promise.reject(Object.assign(error, { path: error.path ?? target })));
  }
  return { log, written: [...planned.keys()] };
}

/** The `--date` option as ISO `YYYY-MM-DD`; the form the build reads, or an error saying what to write. */
function dateOption(written: string): string {
  const reading = readIssueDate(written);
  if ('problem' in reading) throw new BuildError(`--date ${written} ${reading.problem}`);
  return reading.date;
}

/** The issue's lines as a file: its date as front matter, LF line endings, no trailing blank lines, one final newline. */
function issueText(lines: string[], date?: string): string {
  const end = lines.findLastIndex((line) => line.trim());
  return `${date ? `---\ndate: ${date}\n---\n` : ''}${lines.slice(0, end + 1).join('\n')}\n`;
}
