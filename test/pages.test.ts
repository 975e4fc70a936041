// The reader's archive around the issue pages: index by year, source index, cross-references,
// feed, sitemap, robots.txt, canonical and OpenGraph meta from the site config.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/pipeline.js';
import { defaultBuildOptions } from '../src/config.js';
import { loadSiteConfig } from '../src/build/site-config.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { atomProblems } from './helpers/atom.js';
import { archiveDir, folderWith } from './helpers/fixtures.js';
import { decodeEntities } from './helpers/page.js';

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

  it('lists every person and outlet with links to the sections quoting them, across issues, newest first', () => {
    const tooze = /<dt id="p-adam-tooze"><a href="\/quellen\/adam-tooze\/">Adam Tooze<\/a> <span class="count">(\d+) Abschnitte in (\d+) Ausgaben<\/span><\/dt>\s*<dd>([\s\S]*?)<\/dd>/.exec(sources());
    expect(tooze).not.toBeNull();
    const issues = [...tooze![3]!.matchAll(/href="\/issues\/(\d+)\/#/g)].map((m) => Number(m[1]));
    expect(new Set(issues).size).toBe(Number(tooze![2]));
    expect(issues.length).toBe(Number(tooze![1]));
    expect(issues).toEqual([...issues].sort((a, b) => b - a));
  });

  it('keeps people and outlets apart', () => {
    const [people, outlets] = sources().split('<h2 id="medien">');
    expect(people).toContain('>Adam Tooze</a>');
    expect(people).not.toContain('>New York Times</a>');
    expect(outlets).toContain('>New York Times</a>');
    expect(outlets).not.toContain('>Adam Tooze</a>');
  });

  it('has a page per source with its quotes and links to the sections', () => {
    const page = corpus.text('quellen/m-gessen/index.html');
    expect(page).toContain('<h1>M. Gessen</h1>');
    expect(page).toMatch(/<a href="\/issues\/56\/#m-gessen-new-york-times">No 56 · M. Gessen \(New York Times\) über [^<]+<\/a>/);
    expect(page).toContain('<blockquote lang="en">');
    expect(page).toContain('The United States in the last four months has felt like an unremitting series of shocks');
    expect(sources()).toContain('<a href="/quellen/m-gessen/">M. Gessen</a>');
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

describe('the page of a source', () => {
  it('gathers its sections from every issue under one name, newest first, with its quotes and their links', async () => {
    const text = (n: number, lead: string, quote: string) => `---\ndate: 2024-0${n}-01\n---\nWillkommen bei Krasse Links No ${n}. Hallo, heute testen wir.\n\n${lead}\n\n${quote}\n`;
    const input = await folderWith({
      '001.txt': text(1, 'Die Ökonomin Charley Probestein schreibt im Atlantic über Zölle:', 'Tariffs are a tax on the people who pay them, and nobody else, whatever the speeches say.'),
      '002.txt': text(2, 'Charlie Probestein beklagt im Atlantic den Verlust der Wirklichkeit:', 'We are living through the slow collapse of a shared reality, one feed at a time.'),
    });
    try {
      const writer = new MemoryWriter();
      await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, writer);
      expect([...writer.files.keys()].filter((p) => p.startsWith('quellen/')).sort()).toEqual(['quellen/atlantic/index.html', 'quellen/charlie-probestein/index.html', 'quellen/index.html']);
      const page = writer.text('quellen/charlie-probestein/index.html');
      expect(page).toContain('<h1>Charlie Probestein</h1>');
      expect(page).toContain('Auch geschrieben: Charley Probestein.');
      const links = [...page.matchAll(/<h2><a href="([^"]+)">([^<]+)<\/a><\/h2>/g)].map((m) => [m[1], m[2]]);
      expect(links).toEqual([
        ['/issues/2/#charlie-probestein-atlantic', expect.stringMatching(/^No 2 · Charlie Probestein \(Atlantic\)/)],
        ['/issues/1/#charley-probestein-atlantic', expect.stringMatching(/^No 1 · Charley Probestein \(Atlantic\)/)],
      ]);
      expect(page.indexOf('one feed at a time')).toBeLessThan(page.indexOf('whatever the speeches say'));
      expect(page).toContain('geschrieben „Charley Probestein“');
      const index = writer.text('quellen/index.html');
      expect(index).toMatch(
        /<dt id="p-charlie-probestein"><a href="\/quellen\/charlie-probestein\/">Charlie Probestein<\/a> <span class="count">2 Abschnitte in 2 Ausgaben<\/span><\/dt>\s*<dd>\s*<p class="variants">auch: Charley Probestein<\/p>/,
      );
    } finally {
      await input.cleanup();
    }
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
      // "Erwähnt in" leads to the section that mentions the issue, not to the top of the page.
      const section = parsedSection(writer.text('issues/2/index.html'), 'schrieb ich darüber');
      expect(writer.text('issues/1/index.html')).toMatch(
        new RegExp(`<aside class="backlinks"[^>]*>\\s*<h2 id="erwaehnt-in">Erwähnt in</h2>[\\s\\S]*<a href="/issues/2/#${section}"><span class="related-no">No 2</span>`),
      );
    } finally {
      await input.cleanup();
    }
  });
});

/** The id of the section of an issue page whose text holds `text`. */
function parsedSection(html: string, text: string): string {
  const at = html.lastIndexOf(text);
  const before = [...html.slice(0, at).matchAll(/<section id="([^"]+)"/g)];
  return before[before.length - 1]![1]!;
}

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
    expect(atomProblems(feed)).toEqual([]);
  });

  it('leaves undated issues out, instead of dating them 1970, and the build says so', async () => {
    const input = await folderWith({
      '001.txt': '---\ndate: 2024-03-01\n---\nWillkommen bei Krasse Links No 1. Hallo, heute testen wir Daten.\nLaut Heise: Text.\n',
      '002.txt': 'Willkommen bei Krasse Links No 2. Hallo, heute ohne Datum.\nLaut Heise: Text.\n',
    });
    try {
      const writer = new MemoryWriter();
      const report = await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, writer);
      const feed = writer.text('feed.xml');
      expect([...feed.matchAll(/<entry>[\s\S]*?<id>(.*?)<\/id>/g)].map((m) => m[1])).toEqual(['http://localhost:8080/issues/1/']);
      expect(feed).not.toContain('1970');
      expect(feed).toContain('<updated>2024-03-01T00:00:00Z</updated>');
      expect(atomProblems(feed)).toEqual([]);
      expect(report.warnings).toContain('1 issue(s) have no date (No 2) and are left out of the feed: add "date: YYYY-MM-DD" to their front matter (or import with --date YYYY-MM-DD)');
      // The index shows the date where it is known.
      expect(writer.text('index.html')).toContain('<time datetime="2024-03-01">1. März 2024</time>');
    } finally {
      await input.cleanup();
    }
  });

  it('lists the index, every issue and the source index in the sitemap', () => {
    const urls = [...dated.text('sitemap.xml').matchAll(/<loc>(.*?)<\/loc>(?:<lastmod>(.*?)<\/lastmod>)?/g)].map((m) => [m[1], m[2]]);
    expect(urls).toEqual([
      ['https://example.org/archiv/', undefined],
      ['https://example.org/archiv/issues/23/', '2025-01-05'],
      ['https://example.org/archiv/issues/22/', '2024-07-24'],
      ['https://example.org/archiv/issues/21/', '2024-06-30'],
      ['https://example.org/archiv/quellen/', undefined],
      ...urls.filter(([url]) => /\/quellen\/[^/]+\/$/.test(url!)),
    ]);
    expect(urls).toContainEqual(['https://example.org/archiv/quellen/adam-tooze/', undefined]);
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
    expect(page).toContain('<meta property="og:image" content="https://example.org/archiv/og-image.png">');
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(page).toContain('<link rel="stylesheet" href="/archiv/style.css">');
    expect(page).toMatch(/rel="prev" href="\/archiv\/issues\/22\/"/);
  });

  it('keep every page title within 70 characters, the motto cut at a word', () => {
    for (const file of ['index.html', 'quellen/index.html', 'search/index.html', '404.html', ...[21, 22, 23, 56].map((n) => `issues/${n}/index.html`)]) {
      const title = decodeEntities(/<title>([^<]*)<\/title>/.exec(corpus.text(file))![1]!);
      expect(title.length, `${file}: ${title}`).toBeLessThanOrEqual(70);
      expect(title, file).not.toMatch(/\S…$/); // cut at a word: `… Wort …`, never `Wo…`
    }
    expect(corpus.text('issues/21/index.html')).toContain('<title>Krasse Links No 21: Also programmiert Euch das Netzwerk auf den …</title>');
  });

  it('describe an issue by the start of its first section, not by its motto again', () => {
    const page = corpus.text('issues/21/index.html');
    const description = decodeEntities(/<meta property="og:description" content="([^"]*)">/.exec(page)![1]!);
    expect(description).toMatch(/^Trotz Spanien! Deutschland atmet auf! Konkret soll die Schuldenbremse/);
    expect(description.length).toBeLessThanOrEqual(200);
    expect(page).toContain(`<meta name="description" content="${/<meta name="description" content="([^"]*)">/.exec(page)![1]}">`);
  });

  it("take an issue's own share image from its front matter, and stop the build when the file is missing", async () => {
    const text = (image: string) => `---\nimage: ${image}\n---\nWillkommen bei Krasse Links No 7. Hallo, heute testen wir Bilder.\nLaut Heise: Text.\n`;
    const input = await folderWith({ '007.txt': text('bilder/7.png'), 'site.json': JSON.stringify({ baseUrl: 'https://example.org/' }) });
    const publicDir = await folderWith({});
    await fs.cp(defaultBuildOptions.public, publicDir.dir, { recursive: true });
    try {
      const options = { ...defaultBuildOptions, input: input.dir, public: publicDir.dir, search: false };
      const site = await loadSiteConfig(path.join(input.dir, 'site.json'));
      await expect(buildSite(options, new MemoryWriter(), site)).rejects.toThrow(/^007\.txt:1: front matter: "image" names bilder\/7\.png, which is not in [^ ]+\/; add the file or fix the path$/);
      await fs.mkdir(path.join(publicDir.dir, 'bilder'));
      await fs.writeFile(path.join(publicDir.dir, 'bilder', '7.png'), 'png');
      const writer = new MemoryWriter();
      await buildSite(options, writer, site);
      expect(writer.text('issues/7/index.html')).toContain('<meta property="og:image" content="https://example.org/bilder/7.png">');
      expect(writer.text('index.html')).toContain('<meta property="og:image" content="https://example.org/og-image.png">');
      await fs.writeFile(path.join(input.dir, '007.txt'), text('"../geheim.png"'));
      await expect(buildSite(options, new MemoryWriter(), site)).rejects.toThrow(/^007\.txt:2: front matter: "image" must be the path of an image file in public\//);
    } finally {
      await input.cleanup();
      await publicDir.cleanup();
    }
  });

  it("warn when baseUrl is still this machine's address, and only then", async () => {
    const local = await buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, new MemoryWriter());
    expect(local.warnings).toContain(
      'baseUrl is still http://localhost:8080/: canonical links, the feed and the sitemap point at this machine; set "baseUrl" in the site config to the address the site is published at',
    );
    const published = await buildSite(
      { ...defaultBuildOptions, input: archiveDir, search: false },
      new MemoryWriter(),
      await loadSiteConfig(path.join(archiveDir, '..', 'nowhere.json')).then((site) => ({ ...site, baseUrl: 'https://example.org/', basePath: '/' })),
    );
    expect(published.warnings.filter((w) => w.startsWith('baseUrl'))).toEqual([]);
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

  it('has the search page ask at once for every module its script imports (one round trip on a slow connection, not three)', async () => {
    const imports = async (file: string): Promise<string[]> => {
      const names = [...(await fs.readFile(path.join(defaultBuildOptions.public, file), 'utf8')).matchAll(/^import .* from '\.\/([\w-]+\.js)';$/gm)].map((m) => m[1]!);
      return [...names, ...(await Promise.all(names.map(imports))).flat()];
    };
    const preloaded = [...dated.text('search/index.html').matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(preloaded.sort()).toEqual([...new Set(await imports('search.js'))].map((name) => `/archiv/${name}`).sort());
  });
});
