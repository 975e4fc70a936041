// The second rendering thread (see render.ts): renders each page job it is sent with the same
// templates and sends back the page's text and links.

import { workerData, type MessagePort } from 'node:worker_threads';
import { BuildError } from '../../errors.js';
import { renderJob } from '../../site/render/page-jobs.js';
import { createPageRenderer } from '../../site/render/templates.js';
import { linksOf } from '../output/links.js';
import type { RenderRequest, RenderResult } from './render.js';

const { templatesDir, port } = workerData as { templatesDir: string; port: MessagePort };
const renderer = createPageRenderer(templatesDir);
port.on('message', ({ index, job }: RenderRequest) => {
  let result: RenderResult;
  try {
    const content = renderJob(job, renderer);
    result = { index, content, links: linksOf(content) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    result = { index, error: { name, message, forAuthor: error instanceof BuildError } };
  }
  port.postMessage(result);
});
