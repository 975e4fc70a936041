// What each paragraph is — the author's commentary, a quote, a list item, a heading or part of
// the support block — and where a new topical section starts.
// Lists, the support block and the author's overrides follow fixed rules (rules.ts; their form is exact).
// Quotes and section starts are read by a sequence model over the issue's paragraphs
// (sequence.ts): evidence from each paragraph and its neighbours (evidence/, scorers/),
// weighed with weights learned from the hand-labelled issues (weights.json, `npm run train`).
// Its probabilities are calibrated: a paragraph read with confidence 0.8 is read right about
// four times in five; a small learned model (doubt.ts) weighs them into the doubtful list.

import type { Language } from '../../model.js';
import { languageOf, readEvidence } from './evidence/index.js';
import { featuresOf, PAIR_FEATURE_NAMES, QUOTE_FEATURES, START_FEATURES } from './scorers/index.js';
import type { RawParagraph } from './paragraphs.js';
import { ANY, type Chain, type ChainWeights, COMMENTARIES, CONTINUES, forwardBackward, KIND_PAIRS, marginals, QUOTES, STARTS, STATES } from './sequence.js';
import { continuesAcrossPageBreak, findListItems, findSupport, isHeading, type ListItem } from './rules.js';
import { findSource, sourceWords } from './sources.js';
import trained from './weights.json' with { type: 'json' };
import { doubtsOf, NOT_DOUBTED, type DoubtModel } from './doubt.js';

export type ParagraphKind = 'commentary' | 'quote' | 'list' | 'heading' | 'support';

export interface ClassifiedParagraph extends RawParagraph {
  kind: ParagraphKind;
  /** The paragraph's text without a list marker or override prefix. */
  text: string;
  lang: Language;
  /** The probability that kind and section start are both read right (calibrated), 1 for explicit input. */
  confidence: number;
  /** The probability that the reading is wrong, by the doubt model (doubt.ts); 0 for explicit input or a build. */
  doubt: number;
  /** Whether `npm run check` lists the reading as doubtful (its doubt reaches the model's threshold). */
  doubtful: boolean;
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
  /** True when the paragraph continues the one before across a page break of the export. */
  continues?: boolean;
}

/** The learned weights, in the order of the features. */
export interface Weights extends ChainWeights {
  temperature: number;
  /** The model that flags doubtful readings (default: the trained one; scoring passes one trained without the issue). */
  doubt?: DoubtModel;
}

/** Reads weights stored by feature name (weights.json) into the order of the features. */
export function compileWeights(stored: { quote: Record<string, number>; start: Record<string, number>; transition: number[][]; pair: Record<string, number[]>; temperature: number }): Weights {
  const inOrder = (features: readonly (readonly [string, unknown])[], values: Record<string, number>, what: string) =>
    features.map(([name]) => {
      const value = values[name];
      if (value === undefined) throw new Error(`weights.json has no ${what} weight for "${name}": run npm run train`);
      return value;
    });
  return {
    quote: inOrder(QUOTE_FEATURES, stored.quote, 'quote'),
    start: inOrder(START_FEATURES, stored.start, 'section'),
    transition: stored.transition.flat(),
    pair: PAIR_FEATURE_NAMES.flatMap((name) => {
      const values = stored.pair[name];
      if (values?.length !== KIND_PAIRS) throw new Error(`weights.json has no pair weights for "${name}": run npm run train`);
      return values;
    }),
    temperature: stored.temperature,
  };
}

let compiled: Weights | undefined;
/** The trained weights (read on first use, so that training can run while they are out of date). */
export function trainedWeights(): Weights {
  return (compiled ??= compileWeights(trained));
}

/** A run of paragraphs between support blocks, read as one chain. */
export interface Segment {
  /** For each node of the chain, the body paragraphs it holds (more than one across a page break). */
  nodes: number[][];
  chain: Chain;
  /** Each node's language, from the function words its evidence counted. */
  langs: Language[];
}

/** How the fixed rules and the model's input see an issue's body. */
export interface Reading {
  segments: Segment[];
  support: boolean[];
  listItems: Map<number, ListItem>;
  continues: boolean[];
}

/**
 * Classifies the body paragraphs of an issue written mainly in `issueLang`.
 * @param explain whether to say why (for `npm run check`); a build does not need the reasons.
 * @param asMarked the marks are complete (front matter `reviewed` or `marked`): quotes are exactly the
 *   `> ` paragraphs, section starts exactly the `---` lines (and a blank-line export's breaks).
 */
export function classifyParagraphs(body: RawParagraph[], issueLang: Language, blankLineExport: boolean, weights: Weights = trainedWeights(), explain = true, asMarked = false): ClassifiedParagraph[] {
  const reading = readBody(body, blankLineExport, issueLang, asMarked);
  const result: ClassifiedParagraph[] = new Array(body.length);
  body.forEach((paragraph, index) => {
    if (reading.support[index]) {
      result[index] = classified(paragraph, {
        kind: 'support',
        text: paragraph.raw,
        lang: issueLang,
        confidence: 1,
        ...NOT_DOUBTED,
        reasons: ['support block'],
        startsSection: false,
        sectionReasons: [],
      });
    }
  });
  for (const segment of reading.segments) {
    const run = forwardBackward(segment.chain, weights, weights.temperature);
    const probabilities = marginals(run);
    // Note: only a guessed reading can be doubted; an issue whose marks say everything needs no doubt model.
    const guessed = explain && segment.chain.allowed.some((allowed) => !decidedByMarks(explicitReadings(allowed)));
    const doubts = guessed ? doubtsOf(segment.chain, probabilities, weights.doubt) : undefined;
    segment.nodes.forEach((members, node) => {
      const p = probabilities.subarray(node * STATES, node * STATES + STATES);
      const quote = p[2]! + p[3]!;
      const start = p[1]! + p[3]!;
      const isQuote = quote > 0.5;
      const startsSection = start > 0.5;
      const confidence = round(p[(isQuote ? 2 : 0) + (startsSection ? 1 : 0)]!);
      const features = segment.chain.features[node]!;
      const explicit = explicitReadings(segment.chain.allowed[node]!);
      const reasons = explicit.kind ?? (explain ? explainScore(QUOTE_FEATURES, weights.quote, features.quote, isQuote) : NO_REASONS);
      const sectionReasons = explicit.start ?? (explain ? explainScore(START_FEATURES, weights.start, features.start, startsSection) : NO_REASONS);
      members.forEach((index, position) => {
        const paragraph = body[index]!;
        const list = reading.listItems.get(index);
        const lang = segment.langs[node]!;
        const first = position === 0;
        const fields = {
          startsSection: startsSection && first,
          sectionReasons: first ? sectionReasons : ['continues across a page break'],
          confidence: explicit.kind && explicit.start ? 1 : confidence,
          ...(decidedByMarks(explicit) ? NOT_DOUBTED : (doubts?.[node] ?? NOT_DOUBTED)),
        };
        if (list) {
          result[index] = classified(paragraph, { ...fields, kind: 'list', text: list.text, ordered: list.ordered, ordinal: list.ordinal, lang, reasons: ['list marker'] });
        } else if (isQuote) {
          result[index] = classified(paragraph, { ...fields, kind: 'quote', text: paragraph.raw, lang, reasons: first ? reasons : ['continues across a page break'] });
        } else {
          const heading = isHeading(paragraph, body[index + 1]);
          result[index] = classified(paragraph, {
            ...fields,
            kind: heading ? 'heading' : 'commentary',
            text: paragraph.raw,
            lang,
            reasons: heading ? ['short standalone line', ...reasons] : first ? reasons : ['continues across a page break'],
          });
        }
        if (!first) result[index]!.continues = true;
      });
    });
  }
  return result;
}

/** The nodes, chains and fixed readings of an issue's body: what classification and training share. */
export function readBody(body: RawParagraph[], blankLineExport: boolean, issueLang: Language = 'de', asMarked = false): Reading {
  const support = findSupport(body);
  const listItems = findListItems(body);
  // Note: a page break splits a marked quote too: both halves marked `> ` are one paragraph.
  const continues = body.map((paragraph, index) => {
    const previous = body[index - 1];
    return (
      index > 0 &&
      !support[index] &&
      !support[index - 1] &&
      !listItems.has(index) &&
      !listItems.has(index - 1) &&
      !paragraph.forcedBreak &&
      paragraph.forced === previous!.forced &&
      continuesAcrossPageBreak(previous!.raw, paragraph.raw)
    );
  });
  const segments: Segment[] = [];
  let nodes: number[][] = [];
  const close = () => {
    if (nodes.length) segments.push(segmentOf(body, nodes, listItems, blankLineExport, issueLang, asMarked));
    nodes = [];
  };
  body.forEach((_, index) => {
    if (support[index]) close();
    else if (continues[index] && nodes.length) nodes[nodes.length - 1]!.push(index);
    else nodes.push([index]);
  });
  close();
  return { segments, support, listItems, continues };
}

function segmentOf(body: RawParagraph[], nodes: number[][], listItems: Map<number, ListItem>, blankLineExport: boolean, issueLang: Language, asMarked: boolean): Segment {
  const texts = nodes.map((members) => members.map((i) => body[i]!.raw).join(' '));
  const evidence = texts.map(readEvidence);
  // The source a paragraph names, where it could be the author's lead-in (German, not in quotation marks).
  const sourceKeys = texts.map((text, node) => {
    const e = evidence[node]!;
    if (e.wrapped || e.en > e.de) return undefined;
    const words = sourceWords(findSource(text)).map((w) => w.toLowerCase());
    return words.length ? words : undefined;
  });
  const allowed = new Uint8Array(nodes.length);
  nodes.forEach((members, node) => {
    const paragraph = body[members[0]!]!;
    let kinds = asMarked ? COMMENTARIES : ANY;
    if (paragraph.forced === 'quote') kinds = QUOTES;
    let starts = ANY;
    // A segment opens a section: the issue's first paragraph, and the one after the support block.
    if (node === 0 || paragraph.forcedBreak) starts = STARTS;
    else if (blankLineExport) starts = paragraph.gapBefore >= 2 ? STARTS : CONTINUES;
    else if (asMarked || listItems.has(members[0]!) || (paragraph.forced === 'quote' && body[members[0]! - 1]?.forced === 'quote')) starts = CONTINUES;
    allowed[node] = kinds & starts || kinds;
  });
  return { nodes, chain: { features: featuresOf(evidence, sourceKeys), allowed }, langs: evidence.map((e) => languageOf(e, issueLang)) };
}

/** What explicit input decided for a paragraph, if anything. */
function explicitReadings(allowed: number): { kind?: string[]; start?: string[] } {
  return {
    ...(allowed === QUOTES || allowed === (QUOTES & STARTS) || allowed === (QUOTES & CONTINUES) ? { kind: ['marked with "> "'] } : {}),
    ...((allowed & COMMENTARIES) === allowed ? { kind: ['not marked with "> " in an issue whose marks are complete'] } : {}),
    ...((allowed & STARTS) === allowed ? { start: ['a section starts here (first paragraph, "---", blank lines or the support block before)'] } : {}),
    ...((allowed & CONTINUES) === allowed ? { start: ['no section break here (blank-line export, or within a list or marked quote)'] } : {}),
  };
}

const NO_REASONS: string[] = [];
const decidedByMarks = (explicit: ReturnType<typeof explicitReadings>) => Boolean(explicit.kind && explicit.start);
/** The features that weighed most for the decision taken, as `name (+1.2)`. */
function explainScore(features: readonly (readonly [string, unknown])[], weights: ArrayLike<number>, values: Float64Array, decided: boolean): string[] {
  const contributions: { name: string; value: number }[] = [];
  for (let k = 1; k < values.length; k++) {
    const value = weights[k]! * values[k]!;
    if (Math.abs(value) >= 0.3) contributions.push({ name: features[k]![0], value });
  }
  contributions.sort((a, b) => (decided ? b.value - a.value : a.value - b.value));
  return contributions.slice(0, 4).map(({ name, value }) => `${name} (${value > 0 ? '+' : ''}${value.toFixed(1)})`);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * A classified paragraph, every one with the same fields in the same order.
 * Note: built field by field rather than by spreading the raw paragraph: objects of one shape are
 * what V8 handles fastest, and the parser makes tens of thousands of them.
 */
function classified(
  paragraph: RawParagraph,
  fields: Pick<ClassifiedParagraph, 'kind' | 'text' | 'lang' | 'confidence' | 'doubt' | 'doubtful' | 'reasons' | 'startsSection' | 'sectionReasons'> &
    Partial<Pick<ClassifiedParagraph, 'ordered' | 'ordinal'>>,
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
    doubt: fields.doubt,
    doubtful: fields.doubtful,
    reasons: fields.reasons,
    startsSection: fields.startsSection,
    sectionReasons: fields.sectionReasons,
    ordered: fields.ordered,
    ordinal: fields.ordinal,
    continues: undefined,
  };
}
