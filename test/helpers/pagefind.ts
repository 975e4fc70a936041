// Queries a built site's Pagefind index from Node, as the search page does: pagefind.js loaded
// from the site, its index files fetched over HTTP from a local server, and the results read by
// public/search-core.js, the module the search page uses.

import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { queryTerms, queryWords, searchArchive, sectionHit, type Pagefind, type PagefindResponse, type RecordData, type SearchOutcome } from '../../public/search-core.js';
import { suggestSearch } from '../../public/suggest.js';
import { startServer } from '../../src/cli/serve.js';

export type { IssueHit, SearchOutcome, SectionHit } from '../../public/search-core.js';

export interface SiteSearch {
  /** A search as the search page makes it: issues with their sections (`pageSize` issues at a time). */
  search(query: string, filters?: Record<string, string>, pageSize?: number): Promise<SearchOutcome>;
  /** Every issue a search finds, with all its sections (every page of results). */
  allIssues(query: string, filters?: Record<string, string>): Promise<SearchOutcome['issues']>;
  /** What the page offers as "Meinten Sie …?" for a search, as it does: the suggested query, if it finds something. */
  suggest(query: string, filters?: Record<string, string>): Promise<string | undefined>;
  /** The word files the search page loads for suggestions (`f` → its words, most frequent first). */
  words(file: string): Promise<string[]>;
  /** Pagefind's own results: the records and their data, before the search page reads them. */
  records(query: string | null, filters?: Record<string, string>): Promise<RecordData[]>;
  /** Pagefind's own results with their scores. */
  scored(query: string): Promise<{ score: number; data: RecordData }[]>;
  /** Every filter and its values with counts (of records). */
  filters(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

interface PagefindModule extends Pagefind {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
  destroy?(): Promise<void>;
}

export async function openSiteSearch(siteDir: string): Promise<SiteSearch> {
  const server: Server = await startServer(siteDir, 0);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const pagefind = (await import(pathToFileURL(path.join(siteDir, 'pagefind/pagefind.js')).href)) as PagefindModule;
  await pagefind.options({ basePath: `${origin}/pagefind/` });
  await pagefind.init();
  const words = async (file: string) => {
    const response = await fetch(`${origin}/pagefind/words/${file}.txt`);
    return response.ok ? (await response.text()).split('\n').filter(Boolean) : [];
  };
  const search = async (query: string, filters: Record<string, string> = {}, pageSize?: number) => (await searchArchive(pagefind, { query, filters }, pageSize ? { pageSize } : {}))!;
  return {
    search,
    async allIssues(query, filters) {
      const outcome = await search(query, filters);
      const issues = [...outcome.issues];
      while (outcome.hasMore) issues.push(...(await outcome.more()));
      return issues;
    },
    async records(query, filters) {
      const response = await pagefind.search(query, filters ? { filters } : {});
      return Promise.all(response.results.map((result) => result.data()));
    },
    async suggest(query, filters = {}) {
      const outcome = await search(query, filters);
      if (outcome.issues.length || !outcome.unknown.length) return undefined;
      return (await suggestSearch(query, outcome.unknown, words, (suggested) => search(suggested, filters, 1)))?.query;
    },
    words,
    async scored(query) {
      const response = await pagefind.search(query);
      return Promise.all(response.results.map(async (result) => ({ score: result.score ?? 0, data: await result.data() })));
    },
    filters: () => pagefind.filters(),
    async close() {
      await pagefind.destroy?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Each issue's score as the search ranks it: the sum of Pagefind's scores of its sections that are real hits. */
export async function issueScores(site: SiteSearch, query: string): Promise<Map<number, number>> {
  const sums = new Map<number, number>();
  for (const { score, data } of await site.scored(query)) {
    const hit = sectionHit(data, queryWords(query), queryTerms(query));
    if (hit) sums.set(hit.number, (sums.get(hit.number) ?? 0) + score);
  }
  return sums;
}

/** Whether issues come in the order of their scores, best first. */
export function inScoreOrder(numbers: number[], scores: Map<number, number>): boolean {
  return numbers.every((number, i) => i === 0 || scores.get(numbers[i - 1]!)! >= scores.get(number)! - 1e-9);
}
