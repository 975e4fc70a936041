// What each paragraph is: the author's commentary, a quote, a list item, a heading or part of
// the support block. Quotes are recognised by combining weak signals (language, quotation marks,
// elision marks, a `:` lead-in, continuation of a quote); none of them decides alone.

import type { Language } from '../model.js';
import { detectLanguage } from './language.js';
import type { RawParagraph } from './paragraphs.js';

export type ParagraphKind = 'commentary' | 'quote' | 'list' | 'heading' | 'support';

export interface ClassifiedParagraph extends RawParagraph {
  kind: ParagraphKind;
  /** The paragraph's text without a list marker. */
  text: string;
  lang: Language;
  /** 0 (a guess) to 1 (certain, e.g. an explicit override). */
  confidence: number;
  /** Why the parser decided so, for `npm run check`. */
  reasons: string[];
  /** For list items: numbered (`1.`) or bulleted. */
  ordered?: boolean;
  /** For numbered list items: the number as written. */
  ordinal?: number;
}

const LIST_MARKER = /^(?:([-–•*▪◦])|(\d{1,3})[.)])\s+/;
const OPENING_QUOTES = '„"“»‚‘\'«';
const CLOSING_QUOTES = '“"”«‘’\'»';
const ELISION = /\[(?:…|\.\.\.)\]/;
const SUPPORT_START = /^Vielen Dank,? dass Du Krasse Links liest/i;
const SUPPORT_LINE = /^(?:IBAN|BIC|Kontoinhaber(?:in)?|Bank|PayPal|Verwendungszweck|Steady|Patreon)\b/i;

/** Classifies the body paragraphs of an issue written mainly in `issueLang`. */
export function classifyParagraphs(body: RawParagraph[], issueLang: Language): ClassifiedParagraph[] {
  const result: ClassifiedParagraph[] = [];
  const listRuns = findListRuns(body);
  let inSupport = false;
  body.forEach((paragraph, index) => {
    const previous = result[index - 1];
    const language = detectLanguage(paragraph.raw, issueLang);
    const base = { ...paragraph, text: paragraph.raw, lang: language.lang };

    if (SUPPORT_START.test(paragraph.raw) || (inSupport && isSupportLine(paragraph.raw))) {
      inSupport = true;
      result.push({ ...base, kind: 'support', confidence: 1, reasons: ['support block'] });
      return;
    }
    inSupport = false;

    const list = listRuns.get(index);
    if (list) {
      result.push({ ...base, ...list, kind: 'list', confidence: 0.9, reasons: ['list marker'] });
      return;
    }

    const reasons: string[] = [];
    let score = 0;
    if (language.lang !== issueLang && language.confidence >= 0.2) {
      score += 3;
      reasons.push(`${language.lang} in a ${issueLang} issue`);
    }
    if (isWrappedInQuotes(paragraph.raw)) {
      score += 3;
      reasons.push('wrapped in quotation marks');
    }
    if (ELISION.test(paragraph.raw)) {
      score += 2;
      reasons.push('elision mark […]');
    }
    if (previous?.kind === 'commentary' && /:\s*$/.test(previous.raw)) {
      score += 1;
      reasons.push('follows a ":" lead-in');
    }
    if (previous?.kind === 'quote' && previous.lang === language.lang) {
      score += 1;
      reasons.push('continues a quote');
    }
    if (/^–\s/.test(paragraph.raw)) {
      score += 1;
      reasons.push('opens with a dash');
    }
    if (score >= 2) {
      result.push({ ...base, kind: 'quote', confidence: Math.min(1, score / 5), reasons });
      return;
    }
    if (isHeading(paragraph, body[index + 1])) {
      result.push({ ...base, kind: 'heading', confidence: 0.7, reasons: ['short standalone line'] });
      return;
    }
    result.push({ ...base, kind: 'commentary', confidence: 1 - score / 3, reasons: reasons.length ? reasons : ['the author’s voice'] });
  });
  return result;
}

/** A paragraph that starts with an opening quotation mark and ends with a closing one. */
export function isWrappedInQuotes(text: string): boolean {
  const trimmed = text.replace(/\s*(?:\[(?:…|\.\.\.)\])?[.,;:!?]*\s*$/, '');
  return trimmed.length > 20 && OPENING_QUOTES.includes(trimmed[0]!) && CLOSING_QUOTES.includes(trimmed[trimmed.length - 1]!);
}

/**
 * List items: runs of two or more lines with the same kind of marker, or a single bulleted line
 * after a `:` lead-in. A lone `– ` line is a dash, not a list (quotes often open with one).
 */
function findListRuns(body: RawParagraph[]): Map<number, { text: string; ordered: boolean; ordinal?: number }> {
  const items = new Map<number, { text: string; ordered: boolean; ordinal?: number }>();
  const markerOf = (p: RawParagraph | undefined) => (p ? LIST_MARKER.exec(p.raw) : null);
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
        items.set(i, {
          text: body[i]!.raw.slice(match[0].length),
          ordered,
          ...(ordered ? { ordinal: Number(match[2]) } : {}),
        });
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
function isHeading(paragraph: RawParagraph, next: RawParagraph | undefined): boolean {
  const text = paragraph.raw;
  return next !== undefined && text.length <= 40 && text.split(/\s+/).length <= 4 && /^\p{Lu}/u.test(text) && !/[.!?:,;…"“”«»)]$/.test(text);
}
