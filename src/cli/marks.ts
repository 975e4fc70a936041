// Writing a reading into an issue file as the author's marks: `> ` before each quote, a `---` line
// before each section start, and front matter saying the marks are complete (`marked: true`, or
// `reviewed: true` once the author has checked them). The words are never touched: only mark
// lines, `> ` prefixes and blank lines between paragraphs change, and every edit is read back
// before it is returned, so what is written is what the build will show.
// Used by `npm run check -- --mark` and by the review in `npm run dev` (review.ts).

import { BuildError } from '../errors.js';
import { decodeText } from '../reader/load/decode.js';
import { loadFile, type IssueSource } from '../reader/load/index.js';
import { parseIssueWithReport, type ParagraphReport } from '../reader/parse/index.js';
import { readParagraphs, type RawParagraph } from '../reader/parse/paragraphs.js';
import { findSupport } from '../reader/parse/rules.js';

/** How a body paragraph is to be marked: a quote or not, starting a section or not. */
export interface Mark {
  quote: boolean;
  start: boolean;
}

/** Each body paragraph's mark, by its line in the file (the intro and the support block have none). */
export type Marks = Map<number, Mark>;

/** What the marks say about the issue: complete but not yet checked, or checked by the author. */
export type ReviewState = 'marked' | 'reviewed';

const QUOTE_PREFIX = /^\s*>\s?/;
const BREAK_LINE = /^\s*(?:-{3,}|\*{3,})\s*$/;

/** The text of an issue file as read for writing marks into it: UTF-8 only, a byte-order mark kept. */
export function utf8Text(file: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) throw new BuildError(`${file}: marks are written only into UTF-8 files; save it as UTF-8 first`);
  const text = decodeText(bytes, file);
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? `\uFEFF${text}` : text;
}

/** The one issue a file holds; marks are written only into files of one issue. */
export function singleSource(file: string, text: string): IssueSource {
  const { sources } = loadFile(file, text);
  if (sources.length !== 1) throw new BuildError(`${file} holds ${sources.length} issues; marks are written into files of one issue: split it with npm run import`);
  return sources[0]!;
}

/** The reading of a parsed issue as marks: what the page shows, paragraph by paragraph. */
export function marksOf(paragraphs: ParagraphReport[]): Marks {
  const marks: Marks = new Map();
  for (const p of paragraphs) if (p.kind !== 'intro' && p.kind !== 'support') marks.set(p.line, { quote: p.kind === 'quote', start: p.sectionStart });
  return marks;
}

/**
 * The file's text with the given marks and review state, its words unchanged.
 * @throws BuildError when a mark cannot be written (an author's heading would go) or would not be
 *   read back as given (a line that would turn into a list item once its `> ` is removed).
 */
export function withMarks(file: string, text: string, marks: Marks, state: ReviewState): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const plain = text.slice(bom.length);
  const parts = plain.split(/(\r\n|\r|\n)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  const breaks = parts.filter((_, i) => i % 2 === 1);
  const eol = breaks[0] ?? '\n';
  const source = singleSource(file, plain);
  const { body, blankLineExport } = readParagraphs(source.lines, source.firstLine);
  const support = findSupport(body);
  // Edits by line (0-based): the new line, or undefined to remove it; lines to insert before it.
  const replaced = new Map<number, string | undefined>();
  const inserted = new Map<number, string[]>();
  body.forEach((paragraph, index) => {
    const mark = marks.get(paragraph.line);
    if (!mark) return;
    const at = paragraph.line - 1;
    const line = lines[at]!;
    if (mark.quote !== Boolean(paragraph.forced)) replaced.set(at, mark.quote ? `> ${line}` : line.replace(QUOTE_PREFIX, ''));
    const previous = body[index - 1];
    const opensSegment = index === 0 || support[index - 1]!;
    const gap = previous ? range(previous.line, paragraph.line - 1) : [];
    const startsNow = opensSegment || Boolean(paragraph.forcedBreak) || (blankLineExport && paragraph.gapBefore >= 2);
    if (mark.start && !startsNow) inserted.set(at, ['---']);
    if (!mark.start && startsNow) joinAt(file, paragraph, opensSegment, gap, lines, replaced);
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    for (const extra of inserted.get(i) ?? []) out.push(extra, eol);
    // Note: a removed line is a mark or blank line between two paragraphs, never the last line.
    const next = replaced.has(i) ? replaced.get(i) : line;
    if (next !== undefined) out.push(next, breaks[i] ?? '');
  });
  const marked = withReviewState(out.join(''), state, eol);
  verify(file, plain, marked, marks);
  return `${bom}${marked}`;
}

/** The lines strictly between two 1-based lines, as 0-based indexes. */
function range(after: number, before: number): number[] {
  return Array.from({ length: Math.max(0, before - after) }, (_, k) => after + k);
}

/** Removes what starts a section before a paragraph: `---` lines, and blank lines beyond one. */
function joinAt(file: string, paragraph: RawParagraph, opensSegment: boolean, gap: number[], lines: string[], replaced: Map<number, string | undefined>): void {
  if (opensSegment) throw new BuildError(`${file}:${paragraph.line}: a section always starts here (the first paragraph, or the one after the support block)`);
  if (paragraph.heading !== undefined) throw new BuildError(`${file}:${paragraph.line}: the section starting here has your heading "${paragraph.heading}"; remove its "---" line by hand to join it`);
  let blanks = 0;
  for (const i of gap) {
    if (BREAK_LINE.test(lines[i]!)) replaced.set(i, undefined);
    else if (!lines[i]!.trim() && ++blanks > 1) replaced.set(i, undefined);
  }
}

/** Sets `marked: true` or `reviewed: true` in the front matter (adding a block when there is none). */
function withReviewState(text: string, state: ReviewState, eol: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^---[^\n\r]*(\r\n|\r|\n)/.test(text)) return `---${eol}${state}: true${eol}---${eol}${text}`;
  const close = lines.findIndex((line, i) => i > 0 && /^---\s*$/.test(line));
  if (close < 0) return text; // unreadable front matter: loading says so
  const keys = lines.slice(1, close);
  const reviewed = keys.some((line) => /^reviewed\s*:\s*true\s*$/.test(line));
  // A reviewed issue stays reviewed when the author corrects it again.
  const wanted = reviewed || state === 'reviewed' ? 'reviewed' : 'marked';
  const kept = keys.filter((line) => !/^(?:reviewed|marked)\s*:/.test(line));
  const rest = text.split(/(\r\n|\r|\n)/).slice(2 * close); // the closing line and what follows, with their line breaks
  return [lines[0]!, ...kept, `${wanted}: true`].map((line) => `${line}${eol}`).join('') + rest.join('');
}

/** Reads the new text back: the same words in the same paragraphs, read exactly as marked. */
function verify(file: string, before: string, after: string, marks: Marks): void {
  const words = (text: string) => {
    const source = singleSource(file, text);
    const { intro, body } = readParagraphs(source.lines, source.firstLine);
    return [intro?.raw ?? '', ...body.map((p) => p.raw)];
  };
  const old = singleSource(file, before);
  const oldBody = readParagraphs(old.lines, old.firstLine).body;
  const wanted = oldBody.map((p) => marks.get(p.line));
  const source = singleSource(file, after);
  const read = parseIssueWithReport(source).paragraphs.filter((p) => p.kind !== 'intro');
  const same = words(before).join('\n') === words(after).join('\n');
  const first = read.findIndex((p, i) => wanted[i] && (wanted[i]!.quote !== (p.kind === 'quote') || wanted[i]!.start !== p.sectionStart));
  if (!same || read.length !== wanted.length) throw new BuildError(`${file}: the marks would change the paragraphs; nothing was written`);
  if (first >= 0) {
    const p = oldBody[first]!;
    throw new BuildError(
      `${file}:${p.line}: this paragraph cannot be marked so (it would be read as ${read[first]!.kind}${read[first]!.sectionStart ? ', starting a section' : ''}); nothing was written`,
    );
  }
}
