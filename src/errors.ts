// Errors the author can act on. Each names the file (and line) and says what to do; the CLI
// prints `message` as one line and shows the stack only with --verbose.

export class BuildError extends Error {
  override name = 'BuildError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A problem with one input file: bad encoding, front matter, an issue that cannot be numbered… */
export class InputError extends BuildError {
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${problem}`, options);
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
