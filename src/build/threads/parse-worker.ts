// The second parsing thread (see parse.ts): takes the next unparsed issue until none is left
// and sends each model back as JSON, as the build cache stores it.

import { workerData, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import type { IssueSource } from '../../reader/load/index.js';
import { parseIssue } from '../../reader/parse/index.js';
import type { ParseMessage } from './parse.js';

const { sources, next, port } = workerData as { sources: IssueSource[]; next: Int32Array; port: MessagePort };
const send = (message: ParseMessage) => port.postMessage(message);
for (let index = Atomics.add(next, 0, 1); index < sources.length; index = Atomics.add(next, 0, 1)) {
  try {
    send({ index, model: JSON.stringify(parseIssue(sources[index]!)) });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    send({ index, error: { name, message, forAuthor: error instanceof BuildError } });
    Atomics.store(next, 0, sources.length); // the build fails: the other thread stops too
    break;
  }
}
send({ done: true });
port.close();
