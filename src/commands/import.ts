// `npm run import -- EXPORT… [--date YYYY-MM-DD]`: splits exports into one file per issue in
// `issues/`. An issue the archive already has with the same words is skipped, unless the new copy
// is richer (it has the author's section breaks, the old one does not); then it replaces the old
// one. `--date` gives the imported issue its date (front matter `date:`).

import fs from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError, BuildError } from '../errors.js';
import { toIsoDate } from '../load/frontmatter.js';
import { isIssueFileName, sourcesOfFile, type IssueSource } from '../load/index.js';
import { countSectionBreaks, essentialText } from '../load/split.js';
import { decodeText } from '../load/text.js';

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

export interface ImportOptions {
  /** The date of the imported issue (`YYYY-MM-DD`), written to its front matter; the exports must hold one issue. */
  date?: string;
}

export async function importExports(exportFiles: string[], intoDir: string, options: ImportOptions = {}): Promise<ImportResult> {
  const date = options.date === undefined ? undefined : toIsoDate(options.date, () => new BuildError(`--date must be a real date written YYYY-MM-DD, not ${JSON.stringify(options.date)}`));
  await fs.mkdir(intoDir, { recursive: true });
  const archive = new Map<number, { source: IssueSource; path: string }>();
  for (const name of (await fs.readdir(intoDir)).filter(isIssueFileName).sort()) {
    const file = path.join(intoDir, name);
    for (const source of sourcesOfFile(name, decodeText(await fs.readFile(file), name)).sources) archive.set(source.number, { source, path: file });
  }

  // Plan everything first, so a conflict stops the import before any file is written.
  const planned = new Map<string, string>();
  const log: string[] = [];
  const exports: { label: string; sources: IssueSource[] }[] = [];
  for (const exportFile of exportFiles) {
    const label = path.basename(exportFile);
    exports.push({ label, sources: sourcesOfFile(label, decodeText(await fs.readFile(exportFile), label)).sources });
  }
  const numbers = [...new Set(exports.flatMap((e) => e.sources.map((s) => s.number)))];
  if (date && numbers.length > 1) {
    throw new BuildError(`--date gives one issue its date, but the exports hold ${numbers.length} issues (No ${numbers.join(', No ')}); import them one at a time`);
  }
  for (const { label, sources } of exports) {
    for (const source of sources) {
      const kept = archive.get(source.number);
      const where = `${label}:${source.firstLine}`;
      if (kept && essentialText(kept.source.lines) !== essentialText(source.lines)) {
        throw new ArchiveError(
          `${where} holds issue No ${source.number} with other text than ${path.relative(process.cwd(), kept.path)}; ` +
            'remove or rename the archived file if the export is the right version',
        );
      }
      if (kept && countSectionBreaks(source.lines) <= countSectionBreaks(kept.source.lines)) {
        log.push(`skipped No ${source.number} from ${where}: already in ${path.basename(kept.path)}${date ? ` (its date is not changed: set "date:" in its front matter)` : ''}`);
        continue;
      }
      const target = kept?.path ?? path.join(intoDir, issueFileName(source.number));
      // The date: the one given, else the export's, else the one of the copy replaced.
      const issueDate = date ?? source.frontMatter.date ?? kept?.source.frontMatter.date;
      planned.set(target, issueText(source.lines, issueDate));
      archive.set(source.number, { source, path: target });
      log.push(`${kept ? 'replaced' : 'added'} No ${source.number} from ${where} → ${path.basename(target)}${kept ? ' (this copy has the section breaks)' : ''}${issueDate ? `, dated ${issueDate}` : ''}`);
    }
  }
  for (const [target, text] of planned) await fs.writeFile(target, text);
  return { log, written: [...planned.keys()] };
}

/** The issue's lines as a file: its date as front matter, LF line endings, no trailing blank lines, one final newline. */
function issueText(lines: string[], date?: string): string {
  const end = lines.findLastIndex((line) => line.trim());
  return `${date ? `---\ndate: ${date}\n---\n` : ''}${lines.slice(0, end + 1).join('\n')}\n`;
}
