// Errors the author can act on: one class, BuildError, naming the file (and line) and what to do.
// The CLI prints its message as one line (exit code 1) and shows the stack only with --verbose.

import path from 'node:path';

/** Where a problem is, and the error behind it. */
export interface ErrorPlace {
  /** The file the author fixes: an issue, the site config (as messages name it). */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  cause?: unknown;
}

export class BuildError extends Error {
  override name = 'BuildError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  /**
   * @param problem what is wrong and what to do (`front matter cannot be read (…); fix the block between the --- lines`)
   * @param place the file and line, which open the message (`030.txt:2: …`), and the cause
   */
  constructor(problem: string, place: ErrorPlace = {}) {
    const where = place.file ? `${place.file}${place.line ? `:${place.line}` : ''}: ` : '';
    super(`${where}${problem}`, place.cause === undefined ? undefined : { cause: place.cause });
    this.file = place.file;
    this.line = place.line;
  }
}

// Note: the kinds below are BuildErrors, printed alike; they name the stage (as Eleventy's error
// classes do) for callers and tests that tell them apart.

/** A problem in one input file: bad encoding, front matter, config, an issue without a number… */
export class InputError extends BuildError {
  override name = 'InputError';
  constructor(file: string, line: number | undefined, problem: string, options: { cause?: unknown } = {}) {
    super(problem, { file, ...(line ? { line } : {}), cause: options.cause });
  }
}

/** A problem with the archive as a whole: two files claiming one issue, a page path collision… */
export class ArchiveError extends BuildError {
  override name = 'ArchiveError';
}

/** A problem in a template the author edited. */
export class TemplateError extends BuildError {
  override name = 'TemplateError';
}

/** Pagefind reported errors while indexing. */
export class SearchIndexError extends BuildError {
  override name = 'SearchIndexError';
}

/** What a file system error code means, in the words of the messages (`the disk is full`). */
export const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'there is no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EISDIR: 'it is a folder, not a file',
};

/**
 * A file the author named that cannot be read, as a BuildError naming it and what to do; other
 * failures are returned as they are.
 * @param what what the file is to the command (`the export`)
 */
export function unreadableFile(error: unknown, file: string, what: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const advice: Record<string, string> = {
    ENOENT: `${what} ${file} does not exist; check the name and the folder`,
    EISDIR: `${what} ${file} is a folder, not a file; name the files in it (${path.join(file, '*.txt')})`,
    EACCES: `${what} ${file} cannot be read: permission denied; check its permissions (ls -l)`,
    EPERM: `${what} ${file} cannot be read: operation not permitted; check its permissions (ls -l)`,
  };
  const problem = (code && advice[code]) ?? (code && SYSTEM_ERRORS[code] ? `${what} ${file} cannot be read: ${SYSTEM_ERRORS[code]}` : undefined);
  return problem ? new BuildError(problem, { cause: error }) : error;
}
