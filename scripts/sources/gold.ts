// The gold the sources and headings are measured against and the source model is trained on, in
// groups that cross-validation leaves out one at a time: each corpus issue (sources from the
// paragraph labels, subject words from test/fixtures/headings/corpus.tsv), the written training
// issues in four groups, the sentence tables (test/fixtures/sources/sentences.tsv, and the batches
// of written-after.tsv by their `# group:` lines), and each batch of made-up sections in
// test/fixtures/sources/batches/ (one issue each, labelled before reading).

import fs from 'node:fs';
import path from 'node:path';
import { loadFile, type IssueSource } from '../../src/reader/load/index.js';
import type { Source } from '../../src/model.js';
import { parseIssueWithReport, type ParseReport } from '../../src/reader/parse/index.js';
import { TITLE_LINE } from '../../src/reader/load/split.js';
import { labelledNumbers, labelledTextsDir, projectRoot, readLabels, writtenIssues } from '../labels.js';

export const batchesDir = path.join(projectRoot, 'test/fixtures/sources/batches');
const sourcesDir = path.join(projectRoot, 'test/fixtures/sources');
const corpusHeadings = path.join(projectRoot, 'test/fixtures/headings/corpus.tsv');

/** What a section should come out as: its sources (main first) and, where known, the words accepted as its subject. */
export interface Gold {
  sources: Source[];
  subjects?: string[];
}

/** An issue with the gold of each of its sections. */
export interface GoldIssue {
  name: string;
  gold: Gold[];
  /** The issue's text with the author's section breaks, loaded. */
  source: () => IssueSource;
}

/** Reads a gold issue as the parser does now (or as another parser does, to compare). */
export function readIssue(issue: GoldIssue, parse: (source: IssueSource) => ParseReport = parseIssueWithReport): ParseReport {
  const report = parse(issue.source());
  if (report.issue.sections.length !== issue.gold.length) throw new Error(`${issue.name}: ${report.issue.sections.length} sections read, ${issue.gold.length} labelled`);
  return report;
}

/** Issues that cross-validation leaves out together. */
export interface GoldGroup {
  name: string;
  /** Where the rules were written on it (the corpus, the sentence tables): not held-out text for them. */
  rulesFitted: boolean;
  issues: GoldIssue[];
}

/** `Person; Outlet | ; Outlet`, `-` for none. */
export function parseSources(text: string): Source[] {
  if (!text.trim() || text.trim() === '-') return [];
  return text.split('|').map((one) => {
    const [person = '', outlet = ''] = one.split(';').map((s) => s.trim());
    return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
  });
}

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim());
const rows = (file: string) =>
  lines(file)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.split('\t'));

/** The corpus issues with their labelled sources and gold subject words. */
export function corpusGroups(): GoldGroup[] {
  const subjects = new Map(rows(corpusHeadings).map(([issue, section, words]) => [`${issue}:${section}`, (words ?? '').split('|').map((w) => w.trim())]));
  return labelledNumbers().map((number) => {
    const starts = readLabels(number).filter((l) => l.sectionStart);
    const gold = starts.map((label, i) => ({ sources: label.sources, subjects: subjects.get(`${number}:${i + 1}`) ?? [] }));
    return { name: `No ${number}`, rulesFitted: true, issues: [{ name: `No ${number}`, gold, source: () => withLabelledBreaks(number) }] };
  });
}

/** The written training issues, read with their labelled section breaks, in four groups. */
export function writtenGroups(): GoldGroup[] {
  const issues = writtenIssues().map(({ name, labels }) => {
    const body = labels.filter((l) => l.kind !== 'intro');
    const intro = labels.find((l) => l.kind === 'intro')?.text ?? 'Willkommen bei Krasse Links No 999. Hallo.';
    const number = Number(/\d+/.exec(name)![0]);
    const text = [intro, ...body.map((l, i) => `${i > 0 && l.sectionStart ? '\n\n' : ''}${l.text}`)].join('\n\n');
    const gold = body.filter((l) => l.sectionStart).map((l) => ({ sources: l.sources }));
    return { number, issue: { name, gold, source: () => loadFile(`${number}.txt`, text).sources[0]! } };
  });
  const size = Math.ceil(issues.length / 4);
  return [0, 1, 2, 3].map((k) => {
    const part = issues.slice(k * size, (k + 1) * size);
    return { name: `written ${part[0]!.number}–${part[part.length - 1]!.number}`, rulesFitted: false, issues: part.map((p) => p.issue) };
  });
}

const QUOTE = 'The platforms stopped competing on quality and started competing on lock-in, which is a very different business altogether.';

/** An issue of the given sections (paragraphs split at `|`, `Q` an English quote) in a blank-line export with the author's breaks. */
export function sectionsIssue(number: number, sections: string[], intro = 'Hallo, heute testen wir.'): IssueSource {
  const body = sections.map((section) =>
    section
      .split('|')
      .map((p) => (p === 'Q' ? QUOTE : p))
      .join('\n\n'),
  );
  return loadFile(`${number}.txt`, [`Willkommen bei Krasse Links No ${number}. ${intro}`, ...body].join('\n\n\n')).sources[0]!;
}

/** A table of sections, one an issue (`text<TAB>sources`), in groups opened by `# group: name` lines. */
export function tableGroups(file: string, name: string): GoldGroup[] {
  const groups: GoldGroup[] = [{ name, rulesFitted: true, issues: [] }];
  for (const line of lines(path.join(sourcesDir, file))) {
    const group = /^# group: (.+)/.exec(line);
    if (group) groups.push({ name: group[1]!.startsWith('sentences') ? name : `after the rules, ${group[1]}`, rulesFitted: group[1]!.startsWith('sentences'), issues: [] });
    if (line.startsWith('#')) continue;
    const [text = '', sources = ''] = line.split('\t');
    const gold = [{ sources: parseSources(sources) }];
    groups[groups.length - 1]!.issues.push({ name: text, gold, source: () => sectionsIssue(99, [text]) });
  }
  return groups.filter((g) => g.issues.length);
}

/** A batch file: one section a line (paragraphs split at `|`), its sources and subject words; one issue, No 950 + its number. */
export function batchGroup(n: number): GoldGroup {
  const sections = rows(path.join(batchesDir, `batch-${n}.tsv`)).map(([text = '', sources = '', subjects = '']) => ({
    text,
    sources: parseSources(sources),
    subjects: subjects
      .split('|')
      .map((w) => w.trim())
      .filter(Boolean),
  }));
  const gold = sections.map(({ sources, subjects }) => ({ sources, subjects }));
  const source = () =>
    sectionsIssue(
      950 + n,
      sections.map((s) => s.text),
      'Heute ein Stapel zum Messen.',
    );
  return { name: `batch ${n}`, rulesFitted: false, issues: [{ name: `batch ${n}`, gold, source }] };
}

/** The numbers of the batches written so far. */
export function batchNumbers(): number[] {
  return fs
    .readdirSync(batchesDir)
    .map((f) => /^batch-(\d+)\.tsv$/.exec(f)?.[1])
    .filter((m): m is string => m !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Every labelled group: the corpus, the written issues, the sentence tables, the batches (but those in `except`). */
export function allGroups(except: number[] = []): GoldGroup[] {
  const groups = [
    ...corpusGroups(),
    ...writtenGroups(),
    ...tableGroups('sentences.tsv', 'sentence tables'),
    ...tableGroups('written-after.tsv', 'sentence tables'),
    ...batchNumbers()
      .filter((n) => !except.includes(n))
      .map(batchGroup),
  ];
  // Groups of one name (the sentence tables of both files) are one.
  const merged = new Map<string, GoldGroup>();
  for (const g of groups) {
    const known = merged.get(g.name);
    if (known) known.issues.push(...g.issues);
    else merged.set(g.name, { ...g, issues: [...g.issues] });
  }
  return [...merged.values()];
}

/** An archived issue with the labelled section breaks: paragraphs a blank line apart, two before each labelled section start. */
function withLabelledBreaks(number: number): IssueSource {
  const name = `${String(number).padStart(3, '0')}.txt`;
  const lines = fs
    .readFileSync(path.join(labelledTextsDir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const labels = readLabels(number);
  const title = TITLE_LINE.test(lines[0] ?? '') ? [lines.shift()!] : [];
  const text = [...title, ...lines.map((line, i) => `${i > 0 ? (labels[i]!.sectionStart ? '\n\n' : '\n') : ''}${line}`)].join('\n');
  return loadFile(name, text).sources[0]!;
}
