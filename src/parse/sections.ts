// Grouping classified paragraphs into topical sections of blocks (where sections start is
// decided in classify.ts), with the support block kept apart, and naming each section: its
// heading (headings.ts), its fragment id, and who each quote is by.

import type { Block, Language, Paragraph, Section, Source, SupportBlock } from '../model.js';
import type { ClassifiedParagraph } from './classify.js';
import { sectionHeading } from './headings.js';
import { sentences } from './signals.js';
import { sourceHeading } from './sources.js';
import { sectionTerms } from './terms.js';

export interface Grouped {
  sections: Section[];
  support: SupportBlock[];
  /** For each classified paragraph, the index of its section (undefined for the support block). */
  sectionOf: (number | undefined)[];
}

/** Turns a classified paragraph into a model paragraph (inline parsing is the caller's). */
export type ToParagraph = (paragraph: ClassifiedParagraph) => Paragraph;

/**
 * Groups classified paragraphs into sections of blocks, with the support block kept apart.
 * @param headings the author's headings (`--- Überschrift`), by the line of the paragraph they stand before
 */
export function groupSections(paragraphs: ClassifiedParagraph[], issueLang: Language, toParagraph: ToParagraph, headings: ReadonlyMap<number, string> = new Map()): Grouped {
  const sections: Section[] = [];
  const support: SupportBlock[] = [];
  const sectionOf: (number | undefined)[] = [];
  /** Each section's classified paragraphs with their model paragraphs, collected in the same pass. */
  const own: { classified: ClassifiedParagraph; paragraph: Paragraph }[][] = [];
  /** Each quote block's (and quoted list's) lead-in: the paragraph right before it. */
  const leadIns = new Map<Block, ClassifiedParagraph | undefined>();
  let current: Section | undefined;

  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1];
    if (paragraph.kind === 'support') {
      // An author's heading before the support block heads a section of its own, so its words stay on the page.
      const heading = headings.get(paragraph.line);
      if (heading !== undefined && previous?.kind !== 'support') {
        sections.push({ id: '', heading, authorHeading: true, blocks: [], links: [], mentions: [], sources: [], terms: '' });
        own.push([]);
      }
      sectionOf.push(undefined);
      const last = support[support.length - 1];
      if (last && previous?.kind === 'support') last.paragraphs.push(toParagraph(paragraph));
      else support.push({ beforeSection: sections.length, paragraphs: [toParagraph(paragraph)] });
      current = undefined;
      return;
    }
    const authorHeading = headings.get(paragraph.line);
    if (paragraph.startsSection || !current || authorHeading !== undefined) {
      current = { id: '', heading: authorHeading ?? '', ...(authorHeading !== undefined ? { authorHeading: true } : {}), blocks: [], links: [], mentions: [], sources: [], terms: '' };
      sections.push(current);
      own.push([]);
    }
    sectionOf.push(sections.length - 1);
    const model = toParagraph(paragraph);
    own[sections.length - 1]!.push({ classified: paragraph, paragraph: model });
    const blockCount = current.blocks.length;
    addToBlocks(current.blocks, paragraph, issueLang, model, previous);
    // A block's lead-in is the paragraph before it in the same section.
    if (current.blocks.length > blockCount) leadIns.set(current.blocks[blockCount]!, blockCount > 0 ? previous : undefined);
  });

  sections.forEach((section, index) => {
    const paragraphs = own[index]!;
    const classified = paragraphs.map((p) => p.classified);
    const source = sectionSource(classified);
    if (source) section.source = source;
    section.sources = quotedSources(classified, source);
    attributeQuotes(section, leadIns);
    const text = paragraphs.map(({ classified, paragraph }) => ({ text: paragraph.text, lang: classified.lang }));
    section.terms = sectionTerms(text, section.sources.flatMap((s) => [s.person, s.outlet]).filter((n): n is string => Boolean(n)));
    if (!section.authorHeading) section.heading = sectionHeading({ paragraphs: text, ...(source ? { source } : {}), sources: section.sources }, `Abschnitt ${index + 1}`);
  });
  assignIds(sections);
  return { sections, support, sectionOf };
}

/**
 * Who each quote is by: the source its lead-in (the commentary right before it) names, or else a
 * source of the section whose name the lead-in's last sentence mentions (`Tooze fasst „Projekte“ allerdings
 * weit:`). Otherwise the quote stays unattributed: a wrong name is worse than none.
 */
function attributeQuotes(section: Section, leadIns: Map<Block, ClassifiedParagraph | undefined>): void {
  for (const block of section.blocks) {
    if (block.kind !== 'quote' && !(block.kind === 'list' && block.inQuote)) continue;
    const leadIn = leadIns.get(block);
    if (leadIn?.kind !== 'commentary') continue;
    // The sentence that hands over to the quote is the lead-in's last.
    const handover = sentences(leadIn.text).pop() ?? '';
    const source = leadIn.source ?? section.sources.find((s) => mentions(handover, s));
    if (source && (source.person || source.outlet)) block.source = source;
  }
}

/** Whether a text names a source: its outlet, or its person's surname, as a word. */
function mentions(text: string, source: Source): boolean {
  const names = [source.outlet, source.person?.split(/\s+/).pop()].filter((n): n is string => Boolean(n && n.length > 2));
  return names.some((name) => containsWord(text, name));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether `word` occurs in `text` with no letter or digit right before or after it. */
function containsWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) return true;
  }
  return false;
}

/** The section's main source and the sources named by lead-ins right before its quotes. */
function quotedSources(paragraphs: ClassifiedParagraph[], main: Source | undefined): Source[] {
  const found: Source[] = main ? [main] : [];
  const key = (s: Source) => sourceHeading(s);
  paragraphs.forEach((paragraph, index) => {
    const next = paragraphs[index + 1];
    if (paragraph.kind !== 'commentary' || (next?.kind !== 'quote' && !(next?.kind === 'list' && next.lang !== paragraph.lang))) return;
    const source = paragraph.source;
    if (source && !found.some((f) => key(f) === key(source))) found.push(source);
  });
  return found;
}

/** The source a section's lead-in names: the first one named before the section's first quote. */
function sectionSource(paragraphs: ClassifiedParagraph[]): Source | undefined {
  for (const paragraph of paragraphs) {
    if (paragraph.kind === 'quote') break;
    if (paragraph.kind === 'commentary' && paragraph.source) return paragraph.source;
  }
  return undefined;
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
