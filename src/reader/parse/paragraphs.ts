// Lines to paragraphs. Each non-empty line is one paragraph; blank lines before it are counted,
// because in blank-line exports two or more of them mark a section break.

import { INTRO_LINE, TITLE_LINE } from '../load/split.js';

export interface RawParagraph {
  /** 1-based line in the source file. */
  line: number;
  /** The line's text with surrounding whitespace (and NBSP padding) trimmed. */
  raw: string;
  /** Indentation of the line, kept because indented `1.` lines are list items. */
  indented: boolean;
  /** How many blank lines stand between this paragraph and the previous one. */
  gapBefore: number;
  /** The author's override: a line starting with `> ` is a quote. */
  forced?: 'quote';
  /** The author's override: a line of `---` before this paragraph starts a new section. */
  forcedBreak?: boolean;
  /** The author's heading for the section this paragraph starts (`--- Überschrift`). */
  heading?: string;
}

/**
 * Override lines: `---` (or `***`) alone starts a new section, `--- Überschrift` one with that
 * heading; `> ` before a paragraph makes it a quote.
 */
const SECTION_BREAK_LINE = /^\s*(?:-{3,}|\*{3,})\s*$/;
const HEADING_LINE = /^\s*-{3,}[ \t\u00a0]+(\S.*?)\s*$/;
const QUOTE_PREFIX = /^\s*>\s?/;

export interface IssueText {
  /** The number given by the title line, if there is one. */
  titleNumber?: number;
  intro?: RawParagraph;
  body: RawParagraph[];
  /** True when the export separates paragraphs by blank lines (then 2+ blanks are section breaks). */
  blankLineExport: boolean;
}

/** Splits an issue's lines into its title, intro and body paragraphs. */
export function readParagraphs(lines: string[], firstLine: number): IssueText {
  const paragraphs: RawParagraph[] = [];
  let gap = 0;
  let breakPending = false;
  let heading: string | undefined;
  /** The `--- Überschrift` line waiting for its paragraph. */
  let headingLine: { line: number; raw: string; indented: boolean } | undefined;
  lines.forEach((text, index) => {
    const trimmed = text.trim();
    if (!trimmed) {
      gap++;
      return;
    }
    if (SECTION_BREAK_LINE.test(text)) {
      breakPending = true;
      return;
    }
    const headingMatch = HEADING_LINE.exec(text);
    if (headingMatch) {
      breakPending = true;
      heading = headingMatch[1]!.replace(/\s+-{3,}$/, '');
      headingLine = { line: firstLine + index, raw: trimmed, indented: /^\s/.test(text) };
      return;
    }
    const quoted = QUOTE_PREFIX.test(text);
    const raw = quoted ? text.replace(QUOTE_PREFIX, '').trim() : trimmed;
    if (!raw) return;
    paragraphs.push({
      line: firstLine + index,
      raw,
      indented: /^\s/.test(text),
      gapBefore: paragraphs.length ? gap : 0,
      ...(quoted ? { forced: 'quote' as const } : {}),
      ...(breakPending ? { forcedBreak: true } : {}),
      ...(heading !== undefined ? { heading } : {}),
    });
    gap = 0;
    breakPending = false;
    heading = undefined;
    headingLine = undefined;
  });
  // A heading line with no paragraph after it heads nothing: it stays a paragraph as written.
  if (headingLine) paragraphs.push({ ...headingLine, gapBefore: paragraphs.length ? gap : 0, ...(breakPending ? { forcedBreak: true } : {}) });
  let titleNumber: number | undefined;
  const title = paragraphs[0] && TITLE_LINE.exec(paragraphs[0].raw);
  if (title) {
    titleNumber = Number(title[1]);
    paragraphs.shift();
  }
  let intro: RawParagraph | undefined;
  if (paragraphs[0] && INTRO_LINE.test(paragraphs[0].raw)) intro = paragraphs.shift();
  // A heading written before the intro heads the first section.
  if (intro?.heading !== undefined && paragraphs[0] && paragraphs[0].heading === undefined) {
    paragraphs[0] = { ...paragraphs[0], heading: intro.heading, forcedBreak: true };
  }
  const gaps = paragraphs.slice(1).map((p) => p.gapBefore);
  const blankLineExport = gaps.length > 0 && gaps.filter((g) => g > 0).length >= gaps.length / 2;
  return { ...(titleNumber !== undefined ? { titleNumber } : {}), ...(intro ? { intro } : {}), body: paragraphs, blankLineExport };
}

/**
 * The motto of an intro line: the sentence with `heute …` (`Rendert eure KIs souverän, heute
 * plappern wir …`), else the intro's last sentence.
 */
export function mottoOf(intro: string): string | undefined {
  const afterGreeting = intro.replace(INTRO_LINE, '').replace(/^\.?\s*/, '');
  const sentences = afterGreeting
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}„»"“])/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return sentences.find((s) => /,\s+heute\b/.test(s)) ?? sentences[sentences.length - 1];
}

/** A headline is short: at most this many characters and words. */
const HEADLINE_MAX_LENGTH = 100;
const HEADLINE_MAX_WORDS = 14;

/**
 * Whether a paragraph reads as a headline (an exported blog post's first line): short, opening
 * with a letter, digit or quotation mark, mostly letters (not a date line such as
 * `Jun 20, 2025 - 10:00`), no list item, link or override, and not ending as a sentence or a
 * lead-in does (`.`, `:`, `,`, `;`, `…`, a dash); `?` and `!` may end a headline.
 */
export function readsAsHeadline(paragraph: RawParagraph): boolean {
  const line = paragraph.raw;
  if (paragraph.forced || paragraph.forcedBreak || line.length > HEADLINE_MAX_LENGTH) return false;
  if (line.split(/\s+/).length > HEADLINE_MAX_WORDS) return false;
  if (!/^[\p{L}\p{N}„“"»«‚‘']/u.test(line) || /^(?:[-–—•*·]|\d+[.)])\s/u.test(line)) return false;
  if (/[.:;,…\-–—]["'“”‘’»«)\]]*$/u.test(line) || /https?:\/\/|www\./i.test(line)) return false;
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 0.6 * line.replace(/\s/g, '').length;
}
