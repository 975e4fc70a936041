// `npm run dev`: the author's writing loop. Serves the site, rebuilds the pages on every save and
// reloads the open page at once; the search index follows in the background.

// Note: Pagefind indexes the whole archive every time (2.5 s at 300 issues), so the pages are
// built without it and the page reloads first; the dev server then indexes into a folder of its
// own, which it serves as `/pagefind/`, one run at a time (a newer save stops an older run), and
// tells the open page when search is current. A failed build's message (file and line) shows in
// the terminal and on the page; the server keeps running.

import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { build, type BuildMemory } from '../build/build.js';
import { loadSiteConfig } from '../build/site-config.js';
import type { BuildOptions } from '../config.js';
import { BuildError } from '../errors.js';
import type { Archive } from '../site/archive/index.js';
import { BackgroundIndex } from './dev-search.js';
import { reviewRoutes, REVIEW_SCRIPT } from './review.js';
import { startServer, type ServeOptions } from './serve.js';

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
  // The search page says when its index is older than the pages, and loads the new one when ready.
  const searchState = (current) => {
    const page = document.querySelector('.search-page');
    let note = document.getElementById('__dev-search');
    if (!page) return;
    if (current) { if (note) location.reload(); return; }
    if (!note) {
      note = document.createElement('p');
      note.id = '__dev-search';
      note.className = 'search-note';
      note.setAttribute('role', 'status');
      note.textContent = 'Der Suchindex wird nach der Änderung neu erstellt; bis er fertig ist, findet die Suche den alten Stand.';
      page.prepend(note);
    }
  };
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('error-message', (event) => overlay(JSON.parse(event.data)));
  events.addEventListener('ok', () => overlay(''));
  events.addEventListener('search-stale', () => searchState(false));
  events.addEventListener('search-ready', () => searchState(true));
})();
</script>`;

export interface DevOptions {
  /** The build's options; with `search`, the dev server keeps a search index of its own. */
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
  /** The folder holding the search index served as `/pagefind/` (in `pagefind/`), once there is one. */
  searchFolder(): string | undefined;
  close(): Promise<void>;
}

export async function startDevServer(options: DevOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const events = eventStream();
  const index = options.build.search ? new BackgroundIndex(tellSearchState(events, log), log) : undefined;
  const builds = rebuilds(options, index, events, log);
  // Listens first: a port in use ends the command before its build rewrites the output (and drops its search index).
  const server = await startServer(options.build.out, options.port, '127.0.0.1', devServing(events, index, builds.lastError, reviewRoutes(options.build.input, log)));
  await builds.run();
  const watchers = watchInputs(options.build, builds.schedule);
  const address = server.address();
  return {
    url: `http://localhost:${typeof address === 'object' && address ? address.port : options.port}/`,
    lastError: builds.lastError,
    nextBuild: builds.nextBuild,
    searchFolder: () => index?.folder,
    async close() {
      for (const watcher of watchers.values()) watcher.close();
      events.close();
      await builds.close();
      await index?.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The open pages' event stream (server-sent events): each page listens, the server tells them all. */
interface EventStream {
  send(event: string, data: unknown): void;
  /** Takes a page's request for events, first sending it what it must know already (`opening`). */
  connect(response: ServerResponse, opening: [event: string, data: unknown][]): void;
  close(): void;
}

function eventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  const message = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  return {
    send: (event, data) => {
      for (const client of clients) client.write(message(event, data));
    },
    connect(response, opening) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      response.write(': connected\n\n');
      for (const [event, data] of opening) response.write(message(event, data));
      clients.add(response);
      response.on('close', () => clients.delete(response));
    },
    close() {
      for (const client of clients) client.end();
    },
  };
}

/** Tells the open pages what became of the search index: stale, ready, or its error (in the terminal too). */
function tellSearchState(events: EventStream, log: (line: string) => void): (state: 'stale' | 'ready' | BuildError) => void {
  return (state) => {
    if (state === 'stale') events.send('search-stale', null);
    else if (state === 'ready') events.send('search-ready', null);
    else {
      log(`error: ${state.message}`);
      events.send('error-message', state.message);
    }
  };
}

/** What the dev server adds to serving the output: the reload client, its events, and its own search index as `/pagefind/`. */
function devServing(events: EventStream, index: BackgroundIndex | undefined, lastError: () => string | undefined, review: ServeOptions['routes']): ServeOptions {
  return {
    injectIntoHtml: DEV_CLIENT + REVIEW_SCRIPT,
    folders: index ? { '/pagefind/': () => index.folder && path.join(index.folder, 'pagefind') } : {},
    routes: {
      // The review of issue pages (review.ts): only here, never in the built site.
      ...review,
      '/__dev/events': (_request, response) => {
        const error = lastError();
        events.connect(response, [...(error ? [['error-message', error] as [string, unknown]] : []), ...(index && !index.current ? [['search-stale', null] as [string, unknown]] : [])]);
      },
    },
  };
}

/** The dev server's builds: one at a time, the next when files changed meanwhile. */
interface Rebuilds {
  /** Builds now (the first build). */
  run(): Promise<void>;
  /** Builds after the editor's burst of saves is over (debounced), or once more after the build under way. */
  schedule(): void;
  lastError(): string | undefined;
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

function rebuilds(options: DevOptions, index: BackgroundIndex | undefined, events: EventStream, log: (line: string) => void): Rebuilds {
  let error: string | undefined;
  let waiting: (() => void)[] = [];
  // The models stay in memory between rebuilds: a save reads none of the others from disk.
  const memory: BuildMemory = { models: new Map() };
  let indexed: Archive | undefined;
  const run = async () => {
    const started = performance.now();
    await index?.stop(); // a newer save supersedes the index being made
    try {
      const site = await loadSiteConfig(options.build.config);
      const report = await build({ ...options.build, search: false }, { site, memory });
      error = undefined;
      log(`rebuilt ${report.issues.length} issues in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      events.send('ok', null);
      // The page reloads first; the search records of the build's archive are made after it.
      events.send('reload', null);
      if (index && report.searchRecords && report.archive !== indexed) index.want(report.searchRecords(), site.lang);
      else index?.resume();
      indexed = report.archive ?? indexed;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : String(cause);
      log(`error: ${error}${cause instanceof BuildError ? '' : ' (an unexpected failure)'}`);
      events.send('error-message', error);
    }
    for (const resolve of waiting.splice(0)) resolve();
  };
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  const runWhileChanged = async () => {
    if (building) {
      again = true;
      return;
    }
    do {
      again = false;
      building = run();
      await building;
    } while (again);
    building = undefined;
  };
  return {
    run,
    schedule() {
      clearTimeout(timer);
      // Note: runWhileChanged never rejects (run catches every build's failure).
      timer = setTimeout(() => void runWhileChanged(), options.debounceMs ?? 50);
    },
    lastError: () => error,
    nextBuild: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      clearTimeout(timer);
      await building;
    },
  };
}

/** Watches the input, template and static folders and the config file; `changed` on every change. */
function watchInputs(build: BuildOptions, changed: () => void): Map<string, fs.FSWatcher> {
  const watched = [build.input, build.templates, build.public];
  const watchers = new Map<string, fs.FSWatcher>();
  for (const dir of watched.filter((dir) => fs.existsSync(dir))) watchTree(dir, changed, watchers);
  const configDir = path.dirname(build.config);
  if (!watched.includes(configDir) && fs.existsSync(configDir)) {
    watchers.set(
      build.config,
      fs.watch(configDir, (_, name) => name === path.basename(build.config) && changed()),
    );
  }
  return watchers;
}

/**
 * Watches a folder and every folder in it, each with a watch of its own (by path; a folder made or
 * made again is watched anew).
 * Note: not `fs.watch(dir, { recursive: true })`: on Linux, Node 20 and 22 watch each file of it
 * and lose a file for good once it is replaced by a rename (an editor's safe save, the review's
 * own write), so every later save of it went unseen. A folder's watch sees its files however they
 * are written.
 */
function watchTree(dir: string, changed: () => void, watchers: Map<string, fs.FSWatcher>): void {
  watchers.get(dir)?.close();
  watchers.delete(dir);
  let entries: fs.Dirent[];
  let watcher: fs.FSWatcher;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
    watcher = fs.watch(dir, (_, name) => {
      const entry = name === null ? undefined : path.join(dir, String(name));
      if (entry !== undefined && fs.statSync(entry, { throwIfNoEntry: false })?.isDirectory()) watchTree(entry, changed, watchers);
      changed();
    });
  } catch {
    return; // removed before it could be watched: nothing in it to build
  }
  watcher.on('error', () => watcher.close()); // the folder was removed
  watchers.set(dir, watcher);
  for (const entry of entries) if (entry.isDirectory()) watchTree(path.join(dir, entry.name), changed, watchers);
}
