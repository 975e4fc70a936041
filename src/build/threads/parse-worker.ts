// A parsing thread (see parse.ts): parses each source it is sent and writes its model as JSON to the
// model store's file it is given, or else sends the JSON (UTF-8) back.

import fs from 'node:fs';
import { threadId, workerData, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import { parseIssue } from '../../reader/parse/index.js';
import type { ParseMessage, ParseRequest } from './parse.js';

const { port } = workerData as { port: MessagePort };
const utf8 = new TextEncoder();
port.on('message', ({ index, source, file }: ParseRequest) => {
  let message: ParseMessage;
  try {
    const json = JSON.stringify(parseIssue(source));
    if (file) store(file, json);
    message = file ? { index } : { index, model: utf8.encode(json) };
  } catch (error) {
    const { name, message: text } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    const code = (error as NodeJS.ErrnoException | undefined)?.code; // a failed write's (a full disk is said as one)
    message = { index, error: { name, message: text, forAuthor: error instanceof BuildError, ...(code ? { code } : {}) } };
  }
  // The JSON's bytes are moved, not copied: the main thread makes no string of them.
  port.postMessage(message, 'model' in message && message.model ? [message.model.buffer as ArrayBuffer] : []);
});

/** Writes the model's file under a name of its own first, so that a build stopped meanwhile leaves no half model. */
function store(file: string, json: string): void {
  const temporary = `${file}.${process.pid}.${threadId}`;
  fs.writeFileSync(temporary, json);
  fs.renameSync(temporary, file);
}
