// Stage 7, search: a Pagefind index built from memory with the pagefind package's Node API.
// Note: one record per section and kind (the author's commentary, or quotes), each pointing at
// the section's anchor: a hit leads to the section, and the filters (issue, year, source, kind)
// apply to sections, which page-level Pagefind filters could not do. Pagefind reports problems
// in `errors` arrays instead of throwing, so every response is checked; the service is closed
// in `finally`.

import * as pagefind from 'pagefind';
import type { Archive } from './archive.js';
import type { SiteConfig } from './config.js';
import { SearchIndexError } from './errors.js';
import type { Block, Paragraph } from './model.js';
import { sourceNames } from './source-index.js';
import type { Writer } from './write.js';

/** What one search record holds: text, what the result shows, and what it can be filtered by. */
export interface SearchRecord {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Filter names as the search page shows them. */
export const FILTERS = { issue: 'Ausgabe', year: 'Jahr', source: 'Quelle', kind: 'Art' } as const;
export const KINDS = { commentary: 'Kommentar', quote: 'Zitat' } as const;

/** The search records of the archive: per section, the commentary and the quotes apart. */
export function searchRecords(archive: Archive, site: SiteConfig): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const issue of archive.issues) {
    const pageUrl = `${site.basePath}${archive.issuePath(issue.number)}`;
    const common = (heading: string, kind: keyof typeof KINDS, sources: string[]) => ({
      meta: {
        title: `No ${issue.number} · ${heading}`,
        issue: `Krasse Links No ${issue.number}: ${issue.title}`,
        number: String(issue.number),
        section: heading,
        kind: KINDS[kind],
        ...(issue.date ? { date: issue.date } : {}),
      },
      filters: {
        [FILTERS.issue]: [`No ${issue.number}`],
        ...(issue.date ? { [FILTERS.year]: [issue.date.slice(0, 4)] } : {}),
        ...(sources.length ? { [FILTERS.source]: sources } : {}),
        [FILTERS.kind]: [KINDS[kind]],
      },
      sort: { number: String(issue.number).padStart(6, '0') },
    });
    if (issue.intro) records.push({ url: pageUrl, content: issue.intro.text, ...common('Einleitung', 'commentary', []) });
    for (const section of issue.sections) {
      const sources = [...new Set(section.sources.flatMap(sourceNames))];
      for (const kind of ['commentary', 'quote'] as const) {
        const paragraphs = section.blocks.filter((block) => isKind(block, kind)).flatMap(blockParagraphs);
        if (!paragraphs.length) continue;
        records.push({
          // Note: Pagefind keeps one record per URL, so the quotes point at the section's heading
          // (`#id-titel`), the commentary at the section itself; both land on the section.
          url: `${pageUrl}#${kind === 'quote' ? `${section.id}-titel` : section.id}`,
          content: [section.heading, ...paragraphs.map((p) => p.text)].join('\n\n'),
          ...common(section.heading, kind, sources),
        });
      }
    }
  }
  return records;
}

/** How many records are sent to Pagefind at once. */
const BATCH = 256;

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
}

/** Indexes the records and writes the index (and Pagefind's UI files) to `pagefind/`. */
export async function writeSearchIndex(records: SearchRecord[], writer: Writer, options: SearchIndexOptions): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang });
    check(errors, 'starting Pagefind');
    if (!index) throw new SearchIndexError('Pagefind did not create an index');
    // Note: requests to the Pagefind service are answered in order; sending a batch at a time
    // instead of one by one keeps its pipe busy (several times faster on large archives).
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const added = await Promise.all(batch.map((record) => index.addCustomRecord({ ...record, language: options.lang })));
      added.forEach((response, i) => check(response.errors, `indexing ${batch[i]!.url}`));
    }
    const { errors: fileErrors, files } = await index.getFiles();
    check(fileErrors, 'writing the index');
    for (const file of files) await writer.write(`pagefind/${file.path}`, file.content);
    return files.length;
  } finally {
    await pagefind.close();
  }
}

function isKind(block: Block, kind: 'commentary' | 'quote'): boolean {
  const quoted = block.kind === 'quote' || (block.kind === 'list' && block.inQuote);
  return kind === 'quote' ? quoted : !quoted;
}

function blockParagraphs(block: Block): Paragraph[] {
  return block.kind === 'quote' ? block.paragraphs : block.kind === 'list' ? block.items : [block.paragraph];
}

function check(errors: string[], doing: string): void {
  if (errors.length) throw new SearchIndexError(`Pagefind failed while ${doing}: ${errors.join('; ')}`);
}

