// `npm run dev`: the author's writing loop. Serves the site on localhost, watches issues/,
// templates/, public/ and the config, rebuilds on every change, reloads the open pages, and shows
// a failed build's message (file and line) in the terminal and in the browser without stopping.

import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { build } from '../build.js';
import type { BuildOptions } from '../config.js';
import { BuildError } from '../errors.js';
import { startServer } from './serve.js';

/** The script added to every HTML page the dev server sends (never to the built files). */
export const DEV_CLIENT = `<script>
(() => {
  const events = new EventSource('/__dev/events');
  const overlay = (message) => {
    let box = document.getElementById('__dev-error');
    if (!message) { box?.remove(); return; }
    if (!box) {
      box = document.createElement('pre');
      box.id = '__dev-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:auto 1rem 1rem 1rem;z-index:99999;margin:0;padding:1rem;white-space:pre-wrap;background:#2b0b0b;color:#ffd9d9;border:2px solid #ff6b6b;border-radius:.5rem;font:14px/1.4 ui-monospace,monospace';
      document.body.append(box);
    }
    box.textContent = 'Build fehlgeschlagen:\\n' + message;
  };
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('error-message', (event) => overlay(JSON.parse(event.data)));
  events.addEventListener('ok', () => overlay(''));
})();
</script>`;

export interface DevOptions {
  build: BuildOptions;
  port: number;
  /** Wait this long after the last change before rebuilding (editors save in bursts). */
  debounceMs?: number;
  log?: (line: string) => void;
}

export interface DevServer {
  url: string;
  /** The last build's error message, or undefined after a good build. */
  lastError(): string | undefined;
  /** Resolves after the next rebuild finished (for tests). */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const clients = new Set<ServerResponse>();
  let error: string | undefined;
  let waiting: (() => void)[] = [];
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const rebuild = async () => {
    const started = performance.now();
    try {
      const report = await build(options.build);
      error = undefined;
      log(`rebuilt ${report.issues.length} issues in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      send('ok', null);
      send('reload', null);
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
      log(`error: ${error}${cause instanceof BuildError ? '' : ' (an unexpected failure)'}`);
      send('error-message', error);
    }
    const done = waiting;
    waiting = [];
    for (const resolve of done) resolve();
  };

  await rebuild();
  const server = await startServer(options.build.out, options.port, '127.0.0.1', {
    injectIntoHtml: DEV_CLIENT,
    routes: {
      '/__dev/events': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        if (error) response.write(`event: error-message\ndata: ${JSON.stringify(error)}\n\n`);
        clients.add(response);
        response.on('close', () => clients.delete(response));
      },
    },
  });

  // Rebuild on changes, one build at a time; changes during a build trigger one more.
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (building) {
        again = true;
        return;
      }
      do {
        again = false;
        building = rebuild();
        await building;
      } while (again);
      building = undefined;
    }, options.debounceMs ?? 120);
  };
  const watched = [options.build.input, options.build.templates, options.build.public];
  const watchers = watched.filter((dir) => fs.existsSync(dir)).map((dir) => fs.watch(dir, { recursive: true }, schedule));
  const configDir = path.dirname(options.build.config);
  if (!watched.includes(configDir) && fs.existsSync(configDir)) {
    watchers.push(fs.watch(configDir, (_, name) => name === path.basename(options.build.config) && schedule()));
  }

  const address = server.address();
  const url = `http://localhost:${typeof address === 'object' && address ? address.port : options.port}/`;
  return {
    url,
    lastError: () => error,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await building;
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
