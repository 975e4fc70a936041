// Stage 2, parse: one issue's plain text to the typed issue model.
// paragraphs → classify (commentary, quote, list, …) → sections → inline links and mentions.

import { countWords, forgetTexts } from './tokens.js';
import { InputError } from '../../errors.js';
import type { IssueSource } from '../load/index.js';
import { sectionParagraphs, untitled, type Inline, type Issue, type Language, type Paragraph, type Section } from '../../model.js';
import { classifyParagraphs, type ClassifiedParagraph, type Weights } from './classify.js';
import { inlineText, parseInline } from './inline.js';
import { mottoOf, readParagraphs, readsAsHeadline } from './paragraphs.js';
import { groupSections, type DoubtfulSource } from './sections.js';
import type { SourceReading } from './sources.js';

/** The language of the newsletter's own text. */
const ISSUE_LANGUAGE: Language = 'de';

/** How one paragraph was read: for `npm run check` and for scoring against hand labels. */
export interface ParagraphReport {
  line: number;
  /** The line as written (trimmed). */
  raw: string;
  kind: ClassifiedParagraph['kind'] | 'intro';
  /** Index into `issue.sections`; undefined for the intro and the support block. */
  section?: number;
  /** True for the first paragraph of a section. */
  sectionStart: boolean;
  /** True when the paragraph goes on in the one before across a page break of the export (one paragraph on the page). */
  continues?: boolean;
  /** Why a section starts here or not, where it was weighed. */
  sectionReasons: string[];
  lang: Language;
  confidence: number;
  /** The probability that the reading is wrong (the doubt model's), and whether `npm run check` lists it as doubtful. */
  doubt: number;
  doubtful: boolean;
  reasons: string[];
}

/** Parses one issue source into the issue model. */
export function parseIssue(source: IssueSource): Issue {
  return parse(source, undefined, false).issue;
}

/**
 * Parses one issue and reports how each paragraph (and each section's sources) was read.
 * @param weights the reader's weights (default: the trained ones); scoring passes others.
 */
export function parseIssueWithReport(source: IssueSource, weights?: Weights): ParseReport {
  return parse(source, weights, true);
}

/** An issue with how its paragraphs and sources were read. */
export interface ParseReport {
  issue: Issue;
  paragraphs: ParagraphReport[];
  sources: SourceReading[][];
  /** For each section, names left out as sources that were nearly likely enough (`npm run check` lists them). */
  doubtfulSources: DoubtfulSource[][];
}

function parse(source: IssueSource, weights: Weights | undefined, explain: boolean): ParseReport {
  forgetTexts();
  const { frontMatter } = source;
  const text = readParagraphs(source.lines, source.firstLine);
  // Front-matter links restore URLs the export lost; each phrase links its first occurrence.
  const restoredLinks = new Map(Object.entries(frontMatter.links ?? {}));
  const toParagraph = (p: { line: number; text: string }): Paragraph => {
    const content = parseInline(p.text, restoredLinks);
    return { line: p.line, content, text: inlineText(content) };
  };

  const intro = text.intro ? toParagraph({ line: text.intro.line, text: text.intro.raw }) : undefined;
  // Note: a reviewed issue says everything; its marks are the reading, nothing is guessed.
  const asMarked = frontMatter.reviewed === true || frontMatter.marked === true;
  const classified = classifyParagraphs(text.body, ISSUE_LANGUAGE, text.blankLineExport, weights, explain, asMarked);
  const overrides = new Map(Object.entries(frontMatter.sources ?? {}).map(([n, sources]) => [Number(n), sources]));
  const headings = new Map(text.body.filter((p) => p.heading !== undefined).map((p) => [p.line, p.heading!]));
  const { sections, support, sectionOf, sourceReadings, doubtfulSources } = groupSections(classified, ISSUE_LANGUAGE, toParagraph, { sources: overrides, headings });
  const beyond = [...overrides.keys()].filter((n) => n > sections.length);
  if (beyond.length) {
    throw new InputError(source.file, 1, `front matter "sources" names section ${beyond.join(', ')}, but No ${source.number} has ${sections.length} sections; see \`npm run check\` for their numbers`);
  }
  for (const section of sections) collectLinks(section, source.number);

  const paragraphs: ParagraphReport[] = !explain
    ? []
    : classified.map((p, index) => {
        const section = sectionOf[index];
        return {
          line: p.line,
          raw: p.raw,
          kind: p.kind,
          ...(section !== undefined ? { section } : {}),
          sectionStart: section !== undefined && section !== sectionOf[index - 1],
          ...(p.continues ? { continues: true } : {}),
          sectionReasons: p.sectionReasons,
          lang: p.lang,
          confidence: p.confidence,
          doubt: p.doubt,
          doubtful: p.doubtful,
          reasons: p.reasons,
        };
      });
  if (explain && text.intro)
    paragraphs.unshift({
      line: text.intro.line,
      raw: text.intro.raw,
      kind: 'intro',
      sectionStart: false,
      sectionReasons: [],
      lang: ISSUE_LANGUAGE,
      confidence: 1,
      doubt: 0,
      doubtful: false,
      reasons: ['intro line'],
    });

  const motto = intro ? mottoOf(intro.text) : undefined;
  // Without the newsletter's title and intro lines (a blog post, say), a first line that reads as
  // a headline is the title; it stays on the page as the first paragraph, as written.
  const first = text.titleNumber === undefined && !text.intro ? text.body[0] : undefined;
  const headline = first && readsAsHeadline(first) ? toParagraph({ line: first.line, text: first.raw }).text : undefined;
  const issue: Issue = {
    number: source.number,
    slug: frontMatter.slug ?? String(source.number),
    title: frontMatter.title ?? motto ?? headline ?? untitled(source.number),
    ...(intro ? { intro } : {}),
    ...(frontMatter.date ? { date: frontMatter.date } : {}),
    ...(frontMatter.image ? { image: frontMatter.image } : {}),
    lang: ISSUE_LANGUAGE,
    sections,
    support,
    words: 0,
    file: source.file,
    line: source.firstLine,
  };
  issue.words = wordCount(issue);
  return { issue, paragraphs, sources: sourceReadings, doubtfulSources };
}

/** Words a reader reads on an issue page: intro, section headings, every paragraph, support block. */
function wordCount(issue: Issue): number {
  const count = countWords;
  let words = issue.intro ? count(issue.intro.text) : 0;
  for (const section of issue.sections) {
    words += count(section.heading);
    for (const paragraph of sectionParagraphs(section)) words += count(paragraph.text);
  }
  for (const support of issue.support) for (const paragraph of support.paragraphs) words += count(paragraph.text);
  return words;
}

function collectLinks(section: Section, ownNumber: number): void {
  const mentions = new Set<number>();
  for (const paragraph of sectionParagraphs(section)) {
    for (const run of paragraph.content) {
      if (run.type === 'link') section.links.push({ url: run.url, text: run.text });
      if (run.type === 'issueRef' && run.number !== ownNumber) mentions.add(run.number);
    }
  }
  section.mentions = [...mentions];
}

export type { Inline };
