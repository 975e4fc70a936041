// Parsing on both cores: a worker thread and this one take issues from a shared counter until
// none is left, so neither waits for the other however long single issues take. The worker
// sends each model as JSON.
// Note: the worker runs from the bundle that `npm run …` starts (see files.ts).

import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import type { Issue } from '../../model.js';
import type { IssueSource } from '../../reader/load/index.js';
import { parseIssue } from '../../reader/parse/index.js';

/** Below this many issues a second thread costs more to start than it saves. */
const PARALLEL_FROM = 48;

export type ParseMessage = { index: number; model: string } | { index: number; error: { name: string; message: string; forAuthor: boolean } } | { done: true };

/** The models of the sources, in their order, and how many threads parsed them. */
export interface Parsed {
  models: Issue[];
  threads: number;
}

/**
 * Parses every source; `advance` is called once per parsed source, for the progress display.
 * Fails with the error of the first failing source in input order, as a single thread would.
 * @param workerFile the parsing thread's script (see files.ts); without one, one thread parses
 */
export async function parseSources(sources: IssueSource[], advance: () => void, workerFile: string | undefined): Promise<Parsed> {
  const models: Issue[] = new Array<Issue>(sources.length);
  const parsed = (index: number, issue: Issue) => {
    models[index] = issue;
    advance();
  };
  if (!workerFile || sources.length < PARALLEL_FROM) {
    sources.forEach((source, index) => parsed(index, parseIssue(source)));
    return { models, threads: 1 };
  }
  const next = new Int32Array(new SharedArrayBuffer(4));
  const { port1: results, port2 } = new MessageChannel();
  const worker = new Worker(workerFile, { workerData: { sources, next, port: port2 }, transferList: [port2] });
  const failures: { index: number; error: Error }[] = [];
  let workerDone = false;
  const receive = (message: ParseMessage) => {
    if ('done' in message) workerDone = true;
    else if ('error' in message) {
      const { name, message: text, forAuthor } = message.error;
      failures.push({ index: message.index, error: Object.assign(forAuthor ? new BuildError(text) : new Error(text), { name }) });
    } else {
      parsed(message.index, JSON.parse(message.model) as Issue);
    }
  };
  const workerFailed = new Promise<never>((_, reject) => {
    worker.on('error', reject);
    // Note: a clean exit may come before the last messages; only a failed one means lost work.
    worker.on('exit', (code) => code !== 0 && reject(new Error(`the parsing thread stopped (exit code ${code})`)));
  });
  workerFailed.catch(() => {}); // raced below
  try {
    for (let index = Atomics.add(next, 0, 1); index < sources.length; index = Atomics.add(next, 0, 1)) {
      try {
        parsed(index, parseIssue(sources[index]!));
      } catch (error) {
        failures.push({ index, error: error as Error });
        Atomics.store(next, 0, sources.length);
        break;
      }
      // Take in what the worker has finished meanwhile, so its models do not pile up.
      for (let message = receiveMessageOnPort(results); message; message = receiveMessageOnPort(results)) receive(message.message as ParseMessage);
    }
    if (!workerDone) {
      // The rest arrives as events, until the worker says it is done.
      const done = new Promise<void>((resolve, reject) => {
        results.on('message', (message: ParseMessage) => {
          try {
            receive(message);
          } catch (error) {
            reject(error); // a model that is not JSON: the build stops with that
          }
          if (workerDone) resolve();
        });
      });
      await Promise.race([done, workerFailed]);
    }
  } finally {
    results.close();
    await worker.terminate();
  }
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first) throw first.error;
  return { models, threads: 2 };
}
