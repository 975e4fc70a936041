// What a build tells of its progress, to whoever started it: the command line draws a live line
// from it (cli/progress.ts), the dev server and the tests pass nothing. The build never imports
// the command layer; its caller passes the Progress in, as Lume's site takes its logger.

export interface Progress {
  /** A stage begins; `total` is how many items it will count, if known. */
  stage(name: string, total?: number): void;
  /** `count` more items of the current stage are done. */
  advance(count?: number): void;
  /** Clears the live line before the summary is printed. */
  end(): void;
}

/** Runs one stage of a build, named, telling the progress and timing it; `total` as for Progress.stage. */
export type Stage = <T>(name: string, work: () => T | Promise<T>, total?: number) => Promise<T>;

/** Progress that goes nowhere: the default. */
export const silentProgress: Progress = { stage() {}, advance() {}, end() {} };
