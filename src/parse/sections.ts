// Grouping classified paragraphs into topical sections of blocks (where sections start is
// decided in classify.ts), with the support block kept apart, and naming each section.

import type { Block, Language, Paragraph, Section, Source, SupportBlock } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { IssueNames, sectionSources, sourceHeading, type SourceReading } from './sources.js';

export interface Grouped {
  sections: Section[];
  support: SupportBlock[];
  /** For each classified paragraph, the index of its section (undefined for the support block). */
  sectionOf: (number | undefined)[];
  /** For each section, its sources with confidence and reasons (for `npm run check`). */
  sourceReadings: SourceReading[][];
}

/** The author's sources for sections, by section number (1-based), from front matter. */
export type SourceOverrides = ReadonlyMap<number, readonly Source[]>;

/** Turns a classified paragraph into a model paragraph (inline parsing is the caller's). */
export type ToParagraph = (paragraph: ClassifiedParagraph) => Paragraph;

/**
 * Groups classified paragraphs into sections of blocks, with the support block kept apart, and
 * finds each section's sources (or takes the author's, from `overrides`).
 */
export function groupSections(paragraphs: ClassifiedParagraph[], issueLang: Language, toParagraph: ToParagraph, overrides?: SourceOverrides): Grouped {
  const sections: Section[] = [];
  const support: SupportBlock[] = [];
  const sectionOf: (number | undefined)[] = [];
  /** Each section's classified paragraphs, collected in the same pass. */
  const own: ClassifiedParagraph[][] = [];
  let current: Section | undefined;

  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1];
    if (paragraph.kind === 'support') {
      sectionOf.push(undefined);
      const last = support[support.length - 1];
      if (last && previous?.kind === 'support') last.paragraphs.push(toParagraph(paragraph));
      else support.push({ beforeSection: sections.length, paragraphs: [toParagraph(paragraph)] });
      current = undefined;
      return;
    }
    if (paragraph.startsSection || !current) {
      current = { id: '', heading: '', blocks: [], links: [], mentions: [], sources: [] };
      sections.push(current);
      own.push([]);
    }
    sectionOf.push(sections.length - 1);
    own[sections.length - 1]!.push(paragraph);
    if (paragraph.continues && current.blocks.length) joinToLastParagraph(current.blocks, toParagraph(paragraph));
    else addToBlocks(current.blocks, paragraph, issueLang, toParagraph(paragraph), previous);
  });

  const names = new IssueNames(paragraphs.map((p) => p.raw));
  const sourceReadings = sections.map((section, index) => {
    const overridden = overrides?.get(index + 1);
    const found = sectionSources(own[index]!, issueLang, names);
    const readings = overridden ? overridden.map((source) => ({ source: { ...source }, confidence: 1, reasons: ['set in front matter'] })) : found.sources;
    section.sources = readings.map((r) => r.source);
    if (section.sources[0]) section.source = section.sources[0];
    if (!overridden) attributeQuotes(section, own[index]!, found.speakers);
    else if (section.sources.length === 1) attributeQuotes(section, own[index]!, own[index]!.map(() => 0));
    section.heading = headingOf(section);
    return readings;
  });
  distinctHeadings(sections);
  assignIds(sections);
  return { sections, support, sectionOf, sourceReadings };
}

/** Marks each quote block with the index of the source it is from, where known. */
function attributeQuotes(section: Section, paragraphs: ClassifiedParagraph[], speakers: (number | undefined)[]): void {
  const byLine = new Map(paragraphs.map((p, i) => [p.line, speakers[i]]));
  for (const block of section.blocks) {
    if (block.kind !== 'quote') continue;
    const speaker = byLine.get(block.paragraphs[0]!.line);
    if (speaker !== undefined && speaker < section.sources.length) block.source = speaker;
  }
}

/**
 * A paragraph split by a page break of the export goes on in the paragraph before: one paragraph
 * on the page, its words unchanged, joined by a space where the break was.
 */
function joinToLastParagraph(blocks: Block[], rest: Paragraph): void {
  const block = blocks[blocks.length - 1]!;
  const paragraphs = block.kind === 'quote' ? block.paragraphs : block.kind === 'list' ? block.items : [block.paragraph];
  const last = paragraphs[paragraphs.length - 1]!;
  last.content = [...last.content, { type: 'text', value: ' ' }, ...rest.content];
  last.text = `${last.text} ${rest.text}`;
}

function addToBlocks(
  blocks: Block[],
  classified: ClassifiedParagraph,
  issueLang: Language,
  paragraph: Paragraph,
  previous: ClassifiedParagraph | undefined,
): void {
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
        last.inQuote ||= classified.lang !== issueLang;
      } else {
        blocks.push({
          kind: 'list',
          ordered: Boolean(classified.ordered),
          ...(classified.ordinal !== undefined ? { start: classified.ordinal } : {}),
          items: [paragraph],
          inQuote: classified.lang !== issueLang,
        });
      }
      return;
    }
    case 'heading':
      blocks.push({ kind: 'heading', paragraph });
      return;
    default:
      blocks.push({ kind: 'commentary', paragraph, confidence: classified.confidence });
  }
}

/** The section's source, or its opening words (first sentence, at most eight words). */
function headingOf(section: Section): string {
  if (section.source) return sourceHeading(section.source);
  return openingWords(section, 8);
}

/** The first sentence of a section, at most `limit` words. */
function openingWords(section: Section, limit: number): string {
  const first = section.blocks[0];
  const text =
    first?.kind === 'quote' ? first.paragraphs[0]!.text : first?.kind === 'list' ? first.items[0]!.text : first ? first.paragraph.text : '';
  const sentence = text.split(/(?<=[.!?:])\s/)[0] ?? text;
  const words = sentence.replace(/[.:]$/, '').split(/\s+/);
  return words.length <= limit ? words.join(' ') : `${words.slice(0, limit).join(' ')} …`;
}

/**
 * A source quoted in two sections of one issue would give both the same heading: the later ones
 * add their opening words (`Adam Tooze – Im zweiten Teil der Hegemonie-Serie …`), so that every
 * heading (and its landmark) is told apart.
 */
function distinctHeadings(sections: Section[]): void {
  const used = new Set<string>();
  for (const section of sections) {
    if (used.has(section.heading) && section.source) section.heading = `${section.heading} – ${openingWords(section, 6)}`;
    used.add(section.heading);
  }
}

/** Fragment ids from headings: lowercase ASCII, unique within the page. */
function assignIds(sections: Section[]): void {
  const used = new Set<string>(RESERVED_IDS);
  // Note: the next number to try for each base, so that thousands of sections with one heading
  // take linear, not quadratic, time.
  const next = new Map<string, number>();
  for (const section of sections) {
    const base = slugify(section.heading) || 'abschnitt';
    let id = base;
    let n = next.get(base) ?? 2;
    while (used.has(id)) id = `${base}-${n++}`;
    next.set(base, n);
    used.add(id);
    section.id = id;
  }
}

/** Ids the page templates use themselves. */
const RESERVED_IDS = ['top', 'main', 'content', 'intro', 'support', 'search', 'backlinks', 'nav'];

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}
