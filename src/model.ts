// The typed issue model: what the parser produces and what rendering consumes.
// Rendering never re-reads the plain text; everything it needs is here, with the few helpers
// both sides read the model with (a section's paragraphs, a source's heading, slugs).

/** A run of inline content inside a paragraph. */
export type Inline =
  | { type: 'text'; value: string }
  /** A link whose URL is known (markdown-style, bare URL, or restored from front matter). */
  | { type: 'link'; url: string; text: string }
  /** A mention of another issue (`Krasse Links No 27`); linked only when the archive has it. */
  | { type: 'issueRef'; number: number; text: string };

/** One paragraph of the input: one non-empty line of the plain text. */
export interface Paragraph {
  /** Line number in the source file (1-based), for messages and `npm run check`. */
  line: number;
  /** The paragraph split into text, links and issue mentions. */
  content: Inline[];
  /** The paragraph's plain text as the reader sees it (link markup reduced to its text). */
  text: string;
}

/** How sure the parser is of a classification, from 0 (a guess) to 1 (explicit in the input). */
export type Confidence = number;

export type Block =
  | {
      kind: 'commentary';
      paragraph: Paragraph;
      confidence: Confidence;
      /** Set when the paragraph is not in the issue's language (an English remark of the author's). */
      lang?: Language;
    }
  | {
      kind: 'quote';
      paragraphs: Paragraph[];
      lang: Language;
      confidence: Confidence;
      /** Index into the section's `sources` of who is quoted, when the lead-in says so. */
      source?: number;
    }
  | {
      kind: 'list';
      ordered: boolean;
      /** The first number of a numbered list, as written. */
      start?: number;
      items: Paragraph[];
      inQuote: boolean;
      /** The language of a quoted list (a list in the author's own text has the issue's). */
      lang?: Language;
      /** For a quoted list, the index into the section's `sources` of who is quoted (as for quotes). */
      source?: number;
    }
  | { kind: 'heading'; paragraph: Paragraph };

export type Language = 'de' | 'en';

/** A block's paragraphs in reading order: a quote's, a list's items, or the one paragraph. */
export function blockParagraphs(block: Block): Paragraph[] {
  return block.kind === 'quote' ? block.paragraphs : block.kind === 'list' ? block.items : [block.paragraph];
}

/**
 * A person or outlet whose words a section quotes or whose piece it presents, or a person with the
 * outlet they speak in (`schreibt Nathan Benaich In Fortune`).
 */
export interface Source {
  person?: string;
  outlet?: string;
}

/** The names of a source: its person's, then its outlet's. */
export function sourceNames(source: Source): string[] {
  return [source.person, source.outlet].filter((n): n is string => Boolean(n));
}

/** A short heading for a section with this source: `Nathan Benaich, Fortune`. */
export function sourceHeading(source: Source): string {
  return [source.person, source.outlet].filter(Boolean).join(', ');
}

/** A topical section: one source or topic, with the author's commentary and quotes. */
export interface Section {
  /** Fragment id, unique within the issue page, stable across builds. */
  id: string;
  /** Short heading: the author's (`--- Überschrift`), or the section's sources and subject (`Adam Tooze über Hegemonie`). */
  heading: string;
  /** True when the author wrote the heading (a `--- Überschrift` line). */
  authorHeading?: boolean;
  /** The section's main source (the first of `sources`); it gives the heading and the fragment id. */
  source?: Source;
  /** Every source the section quotes or presents (the main one first), for the source index. */
  sources: Source[];
  blocks: Block[];
  /** Every URL linked in the section, in reading order. */
  links: { url: string; text: string }[];
  /** Numbers of the other issues this section mentions. */
  mentions: number[];
  /**
   * The section's most telling word stems with their counts (quotes and commentary alike), for
   * finding related sections across the archive: `stem:count` pairs separated by spaces, the most
   * telling first (`tooze:8 hegemoni:5 projekt:4`). Kept in the build cache's digest of the issue.
   * Note: one string rather than an object: thousands of sections keep it in memory and in the manifest.
   */
  terms: string;
}

/** Every paragraph of a section in reading order. */
export function sectionParagraphs(section: Section): Paragraph[] {
  return section.blocks.flatMap(blockParagraphs);
}

/** The support/donation block (`Vielen Dank, dass Du Krasse Links liest …`), kept apart from the topics. */
export interface SupportBlock {
  /** Index into `Issue.sections` of the section it precedes (sections.length: at the end). */
  beforeSection: number;
  paragraphs: Paragraph[];
}

export interface Issue {
  number: number;
  /** URL path segment: `issues/<slug>/`. Defaults to the number. */
  slug: string;
  /** The motto from the intro line (`heute …`), or a front-matter title. */
  title: string;
  /** The intro paragraph (`Willkommen bei Krasse Links No 56. …`), if the issue has one. */
  intro?: Paragraph;
  /** ISO date (YYYY-MM-DD) when known from front matter. */
  date?: string;
  /** The issue's own share image from front matter (`image:`): a path in public/ or an http(s) URL. */
  image?: string;
  /** Main language of the issue's own text. */
  lang: Language;
  sections: Section[];
  support: SupportBlock[];
  /** Words a reader reads on the page (intro, headings, paragraphs, support block): for the reading time. */
  words: number;
  /** The input file and the line the issue starts on, for messages. */
  file: string;
  line: number;
}

/** The title of an issue whose text gives none: the newsletter's name and the number, as its title lines write it. */
export function untitled(number: number): string {
  return `Krasse Links No ${number}`;
}

/** A name as a part of a URL or a fragment id: lower case ASCII letters, digits and dashes (`ä` → `ae`), at most 48 characters. */
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
