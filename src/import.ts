// `npm run import -- EXPORT…`: splits exports into one file per issue in `issues/`. An issue the
// archive already has with the same words is skipped, unless the new copy is richer (it has the
// author's section breaks, the old one does not); then it replaces the old one.

import fs from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError } from './errors.js';
import { isIssueFileName, sourcesOfFile, type IssueSource } from './load.js';
import { countSectionBreaks, essentialText } from './split.js';
import { decodeText } from './text.js';

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

export async function importExports(exportFiles: string[], intoDir: string): Promise<ImportResult> {
  await fs.mkdir(intoDir, { recursive: true });
  const archive = new Map<number, { source: IssueSource; path: string }>();
  for (const name of (await fs.readdir(intoDir)).filter(isIssueFileName).sort()) {
    const file = path.join(intoDir, name);
    for (const source of sourcesOfFile(name, decodeText(await fs.readFile(file), name)).sources) archive.set(source.number, { source, path: file });
  }

  // Plan everything first, so a conflict stops the import before any file is written.
  const planned = new Map<string, string>();
  const log: string[] = [];
  for (const exportFile of exportFiles) {
    const label = path.basename(exportFile);
    const { sources } = sourcesOfFile(label, decodeText(await fs.readFile(exportFile), label));
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
        log.push(`skipped No ${source.number} from ${where}: already in ${path.basename(kept.path)}`);
        continue;
      }
      const target = kept?.path ?? path.join(intoDir, issueFileName(source.number));
      planned.set(target, issueText(source.lines));
      archive.set(source.number, { source, path: target });
      log.push(`${kept ? 'replaced' : 'added'} No ${source.number} from ${where} → ${path.basename(target)}${kept ? ' (this copy has the section breaks)' : ''}`);
    }
  }
  for (const [target, text] of planned) await fs.writeFile(target, text);
  return { log, written: [...planned.keys()] };
}

/** The issue's lines as a file: LF line endings, no trailing blank lines, one final newline. */
function issueText(lines: string[]): string {
  const end = lines.findLastIndex((line) => line.trim());
  return `${lines.slice(0, end + 1).join('\n')}\n`;
}
