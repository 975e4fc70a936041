// What each paragraph is — the author's commentary, a quote, a list item, a heading or part of
// the support block — and where a new topical section starts. One pass in reading order, because
// both depend on what came before: a quote continues a quote, a lead-in hands over to a source,
// a topic ends where the author introduces the next source.
//
// Quotes are recognised by weighing evidence; no signal decides alone. For German paragraphs, the
// language gives no hint, so the reading rests on the lead-in before them, reported speech,
// continuation of a quote, and against it the author's own voice (see signals.ts).

import type { Language, Source } from '../model.js';
import { detectLanguage } from './language.js';
import type { RawParagraph } from './paragraphs.js';
import {
  announcesOwnText,
  authorVoice,
  ELISION,
  isEnumeration,
  isWrappedInQuotes,
  MEDIA,
  outsideQuotes,
  RECOMMENDATION,
  refersBack,
  reportedSpeech,
  sentences,
} from './signals.js';
import { findSource, sourceWords } from './sources.js';

export type ParagraphKind = 'commentary' | 'quote' | 'list' | 'heading' | 'support';

export interface ClassifiedParagraph extends RawParagraph {
  kind: ParagraphKind;
  /** The paragraph's text without a list marker or override prefix. */
  text: string;
  lang: Language;
  /** 0 (a guess) to 1 (certain, e.g. an explicit override). */
  confidence: number;
  /** Why the parser decided so, for `npm run check`. */
  reasons: string[];
  /** Whether a new topical section starts with this paragraph. */
  startsSection: boolean;
  /** Why a section starts (or not) here, when it was weighed. */
  sectionReasons: string[];
  /** For list items: numbered (`1.`) or bulleted. */
  ordered?: boolean;
  /** For numbered list items: the number as written. */
  ordinal?: number;
  /** The source the paragraph names, for commentary (found once, used by sections and headings). */
  source?: Source;
}

/** Evidence above this makes a paragraph a quote, or a section start. */
const QUOTE_THRESHOLD = 2;
const SECTION_THRESHOLD = 2;
/** Paragraphs this long read as the body of a text rather than a remark between quotes. */
const LONG = 300;
const SHORT = 180;
/**
 * How much of a topic's text is searched for names already discussed.
 * Note: a bound keeps a huge topic (an export without any section breaks) linear in time; real
 * topics are far shorter, so it never changes how they are read.
 */
const TOPIC_MEMORY = 20_000;

const LIST_MARKER = /^(?:([-–•*▪◦])|(\d{1,3})[.)])\s+/;
const SUPPORT_START = /^Vielen\s+Dank,?\s+dass\s+Du\s+Krasse\s+Links\s+liest/i;
const SUPPORT_LINE = /^(?:IBAN|BIC|Kontoinhaber(?:in)?|Bank|PayPal|Verwendungszweck|Steady|Patreon)\b/i;
/** A lead-in pointing at a link: `Hier kann man dem Markt beim Regeln zuschauen.` */
const POINTS_AT_LINK = /^Hier\s+(?:kann man|können|gibt es|ist|sind|sieht man|lässt sich|findet)\b/;
/** Adverbs saying a paragraph follows from the one before (`dementsprechend`). */
const FOLLOWS_FROM = /\b(?:dementsprechend|demnach|folglich|infolgedessen|widerspricht|entgegnet|antwortet)\b/;
/** A demonstrative pointing at something already said (`dieses Alignment`). */
const POINTS_BACK = /\b(?:dieses|diesen|diesem|dieser)\s+\p{Lu}/u;
/** The link roundup's transition to a related item (`Zu einem ähnlichen Thema`, `In eine ähnliche Kerbe`). */
const RELATED_ITEM = /(?<!\p{L})ähnlich(?:e|en|er|es|em)\s+\p{Lu}/u;
/** A lead-in in which the author quotes what he wrote before (`In Krasse Links No 27 schrieb ich …:`). */
const SELF_QUOTE = /\b(?:schrieb ich|ich schrieb|hatte ich (?:geschrieben|notiert))\b/;

/** What the pass knows about the current topic. */
interface Topic {
  source?: Source;
  /**
   * Text of the topic so far (its first TOPIC_MEMORY characters), to tell a new source from one
   * already discussed.
   */
  text: string;
  paragraphs: number;
  /** Languages of the quotes in this topic so far. */
  quoted: Set<Language>;
}

/** Classifies the body paragraphs of an issue written mainly in `issueLang`. */
export function classifyParagraphs(body: RawParagraph[], issueLang: Language, blankLineExport: boolean): ClassifiedParagraph[] {
  const result: ClassifiedParagraph[] = [];
  const listItems = findListItems(body);
  let topic: Topic = { text: '', paragraphs: 0, quoted: new Set() };
  let inSupport = false;

  body.forEach((paragraph, index) => {
    const previous = result[index - 1];
    const beforePrevious = result[index - 2];
    const language = detectLanguage(paragraph.raw, issueLang);
    const foreign = language.lang !== issueLang && language.confidence >= 0.2;

    if (SUPPORT_START.test(paragraph.raw) || (inSupport && isSupportLine(paragraph.raw))) {
      inSupport = true;
      result.push(classified(paragraph, { kind: 'support', text: paragraph.raw, lang: issueLang, confidence: 1, reasons: ['support block'], startsSection: false, sectionReasons: [] }));
      return;
    }
    inSupport = false;

    // Where a section starts: explicit `---`, the author's blank lines, after the support block,
    // or (flat exports) where the author introduces a new source.
    const named = foreign || isWrappedInQuotes(paragraph.raw) ? undefined : findSource(paragraph.raw);
    const section = sectionStart(paragraph, index, previous, topic, blankLineExport, foreign, named);
    if (section.starts) topic = { text: '', paragraphs: 0, quoted: new Set() };
    const topicSourceBefore = topic.source;
    if (!topic.source && named) topic.source = named;
    const sectionFields = { startsSection: section.starts, sectionReasons: section.reasons, source: named };
    if (topic.text.length < TOPIC_MEMORY) topic.text += ` ${paragraph.raw.slice(0, TOPIC_MEMORY - topic.text.length)}`;
    topic.paragraphs++;

    const list = listItems.get(index);
    if (list) {
      result.push(classified(paragraph, { ...sectionFields, kind: 'list', text: list.text, ordered: list.ordered, ordinal: list.ordinal, lang: language.lang, confidence: 0.9, reasons: ['list marker'] }));
      return;
    }
    if (paragraph.forced === 'quote') {
      topic.quoted.add(language.lang);
      result.push(classified(paragraph, { ...sectionFields, kind: 'quote', text: paragraph.raw, lang: language.lang, confidence: 1, reasons: ['marked with "> "'] }));
      return;
    }

    const evidence = quoteEvidence(paragraph.raw, { foreign, lang: language.lang, previous, beforePrevious, topic, topicSource: topicSourceBefore, startsSection: section.starts });
    if (evidence.score >= QUOTE_THRESHOLD) {
      topic.quoted.add(language.lang);
      result.push(classified(paragraph, { ...sectionFields, kind: 'quote', text: paragraph.raw, lang: language.lang, confidence: confidenceOf(evidence.score), reasons: evidence.reasons }));
      return;
    }
    if (isHeading(paragraph, body[index + 1])) {
      result.push(classified(paragraph, { ...sectionFields, kind: 'heading', text: paragraph.raw, lang: language.lang, confidence: 0.7, reasons: ['short standalone line'] }));
      return;
    }
    const reasons = evidence.reasons.length ? evidence.reasons : ['the author’s voice'];
    result.push(classified(paragraph, { ...sectionFields, kind: 'commentary', text: paragraph.raw, lang: language.lang, confidence: confidenceOf(QUOTE_THRESHOLD - evidence.score), reasons }));
  });
  return result;
}

interface QuoteContext {
  foreign: boolean;
  lang: Language;
  previous?: ClassifiedParagraph;
  beforePrevious?: ClassifiedParagraph;
  topic: Topic;
  /** The topic's source as known before this paragraph. */
  topicSource?: Source;
  startsSection: boolean;
}

/** Weighs the evidence that a paragraph is quoted rather than the author's own. */
function quoteEvidence(text: string, context: QuoteContext): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
  };
  const { previous, beforePrevious } = context;

  if (context.foreign) add(4, `${context.lang === 'en' ? 'English' : context.lang} in a German issue`);
  if (isWrappedInQuotes(text)) add(3, 'wrapped in quotation marks');
  if (ELISION.test(text)) add(2, 'elision mark […]');
  if (context.foreign) return { score, reasons };

  // The lead-in before: a `:` that hands over to a source, or a paragraph introducing one.
  const leadIn = previous?.kind === 'commentary' ? previous : undefined;
  const colonLeadIn = leadIn !== undefined && /:\s*$/.test(leadIn.raw);
  const quotesHimself = colonLeadIn && SELF_QUOTE.test(leadIn.raw);
  const handsOver = colonLeadIn && (quotesHimself || (!announcesOwnText(leadIn.raw) && !authorVoice(leadIn.raw).includes('first person')));
  if (quotesHimself) add(4, 'the author quotes his earlier writing');
  else if (colonLeadIn) {
    if (handsOver) add(2, 'after a ":" lead-in');
    else if (!isWrappedInQuotes(text)) add(-2, 'after the author announces his own text');
  } else if (leadIn && introducesSource(leadIn)) add(2, 'after a lead-in introducing a source');
  if (reportedSpeech(text)) add(1, 'reported speech');

  // Continuing a quote, or resuming it after a short remark.
  if (previous?.kind === 'quote' && previous.lang === context.lang) {
    add(text.length >= LONG ? 2.5 : 1.5, 'continues a quote');
    if (isEnumeration(text)) add(1, 'continues an enumeration');
  } else if (
    leadIn && !/:\s*$/.test(leadIn.raw) && beforePrevious?.kind === 'quote' && beforePrevious.lang === context.lang &&
    context.topic.quoted.has(context.lang) && text.length >= LONG
  ) {
    add(2, 'resumes the quote after a remark');
  }

  // The author's own voice.
  const voice = authorVoice(text);
  if (voice.includes('first person')) add(-3, 'first person');
  if (voice.includes('first person later') && !handsOver) add(-1, 'first person');
  if (voice.includes('addresses the reader')) add(-2, 'addresses the reader');
  if (voice.includes('colloquial')) add(-2, 'colloquial');
  if (voice.includes('English words mixed in')) add(-2, 'English words mixed into German');
  if (voice.includes('question or exclamation')) add(-1.5, 'ends with a question or exclamation');
  if (!handsOver && refersBack(text)) add(/^Und\b/.test(text) ? -0.5 : -1.5, 'refers back to the paragraph before');
  const own = outsideQuotes(text);
  if (sourceWords(context.topicSource).some((word) => own.includes(word))) add(-2, 'talks about the source');
  if (/:\s*$/.test(text)) add(-3, 'is a lead-in itself');
  if (context.startsSection) add(-3, 'opens a section');
  if (text.length < SHORT / 2 || (text.length < SHORT && !(leadIn && introducesSource(leadIn)) && !handsOver)) add(-1, 'short');
  return { score, reasons };
}

/** A commentary paragraph that names a source and what it wrote, said or published. */
function introducesSource(paragraph: ClassifiedParagraph): boolean {
  if (POINTS_AT_LINK.test(paragraph.raw)) return true;
  if (authorVoice(paragraph.raw).some((t) => t === 'first person' || t === 'colloquial')) return false;
  if (!paragraph.source) return false;
  return paragraph.startsSection || MEDIA.test(paragraph.raw) || /\b(?:[Ll]aut|schreibt|analysiert|berichtet|erklärt|argumentiert)\b/.test(paragraph.raw);
}

/** Weighs whether a paragraph opens a new topical section. */
function sectionStart(
  paragraph: RawParagraph,
  index: number,
  previous: ClassifiedParagraph | undefined,
  topic: Topic,
  blankLineExport: boolean,
  foreign: boolean,
  source: Source | undefined,
): { starts: boolean; reasons: string[] } {
  if (index === 0) return { starts: true, reasons: ['first paragraph'] };
  if (paragraph.forcedBreak) return { starts: true, reasons: ['marked with ---'] };
  if (previous?.kind === 'support') return { starts: true, reasons: ['after the support block'] };
  if (blankLineExport) return paragraph.gapBefore >= 2 ? { starts: true, reasons: ['two or more blank lines before'] } : { starts: false, reasons: [] };
  // A section opens with the author's words: not with what is plainly a quote, nor with the
  // answer to a `:` lead-in.
  if (foreign || isWrappedInQuotes(paragraph.raw) || ELISION.test(paragraph.raw) || paragraph.forced === 'quote' || LIST_MARKER.test(paragraph.raw)) {
    return { starts: false, reasons: [] };
  }

  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(`${reason} (${points > 0 ? '+' : ''}${points})`);
  };
  const text = paragraph.raw;
  const first = sentences(text)[0] ?? text;
  if (source) {
    const known = sourceWords(source).some((word) => topic.text.includes(word));
    if (known) add(0.5, 'names a source already discussed');
    else add(2, 'introduces a new source');
    if (source.person && text.startsWith(source.person)) add(1, 'the source is the subject');
  }
  const media = MEDIA.test(first);
  const recommended = RECOMMENDATION.test(first);
  if (media && recommended) add(2, 'recommends a piece');
  else if (media) add(1, 'names a piece');
  else if (recommended) add(0.5, 'recommends');
  if (POINTS_AT_LINK.test(text)) add(1, 'points at a link');
  if (/^(?:\S+\s+){1,2}\p{Ll}{3,}[.!]\s/u.test(text)) add(1.5, 'opens with a short teaser sentence');
  if (previous?.kind === 'quote' || previous?.kind === 'list') add(1, 'after a quote or list');
  if (RELATED_ITEM.test(first)) add(1, 'a related item');
  if (previous && /:\s*$/.test(previous.raw)) add(-1, 'answers a ":" lead-in');
  if (FOLLOWS_FROM.test(first)) add(-4, 'continues the argument before');
  else if (refersBack(text)) add(-2, 'refers back');
  else if (POINTS_BACK.test(first)) add(-1, 'points back');
  if (sentences(text).length === 1 && /\?\s*$/.test(text)) add(-1, 'a question about what came before');
  const topicWords = sourceWords(topic.source);
  if (topicWords.some((word) => outsideQuotes(text).includes(word))) add(-1.5, 'talks about the current source');
  if (topic.paragraphs < 2) add(-1, 'the current section has one paragraph');
  return { starts: score >= SECTION_THRESHOLD, reasons };
}

/**
 * A classified paragraph, every one with the same fields in the same order.
 * Note: built field by field rather than by spreading the raw paragraph: objects of one shape are
 * what V8 handles fastest, and the parser makes tens of thousands of them.
 */
function classified(
  paragraph: RawParagraph,
  fields: Pick<ClassifiedParagraph, 'kind' | 'text' | 'lang' | 'confidence' | 'reasons' | 'startsSection' | 'sectionReasons' | 'source' | 'ordered' | 'ordinal'>,
): ClassifiedParagraph {
  return {
    line: paragraph.line,
    raw: paragraph.raw,
    indented: paragraph.indented,
    gapBefore: paragraph.gapBefore,
    forced: paragraph.forced,
    forcedBreak: paragraph.forcedBreak,
    kind: fields.kind,
    text: fields.text,
    lang: fields.lang,
    confidence: fields.confidence,
    reasons: fields.reasons,
    startsSection: fields.startsSection,
    sectionReasons: fields.sectionReasons,
    source: fields.source,
    ordered: fields.ordered,
    ordinal: fields.ordinal,
  };
}

function confidenceOf(margin: number): number {
  return Math.round(Math.min(1, Math.max(0.05, 0.5 + margin / 6)) * 100) / 100;
}

/**
 * List items: runs of two or more lines with the same kind of marker, or a single bulleted line
 * after a `:` lead-in. A lone `– ` line is a dash, not a list (quotes often open with one).
 */
function findListItems(body: RawParagraph[]): Map<number, { text: string; ordered: boolean; ordinal?: number }> {
  const items = new Map<number, { text: string; ordered: boolean; ordinal?: number }>();
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
function isHeading(paragraph: RawParagraph, next: RawParagraph | undefined): boolean {
  const text = paragraph.raw;
  return next !== undefined && text.length <= 40 && text.split(/\s+/).length <= 4 && /^\p{Lu}/u.test(text) && !/[.!?:,;…"“”«»)]$/.test(text);
}
