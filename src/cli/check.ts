// `npm run check -- [files]`: shows the author how the parser reads each paragraph — kind,
// section, source, confidence — and lists the doubtful ones, before anything is built.

import fs from 'node:fs/promises';
import path from 'node:path';
import { isIssueFileName, loadFile } from '../reader/load/index.js';
import { marksOf, singleSource, utf8Text, withMarks } from './marks.js';
import { parseIssueWithReport, type ParagraphReport } from '../reader/parse/index.js';
import { sourceHeading } from '../model.js';

/**
 * Whether a reading is doubtful: listed by `npm run check`, highlighted by the review in `npm run dev`.
 * The doubt model (src/reader/parse/doubt.ts) decides, with the threshold training chose: the one
 * under which the most wrong readings fall while at most one paragraph in seven is listed.
 */
export function isDoubtful(paragraph: ParagraphReport): boolean {
  return paragraph.doubtful;
}

export interface CheckOptions {
  /** Column width for the paragraph text. */
  width?: number;
}

/** The report for the given files (or every issue file in the given folders). */
export async function checkFiles(paths: string[], options: CheckOptions = {}): Promise<string> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p);
    if (stat.isDirectory())
      files.push(
        ...(await fs.readdir(p))
          .filter(isIssueFileName)
          .sort()
          .map((name) => path.join(p, name)),
      );
    else files.push(p);
  }
  const out: string[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const { sources, warnings } = loadFile(name, await fs.readFile(file));
    if (warnings.length) out.push(warnings.map((warning) => `warning: ${warning}`).join('\n'));
    for (const source of sources) out.push(checkReport(parseIssueWithReport(source), name, options.width ?? 72));
  }
  return out.join('\n\n');
}

function checkReport(report: ReturnType<typeof parseIssueWithReport>, file: string, width: number): string {
  const { issue, paragraphs, sources } = report;
  const count = (kind: ParagraphReport['kind']) => paragraphs.filter((p) => p.kind === kind).length;
  const lines = [
    `${file}:${issue.line} · Krasse Links No ${issue.number} · ${issue.title}`,
    `${issue.sections.length} sections · ${count('commentary')} commentary · ${count('quote')} quote · ${count('list')} list items · ` +
      `${count('heading')} headings · ${issue.support.length ? 'support block' : 'no support block'}`,
    '',
    ` line  kind           section  conf  text`,
  ];
  for (const p of paragraphs) {
    const section = p.section === undefined ? '' : p.sectionStart ? `§${p.section + 1} ▸` : `§${p.section + 1}`;
    const kind = p.kind === 'quote' || (p.kind === 'list' && p.lang !== issue.lang) ? `${p.kind} ${p.lang}` : p.kind;
    const text = p.raw.length > width ? `${p.raw.slice(0, width - 1)}…` : p.raw;
    lines.push(`${String(p.line).padStart(5)}  ${kind.padEnd(14)} ${section.padEnd(8)} ${p.confidence.toFixed(2)}  ${text}`);
    if (p.sectionStart && p.section !== undefined) {
      const s = issue.sections[p.section]!;
      lines.push(`${''.padStart(31)}↳ section "${s.heading}"${s.source ? ` · source: ${sourceHeading(s.source)}` : ''} · #${s.id}`);
      // Each source with its confidence and why (front matter `sources:` sets them where this is wrong).
      const readings = sources[p.section] ?? [];
      if (readings.length === 0) lines.push(`${''.padStart(33)}sources: none (no name where a speaker or a presented piece is named)`);
      for (const reading of readings) lines.push(`${''.padStart(33)}source ${sourceHeading(reading.source)} (${reading.confidence.toFixed(2)}): ${reading.reasons.join(' · ')}`);
    }
  }
  const doubtful = paragraphs.filter(isDoubtful);
  lines.push('');
  if (doubtful.length === 0) lines.push('Doubtful: none.');
  else {
    lines.push(
      `Doubtful (${doubtful.length}): check these; a line starting with "> " makes a quote, a line "---" starts a section. ` +
        `To undo a quote or a section, let the marks say everything: npm run check -- --mark ${file} writes the whole reading as marks to correct (or click in npm run dev).`,
    );
    for (const p of doubtful) lines.push(`  ${file}:${p.line} read as ${p.kind} (${p.confidence.toFixed(2)}): ${p.reasons.join(', ')}`);
  }
  lines.push(...doubtfulSources(report, file));
  return lines.join('\n');
}

/**
 * The sections whose sources are doubtful: a name the source model left out as not likely enough,
 * with its probability (front matter `sources:` says who the sources are where this is wrong).
 */
function doubtfulSources({ issue, paragraphs, doubtfulSources: doubtful }: ReturnType<typeof parseIssueWithReport>, file: string): string[] {
  const listed = doubtful.flatMap((names, section) => (names.length ? [{ section, names }] : []));
  if (!listed.length) return ['Doubtful sources: none.'];
  const lines = [`Doubtful sources (${listed.length} sections): names not likely enough to be sources; front matter "sources:" names them.`];
  for (const { section, names } of listed) {
    const line = paragraphs.find((p) => p.section === section)?.line ?? issue.line;
    const taken = issue.sections[section]!.sources.map(sourceHeading);
    lines.push(
      `  ${file}:${line} §${section + 1} "${issue.sections[section]!.heading}" · sources: ${taken.length ? taken.join('; ') : 'none'} · left out: ${names.map((n) => `${n.name} (${n.probability.toFixed(2)})`).join(', ')}`,
    );
  }
  return lines;
}

/**
 * `npm run check -- --mark FILE…`: writes each file's current reading into it as marks (`> ` before
 * each quote, `---` before each section start, `marked: true`), the words unchanged, and lists the
 * readings to look at first. The author corrects the marks and sets `reviewed: true`.
 */
export async function markFiles(paths: string[]): Promise<string> {
  const out: string[] = [];
  for (const file of paths) {
    const name = path.basename(file);
    const text = utf8Text(name, await fs.readFile(file));
    const source = singleSource(name, text);
    const before = parseIssueWithReport(source).paragraphs.filter((p) => p.kind !== 'intro');
    const marks = marksOf(before);
    // A reviewed issue is read exactly as marked: its marks are the reading, so nothing is written.
    const reviewed = source.frontMatter.reviewed === true;
    const marked = reviewed ? text : withMarks(name, text, marks, 'marked');
    if (marked !== text) await fs.writeFile(file, marked);
    // The doubtful readings, at their lines in the marked file.
    const after = parseIssueWithReport(singleSource(name, marked.replace(/^\uFEFF/, ''))).paragraphs.filter((p) => p.kind !== 'intro');
    const doubtful = before.flatMap((p, i) => (isDoubtful(p) ? [`  ${name}:${after[i]!.line} ${p.kind}${p.sectionStart ? ', starts a section' : ''} (${p.confidence.toFixed(2)})`] : []));
    const count = (pick: (m: { quote: boolean; start: boolean }) => boolean) => [...marks.values()].filter(pick).length;
    out.push(
      `${name}: ${reviewed ? 'reviewed, read exactly as marked' : marked === text ? 'already marked as read' : 'marked as read'}: ${count((m) => m.quote)} quotes ("> "), ${count((m) => m.start)} section starts ("---"), the words unchanged.`,
      reviewed
        ? `Nothing was written; to correct a mark, edit it in the file (npm run train learns from reviewed issues).`
        : `Correct the marks where they are wrong, then write "reviewed: true" in place of "marked: true" (npm run train learns from reviewed issues).`,
      ...(doubtful.length ? [`Look at these first (read with little confidence):`, ...doubtful] : []),
    );
  }
  return out.join('\n');
}
