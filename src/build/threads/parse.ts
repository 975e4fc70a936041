// Parsing on both cores: two worker threads parse, and this thread hands them the sources in input
// order, a few at a time to each, so neither waits for the other however long single issues take.
// Each worker writes each model as JSON to the model store's file for it (or, for a store without a
// folder, sends the JSON back).
// Note: the models are made models, read from the store, only once the workers have ended, so that
// neither the models of the whole archive nor their JSON is in this thread's memory beside the
// workers' word lists (the peak of a build's memory).
// Note: this thread parses nothing itself, so it never loads the reader's word lists (40 MB) or makes
// its garbage, and its heap, which holds every model through rendering, stays small; the workers,
// with their word lists, end with the parse stage. A worker gets a source only shortly before it
// parses it, and this thread lets go of each source once handed out: no thread holds the text of
// the whole archive (tens of MB at 1000 issues).
// Note: the workers run from the bundle that `npm run …` starts (see files.ts).

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import type { Issue } from '../../model.js';
import type { IssueSource } from '../../reader/load/index.js';
import { parseIssue } from '../../reader/parse/index.js';

/** Below this many issues a second thread costs more to start than it saves. */
const PARALLEL_FROM = 48;
/** Sources handed to a worker that it has not returned yet: enough that it never waits for the next. */
const AHEAD = 4;
/** The parsing threads: one per core of the machine this is made for. */
const THREADS = 2;

/** A source for the worker to parse, and the file to write its model to (see ModelStore.fileFor), if any. */
export interface ParseRequest {
  index: number;
  source: IssueSource;
  file: string | undefined;
}

/**
 * A source parsed: its model written to the file asked for, or else its JSON (UTF-8, in an
 * ArrayBuffer of its own, moved to this thread); or why it failed.
 */
export type ParseMessage = { index: number; model?: Uint8Array } | { index: number; error: { name: string; message: string; forAuthor: boolean; code?: string } };

/** Where the parsed models go. */
export interface ParsedModels {
  /** A model parsed on this thread. */
  parsed(index: number, model: Issue): void;
  /** The file a parsing thread is to write the model of a source to; undefined to have it sent back (to `sent`). */
  fileFor(index: number): string | undefined;
  /** A model a parsing thread sent back, as JSON (UTF-8, as JSON.stringify makes it). */
  sent(index: number, json: Buffer): void;
  /** Makes the models written or sent into models, once the parsing threads have ended and every source was parsed. */
  sentAll(): Promise<void>;
}

/**
 * Parses every source; each model goes to `models` (on this thread, in no set order), and
 * `advance` is called as each source is parsed (for the progress display).
 * Fails with the error of the first failing source in input order, as a single thread would.
 * Returns how many threads parsed.
 * @param sources taken over: each entry is let go of (set to undefined) once its source is handed out
 * @param workerFile the parsing threads' script (see files.ts); without one, this thread parses
 */
export async function parseSources(sources: (IssueSource | undefined)[], models: ParsedModels, advance: () => void, workerFile: string | undefined): Promise<number> {
  const take = (index: number): IssueSource => {
    const source = sources[index]!;
    sources[index] = undefined;
    return source;
  };
  if (!workerFile || sources.length < PARALLEL_FROM) {
    sources.forEach((_, index) => {
      models.parsed(index, parseIssue(take(index)));
      advance();
    });
    return 1;
  }
  const failures: { index: number; error: Error }[] = [];
  let next = 0;
  // After a failure no more sources are handed out; those handed out are waited for (an earlier one may fail too).
  const request = (): ParseRequest | undefined => (next < sources.length && !failures.length ? { index: next, file: models.fileFor(next), source: take(next++) } : undefined);
  const receive = (message: ParseMessage) => {
    const { index } = message;
    if ('error' in message) failures.push({ index, error: rebuiltError(message.error) });
    else if (message.model) models.sent(index, Buffer.from(message.model.buffer, message.model.byteOffset, message.model.byteLength));
    advance();
  };
  const threads = Array.from({ length: THREADS }, () => new ParseThread(workerFile));
  try {
    await Promise.all(threads.map((thread) => thread.parseAll(request, receive)));
  } finally {
    await Promise.all(threads.map((thread) => thread.close()));
  }
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first) throw first.error;
  await models.sentAll();
  return THREADS;
}

/** A parsing thread and the sources it has been handed and not returned. */
class ParseThread {
  private waiting = 0;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly failed: Promise<never>;

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Note: a young generation of 16 MB rather than V8's default keeps 13 MB less per thread, for no more processor time.
    this.worker = new Worker(file, { workerData: { port: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.failed = new Promise<never>((_, reject) => {
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the parsing thread stopped (exit code ${code})`)));
    });
    this.failed.catch(() => {}); // raced in parseAll
  }

  /** Parses what `request` hands out, a few sources ahead, until it hands out none and every result has come back. */
  async parseAll(request: () => ParseRequest | undefined, receive: (message: ParseMessage) => void): Promise<void> {
    const handOut = () => {
      for (let next = this.waiting < AHEAD && request(); next; next = this.waiting < AHEAD && request()) {
        this.port.postMessage(next);
        this.waiting++;
      }
    };
    handOut();
    if (!this.waiting) return;
    const done = new Promise<void>((resolve, reject) => {
      this.port.on('message', (message: ParseMessage) => {
        this.waiting--;
        try {
          receive(message);
          handOut();
        } catch (error) {
          reject(error); // a model that is not JSON: the build stops with that
        }
        if (!this.waiting) resolve();
      });
    });
    await Promise.race([done, this.failed]);
  }

  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}

/** The worker's error as this thread's: a build error stays one the author can fix. */
function rebuiltError({ name, message, forAuthor, code }: { name: string; message: string; forAuthor: boolean; code?: string }): Error {
  return Object.assign(forAuthor ? new BuildError(message) : new Error(message), { name }, code ? { code } : {});
}
