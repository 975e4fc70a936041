// Parsing on both cores: this thread hands the sources out in input order, a few at a time to a
// worker thread and one at a time to itself, so neither waits for the other however long single
// issues take. The worker sends each model as JSON, which the model store can write as it is.
// Note: the worker gets a source only shortly before it parses it, and this thread lets go of each
// source once it is parsed: neither thread holds the text of the whole archive (tens of MB at
// 1000 issues, at the build's peak of memory).
// Note: the worker runs from the bundle that `npm run …` starts (see files.ts).

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import type { Issue } from '../../model.js';
import type { IssueSource } from '../../reader/load/index.js';
import { parseIssue } from '../../reader/parse/index.js';

/** Below this many issues a second thread costs more to start than it saves. */
const PARALLEL_FROM = 48;
/** Sources handed to the worker that it has not returned yet: enough that it never waits for the next while this thread parses one. */
const AHEAD = 8;

/** A source for the worker to parse. */
export interface ParseRequest {
  index: number;
  source: IssueSource;
}

export type ParseMessage = { index: number; model: string } | { index: number; error: { name: string; message: string; forAuthor: boolean } };

/** Takes a parsed source's model, and its JSON when it came from the worker (as JSON.stringify makes it). */
export type ParsedSource = (index: number, model: Issue, json: string | undefined) => void;

/**
 * Parses every source; `parsed` is called once per source (on this thread, in no set order).
 * Fails with the error of the first failing source in input order, as a single thread would.
 * Returns how many threads parsed.
 * @param sources taken over: each entry is let go of (set to undefined) once its source is parsed
 * @param workerFile the parsing thread's script (see files.ts); without one, one thread parses
 */
export async function parseSources(sources: (IssueSource | undefined)[], parsed: ParsedSource, workerFile: string | undefined): Promise<number> {
  const take = (index: number): IssueSource => {
    const source = sources[index]!;
    sources[index] = undefined;
    return source;
  };
  if (!workerFile || sources.length < PARALLEL_FROM) {
    sources.forEach((_, index) => parsed(index, parseIssue(take(index)), undefined));
    return 1;
  }
  const thread = new ParseThread(workerFile);
  const failures: { index: number; error: Error }[] = [];
  let next = 0;
  const handOut = () => {
    for (; thread.waiting < AHEAD && next < sources.length && !failures.length; next++) thread.post(next, take(next));
  };
  const receive = (message: ParseMessage) => {
    if ('error' in message) failures.push({ index: message.index, error: rebuiltError(message.error) });
    else parsed(message.index, JSON.parse(message.model) as Issue, message.model);
    handOut();
  };
  try {
    handOut();
    while (next < sources.length && !failures.length) {
      const index = next++;
      try {
        parsed(index, parseIssue(take(index)), undefined);
      } catch (error) {
        failures.push({ index, error: error as Error });
      }
      // Take in what the worker has finished meanwhile, so its models do not pile up, and hand it more.
      for (const message of thread.arrived()) receive(message);
    }
    await thread.drain(receive);
  } finally {
    await thread.close();
  }
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first) throw first.error;
  return 2;
}

/** The worker thread, the sources it has been handed and not returned, and its results. */
class ParseThread {
  waiting = 0;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly failed: Promise<never>;

  constructor(file: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(file, { workerData: { port: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.failed = new Promise<never>((_, reject) => {
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the parsing thread stopped (exit code ${code})`)));
    });
    this.failed.catch(() => {}); // raced in drain
  }

  post(index: number, source: IssueSource): void {
    this.port.postMessage({ index, source } satisfies ParseRequest);
    this.waiting++;
  }

  /** The results that have arrived so far (without waiting). */
  *arrived(): Generator<ParseMessage> {
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      this.waiting--;
      yield message.message as ParseMessage;
    }
  }

  /** Takes every result still to come (and those `receive` hands out meanwhile), as they arrive. */
  async drain(receive: (message: ParseMessage) => void): Promise<void> {
    for (const message of this.arrived()) receive(message);
    if (!this.waiting) return;
    // Note: from here on the results come as events (a port with a listener no longer queues them
    // for receiveMessageOnPort).
    const done = new Promise<void>((resolve, reject) => {
      this.port.on('message', (message: ParseMessage) => {
        this.waiting--;
        try {
          receive(message);
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
function rebuiltError({ name, message, forAuthor }: { name: string; message: string; forAuthor: boolean }): Error {
  return Object.assign(forAuthor ? new BuildError(message) : new Error(message), { name });
}
