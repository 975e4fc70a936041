// `npm run dev`: the author's writing loop. Serves the site, rebuilds the pages on every save and
// reloads the open page at once; the search index follows in the background.

// Note: Pagefind indexes the whole archive every time (2.5 s at 300 issues), so the pages are
// built without it and the page reloads first; the dev server then indexes into a folder of its
// own, which it serves as `/pagefind/`, one run at a time (a newer save stops an older run), and
// tells the open page when search is current. A failed build's message (file and line) shows in
// the terminal and on the page; the server keeps running.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { createArchive } from '../site/archive/index.js';
import { build, type BuildMemory } from '../build/build.js';
import { projectRoot, type BuildOptions } from '../config.js';
import { loadSiteConfig } from '../build/site-config.js';
import { BuildError } from '../errors.js';
import { loadIssues } from '../build/inputs.js';
import { searchKey } from '../build/incremental/keys.js';
import type { Issue } from '../model.js';
import { parseIssue } from '../reader/parse/index.js';
import { searchRecords, type SearchRecord } from '../site/search/index.js';
import { writeSearchIndex } from '../build/search-index.js';
import { DiskWriter } from '../build/output/writer.js';
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
  const clients = new Set<ServerResponse>();
  let error: string | undefined;
  let waiting: (() => void)[] = [];
  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const index = options.build.search
    ? new BackgroundIndex((state) => {
        if (state === 'stale') send('search-stale', null);
        else if (state === 'ready') send('search-ready', null);
        else {
          log(`error: ${state.message}`);
          send('error-message', state.message);
        }
      }, log)
    : undefined;

  // The models stay in memory between rebuilds: a save reads none of the others from disk.
  const memory: BuildMemory = { models: new Map() };
  const rebuild = async () => {
    const started = performance.now();
    await index?.stop(); // a newer save supersedes the index being made
    try {
      const site = await loadSiteConfig(options.build.config);
      const report = await build({ ...options.build, search: false }, site, undefined, memory);
      error = undefined;
      log(`rebuilt ${report.issues.length} issues in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      send('ok', null);
      // The page reloads first; the search records are made after it, from the models of this build.
      send('reload', null);
      if (index) {
        if (!report.unchanged) index.want(searchRecords(createArchive(report.issues), site), site.lang);
        else if (!index.wanted) index.want(searchRecords(createArchive(await parseArchive(options.build.input)), site), site.lang);
        else index.resume();
      }
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
    folders: index ? { '/pagefind/': () => index.folder && path.join(index.folder, 'pagefind') } : {},
    routes: {
      '/__dev/events': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(': connected\n\n');
        if (error) response.write(`event: error-message\ndata: ${JSON.stringify(error)}\n\n`);
        if (index && !index.current) response.write('event: search-stale\ndata: null\n\n');
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
    }, options.debounceMs ?? 50);
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
    searchFolder: () => index?.folder,
    async close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await building;
      await index?.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * The issues of the input folder, loaded and parsed: for the search index when the dev server
 * starts on an output that is already current (the build then parses nothing).
 */
async function parseArchive(input: string): Promise<Issue[]> {
  return (await loadIssues(input)).sources.map(parseIssue);
}

/**
 * The dev server's search index, made by Pagefind in the background into a folder of its own:
 * one run at a time, a newer one stopping the older; the index served stays the last complete one.
 */
class BackgroundIndex {
  /** The folder of the index served (it holds `pagefind/`). */
  folder: string | undefined;
  /** The records of the last change, and their key. */
  wanted: { records: SearchRecord[]; lang: string; key: string } | undefined;
  private key: string | undefined;
  private run: { abort: AbortController; done: Promise<void> } | undefined;
  private runs = 0;
  private readonly root: string;

  constructor(
    private readonly tell: (state: 'stale' | 'ready' | BuildError) => void,
    private readonly log: (line: string) => void,
  ) {
    const cache = path.join(projectRoot, 'node_modules', '.cache', 'krasse-links');
    fs.mkdirSync(cache, { recursive: true });
    this.root = fs.mkdtempSync(path.join(cache, 'dev-search-'));
    process.once('exit', this.removeAll);
  }

  /** Whether the index served holds the records of the last change. */
  get current(): boolean {
    return this.wanted === undefined || this.wanted.key === this.key;
  }

  /** Indexes these records (unless the index served holds them already). */
  want(records: SearchRecord[], lang: string): void {
    this.wanted = { records, lang, key: searchKey(records, lang) };
    this.resume();
  }

  /** Starts indexing what was wanted last, if the index served does not hold it and no run is under way. */
  resume(): void {
    const wanted = this.wanted;
    if (!wanted || this.run) return;
    if (this.current) return this.tell('ready');
    const abort = new AbortController();
    const folder = path.join(this.root, String(++this.runs));
    const started = performance.now();
    const done = (async () => {
      try {
        await fsp.mkdir(folder);
        // Pagefind writes into a scratch folder inside `folder`; its files are moved to `folder/pagefind/`.
        const writer = new DiskWriter(folder);
        // Note: a copy of the records: writeSearchIndex empties the list it is given.
        await writeSearchIndex([...wanted.records], writer, { lang: wanted.lang, key: wanted.key, signal: abort.signal, tempDir: folder });
        const previous = this.folder;
        [this.folder, this.key] = [folder, wanted.key];
        if (previous) await fsp.rm(previous, { recursive: true, force: true });
        this.log(`search index current in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        if (this.wanted === wanted) this.tell('ready');
      } catch (error) {
        await fsp.rm(folder, { recursive: true, force: true });
        if (!abort.signal.aborted) this.tell(error instanceof BuildError ? error : new BuildError(`the search index could not be made: ${(error as Error).message}`));
      } finally {
        this.run = undefined;
      }
    })();
    this.run = { abort, done };
    this.tell('stale');
  }

  /** Stops the run under way, if any (what it was indexing stays wanted). */
  async stop(): Promise<void> {
    this.run?.abort.abort();
    await this.run?.done;
  }

  async close(): Promise<void> {
    await this.stop();
    process.off('exit', this.removeAll);
    this.removeAll();
  }

  private readonly removeAll = () => fs.rmSync(this.root, { recursive: true, force: true });
}
