// Queries a built site's Pagefind index from Node, as the browser would: pagefind.js loaded from
// the site and its index files fetched over HTTP from a local server.

import type { Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../../src/serve.js';

export interface SearchHit {
  url: string;
  title: string;
  number: string;
  excerpt: string;
  subResults: { url: string; title: string }[];
}

export interface SiteSearch {
  search(query: string): Promise<SearchHit[]>;
  close(): Promise<void>;
}

interface PagefindModule {
  options(options: { basePath: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
  destroy?(): Promise<void>;
}
interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { url: string; title: string }[];
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
    async search(query) {
      const response = await pagefind.search(query);
      const data = await Promise.all(response.results.map((result) => result.data()));
      return data.map((d) => ({
        url: local(d.url),
        title: d.meta.title ?? '',
        number: d.meta.number ?? '',
        excerpt: d.excerpt,
        subResults: d.sub_results.map((s) => ({ url: local(s.url), title: s.title })),
      }));
    },
    async close() {
      await pagefind.destroy?.();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
