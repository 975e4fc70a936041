// The search on a larger archive (40 issues made from the corpus, where common words match hundreds
// of sections): results come in pages, counted exactly or "at least", ranked across pages, as the
// search page runs it (public/search-core.js on Pagefind's index).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryTerms, queryWords, sectionHit } from '../public/search-core.js';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { build } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { archiveDir, tempDir } from './helpers/fixtures.js';
import { inScoreOrder, issueScores, openSiteSearch, type SiteSearch } from './helpers/pagefind.js';

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

  it.each([
    ['die', {}],
    ['Trump', {}],
    ['KI', { Art: 'Zitat' }],
    ['', { Jahr: '2015' }],
  ] as const)('“%s” %j lists and counts what the records hold, page by page', { timeout: 30_000 }, async (query, filters) => {
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

  it.each(['Merz', 'Tooze', 'Faschismus'])('ranks the issues for “%s” by how well their sections match, across pages', { timeout: 30_000 }, async (query) => {
    const records = await big.records(query);
    expect(records.length).toBeLessThanOrEqual(64); // every record checked at once: the ranking is over all issues
    const outcome = await big.search(query, {}, 3);
    const issues = [...outcome.issues];
    while (outcome.hasMore) issues.push(...(await outcome.more()));
    expect(issues.length).toBeGreaterThan(3);
    expect(
      inScoreOrder(
        issues.map((issue) => issue.number),
        await issueScores(big, query),
      ),
    ).toBe(true);
  });

  it('lists a search by filters alone newest first', async () => {
    const outcome = await big.search('', { Jahr: '2015' }, 50);
    const numbers = outcome.issues.map((issue) => issue.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(numbers.length).toBeGreaterThan(1);
  });
});
