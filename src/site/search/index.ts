// Stage 7, search: the records of a Pagefind index, made from the issue models (not from the
// pages); the build has Pagefind index them (build/search-index.ts).
// Note: one record per topical section (and one for the issue's title and intro), so that a
// filter by source or year narrows to the sections themselves (Pagefind filters apply to whole
// records) and the search page can list each issue once with its matching sections under it.
// A section's kinds of text (commentary, quotes) are filter values of the record, and empty
// markers in its text tell the search page which kind each matching word is in: one record per
// section and kind would make Pagefind index about 1.2 × as long for the same text.

import type { Archive } from '../archive/index.js';
import type { SiteConfig } from '../../config.js';
import { escapeXml as escapeHtml } from '../render/feeds.js';
import { blockParagraphs, sourceNames, type Block, type Section } from '../../model.js';

/** One record for Pagefind: a small HTML document. */
export interface SearchRecord {
  html: string;
}

/** Filter names as the search page shows them. */
export const FILTERS = { issue: 'Ausgabe', year: 'Jahr', source: 'Quelle', kind: 'Art' } as const;
export const KINDS = { commentary: 'Kommentar', quote: 'Zitat' } as const;
/**
 * Ids of the empty markers in a record's text: the issue's data, then the kind of the text that
 * follows (public/search-hits.js reads them back).
 */
export const MARKERS = { commentary: 'k', quote: 'z' } as const;

/** What the search page shows of an issue, carried by every record of the issue. */
export interface RecordIssue {
  /** Issue number. */
  n: number;
  /** Title (the motto). */
  t: string;
  /** URL of the issue page. */
  u: string;
  /** ISO date, when known. */
  d?: string;
}

/** The search records of the archive: per issue, its title and intro, then each section. */
export function searchRecords(archive: Archive, site: SiteConfig): SearchRecord[] {
  return [...eachSearchRecord(archive, site)];
}

/**
 * The search records of the archive one at a time, in the order of `searchRecords`: each is made
 * when it is asked for, so a caller that writes them out holds only a few.
 */
export function* eachSearchRecord(archive: Archive, site: SiteConfig): Generator<SearchRecord> {
  for (const issue of archive.issues) {
    const info: RecordIssue = { n: issue.number, t: issue.title, u: `${site.basePath}${archive.issuePath(issue.number)}`, ...(issue.date ? { d: issue.date } : {}) };
    // Note: Pagefind searches every metadata field, so a word of the title stored as metadata
    // would match every section of the issue. The issue's data rides instead in the id of an
    // empty element, which Pagefind returns with the record (as an anchor) but does not index.
    const head = `<i id="${encodeURIComponent(JSON.stringify(info))}"></i>`;
    const filters = (kinds: string[], sources: string[]) =>
      [
        // Sorted newest first when the search page lists sections by filters alone.
        `<b data-pagefind-sort="n:${String(issue.number).padStart(6, '0')}"></b>`,
        filter(FILTERS.issue, `No ${issue.number}`),
        issue.date ? filter(FILTERS.year, issue.date.slice(0, 4)) : '',
        ...kinds.map((kind) => filter(FILTERS.kind, kind)),
        ...sources.map((name) => filter(FILTERS.source, name)),
      ].join('');
    const intro = issue.intro?.text ?? '';
    const introText = intro.includes(issue.title) ? intro : `${issue.title}\n${intro}`;
    yield { html: record(filters([KINDS.commentary], []), `${head}<i id=${MARKERS.commentary}></i>${escapeHtml(introText)}`) };
    for (const section of issue.sections) {
      const text = sectionText(section);
      if (!text) continue;
      const sources = [...new Set(section.sources.flatMap(sourceNames))];
      yield { html: record(filters(text.kinds, sources), `${head}<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.heading)}</h2>${text.html}`) };
    }
  }
}

// Note: values are escaped once, so Pagefind stores them as the plain text they are (it decodes
// the HTML it reads); the search page puts them into the page as text.
const filter = (name: string, value: string) => `<b data-pagefind-filter="${name}">${escapeHtml(value)}</b>`;
const record = (filters: string, body: string) => `<html><body>${filters}<main data-pagefind-body>${body}</main></body></html>`;

/** A section's text, with a marker where the kind of text changes, and the kinds it holds. */
function sectionText(section: Section): { html: string; kinds: string[] } | undefined {
  let html = '';
  let current: 'commentary' | 'quote' | undefined;
  const kinds = new Set<string>();
  for (const block of section.blocks) {
    const kind = isQuote(block) ? 'quote' : 'commentary';
    if (kind !== current) html += `<i id=${MARKERS[kind]}></i>`;
    current = kind;
    kinds.add(KINDS[kind]);
    // Paragraphs on lines of their own: Pagefind reads a line break as a space between words.
    html += blockParagraphs(block)
      .map((p) => `${escapeHtml(p.text)}\n`)
      .join('');
  }
  return kinds.size ? { html, kinds: [...kinds].sort() } : undefined;
}

function isQuote(block: Block): boolean {
  return block.kind === 'quote' || (block.kind === 'list' && block.inQuote);
}
