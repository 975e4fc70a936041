// The second parsing thread (see parse.ts): parses each source it is sent and sends its model back
// as JSON, as the build cache stores it.

import { workerData, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import { parseIssue } from '../../reader/parse/index.js';
import type { ParseMessage, ParseRequest } from './parse.js';

const { port } = workerData as { port: MessagePort };
port.on('message', ({ index, source }: ParseRequest) => {
  let message: ParseMessage;
  try {
    message = { index, model: JSON.stringify(parseIssue(source)) };
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    message = { index, error: { name, message: text, forAuthor: error instanceof BuildError } };
  }
  port.postMessage(message);
});
