// Stage 2, parse: one issue's plain text to the typed issue model.
// paragraphs → classify (commentary, quote, list, …) → sections → inline links and mentions.

import type { IssueSource } from '../load.js';
import type { Inline, Issue, Language, Paragraph, Section } from '../model.js';
import { classifyParagraphs, type ClassifiedParagraph } from './classify.js';
import { inlineText, parseInline } from './inline.js';
import { mottoOf, readParagraphs } from './paragraphs.js';
import { groupSections } from './sections.js';

/** The language of the newsletter's own text. */
const ISSUE_LANGUAGE: Language = 'de';

/** Parses one issue source into the issue model. */
export function parseIssue(source: IssueSource): Issue {
  const { frontMatter } = source;
  const text = readParagraphs(source.lines, source.firstLine);
  // Front-matter links restore URLs the export lost; each phrase links its first occurrence.
  const restoredLinks = new Map(Object.entries(frontMatter.links ?? {}));
  const toParagraph = (p: { line: number; text: string }): Paragraph => {
    const content = parseInline(p.text, restoredLinks);
    return { line: p.line, content, text: inlineText(content) };
  };

  const intro = text.intro ? toParagraph({ line: text.intro.line, text: text.intro.raw }) : undefined;
  const classified = classifyParagraphs(text.body, ISSUE_LANGUAGE);
  const { sections, support } = groupSections(classified, text.blankLineExport, ISSUE_LANGUAGE, toParagraph);
  for (const section of sections) collectLinks(section, source.number);

  const motto = intro ? mottoOf(intro.text) : undefined;
  return {
    number: source.number,
    slug: frontMatter.slug ?? String(source.number),
    title: frontMatter.title ?? motto ?? `Krasse Links No ${source.number}`,
    ...(intro ? { intro } : {}),
    ...(frontMatter.date ? { date: frontMatter.date } : {}),
    lang: ISSUE_LANGUAGE,
    sections,
    support,
    file: source.file,
    line: source.firstLine,
  };
}

/** Classification details for `npm run check`, without building the model twice. */
export function classifyIssue(source: IssueSource): ClassifiedParagraph[] {
  const text = readParagraphs(source.lines, source.firstLine);
  return classifyParagraphs(text.body, ISSUE_LANGUAGE);
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

/** Every paragraph of a section in reading order. */
export function sectionParagraphs(section: Section): Paragraph[] {
  return section.blocks.flatMap((block) =>
    block.kind === 'quote' ? block.paragraphs : block.kind === 'list' ? block.items : [block.paragraph],
  );
}

export type { Inline };
