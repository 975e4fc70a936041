// Stage 7, search: a Pagefind index of the issue pages, built from memory with the pagefind
// package's Node API. Pagefind reports problems in `errors` arrays instead of throwing, so every
// response is checked; the service is closed in `finally`.

import * as pagefind from 'pagefind';
import { SearchIndexError } from './errors.js';
import type { Page } from './site.js';
import type { Writer } from './write.js';

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
  /** URL path the site is served under (`/`). */
  basePath: string;
}

/** Indexes the searchable pages and writes the index (and Pagefind's UI files) to `pagefind/`. */
export async function writeSearchIndex(pages: Page[], writer: Writer, options: SearchIndexOptions): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang });
    check(errors, 'starting Pagefind');
    if (!index) throw new SearchIndexError('Pagefind did not create an index');
    for (const page of pages.filter((p) => p.searchable)) {
      const url = `${options.basePath}${page.path.replace(/index\.html$/, '')}`;
      const added = await index.addHTMLFile({ url, content: page.html });
      check(added.errors, `indexing ${page.path}`);
    }
    const { errors: fileErrors, files } = await index.getFiles();
    check(fileErrors, 'writing the index');
    for (const file of files) await writer.write(`pagefind/${file.path}`, file.content);
    return files.length;
  } finally {
    await pagefind.close();
  }
}

function check(errors: string[], doing: string): void {
  if (errors.length) throw new SearchIndexError(`Pagefind failed while ${doing}: ${errors.join('; ')}`);
}
