// A source's page: each section that quotes or presents the source, newest first, with previews
// of its quotes; the sections of older issues are links only.

import type { SourceEntry } from '../archive/source-index.js';
import type { Issue, Section } from '../../model.js';

/** The folder of the source index and the sources' pages. */
export const SOURCES_PATH = 'quellen/';

/** The site path of a source's page: `quellen/adam-tooze/`. */
export const sourcePath = (entry: SourceEntry) => `${SOURCES_PATH}${entry.slug}/`;

/** Quotes on a source's page are shown up to this many characters each, cut at a word with `[…]`. */
const QUOTE_PREVIEW = 600;
/** A source's page shows the quotes of its newest sections up to this many; older ones are links. */
const QUOTED_SECTIONS = 50;

/** What a source's page shows: each section quoting it, newest first, with its quotes. */
export function sourcePageData<Summary>(entry: SourceEntry, summary: (issue: Issue) => Summary, sectionUrl: (issue: Issue, section: Section) => string) {
  return {
    name: entry.name,
    kind: entry.kind,
    variants: entry.variants,
    issueCount: entry.issues,
    sectionCount: entry.sections.length,
    sections: entry.sections.map(({ issue, section, written, quotes }, index) => ({
      issue: summary(issue),
      heading: section.heading,
      url: sectionUrl(issue, section),
      written: written === entry.name ? undefined : written,
      quotes: index < QUOTED_SECTIONS ? quotes.map((quote) => ({ lang: quote.lang, paragraphs: preview(quote.paragraphs.map((p) => p.text)) })) : [],
    })),
  };
}

/** The paragraphs of a quote up to QUOTE_PREVIEW characters; a cut is marked with the elision mark `[…]`. */
function preview(paragraphs: string[]): string[] {
  const shown: string[] = [];
  let left = QUOTE_PREVIEW;
  for (const text of paragraphs) {
    if (left <= 0) break;
    if (text.length <= left) {
      shown.push(text);
      left -= text.length;
      continue;
    }
    const cut = text.slice(0, left);
    const space = cut.lastIndexOf(' ');
    shown.push(`${(space > left / 2 ? cut.slice(0, space) : cut).trimEnd()} […]`);
    break;
  }
  return shown;
}
