// The readings with an exact form, which follow fixed rules rather than weights: lists, the
// support block, short heading lines, and a paragraph that a page break of the export split.

import type { RawParagraph } from './paragraphs.js';

export const LIST_MARKER = /^(?:([-–•*▪◦])|(\d{1,3})[.)])\s+/;
export const SUPPORT_START = /^Vielen\s+Dank,?\s+dass\s+Du\s+Krasse\s+Links\s+liest/i;
export const SUPPORT_LINE = /^(?:IBAN|BIC|Kontoinhaber(?:in)?|Bank|PayPal|Verwendungszweck|Steady|Patreon)\b/i;
/** A line that ends a sentence (or a lead-in, or a quotation); anything else may run on. */
const SENTENCE_END = /[.!?:;…"“”»«’)\]]$/u;

/** A list item: its text without the marker, and the number a numbered one has. */
export interface ListItem {
  text: string;
  ordered: boolean;
  ordinal?: number;
}

/**
 * A page break of the export: the paragraph before ends without any sentence punctuation and this
 * one goes on in lower case. The two are one paragraph of the text.
 */
export function continuesAcrossPageBreak(previous: string, text: string): boolean {
  return !SENTENCE_END.test(previous) && /^\p{Ll}/u.test(text) && /[\p{L}\d,–-]$/u.test(previous);
}

/** The support block: `Vielen Dank, dass Du Krasse Links liest …`, then the name and account lines. */
export function findSupport(body: RawParagraph[]): boolean[] {
  let inSupport = false;
  return body.map((paragraph) => {
    inSupport = SUPPORT_START.test(paragraph.raw) || (inSupport && isSupportLine(paragraph.raw));
    return inSupport;
  });
}

/**
 * List items: runs of two or more lines with the same kind of marker, or a single bulleted line
 * after a `:` lead-in. A lone `– ` line is a dash, not a list (quotes often open with one).
 */
export function findListItems(body: RawParagraph[]): Map<number, ListItem> {
  const items = new Map<number, ListItem>();
  const markerOf = (p: RawParagraph | undefined) => (p && !p.forced ? LIST_MARKER.exec(p.raw) : null);
  let runStart = 0;
  while (runStart < body.length) {
    const first = markerOf(body[runStart]);
    if (!first) {
      runStart++;
      continue;
    }
    const ordered = first[2] !== undefined;
    let runEnd = runStart + 1;
    while (runEnd < body.length) {
      const next = markerOf(body[runEnd]);
      if (!next || (next[2] !== undefined) !== ordered || (!ordered && next[1] !== first[1])) break;
      runEnd++;
    }
    const leadIn = body[runStart - 1]?.raw ?? '';
    const single = runEnd - runStart === 1;
    const accepted = !single || (!ordered && first[1] !== '–' && /:\s*$/.test(leadIn));
    if (accepted) {
      for (let i = runStart; i < runEnd; i++) {
        const match = markerOf(body[i])!;
        items.set(i, { text: body[i]!.raw.slice(match[0].length), ordered, ...(ordered ? { ordinal: Number(match[2]) } : {}) });
      }
    }
    runStart = runEnd;
  }
  return items;
}

function isSupportLine(text: string): boolean {
  // The name line after the thanks, and account details.
  return SUPPORT_LINE.test(text) || (text.length <= 40 && !/[.!?:]$/.test(text) && text.split(/\s+/).length <= 4);
}

/** A short standalone line (`Anmerkung`, `Nachtrag`) with no sentence punctuation. */
export function isHeading(paragraph: RawParagraph, next: RawParagraph | undefined): boolean {
  const text = paragraph.raw;
  return next !== undefined && text.length <= 40 && text.split(/\s+/).length <= 4 && /^\p{Lu}/u.test(text) && !/[.!?:,;…"“”«»)]$/.test(text);
}
