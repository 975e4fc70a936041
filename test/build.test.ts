// Whole-site builds of the corpus archive into a temporary folder, as the author runs them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../src/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { archiveDir, exportFiles, tempDir } from './helpers/fixtures.js';
import { openSiteSearch, type SiteSearch } from './helpers/pagefind.js';
import { missingParagraphs } from './helpers/verbatim.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let out: string;
let report: BuildReport;
let search: SiteSearch;

beforeAll(async () => {
  temp = await tempDir('kl-build-');
  out = path.join(temp.dir, 'site');
  report = await build({ ...defaultBuildOptions, input: archiveDir, out });
  search = await openSiteSearch(out);
}, 60_000);

afterAll(async () => {
  await search?.close();
  await temp?.cleanup();
});

const read = (file: string) => fs.readFile(path.join(out, file), 'utf8');

describe('a build of the archive in issues/', () => {
  it('writes the index, a page per issue at a stable permalink, the search page and a 404 page', async () => {
    expect(report.issues.map((i) => i.number)).toEqual([56, 23, 22, 21]);
    for (const file of ['index.html', 'issues/56/index.html', 'issues/23/index.html', 'issues/22/index.html', 'issues/21/index.html', 'search/index.html', '404.html', 'style.css']) {
      await expect(fs.access(path.join(out, file)), file).resolves.toBeUndefined();
    }
  });

  it('lists the issues newest first on the index, with number, motto and section count', async () => {
    const index = await read('index.html');
    const order = [...index.matchAll(/<span class="issue-no">No (\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(order).toEqual([56, 23, 22, 21]);
    expect(index).toContain('Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.');
    const no21 = report.issues.find((i) => i.number === 21)!;
    expect(index).toContain(`${no21.sections.length} Abschnitte`);
  });

  it('links each issue page to its neighbours', async () => {
    const no22 = await read('issues/22/index.html');
    expect(no22).toMatch(/rel="prev" href="\/issues\/21\/"/);
    expect(no22).toMatch(/rel="next" href="\/issues\/23\/"/);
    expect(await read('issues/21/index.html')).not.toContain('rel="prev"');
  });

  it('shows every paragraph of every corpus export verbatim on the pages', async () => {
    const pages = await Promise.all(report.issues.map((issue) => read(`issues/${issue.slug}/index.html`)));
    for (const file of Object.values(exportFiles)) {
      expect(missingParagraphs(await fs.readFile(file, 'utf8'), pages), path.basename(file)).toEqual([]);
    }
  });

  it('marks the pages German for the search index', async () => {
    expect(await read('issues/56/index.html')).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
  });
});

describe('the search index, queried as the browser queries it', () => {
  const issueOf = (url: string) => url.replace(/[?#].*$/, '');
  /** Every section a search leads to (its sub-results), as `/issues/N/#id`. */
  const sections = (hits: { subResults: { url: string }[] }[]) =>
    hits.flatMap((hit) => hit.subResults.map((sub) => sub.url.replace(/\?art=zitat/, '').replace(/-titel$/, '')));

  it('finds No 56’s section about sovereign AI for a German word, umlauts and all', async () => {
    const hits = await search.search('Souveränität');
    expect(sections(hits)).toContain('/issues/56/#nathan-benaich-fortune');
    expect(new Set(hits.map((h) => issueOf(h.url)))).toEqual(new Set(['/issues/56/']));
  });

  it('finds the same sections for a stemmed form', async () => {
    expect(sections(await search.search('souverän'))).toContain('/issues/56/#nathan-benaich-fortune');
    expect(sections(await search.search('Faschismus'))).toContain('/issues/56/#raul-zelik-analyse-und-kritik');
  });

  it('shows issue number and title, and leads to the section through its heading', async () => {
    const hits = await search.search('Gigafabrik');
    expect(hits.map((h) => h.meta.kind).sort()).toEqual(['Kommentar', 'Zitat']); // in the lead-in and in the quote
    for (const hit of hits) {
      expect(hit.title).toBe('No 56: Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.');
      expect(hit.meta.number).toBe('56');
    }
    const heading = expect.stringMatching(/^Heise über /);
    expect(hits.find((h) => h.meta.kind === 'Zitat')!.subResults[0]).toEqual({ url: '/issues/56/?art=zitat#heise-titel', title: heading });
    expect(hits.find((h) => h.meta.kind === 'Kommentar')!.subResults[0]).toEqual({ url: '/issues/56/#heise-titel', title: heading });
  });

  it('finds a name quoted in several issues', async () => {
    const issues = new Set((await search.search('Tooze')).map((h) => issueOf(h.url)));
    expect([...issues].sort()).toEqual(['/issues/21/', '/issues/22/', '/issues/23/']);
  });

  it('finds words of English quotes', async () => {
    expect(sections(await search.search('sovereign'))).toContain('/issues/56/#nathan-benaich-fortune');
  });

  it('offers filters by issue, source and kind, and they narrow the results', async () => {
    const filters = await search.filters();
    expect(Object.keys(filters).sort()).toEqual(['Art', 'Ausgabe', 'Quelle']);
    expect(Object.keys(filters.Ausgabe!).sort()).toEqual(['No 21', 'No 22', 'No 23', 'No 56']);
    expect(filters.Quelle).toHaveProperty(['Adam Tooze']);

    const all = await search.search('Tooze');
    const quotes = await search.search('Tooze', { Art: 'Zitat' });
    const commentary = await search.search('Tooze', { Art: 'Kommentar' });
    expect(quotes.length).toBeGreaterThan(0);
    expect(commentary.length).toBeGreaterThan(0);
    expect(quotes.length + commentary.length).toBe(all.length);
    expect(quotes.every((h) => h.meta.kind === 'Zitat')).toBe(true);
    expect((await search.search('Tooze', { Ausgabe: 'No 22' })).every((h) => issueOf(h.url) === '/issues/22/')).toBe(true);
    const bySource = await search.search('Faschismus', { Quelle: 'Raul Zelik' });
    expect(sections(bySource)).toContain('/issues/56/#raul-zelik-analyse-und-kritik');
    expect(bySource.length).toBeLessThan((await search.search('Faschismus')).length);
  });

  it('keeps the support block out of the index', async () => {
    expect(await search.search('VOHADE2H')).toEqual([]); // the BIC, only in the support block
    const hits = await search.search('Dauerauftrag'); // Pagefind falls back to parts of unknown words
    expect(hits.filter((h) => /Dauerauftrag/i.test(h.excerpt))).toEqual([]);
  });
});

describe('a build of an archive with no issues yet', () => {
  it('succeeds, and its search page says there is nothing to search yet', async () => {
    const empty = await tempDir('kl-empty-');
    try {
      const input = path.join(empty.dir, 'issues');
      await fs.mkdir(input);
      const site = path.join(empty.dir, 'site');
      const result = await build({ ...defaultBuildOptions, input, out: site });
      expect(result.issues).toEqual([]);
      const searchPage = await fs.readFile(path.join(site, 'search/index.html'), 'utf8');
      expect(searchPage).toContain('Das Archiv hat noch keine Ausgaben');
      expect(searchPage).not.toContain('pagefind-ui.js');
      await expect(fs.access(path.join(site, 'pagefind'))).rejects.toThrow();
    } finally {
      await empty.cleanup();
    }
  }, 60_000);
});
