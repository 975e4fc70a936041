// Rendering on both cores: a worker thread renders the pages this thread hands it (as plain-data
// jobs, see page-jobs.ts) while this thread renders the others and writes them all. The worker is
// kept a few pages ahead, so neither waits for the other.
// Note: as for parsing (parse.ts), only the bundle that `npm run …` starts has the worker's file
// (see files.ts).

import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { BuildError, TemplateError } from '../../errors.js';
import type { PageJob } from '../../site/render/page-jobs.js';
import type { Page } from '../../site/render/pages.js';
import { linksOf, type PageLinks } from '../output/links.js';

/** Below this many pages a second thread costs more to start than it saves. */
const PARALLEL_FROM = 48;
/** Pages handed to the worker that it has not returned yet: enough that it never waits for the next. */
const AHEAD = 3;

export interface RenderRequest {
  index: number;
  job: PageJob;
}

export type RenderResult = { index: number; content: string; links: PageLinks } | { index: number; error: { name: string; message: string; forAuthor: boolean } };

/** Takes a rendered page: its text, and an HTML page's links. */
export type RenderedPage = (page: Page, content: string, links: PageLinks | undefined) => Promise<void>;

/**
 * Renders every page, on two threads when there are many; `rendered` is called once per page (on
 * this thread, one page at a time, in no set order). Returns how many threads rendered.
 * @param workerFile the rendering thread's script (see files.ts); without one, one thread renders
 */
export async function renderPages(pages: Page[], templatesDir: string, rendered: RenderedPage, workerFile: string | undefined): Promise<number> {
  const renderHere = async (page: Page) => {
    const content = page.render();
    await rendered(page, content, page.path.endsWith('.html') ? linksOf(content) : undefined);
  };
  if (!workerFile || pages.filter((page) => page.job).length < PARALLEL_FROM) {
    for (const page of pages) await renderHere(page);
    return 1;
  }
  const thread = new RenderThread(workerFile, templatesDir);
  const receive = async (result: RenderResult) => {
    if ('error' in result) throw rebuiltError(result.error);
    const page = pages[result.index]!;
    await rendered(page, result.content, page.path.endsWith('.html') ? result.links : undefined);
  };
  try {
    let next = 0;
    while (next < pages.length) {
      for (; thread.waiting < AHEAD && next < pages.length && pages[next]!.job; next++) thread.post(next, pages[next]!.job!());
      if (next < pages.length) await renderHere(pages[next++]!);
      for (const result of thread.arrived()) await receive(result);
    }
    await thread.drain(receive);
  } finally {
    await thread.close();
  }
  return 2;
}

/** The worker thread, the pages it has been handed and not returned, and its results. */
class RenderThread {
  waiting = 0;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly failed: Promise<never>;

  constructor(file: string, templatesDir: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    // Note: a young generation of 16 MB (as the parsing threads'), so that it holds less garbage at once.
    this.worker = new Worker(file, { workerData: { templatesDir, port: port2 }, transferList: [port2], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    this.failed = new Promise<never>((_, reject) => {
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the rendering thread stopped (exit code ${code})`)));
    });
    this.failed.catch(() => {}); // raced in drain
  }

  post(index: number, job: PageJob): void {
    this.port.postMessage({ index, job } satisfies RenderRequest);
    this.waiting++;
  }

  /** The results that have arrived so far (without waiting). */
  *arrived(): Generator<RenderResult> {
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      this.waiting--;
      yield message.message as RenderResult;
    }
  }

  /** Takes every result still to come, one after the other, as it arrives. */
  async drain(receive: (result: RenderResult) => Promise<void>): Promise<void> {
    for (const result of this.arrived()) await receive(result);
    if (!this.waiting) return;
    // Note: from here on the results come as events (a port with a listener no longer queues them
    // for receiveMessageOnPort).
    let taken = Promise.resolve();
    const done = new Promise<void>((resolve, reject) => {
      this.port.on('message', (result: RenderResult) => {
        this.waiting--;
        taken = taken.then(() => receive(result)).then(() => (this.waiting ? undefined : resolve()), reject);
      });
    });
    await Promise.race([done, this.failed]);
  }

  async close(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}

/** The worker's error as this thread's: a template's error stays one, a build error one the author can fix. */
function rebuiltError({ name, message, forAuthor }: { name: string; message: string; forAuthor: boolean }): Error {
  const error = name === 'TemplateError' ? new TemplateError(message) : forAuthor ? new BuildError(message) : new Error(message);
  error.name = name;
  return error;
}
