// Static copies: the files of public/ (read once, with the build's inputs) go through the writer
// like pages, keyed by their content, so an unchanged one is taken over from the previous output
// instead of written again.

import type { StaticFile } from '../inputs.js';
import type { Writer } from './writer.js';

/** Writes static files through a writer, keeping unchanged ones; the number of files. */
export async function copyFiles(files: StaticFile[], writer: Writer): Promise<number> {
  for (const file of files) {
    if (!(await writer.keep(file.name, file.key))) await writer.write(file.name, file.content, file.key);
  }
  return files.length;
}
