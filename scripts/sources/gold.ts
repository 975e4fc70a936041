// The gold the sources and headings are measured against: the corpus sections (sources from the
// paragraph labels, subject words from test/fixtures/headings/corpus.tsv) and the batches of
// made-up sections in test/fixtures/sources/batches/ (one issue each, labelled before reading).

import fs from 'node:fs';
import path from 'node:path';
import { loadFile } from '../../src/load/index.js';
import type { Issue, Source } from '../../src/model.js';
import { parseIssueWithReport } from '../../src/parse/index.js';
import { labelledNumbers, parseWithLabelledBreaks, projectRoot, readLabels } from '../labels.js';

export const batchesDir = path.join(projectRoot, 'test/fixtures/sources/batches');
const corpusHeadings = path.join(projectRoot, 'test/fixtures/headings/corpus.tsv');

/** What a section should come out as: its sources (main first) and the words accepted as its subject. */
export interface Gold {
  sources: Source[];
  subjects: string[];
}

/** A labelled group of sections read as one issue: a corpus issue or a batch. */
export interface GoldIssue {
  name: string;
  gold: Gold[];
  /** Reads the issue (with the author's section breaks) as the parser does now. */
  read: () => Issue;
}

/** `Person; Outlet | ; Outlet`, `-` for none. */
export function parseSources(text: string): Source[] {
  if (!text.trim() || text.trim() === '-') return [];
  return text.split('|').map((one) => {
    const [person = '', outlet = ''] = one.split(';').map((s) => s.trim());
    return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
  });
}

const rows = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => line.split('\t'));

/** The corpus issues with their labelled sources and gold subject words. */
export function corpusGold(): GoldIssue[] {
  const subjects = new Map(rows(corpusHeadings).map(([issue, section, words]) => [`${issue}:${section}`, (words ?? '').split('|').map((w) => w.trim())]));
  return labelledNumbers().map((number) => {
    const starts = readLabels(number).filter((l) => l.sectionStart);
    const gold = starts.map((label, i) => ({ sources: label.sources, subjects: subjects.get(`${number}:${i + 1}`) ?? [] }));
    return { name: `No ${number}`, gold, read: () => parseWithLabelledBreaks(number).issue };
  });
}

/** A batch file: one section a line (paragraphs split at `|`), its sources and subject words. */
export function batchGold(file: string, number: number): GoldIssue {
  const sections = rows(file).map(([text = '', sources = '', subjects = '']) => ({ paragraphs: text.split('|'), sources: parseSources(sources), subjects: subjects.split('|').map((w) => w.trim()).filter(Boolean) }));
  const text = [`Willkommen bei Krasse Links No ${number}. Hallo, heute ein Stapel zum Messen.`, ...sections.map((s) => s.paragraphs.join('\n\n'))].join('\n\n\n');
  const name = path.basename(file, '.tsv');
  return {
    name,
    gold: sections.map(({ sources, subjects }) => ({ sources, subjects })),
    read: () => {
      const [source] = loadFile(`${number}.txt`, text).sources;
      const { issue } = parseIssueWithReport(source!);
      if (issue.sections.length !== sections.length) throw new Error(`${name}: ${issue.sections.length} sections read, ${sections.length} written`);
      return issue;
    },
  };
}

/** Every batch, in order (batch-1, batch-2, …), each read as issue 950 + its number. */
export function batches(): GoldIssue[] {
  return fs
    .readdirSync(batchesDir)
    .map((f) => /^batch-(\d+)\.tsv$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => batchGold(path.join(batchesDir, m[0]), 950 + Number(m[1])));
}
