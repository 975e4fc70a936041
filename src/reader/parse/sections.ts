// Grouping classified paragraphs into topical sections of blocks (where sections start is
// decided in classify.ts), with the support block kept apart, and naming each section: its
// sources (sources.ts), who each quote is by, its heading (headings.ts) and its fragment id.

import { blockParagraphs, slugify, sourceHeading, sourceNames, type Block, type Language, type Paragraph, type Section, type Source, type SupportBlock } from '../../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { sectionHeading } from './headings.js';
import { IssueNames, sectionSources, type SourceReading } from './sources.js';
import { sectionTerms } from './terms.js';

export interface Grouped {
  sections: Section[];
  support: SupportBlock[];
  /** For each classified paragraph, the index of its section (undefined for the support block). */
  sectionOf: (number | undefined)[];
  /** For each section, its sources with confidence and reasons (for `npm run check`). */
  sourceReadings: SourceReading[][];
  /** For each section, the names left out that were nearly likely enough to be sources, with their probability. */
  doubtfulSources: DoubtfulSource[][];
}

/** A name a section may have for a source, left out as not likely enough. */
export interface DoubtfulSource {
  name: string;
  probability: number;
}

/** The author's sources for sections, by section number (1-based), from front matter. */
export type SourceOverrides = ReadonlyMap<number, readonly Source[]>;

/** Turns a classified paragraph into a model paragraph (inline parsing is the caller's). */
export type ToParagraph = (paragraph: ClassifiedParagraph) => Paragraph;

/** What the author set in the text or its front matter. */
export interface AuthorSettings {
  /** The sources of sections, by section number (1-based), from front matter. */
  sources?: SourceOverrides;
  /** The author's headings (`--- Überschrift`), by the line of the paragraph they stand before. */
  headings?: ReadonlyMap<number, string>;
}

/**
 * Groups classified paragraphs into sections of blocks, with the support block kept apart, and
 * finds each section's sources (or takes the author's) and heading (or takes the author's).
 */
export function groupSections(paragraphs: ClassifiedParagraph[], issueLang: Language, toParagraph: ToParagraph, author: AuthorSettings = {}): Grouped {
  const sections: Section[] = [];
  const support: SupportBlock[] = [];
  const sectionOf: (number | undefined)[] = [];
  const headings = author.headings ?? new Map<number, string>();
  /** Each section's classified paragraphs with their model paragraphs, collected in the same pass. */
  const own: { classified: ClassifiedParagraph; paragraph: Paragraph }[][] = [];
  let current: Section | undefined;
  const newSection = (heading: string | undefined) => {
    current = { id: '', heading: heading ?? '', ...(heading !== undefined ? { authorHeading: true } : {}), blocks: [], links: [], mentions: [], sources: [], terms: '' };
    sections.push(current);
    own.push([]);
    return current;
  };

  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1];
    const authorHeading = headings.get(paragraph.line);
    if (paragraph.kind === 'support') {
      // An author's heading before the support block heads a section of its own, so its words stay on the page.
      if (authorHeading !== undefined && previous?.kind !== 'support') newSection(authorHeading);
      sectionOf.push(undefined);
      const last = support[support.length - 1];
      if (last && previous?.kind === 'support') last.paragraphs.push(toParagraph(paragraph));
      else support.push({ beforeSection: sections.length, paragraphs: [toParagraph(paragraph)] });
      current = undefined;
      return;
    }
    const section = paragraph.startsSection || !current || authorHeading !== undefined ? newSection(authorHeading) : current;
    sectionOf.push(sections.length - 1);
    const model = toParagraph(paragraph);
    own[sections.length - 1]!.push({ classified: paragraph, paragraph: model });
    if (paragraph.continues && section.blocks.length) joinToLastParagraph(section.blocks, model);
    else addToBlocks(section.blocks, paragraph, issueLang, model, previous);
  });

  const names = new IssueNames(paragraphs.map((p) => p.raw));
  const doubtfulSources: DoubtfulSource[][] = [];
  const sourceReadings = sections.map((section, index) => {
    const classified = own[index]!.map((p) => p.classified);
    const overridden = author.sources?.get(index + 1);
    const found = sectionSources(classified, issueLang, names);
    doubtfulSources.push(overridden ? [] : found.doubtful.map((d) => ({ name: d.candidate.name, probability: d.probability })));
    const readings = overridden ? overridden.map((source) => ({ source: { ...source }, confidence: 1, reasons: ['set in front matter'] })) : found.sources;
    section.sources = readings.map((r) => r.source);
    if (section.sources[0]) section.source = section.sources[0];
    if (!overridden) attributeQuotes(section, classified, found.speakers);
    else if (section.sources.length === 1)
      attributeQuotes(
        section,
        classified,
        classified.map(() => 0),
      );
    const text = own[index]!.map(({ classified, paragraph }) => ({ text: paragraph.text, lang: classified.lang, ...(classified.kind === 'quote' ? { quoted: true } : {}) }));
    section.terms = sectionTerms(text, section.sources.flatMap(sourceNames));
    // A second source goes into the heading only where it is nearly certain: a wrong name there is worse than none.
    const inHeading = readings.filter((r, i) => i === 0 || r.confidence >= SECOND_IN_HEADING).map((r) => r.source);
    if (!section.authorHeading)
      section.heading = sectionHeading(
        { paragraphs: text, ...(section.source ? { source: section.source } : {}), sources: inHeading, all: section.sources, others: found.others },
        `Abschnitt ${index + 1}`,
      );
    return readings;
  });
  distinctHeadings(sections);
  assignIds(sections);
  return { sections, support, sectionOf, sourceReadings, doubtfulSources };
}

/** From this confidence a section's second source is named in its heading too. */
const SECOND_IN_HEADING = 0.9;

/** Marks each quote block (and quoted list) with the index of the source it is from, where known. */
function attributeQuotes(section: Section, paragraphs: ClassifiedParagraph[], speakers: (number | undefined)[]): void {
  const byLine = new Map(paragraphs.map((p, i) => [p.line, speakers[i]]));
  for (const block of section.blocks) {
    const first = block.kind === 'quote' ? block.paragraphs[0] : block.kind === 'list' && block.inQuote ? block.items[0] : undefined;
    if (!first || block.kind === 'commentary' || block.kind === 'heading') continue;
    const speaker = byLine.get(first.line);
    if (speaker !== undefined && speaker < section.sources.length) block.source = speaker;
  }
}

/**
 * A paragraph split by a page break of the export goes on in the paragraph before: one paragraph
 * on the page, its words unchanged, joined by a space where the break was.
 */
function joinToLastParagraph(blocks: Block[], rest: Paragraph): void {
  const block = blocks[blocks.length - 1]!;
  const paragraphs = blockParagraphs(block);
  const last = paragraphs[paragraphs.length - 1]!;
  last.content = [...last.content, { type: 'text', value: ' ' }, ...rest.content];
  last.text = `${last.text} ${rest.text}`;
}

function addToBlocks(blocks: Block[], classified: ClassifiedParagraph, issueLang: Language, paragraph: Paragraph, previous: ClassifiedParagraph | undefined): void {
  const last = blocks[blocks.length - 1];
  switch (classified.kind) {
    case 'quote':
      if (last?.kind === 'quote' && last.lang === classified.lang && previous?.kind === 'quote') {
        last.paragraphs.push(paragraph);
        last.confidence = Math.min(last.confidence, classified.confidence);
      } else blocks.push({ kind: 'quote', paragraphs: [paragraph], lang: classified.lang, confidence: classified.confidence });
      return;
    case 'list': {
      if (last?.kind === 'list' && last.ordered === Boolean(classified.ordered) && previous?.kind === 'list') {
        last.items.push(paragraph);
        if (!last.inQuote && classified.lang !== issueLang) {
          last.inQuote = true;
          last.lang = classified.lang;
        }
      } else {
        const inQuote = classified.lang !== issueLang;
        blocks.push({
          kind: 'list',
          ordered: Boolean(classified.ordered),
          ...(classified.ordinal !== undefined ? { start: classified.ordinal } : {}),
          items: [paragraph],
          inQuote,
          ...(inQuote ? { lang: classified.lang } : {}),
        });
      }
      return;
    }
    case 'heading':
      blocks.push({ kind: 'heading', paragraph });
      return;
    default:
      blocks.push({ kind: 'commentary', paragraph, confidence: classified.confidence, ...(classified.lang !== issueLang ? { lang: classified.lang } : {}) });
  }
}

/**
 * Two sections of one issue with one source and subject would get the same heading: the later
 * ones are numbered (`Adam Tooze über Hegemonie (2)`), so that every heading (and its landmark) is
 * told apart.
 */
function distinctHeadings(sections: Section[]): void {
  const seen = new Map<string, number>();
  for (const section of sections) {
    const count = (seen.get(section.heading) ?? 0) + 1;
    seen.set(section.heading, count);
    if (count > 1) section.heading = `${section.heading} (${count})`;
  }
}

/**
 * Fragment ids: from the section's source (`nathan-benaich-fortune`), else from its heading;
 * lowercase ASCII, unique within the page.
 * Note: the source, not the whole heading, so that a permalink survives a better reading of the
 * section's subject.
 */
function assignIds(sections: Section[]): void {
  const used = new Set<string>(RESERVED_IDS);
  // Note: the next number to try for each base, so that thousands of sections with one heading
  // take linear, not quadratic, time.
  const next = new Map<string, number>();
  for (const section of sections) {
    const base = slugify(section.source && !section.authorHeading ? sourceHeading(section.source) : section.heading) || 'abschnitt';
    let id = base;
    let n = next.get(base) ?? 2;
    while (used.has(id)) id = `${base}-${n++}`;
    next.set(base, n);
    used.add(id);
    section.id = id;
  }
}

/** Ids the page templates use themselves. */
const RESERVED_IDS = ['top', 'main', 'content', 'inhalt', 'intro', 'support', 'search', 'suche', 'backlinks', 'nav', 'erwaehnt-in', 'verwandt'];
