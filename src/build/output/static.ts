// Static copies: the files of public/ go through the writer like pages, keyed by their content,
// so an unchanged one is taken over from the previous output instead of copied again.

import fs from 'node:fs/promises';
import path from 'node:path';
import { contentKey } from '../incremental/keys.js';
import type { Writer } from './writer.js';

/** Copies static files (paths relative to `sourceDir`) through a writer, keeping unchanged ones; the number of files. */
export async function copyFiles(sourceDir: string, files: string[], writer: Writer): Promise<number> {
  for (const file of files) {
    const content = await fs.readFile(path.join(sourceDir, file));
    const key = contentKey(content);
    if (!(await writer.keep(file, key))) await writer.write(file, content, key);
  }
  return files.length;
}
