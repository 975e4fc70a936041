// Queries a built site's Pagefind index from Node, as the browser would: pagefind.js loaded from
// the site and its index files fetched over HTTP from a local server.

import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../src/serve.js';

export interface SearchHit {
  url: string;
  title: string;
  meta: Record<string, string>;
  excerpt: string;
  /** The sections the hit leads to. */
  subResults: { url: string; title: string }[];
  /** The excerpts of the sub-results (HTML, as Pagefind gives them). */
  subExcerpts: string[];
}

export interface SiteSearch {
  search(query: string, filters?: Record<string, string>): Promise<SearchHit[]>;
  /** Every filter and its values with counts, as the search page offers them. */
  filters(): Promise<Record<string, Record<string, number>>>;
  close(): Promise<void>;
}

interface PagefindModule {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { url: string; title: string; excerpt: string }[];
}

export async function openSiteSearch(siteDir: string): Promise<SiteSearch> {
  const server: Server = await startServer(siteDir, 0);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const pagefind = (await import(pathToFileURL(path.join(siteDir, 'pagefind/pagefind.js')).href)) as PagefindModule;
  await pagefind.options({ basePath: `${origin}/pagefind/` });
  await pagefind.init();
  const local = (url: string) => url.replace(origin, '');
  return {
    async search(query, filters) {
      const response = await pagefind.search(query, filters ? { filters } : {});
      const data = await Promise.all(response.results.map((result) => result.data()));
      return data.map((d) => ({
        // Each record names its page as `url` metadata, which Pagefind's UI links to (as search.js does).
        url: local(d.meta.url ?? d.url),
        title: d.meta.title ?? '',
        meta: d.meta,
        excerpt: d.excerpt,
        subResults: d.sub_results.map((sub) => ({ url: local(sub.url), title: sub.title })),
        subExcerpts: d.sub_results.map((sub) => sub.excerpt),
      }));
    },
    filters: () => pagefind.filters(),
    async close() {
      await pagefind.destroy?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
