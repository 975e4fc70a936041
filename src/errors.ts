// Errors the author can act on: one class, BuildError, naming the file (and line) and what to do.
// The CLI prints its message as one line (exit code 1) and shows the stack only with --verbose.

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
