// Stage 7, search: a Pagefind index built from memory with the pagefind package's Node API.
// Note: each issue gives two records, the author's commentary and the quotes, so that "kind" can
// be a filter (Pagefind filters apply to whole records). Each record holds the issue's sections
// with their headings, so every hit has sub-results that lead to the section. Pagefind reports
// problems in `errors` arrays instead of throwing, so every response is checked; the service is
// closed in `finally`.

import type { Archive } from './archive.js';
import type { SiteConfig } from './config.js';
import { SearchIndexError } from './errors.js';
import { escapeXml as escapeHtml } from './feeds.js';
import type { Block, Issue, Paragraph } from './model.js';
import { sourceNames } from './source-index.js';
import type { Writer } from './write.js';

/** One record for Pagefind: a small HTML document and the URL a hit leads to. */
export interface SearchRecord {
  url: string;
  html: string;
}

/** Filter names as the search page shows them. */
export const FILTERS = { issue: 'Ausgabe', year: 'Jahr', source: 'Quelle', kind: 'Art' } as const;
export const KINDS = { commentary: 'Kommentar', quote: 'Zitat' } as const;

/** The search records of the archive: per issue, its commentary and its quotes. */
export function searchRecords(archive: Archive, site: SiteConfig): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const issue of archive.issues) {
    const pageUrl = `${site.basePath}${archive.issuePath(issue.number)}`;
    for (const kind of ['commentary', 'quote'] as const) {
      const html = recordHtml(issue, kind, site.lang);
      // The quotes' record needs a URL of its own; the page ignores the parameter.
      if (html) records.push({ url: kind === 'quote' ? `${pageUrl}?art=zitat` : pageUrl, html });
    }
  }
  return records;
}

/** The record of one kind of text in an issue, or undefined when the issue has none of it. */
function recordHtml(issue: Issue, kind: 'commentary' | 'quote', lang: string): string | undefined {
  const sections: string[] = [];
  const sources = new Set<string>();
  if (kind === 'commentary' && issue.intro) sections.push(`<p>${escapeHtml(issue.intro.text)}</p>`);
  for (const section of issue.sections) {
    const paragraphs = section.blocks.filter((block) => isKind(block, kind)).flatMap(blockParagraphs);
    if (!paragraphs.length) continue;
    for (const name of section.sources.flatMap(sourceNames)) sources.add(name);
    sections.push(
      `<section><h2 id="${escapeHtml(section.id)}-titel">${escapeHtml(section.heading)}</h2>${paragraphs.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('')}</section>`,
    );
  }
  if (!sections.length) return undefined;
  // Note: Pagefind's UI inserts filter values as HTML (titles, sub-result titles as text), so the
  // index must hold a value escaped once. Pagefind decodes what it captures twice (as HTML, then
  // its entities again), hence three rounds here; test/security.test.ts pins this down.
  const tag = (filter: string, value: string) => `<span data-pagefind-filter="${filter}">${escapeHtml(escapeHtml(escapeHtml(value)))}</span>`;
  return [
    `<html lang="${escapeHtml(lang)}"><body>`,
    `<h1 data-pagefind-meta="title">No ${issue.number}: ${escapeHtml(issue.title)}</h1>`,
    `<p data-pagefind-meta="number:${issue.number}" data-pagefind-sort="number:${String(issue.number).padStart(6, '0')}">${escapeHtml(KINDS[kind])}</p>`,
    issue.date ? `<p data-pagefind-meta="date:${issue.date}"></p>` : '',
    `<p data-pagefind-meta="kind">${KINDS[kind]}</p>`,
    tag(FILTERS.issue, `No ${issue.number}`),
    issue.date ? tag(FILTERS.year, issue.date.slice(0, 4)) : '',
    [...sources].map((name) => tag(FILTERS.source, name)).join(''),
    tag(FILTERS.kind, KINDS[kind]),
    `<main data-pagefind-body>${sections.join('')}</main>`,
    '</body></html>',
  ].join('');
}

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
}

/** How many records are sent to Pagefind at once. */
const BATCH = 64;

/** Indexes the records and writes the index (and Pagefind's UI files) to `pagefind/`. */
export async function writeSearchIndex(records: SearchRecord[], writer: Writer, options: SearchIndexOptions): Promise<number> {
  // Note: loaded only when an index is built; most rebuilds keep the previous one.
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: options.lang });
    check(errors, 'starting Pagefind');
    if (!index) throw new SearchIndexError('Pagefind did not create an index');
    // Requests are answered in order; sending a batch at a time keeps Pagefind's pipe busy.
    for (let start = 0; start < records.length; start += BATCH) {
      const batch = records.slice(start, start + BATCH);
      const added = await Promise.all(batch.map((record) => index.addHTMLFile({ url: record.url, content: record.html })));
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
