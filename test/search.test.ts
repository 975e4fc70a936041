// The search, as the search page runs it (public/search-core.js on Pagefind's index), on the corpus
// archive: the query table in test/fixtures/search-queries.json, what a hit is, how results are
// counted and filtered.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excerptOf, isRealHit, matchesWord, queryTerms, queryWords, sectionHit } from '../public/search-core.js';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { createArchive } from '../src/archive/index.js';
import { build } from '../src/build.js';
import { defaultBuildOptions, defaultSiteConfig } from '../src/config.js';
import { searchRecords } from '../src/search/index.js';
import { archiveDir, folderWith, root, tempDir } from './helpers/fixtures.js';
import { openSiteSearch, type IssueHit, type SiteSearch } from './helpers/pagefind.js';

interface QueryRow {
  query: string;
  filters?: Record<string, string>;
  issues: number[];
  sections?: string[];
  notSections?: string[];
  onlySections?: string[];
  kinds?: Record<string, string[]>;
  why: string;
}

const table = JSON.parse(await fs.readFile(path.join(root, 'test/fixtures/search-queries.json'), 'utf8')) as { queries: QueryRow[] };

let temp: Awaited<ReturnType<typeof tempDir>>;
let search: SiteSearch;

beforeAll(async () => {
  temp = await tempDir('kl-search-');
  const out = path.join(temp.dir, 'site');
  await build({ ...defaultBuildOptions, input: archiveDir, out });
  search = await openSiteSearch(out);
}, 60_000);

afterAll(async () => {
  await search?.close();
  await temp?.cleanup();
});

/** The sections of the issues found, as `56#anchor` (`56#` for the title and intro). */
const sectionKeys = (issues: IssueHit[]) => issues.flatMap((issue) => issue.sections.map((section) => `${issue.number}#${section.anchor ?? ''}`));

describe('the query table', () => {
  it.each(table.queries.map((row) => [`${row.query || '(no words)'}${row.filters ? ` ${JSON.stringify(row.filters)}` : ''}`, row] as const))('%s', async (_, row) => {
    const issues = await search.allIssues(row.query, row.filters);
    const found = sectionKeys(issues);
    expect(issues.map((issue) => issue.number).sort(), row.why).toEqual([...row.issues].sort());
    // Every issue appears once.
    expect(new Set(issues.map((issue) => issue.number)).size).toBe(issues.length);
    if (row.sections) expect(found, row.why).toEqual(expect.arrayContaining(row.sections));
    if (row.onlySections) expect([...found].sort(), row.why).toEqual([...row.onlySections].sort());
    for (const key of row.notSections ?? []) expect(found, row.why).not.toContain(key);
    for (const [key, kinds] of Object.entries(row.kinds ?? {})) {
      const section = issues.flatMap((issue) => issue.sections).find((s) => `${s.number}#${s.anchor ?? ''}` === key);
      expect(section?.kinds, key).toEqual(kinds);
    }
    // What the count says is what the list shows.
    const outcome = await search.search(row.query, row.filters);
    expect(outcome.exact).toBe(true);
    expect(outcome.issueCount).toBe(row.issues.length);
    expect(outcome.sectionCount).toBe(found.length);
  });
});

describe('a result', () => {
  it('is an issue with its matching sections, each leading to the section with the terms to highlight', async () => {
    const [issue] = (await search.search('Gigafabriken')).issues;
    expect(issue).toMatchObject({ number: 56, title: 'Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.', url: '/issues/56/?highlight=Gigafabriken' });
    expect(issue!.sections).toEqual([
      expect.objectContaining({ anchor: 'heise', heading: expect.stringMatching(/^Heise über /), url: '/issues/56/?highlight=Gigafabriken#heise', sources: ['Heise'], kinds: ['Kommentar', 'Zitat'] }),
    ]);
  });

  it('has an excerpt of the section’s text around the words found, the words marked without their punctuation', async () => {
    const [section] = (await search.search('Rechenzentren')).issues[0]!.sections;
    const text = section!.excerpt.map((piece) => piece.text).join('');
    expect(text).toMatch(/^… .*eine „souveräne“ KI-Gigafabrik \(früher: Rechenzentrum\) bauen\. .* …$/);
    expect(text).not.toMatch(/^… Heise/); // not the heading again
    expect(section!.excerpt.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['Rechenzentrum']);
  });

  it('of the title and intro leads to the top of the issue', async () => {
    const { issues } = await search.search('Willkommen');
    expect(issues.map((issue) => issue.number).sort()).toEqual([21, 22, 23, 56]);
    for (const issue of issues) {
      expect(issue.sections).toEqual([expect.objectContaining({ url: `/issues/${issue.number}/?highlight=Willkommen`, kinds: ['Kommentar'] })]);
      expect(issue.sections[0]!.anchor).toBeUndefined();
    }
  });

  it('lists an issue once, however many of its sections match', async () => {
    const outcome = await search.search('KI');
    const numbers = outcome.issues.map((issue) => issue.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(outcome.issueCount).toBe(numbers.length);
    expect(outcome.sectionCount).toBe(outcome.issues.reduce((sum, issue) => sum + issue.sections.length, 0));
    expect(outcome.sectionCount).toBeGreaterThan(outcome.issueCount);
  });

  it('comes in pages of issues, each issue complete with its sections', async () => {
    const outcome = await search.search('KI', {}, 2);
    expect(outcome.issues).toHaveLength(2);
    expect(outcome.hasMore).toBe(true);
    const rest = [];
    while (outcome.hasMore) rest.push(...(await outcome.more()));
    const all = await search.allIssues('KI');
    expect([...outcome.issues, ...rest].map((issue) => [issue.number, issue.sections.length])).toEqual(all.map((issue) => [issue.number, issue.sections.length]));
  });

  it('names the words the archive does not have', async () => {
    expect((await search.search('Xylophon')).unknown).toEqual(['xylophon']);
    expect((await search.search('Trump Xylophon')).unknown).toEqual(['xylophon']);
    expect((await search.search('Tooze')).unknown).toEqual([]);
  });
});

describe('the filters', () => {
  it('count matching sections per source, kind and year, leaving out values with none', async () => {
    const { facets } = await search.search('Faschismus');
    expect(facets.Art).toEqual({ Kommentar: 6, Zitat: 3 });
    expect(facets.Quelle).toMatchObject({ 'Raul Zelik': 1, 'Alberto Toscano': 1 });
    expect(Object.values(facets.Quelle!).every((count) => count > 0)).toBe(true);
  });

  it('count, for a filter that is set, the other values too, so that one can switch', async () => {
    const { facets } = await search.search('Faschismus', { Quelle: 'Raul Zelik' });
    expect(facets.Quelle).toMatchObject({ 'Raul Zelik': 1, 'Alberto Toscano': 1 });
    expect(facets.Art).toEqual({ Kommentar: 1, Zitat: 1 });
  });

  it('count by kind where the words are, as the list shows them', async () => {
    expect((await search.search('Tooze')).facets.Art).toEqual({ Kommentar: 4 });
    expect((await search.search('Tooze', { Art: 'Zitat' })).facets.Art).toEqual({ Kommentar: 4 });
  });
});

describe('what counts as a hit', () => {
  it('a word of the text that shares most of a query word from its start, or one of its parts does', () => {
    expect(matchesWord('souveran', 'Souveränität')).toBe(true);
    expect(matchesWord('souveranitat', '„souveräne“')).toBe(true); // the stem, 8 of 12 letters
    expect(matchesWord('faschismus', 'Tech-Faschismus.')).toBe(true);
    expect(matchesWord('techfaschismus', 'Tech-Faschismus')).toBe(true);
    expect(matchesWord('xylophon', 'X')).toBe(false);
    expect(matchesWord('quantencomputer', 'Q*')).toBe(false);
    expect(matchesWord('quantencomputer', 'Quanten')).toBe(false); // 7 of 15
    expect(matchesWord('qwertz', 'Quelle')).toBe(false);
  });

  it('a result where every query word is matched', () => {
    expect(isRealHit(queryWords('Adam Tooze'), ['Adam', 'Tooze,'])).toBe(true);
    expect(isRealHit(queryWords('Tooze Xylophon'), ['Tooze', 'X'])).toBe(false);
  });

  it('reads a query as Pagefind does', () => {
    expect(queryWords(' Tech-Faschismus  „Souveränität“ ')).toEqual(['techfaschismus', 'souveranitat']);
    expect(queryWords('…')).toEqual([]);
  });

  it('shows an excerpt of at most 30 words around the most marked words', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const excerpt = excerptOf(words, 2, [50, 52, 90], new Set([50, 52, 90]));
    expect(excerpt[0]).toEqual({ text: '… w44 w45 w46 w47 w48 w49 ', mark: false });
    expect(excerpt.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['w50', 'w52']);
    expect(excerpt.at(-1)!.text).toMatch(/w73 …$/);
    expect(excerptOf(words, 2, [], new Set()).map((piece) => piece.text).join('')).toMatch(/^w2 w3 .* w31 …$/);
  });
});

describe('the records', () => {
  it('are one per section and one for each issue’s title and intro, with the kinds of text as filter values', async () => {
    const input = await folderWith({
      '066.txt': [
        '---',
        'date: 2024-07-20',
        '---',
        'Willkommen bei Krasse Links No 66. Hallo, heute ordnen wir Quellen.',
        'Die Autorin Ada Lovelace schreibt im Atlantic über Maschinen:',
        '> The analytical engine weaves algebraic patterns.',
        '---',
        'Ein Kommentar ganz ohne Zitat über die Webstühle.',
      ].join('\n'),
    });
    try {
      const { buildSite } = await import('../src/pipeline.js');
      const { MemoryWriter } = await import('../src/output/writer.js');
      const report = await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, new MemoryWriter());
      const archive = createArchive(report.issues);
      const records = searchRecords(archive, { ...defaultSiteConfig, basePath: '/archiv/' }).map((record) => record.html);
      expect(records).toHaveLength(3);
      const info = encodeURIComponent(JSON.stringify({ n: 66, t: 'Hallo, heute ordnen wir Quellen.', u: '/archiv/issues/66/', d: '2024-07-20' }));
      expect(records[0]).toContain(`<main data-pagefind-body><i id="${info}"></i><i id=k></i>Willkommen bei Krasse Links No 66. Hallo, heute ordnen wir Quellen.</main>`);
      expect(records[1]).toMatch(/<b data-pagefind-filter="Art">Kommentar<\/b><b data-pagefind-filter="Art">Zitat<\/b>/);
      expect(records[1]).toContain('<b data-pagefind-filter="Jahr">2024</b>');
      expect(records[1]).toMatch(/<h2 id="[^"]+">[^<]+<\/h2><i id=k><\/i>Die Autorin Ada Lovelace schreibt im Atlantic über Maschinen:\n<i id=z><\/i>The analytical engine weaves algebraic patterns.\n<\/main>/);
      expect(records[2]).not.toContain('<b data-pagefind-filter="Art">Zitat');
      // No metadata: Pagefind searches it, and a title word would match every section of the issue.
      for (const record of records) expect(record).not.toContain('data-pagefind-meta');
    } finally {
      await input.cleanup();
    }
  });
});

describe('a search with more results than it checks at once', () => {
  // 40 issues made from the corpus: common words match hundreds of sections.
  let big: SiteSearch;
  let work: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    work = await tempDir('kl-search-big-');
    await writeSyntheticArchive(path.join(work.dir, 'issues'), 40, { seed: 7, archiveDir });
    await build({ ...defaultBuildOptions, input: path.join(work.dir, 'issues'), out: path.join(work.dir, 'site') });
    big = await openSiteSearch(path.join(work.dir, 'site'));
  }, 120_000);
  afterAll(async () => {
    await big?.close();
    await work?.cleanup();
  });

  /** What every record says, read one by one: the issues and their sections. */
  async function expected(query: string, filters: Record<string, string> = {}) {
    const words = queryWords(query);
    const records = await big.records(words.length ? query : null, filters);
    const issues = new Map<number, string[]>();
    for (const data of records) {
      const hit = sectionHit(data, words, queryTerms(query), words.length ? filters.Art : undefined);
      if (hit) issues.set(hit.number, [...(issues.get(hit.number) ?? []), hit.anchor ?? '']);
    }
    return { records: records.length, issues };
  }

  it.each([['die', {}], ['Trump', {}], ['KI', { Art: 'Zitat' }], ['', { Jahr: '2015' }]] as const)('“%s” %j lists and counts what the records hold, page by page', { timeout: 30_000 }, async (query, filters) => {
    const want = await expected(query, filters);
    const outcome = await big.search(query, filters, 5);
    const issues = [...outcome.issues];
    while (outcome.hasMore) issues.push(...(await outcome.more()));
    expect(new Set(issues.map((issue) => issue.number)).size).toBe(issues.length);
    expect(new Map(issues.map((issue) => [issue.number, issue.sections.map((section) => section.anchor ?? '').sort()]))).toEqual(
      new Map([...want.issues].map(([number, anchors]) => [number, anchors.sort()])),
    );
    if (outcome.exact) expect(outcome.issueCount).toBe(want.issues.size);
    else expect(outcome.issueCount).toBeLessThanOrEqual(want.issues.size);
  });

  it('counts issues exactly from Pagefind’s counts when nothing it checked was left out', async () => {
    const want = await expected('die');
    expect(want.records).toBeGreaterThan(64);
    const outcome = await big.search('die', {}, 5);
    expect(outcome).toMatchObject({ exact: true, issueCount: want.issues.size, sectionCount: want.records });
    expect(Object.values(outcome.facets.Art!).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(want.records);
  });

  it('lists a search by filters alone newest first', async () => {
    const outcome = await big.search('', { Jahr: '2015' }, 50);
    const numbers = outcome.issues.map((issue) => issue.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.length).toBeGreaterThan(1);
  });
});
