// Grouping classified paragraphs into topical sections and blocks. In blank-line exports the
// author's breaks (two or more blank lines) decide; in flat exports a new section starts where
// the author's commentary introduces a new source after the previous topic.

import type { Block, Language, Paragraph, Section, SupportBlock } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { findSource, sourceHeading } from './sources.js';

export interface Grouped {
  sections: Section[];
  support: SupportBlock[];
  /** For each classified paragraph, the index of its section (undefined for the support block). */
  sectionOf: (number | undefined)[];
}

/** Turns a classified paragraph into a model paragraph (inline parsing is the caller's). */
export type ToParagraph = (paragraph: ClassifiedParagraph) => Paragraph;

/** Groups classified paragraphs into sections of blocks, with the support block kept apart. */
export function groupSections(
  paragraphs: ClassifiedParagraph[],
  blankLineExport: boolean,
  issueLang: Language,
  toParagraph: ToParagraph,
): Grouped {
  const sections: Section[] = [];
  const support: SupportBlock[] = [];
  let current: Section | undefined;
  let currentHasQuote = false;
  let afterSupport = false;
  const sectionOf: (number | undefined)[] = [];

  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === 'support') {
      sectionOf.push(undefined);
      const last = support[support.length - 1];
      if (last && last.beforeSection === sections.length && paragraphs[index - 1]?.kind === 'support') last.paragraphs.push(toParagraph(paragraph));
      else support.push({ beforeSection: sections.length, paragraphs: [toParagraph(paragraph)] });
      current = undefined;
      afterSupport = true;
      return;
    }
    const previous = paragraphs[index - 1];
    const startsSection =
      !current ||
      afterSupport ||
      (blankLineExport ? paragraph.gapBefore >= 2 : startsNewTopic(paragraph, previous, current, currentHasQuote));
    afterSupport = false;
    if (startsSection || !current) {
      current = { id: '', heading: '', blocks: [], links: [], mentions: [] };
      const source = findSource(paragraph.text);
      if (source) current.source = source;
      sections.push(current);
      currentHasQuote = false;
    }
    sectionOf.push(sections.length - 1);
    if (paragraph.kind === 'quote') currentHasQuote = true;
    addToBlocks(current.blocks, paragraph, issueLang, toParagraph(paragraph), previous);
  });

  for (const section of sections) section.heading = headingOf(section);
  assignIds(sections);
  return { sections, support, sectionOf };
}

/** Flat exports: a commentary paragraph naming a source after a finished topic opens a new one. */
function startsNewTopic(
  paragraph: ClassifiedParagraph,
  previous: ClassifiedParagraph | undefined,
  current: Section,
  currentHasQuote: boolean,
): boolean {
  if (paragraph.kind !== 'commentary' || !previous) return false;
  const source = findSource(paragraph.text);
  if (!source) return false;
  const sameSource = current.source && sourceHeading(current.source) === sourceHeading(source);
  if (sameSource) return false;
  return previous.kind === 'quote' || previous.kind === 'list' || currentHasQuote;
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
  const first = section.blocks[0];
  const text =
    first?.kind === 'quote' ? first.paragraphs[0]!.text : first?.kind === 'list' ? first.items[0]!.text : first ? first.paragraph.text : '';
  const sentence = text.split(/(?<=[.!?:])\s/)[0] ?? text;
  const words = sentence.replace(/[.:]$/, '').split(/\s+/);
  return words.length <= 8 ? words.join(' ') : `${words.slice(0, 8).join(' ')} …`;
}

/** Fragment ids from headings: lowercase ASCII, unique within the page. */
function assignIds(sections: Section[]): void {
  const used = new Set<string>(RESERVED_IDS);
  for (const section of sections) {
    const base = slugify(section.heading) || 'abschnitt';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
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
