// The search, as the search page runs it (public/search-core.js on Pagefind's index), on the corpus
// archive: the query table in test/fixtures/search-queries.json, what a hit is, how results are
// counted and filtered.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms, queryWords, sectionHit } from '../public/search-core.js';
import { createArchive } from '../src/site/archive/index.js';
import { build } from '../src/build/build.js';
import { defaultBuildOptions, defaultSiteConfig } from '../src/config.js';
import { searchRecords } from '../src/site/search/index.js';
import { archiveDir, folderWith, root, tempDir } from './helpers/fixtures.js';
import { inScoreOrder, issueScores, openSiteSearch, type IssueHit, type SiteSearch } from './helpers/pagefind.js';

interface QueryRow {
  query: string;
  filters?: Record<string, string>;
  issues: number[];
  sections?: string[];
  notSections?: string[];
  onlySections?: string[];
  kinds?: Record<string, string[]>;
  first?: number;
  unknown?: string[];
  suggestion?: string;
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
    if (row.first !== undefined) expect(issues[0]?.number, row.why).toBe(row.first);
    // What the count says is what the list shows.
    const outcome = await search.search(row.query, row.filters);
    expect(outcome.exact).toBe(true);
    expect(outcome.issueCount).toBe(row.issues.length);
    expect(outcome.sectionCount).toBe(found.length);
    // A search that finds nothing says which words the archive does not have, and offers what it has.
    if (!row.issues.length) {
      expect(row.unknown, 'a row that finds nothing names its unknown words').toBeDefined();
      expect(outcome.unknown, row.why).toEqual(row.unknown);
      expect(await search.suggest(row.query, row.filters), row.why).toBe(row.suggestion);
    }
  });
});

describe('a result', () => {
  it('is an issue with its matching sections, each leading to the section with the terms to highlight', async () => {
    const [issue] = (await search.search('Gigafabriken')).issues;
    expect(issue).toMatchObject({
      number: 56,
      title: 'Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.',
      url: '/issues/56/?highlight=Gigafabriken',
    });
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

describe('the order of the results', () => {
  it('puts the issue whose sections match best first: for Tooze the one with two sections about him, not two with one', async () => {
    const issues = await search.allIssues('Tooze');
    expect(issues.map((issue) => [issue.number, issue.sections.length])).toEqual([[22, 2], expect.anything(), expect.anything()]);
  });

  it.each(['Tooze', 'Faschismus', 'KI', 'souverän', 'Trump', 'Nvidia'])('ranks the issues for “%s” by the sum of their sections’ scores, and their sections best first', async (query) => {
    const issues = await search.allIssues(query);
    const scores = await issueScores(search, query);
    expect(issues.length).toBeGreaterThan(0);
    expect(
      inScoreOrder(
        issues.map((issue) => issue.number),
        scores,
      ),
    ).toBe(true);
    const records = await search.scored(query);
    for (const issue of issues) {
      const sectionScores = issue.sections.map((section) => records.find(({ data }) => sectionHit(data, queryWords(query), queryTerms(query))?.url === section.url)!.score);
      expect(sectionScores).toEqual([...sectionScores].sort((a, b) => b - a));
    }
  });
});

describe('suggestions', () => {
  it('come from word files of the archive’s own words, loaded by first letter', async () => {
    const words = await search.words('f');
    expect(words).toContain('Faschismus');
    expect(words.every((word) => /^f/i.test(word))).toBe(true);
    expect((await search.words('u')).some((word) => /^[üÜ]/.test(word))).toBe(true); // über is filed under u, as the page folds it
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
      const { buildSite } = await import('../src/build/pipeline.js');
      const { MemoryWriter } = await import('../src/build/output/writer.js');
      const report = await buildSite({ ...defaultBuildOptions, input: input.dir, search: false }, new MemoryWriter());
      const archive = createArchive(report.issues);
      const records = searchRecords(archive, { ...defaultSiteConfig, basePath: '/archiv/' }).map((record) => record.html);
      expect(records).toHaveLength(3);
      const info = encodeURIComponent(JSON.stringify({ n: 66, t: 'Hallo, heute ordnen wir Quellen.', u: '/archiv/issues/66/', d: '2024-07-20' }));
      expect(records[0]).toContain(`<main data-pagefind-body><i id="${info}"></i><i id=k></i>Willkommen bei Krasse Links No 66. Hallo, heute ordnen wir Quellen.</main>`);
      expect(records[1]).toMatch(/<b data-pagefind-filter="Art">Kommentar<\/b><b data-pagefind-filter="Art">Zitat<\/b>/);
      expect(records[1]).toContain('<b data-pagefind-filter="Jahr">2024</b>');
      expect(records[1]).toMatch(
        /<h2 id="[^"]+">[^<]+<\/h2><i id=k><\/i>Die Autorin Ada Lovelace schreibt im Atlantic über Maschinen:\n<i id=z><\/i>The analytical engine weaves algebraic patterns.\n<\/main>/,
      );
      expect(records[2]).not.toContain('<b data-pagefind-filter="Art">Zitat');
      // No metadata: Pagefind searches it, and a title word would match every section of the issue.
      for (const record of records) expect(record).not.toContain('data-pagefind-meta');
    } finally {
      await input.cleanup();
    }
  });
});
