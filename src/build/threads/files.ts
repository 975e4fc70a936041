// The scripts of the worker threads: only the bundle that `npm run …` starts has them
// (scripts/run.mjs names them); code run straight from src/ (tests, tsx) has none, and parses and
// renders on one thread, with the same results.

declare const KRASSE_LINKS_PARSE_WORKER: string | undefined;
declare const KRASSE_LINKS_RENDER_WORKER: string | undefined;

/** The worker threads' scripts for a build on at most `threads` threads: none for one thread, or outside the bundle. */
export function workerFiles(threads = 2): { parse?: string; render?: string } {
  if (threads < 2) return {};
  return {
    ...(typeof KRASSE_LINKS_PARSE_WORKER === 'string' ? { parse: KRASSE_LINKS_PARSE_WORKER } : {}),
    ...(typeof KRASSE_LINKS_RENDER_WORKER === 'string' ? { render: KRASSE_LINKS_RENDER_WORKER } : {}),
  };
}
