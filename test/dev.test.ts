// `npm run dev`: serves, rebuilds on change, reloads the page, and reports a broken file in the
// terminal and the browser while it keeps serving.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { startDevServer, type DevServer } from '../src/cli/dev.js';
import { archiveDir, replaceInFile, snapshot, tempDir } from './helpers/fixtures.js';
import { openSiteSearch } from './helpers/pagefind.js';
import { writeSyntheticArchive } from '../scripts/synthetic.js';

let dev: DevServer;
let input: string;
let templates: string;
let out: string;
const log: string[] = [];
const events: { event: string; data: string }[] = [];
let cleanup: () => Promise<void>;
let eventStream: http.ClientRequest;

const get = (url: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(url, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });

/** Waits until an event of this kind arrived after the given count of events. */
async function eventAfter(count: number, kind: string, timeout = 15_000, received = events): Promise<{ event: string; data: string }> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const found = received.slice(count).find((e) => e.event === kind);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no "${kind}" event; got ${JSON.stringify(received.slice(count))}`);
}

/** Collects the live-reload events of a dev server into `into`. */
function listen(url: string, into: { event: string; data: string }[]): http.ClientRequest {
  return http.get(`${url}__dev/events`, (response) => {
    let buffer = '';
    response.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        if (event) into.push({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? '' });
      }
    });
  });
}

beforeAll(async () => {
  const temp = await tempDir('kl-dev-');
  cleanup = temp.cleanup;
  input = path.join(temp.dir, 'issues');
  out = path.join(temp.dir, 'site');
  templates = path.join(temp.dir, 'templates');
  await fs.cp(archiveDir, input, { recursive: true });
  await fs.cp(defaultBuildOptions.templates, templates, { recursive: true });
  dev = await startDevServer({
    build: { ...defaultBuildOptions, input, out, templates, config: path.join(templates, 'site.json'), search: false },
    port: 0,
    debounceMs: 50,
    log: (line) => log.push(line),
  });
  eventStream = listen(dev.url, events);
}, 60_000);

afterAll(async () => {
  eventStream?.destroy();
  await dev?.close();
  await cleanup?.();
});

describe('npm run dev', () => {
  it('serves the built site with the live-reload client added to HTML pages, not to the files', async () => {
    const page = await get(`${dev.url}issues/56/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("new EventSource('/__dev/events')");
    expect(await fs.readFile(path.join(out, 'issues/56/index.html'), 'utf8')).not.toContain('__dev');
  });

  it('rebuilds when an issue changes and tells the page to reload', async () => {
    const before = events.length;
    const file = path.join(input, '056.txt');
    await replaceInFile(file, 'Laut Heise will Merz', 'Laut Heise will Friedrich Merz');
    await eventAfter(before, 'reload');
    expect((await get(`${dev.url}issues/56/`)).body).toContain('Laut Heise will Friedrich Merz');
  }, 30_000);

  it('sees every save of an issue that was once replaced by a rename (an editor’s safe save, a review click)', async () => {
    const file = path.join(input, '023.txt');
    const text = await fs.readFile(file, 'utf8');
    const renamed = events.length;
    await fs.writeFile(`${file}.neu`, text.replace('Willkommen bei Krasse Links No. 23.', 'Willkommen bei Krasse Links No. 23. Erster Stand.'));
    await fs.rename(`${file}.neu`, file);
    await eventAfter(renamed, 'reload');
    // Then saved in place, as most editors do.
    const inPlace = events.length;
    await replaceInFile(file, 'Erster Stand.', 'Zweiter Stand.');
    await eventAfter(inPlace, 'reload');
    expect((await get(`${dev.url}issues/23/`)).body).toContain('Zweiter Stand.');
  }, 30_000);

  it('shows a parse error with file and line in the terminal and the browser, and keeps serving', async () => {
    const before = events.length;
    await fs.writeFile(path.join(input, '099.txt'), '---\nnumber: [99\n---\nWillkommen bei Krasse Links No 99. Hallo, heute X.\n');
    const error = await eventAfter(before, 'error-message');
    expect(JSON.parse(error.data)).toMatch(/^099\.txt:\d+: front matter cannot be read/);
    expect(log.some((line) => /^error: 099\.txt:\d+: front matter cannot be read/.test(line))).toBe(true);
    expect((await get(`${dev.url}issues/56/`)).status).toBe(200);

    const fixed = events.length;
    await fs.writeFile(path.join(input, '099.txt'), '---\nnumber: 99\n---\nWillkommen bei Krasse Links No 99. Hallo, heute X.\nLaut Heise: neu.\n');
    await eventAfter(fixed, 'reload');
    expect(dev.lastError()).toBeUndefined();
    expect((await get(`${dev.url}issues/99/`)).status).toBe(200);
  }, 30_000);

  it('rebuilds when a template changes', async () => {
    const before = events.length;
    const index = path.join(templates, 'index.liquid');
    await replaceInFile(index, '<h1>Alle Ausgaben</h1>', '<h1>Alle Ausgaben!</h1>');
    await eventAfter(before, 'reload');
    expect((await get(dev.url)).body).toContain('<h1>Alle Ausgaben!</h1>');
  }, 30_000);

  it('rebuilds when the site config changes', async () => {
    const before = events.length;
    await fs.writeFile(path.join(templates, 'site.json'), JSON.stringify({ title: 'Krasse Links Archiv' }));
    await eventAfter(before, 'reload');
    expect((await get(dev.url)).body).toContain('<a class="site-title" href="/">Krasse Links Archiv</a>');
  }, 30_000);
});

describe('npm run dev with the search index', () => {
  it('reloads the page before the index is rebuilt, then tells the page when search is current', async () => {
    const temp = await tempDir('kl-dev-search-');
    const input = path.join(temp.dir, 'issues');
    await fs.cp(archiveDir, input, { recursive: true });
    const received: { event: string; data: string }[] = [];
    const server = await startDevServer({ build: { ...defaultBuildOptions, input, out: path.join(temp.dir, 'site') }, port: 0, debounceMs: 50, log: () => {} });
    const stream = listen(server.url, received);
    try {
      // The first index: the search page says it is being made, then that it is current.
      await eventAfter(0, 'search-ready', 30_000, received);
      const found = async (word: string) => {
        const search = await openSiteSearch(server.searchFolder()!);
        try {
          return (await search.allIssues(word)).map((issue) => issue.number);
        } finally {
          await search.close();
        }
      };
      expect(await found('Quantenkatze')).toEqual([]);
      expect((await get(`${server.url}pagefind/pagefind.js`)).status).toBe(200);

      const before = received.length;
      await replaceInFile(path.join(input, '056.txt'), 'Laut Heise will Merz', 'Laut Heise will die Quantenkatze');
      await eventAfter(before, 'search-ready', 30_000, received);
      const order = received
        .slice(before)
        .map((e) => e.event)
        .filter((e) => e !== 'ok');
      expect(order).toEqual(['reload', 'search-stale', 'search-ready']);
      expect(await found('Quantenkatze')).toEqual([56]);
      expect((await get(`${server.url}pagefind/pagefind.js`)).status).toBe(200);
    } finally {
      stream.destroy();
      await server.close();
      await temp.cleanup();
    }
  }, 90_000);

  it('started on an output that is current, indexes the archive the last build left, without building', async () => {
    const temp = await tempDir('kl-dev-search-');
    const input = path.join(temp.dir, 'issues');
    const out = path.join(temp.dir, 'site');
    await fs.cp(archiveDir, input, { recursive: true });
    await replaceInFile(path.join(input, '056.txt'), 'Laut Heise will Merz', 'Laut Heise will die Quantenkatze');
    await build({ ...defaultBuildOptions, input, out, search: false });
    const site = await fs.stat(out);
    const received: { event: string; data: string }[] = [];
    const lines: string[] = [];
    const server = await startDevServer({ build: { ...defaultBuildOptions, input, out }, port: 0, debounceMs: 50, log: (line) => lines.push(line) });
    const stream = listen(server.url, received);
    try {
      await eventAfter(0, 'search-ready', 30_000, received);
      expect(lines[0]).toMatch(/^rebuilt 4 issues in /);
      expect((await fs.stat(out)).ino).toBe(site.ino); // the output was not built again (a build swaps in a new folder)
      const search = await openSiteSearch(server.searchFolder()!);
      try {
        expect((await search.allIssues('Quantenkatze')).map((issue) => issue.number)).toEqual([56]);
      } finally {
        await search.close();
      }
    } finally {
      stream.destroy();
      await server.close();
      await temp.cleanup();
    }
  }, 90_000);

  it('lets a newer save stop the index of an older one: search ends current with the last', async () => {
    // 80 issues: indexing takes long enough for the second save to come while the first is indexed.
    const temp = await tempDir('kl-dev-search-');
    const input = path.join(temp.dir, 'issues');
    const files = await writeSyntheticArchive(input, 80, { archiveDir });
    const received: { event: string; data: string }[] = [];
    const server = await startDevServer({ build: { ...defaultBuildOptions, input, out: path.join(temp.dir, 'site') }, port: 0, debounceMs: 50, log: () => {} });
    const stream = listen(server.url, received);
    try {
      await eventAfter(0, 'search-ready', 60_000, received);
      const file = files[40]!;
      const before = received.length;
      await fs.appendFile(file, '\nHeute schreibt der Erstling.\n');
      await eventAfter(before, 'reload', 30_000, received);
      const second = received.length;
      await fs.appendFile(file, '\nHeute schreibt der Zweitling.\n');
      await eventAfter(second, 'reload', 30_000, received);
      await eventAfter(second, 'search-ready', 60_000, received);
      // The first save's index never became the one served: one "ready", after the last reload.
      expect(
        received
          .slice(before)
          .map((e) => e.event)
          .filter((e) => e !== 'ok'),
      ).toEqual(['reload', 'search-stale', 'reload', 'search-stale', 'search-ready']);
      const search = await openSiteSearch(server.searchFolder()!);
      try {
        const number = Number(path.basename(file, '.txt'));
        expect((await search.allIssues('Zweitling')).map((issue) => issue.number)).toEqual([number]);
        expect((await search.allIssues('Erstling')).map((issue) => issue.number)).toEqual([number]);
      } finally {
        await search.close();
      }
    } finally {
      stream.destroy();
      await server.close();
      await temp.cleanup();
    }
  }, 120_000);
});

describe('npm run dev on a port another server uses', () => {
  it('fails saying so, and leaves the built site as it was, its search index included', async () => {
    const temp = await tempDir('kl-dev-port-');
    const out = path.join(temp.dir, 'site');
    await build({ ...defaultBuildOptions, input: archiveDir, out });
    const before = await snapshot(out);
    expect(Object.keys(before).some((file) => file.startsWith('pagefind/'))).toBe(true);
    const other = http.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    try {
      const lines: string[] = [];
      await expect(startDevServer({ build: { ...defaultBuildOptions, input: archiveDir, out }, port, log: (line) => lines.push(line) })).rejects.toThrow(`port ${port} is in use`);
      expect(lines).toEqual([]);
      expect(await snapshot(out)).toEqual(before);
    } finally {
      other.close();
      await temp.cleanup();
    }
  }, 60_000);
});
