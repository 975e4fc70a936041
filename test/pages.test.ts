// The reader's archive around the issue pages: index by year, source index, cross-references,
// feed, sitemap, robots.txt, canonical and OpenGraph meta from the site config.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/pipeline.js';
import { defaultBuildOptions, loadSiteConfig } from '../src/config.js';
import { MemoryWriter } from '../src/write.js';
import { archiveDir, folderWith } from './helpers/fixtures.js';

let corpus: MemoryWriter;
let dated: MemoryWriter;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  corpus = new MemoryWriter();
  await buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, corpus);
  // A small archive with dates and a config of its own, built from corpus issues.
  const [no21, no22, no23] = await Promise.all(['021.txt', '022.txt', '023.txt'].map((f) => fs.readFile(path.join(archiveDir, f), 'utf8')));
  const input = await folderWith({
    '021.txt': `---\ndate: 2024-06-30\n---\n${no21}`,
    '022.txt': `---\ndate: 2024-07-24\n---\n${no22}`,
    '023.txt': `---\ndate: 2025-01-05\n---\n${no23}`,
    'site.json': JSON.stringify({ title: 'Krasse Links', baseUrl: 'https://example.org/archiv', language: 'de' }),
  });
  cleanup = input.cleanup;
  dated = new MemoryWriter();
  await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, dated, await loadSiteConfig(path.join(input.dir, 'site.json')));
});
afterAll(() => cleanup?.());

describe('the archive index', () => {
  it('groups issues by year, newest first, with motto, date, sections and reading time', () => {
    const index = dated.text('index.html');
    const years = [...index.matchAll(/<h2 id="jahr-(\d+)">/g)].map((m) => m[1]);
    expect(years).toEqual(['2025', '2024']);
    expect(index).toMatch(/<time datetime="2025-01-05">5\. Januar 2025<\/time> · \d+ Abschnitte · \d+ Min\. Lesezeit/);
  });

  it('puts issues without a date in a group of their own', () => {
    expect(corpus.text('index.html')).toContain('<h2 id="jahr-ohne-datum">Ohne Datum</h2>');
  });
});

describe('the source index', () => {
  const sources = () => corpus.text('quellen/index.html');

  it('lists every person and outlet with links to the sections quoting them, across issues', () => {
    const tooze = /<dt id="p-adam-tooze">Adam Tooze <span class="count">(\d+)<\/span><\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(sources());
    expect(tooze).not.toBeNull();
    const issues = new Set([...tooze![2]!.matchAll(/href="\/issues\/(\d+)\/#/g)].map((m) => m[1]));
    expect(issues.size).toBeGreaterThan(1);
  });

  it('links to section anchors that exist on the issue pages', () => {
    for (const [, number, id] of sources().matchAll(/href="\/issues\/(\d+)\/#([^"]+)"/g)) {
      expect(corpus.text(`issues/${number}/index.html`), `#${id} in No ${number}`).toContain(`<section id="${id}"`);
    }
  });

  it('is linked from every page', () => {
    expect(corpus.text('issues/56/index.html')).toContain('<a href="/quellen/">Quellen</a>');
  });
});

describe('cross-references', () => {
  it('link a mention to the issue and list the mentioning issues on the mentioned one', async () => {
    const text = (n: number, body: string) => `Willkommen bei Krasse Links No ${n}. Hallo, heute testen wir.\n${body}\n`;
    const input = await folderWith({ '001.txt': text(1, 'Laut Heise: Text.'), '002.txt': text(2, 'In Krasse Links No 1 schrieb ich darüber.') });
    try {
      const writer = new MemoryWriter();
      await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, writer);
      expect(writer.text('issues/2/index.html')).toContain('<a href="/issues/1/" class="issue-ref">Krasse Links No 1</a>');
      expect(writer.text('issues/1/index.html')).toMatch(/<aside class="backlinks"[^>]*>\s*<h2>Erwähnt in<\/h2>[\s\S]*<a href="\/issues\/2\/">No 2:/);
    } finally {
      await input.cleanup();
    }
  });
});

describe('feed, sitemap and robots.txt', () => {
  it('has an Atom feed with the full content of each issue, absolute links and dates from the input', () => {
    const feed = dated.text('feed.xml');
    expect(feed).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="de">/);
    expect(feed).toContain('<link href="https://example.org/archiv/feed.xml" rel="self" type="application/atom+xml"/>');
    expect(feed).toContain('<updated>2025-01-05T00:00:00Z</updated>');
    expect([...feed.matchAll(/<id>(.*?)<\/id>/g)].map((m) => m[1])).toEqual([
      'https://example.org/archiv/',
      'https://example.org/archiv/issues/23/',
      'https://example.org/archiv/issues/22/',
      'https://example.org/archiv/issues/21/',
    ]);
    expect(feed).toContain('<content type="html" xml:base="https://example.org/archiv/issues/23/">&lt;p class=&quot;intro&quot;&gt;Willkommen bei Krasse Links No. 23.');
    expect(feed).toContain('Der Markt hat im Kapitalismus die semantische Funktion');
  });

  it('lists the index, every issue and the source index in the sitemap', () => {
    const urls = [...dated.text('sitemap.xml').matchAll(/<loc>(.*?)<\/loc>(?:<lastmod>(.*?)<\/lastmod>)?/g)].map((m) => [m[1], m[2]]);
    expect(urls).toEqual([
      ['https://example.org/archiv/', undefined],
      ['https://example.org/archiv/issues/23/', '2025-01-05'],
      ['https://example.org/archiv/issues/22/', '2024-07-24'],
      ['https://example.org/archiv/issues/21/', '2024-06-30'],
      ['https://example.org/archiv/quellen/', undefined],
    ]);
  });

  it('points robots.txt at the sitemap', () => {
    expect(dated.text('robots.txt')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/archiv/sitemap.xml\n');
  });
});

describe('canonical URLs and social meta', () => {
  it('come from the configured base URL, and the site lives under its path', () => {
    const page = dated.text('issues/23/index.html');
    expect(page).toContain('<link rel="canonical" href="https://example.org/archiv/issues/23/">');
    expect(page).toContain('<meta property="og:url" content="https://example.org/archiv/issues/23/">');
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toMatch(/<meta property="og:title" content="Krasse Links No 23: Setzt eure Preise fest/);
    expect(page).toContain('<meta name="twitter:card" content="summary">');
    expect(page).toContain('<link rel="stylesheet" href="/archiv/style.css">');
    expect(page).toMatch(/rel="prev" href="\/archiv\/issues\/22\/"/);
  });

  it('refuses a config with a base URL that is not http(s)', async () => {
    const input = await folderWith({ 'site.json': JSON.stringify({ baseUrl: 'javascript:alert(1)' }) });
    try {
      await expect(loadSiteConfig(path.join(input.dir, 'site.json'))).rejects.toThrow(/"baseUrl" must start with http:\/\/ or https:\/\//);
    } finally {
      await input.cleanup();
    }
  });
});

describe('reading without JavaScript', () => {
  it('needs no script on the index and issue pages except the quick-search shortcut and the optional search highlighting', () => {
    const scripts = (file: string) => [...corpus.text(file).matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(scripts('index.html')).toEqual(['<script type="module" src="/quick-search.js">']);
    expect(scripts('issues/56/index.html')).toEqual(expect.arrayContaining(['<script type="module" src="/quick-search.js">', '<script type="module" src="/highlight.js">']));
    expect(scripts('issues/56/index.html')).toHaveLength(2);
  });
});
