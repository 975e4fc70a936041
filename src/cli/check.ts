// `npm run check -- [files]`: shows the author how the parser reads each paragraph — kind,
// section, source, confidence — and lists the doubtful ones, before anything is built.

import fs from 'node:fs/promises';
import path from 'node:path';
import { isIssueFileName, loadFile } from '../reader/load/index.js';
import { parseIssueWithReport, type ParagraphReport } from '../reader/parse/index.js';
import trained from '../reader/parse/weights.json' with { type: 'json' };
import { sourceHeading } from '../model.js';

/**
 * Paragraphs read with less confidence than this are listed as doubtful: the threshold training
 * chose, under which the most wrong readings fall while at most one paragraph in eight is listed.
 */
export const DOUBTFUL_BELOW: number = trained.doubtfulBelow;

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
  const doubtful = paragraphs.filter((p) => p.confidence < DOUBTFUL_BELOW);
  lines.push('');
  if (doubtful.length === 0) lines.push('Doubtful: none.');
  else {
    lines.push(`Doubtful (${doubtful.length}): check these; a line starting with "> " makes a quote, a line "---" starts a section.`);
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
