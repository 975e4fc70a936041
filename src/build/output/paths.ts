// Output-path safety: every path the build writes is normalised and must stay inside the output
// folder, whatever the input says; two files never land on one path.

import path from 'node:path';
import { ArchiveError } from '../../errors.js';

/** Normalises a relative output path and refuses any that would leave the output folder. */
export function checkedRelativePath(relativePath: string): string {
  const normalised = path.posix.normalize(relativePath.replace(/\\/g, '/'));
  if (!normalised || normalised === '.' || path.posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../') || normalised.includes('\0')) {
    throw new ArchiveError(`refusing to write ${JSON.stringify(relativePath)}: every output path must stay inside the output folder`);
  }
  return normalised;
}

/**
 * Refuses a build in which two files would be written to one path: a static file would silently
 * replace a page (`public/index.html`), or one would land in the search index's folder.
 */
export function checkOutputPaths(pagePaths: string[], publicFiles: string[], publicDir: string): void {
  const pages = new Set<string>();
  for (const page of pagePaths) {
    const normalised = checkedRelativePath(page);
    if (pages.has(normalised)) throw new ArchiveError(`two pages would be written to ${normalised}; give one of them another slug`);
    pages.add(normalised);
  }
  for (const file of publicFiles) {
    const name = `${path.basename(publicDir)}/${file}`;
    if (pages.has(file)) throw new ArchiveError(`${name} would replace the page ${file} the build writes; rename or remove the static file`);
    if (file.startsWith('pagefind/')) throw new ArchiveError(`${name} is inside pagefind/, the search index's folder; move it elsewhere`);
  }
}
