// Scoring the parser against the hand labels in test/fixtures/labels/: quote precision/recall/F1,
// section-boundary F1, lists, support block and sources. Used by `npm run score` and the tests.
// Sources are scored on the issues read with the labelled section breaks (as the author's breaks
// in a blank-line export give them), so that they measure the source finder, not the sections.

import fs from 'node:fs';
import path from 'node:path';
import { createArchive } from '../src/site/archive/index.js';
import { loadFile } from '../src/reader/load/index.js';
import type { Weights } from '../src/reader/parse/classify.js';
import { parseIssueWithReport, type ParagraphReport } from '../src/reader/parse/index.js';
import { readParagraphs } from '../src/reader/parse/paragraphs.js';
import type { Issue, Source } from '../src/model.js';
import { buildSourceIndex } from '../src/site/archive/source-index.js';
import { TITLE_LINE } from '../src/reader/load/split.js';

export const projectRoot = path.resolve(import.meta.dirname, '..');
export const labelsDir = path.join(projectRoot, 'test/fixtures/labels');
export const archiveDir = path.join(projectRoot, 'issues');
/** The texts the hand labels were made on: a copy of the corpus issues, which the author's marks in issues/ do not change. */
export const labelledTextsDir = path.join(projectRoot, 'test/fixtures/archive');

/** The issue kept out of development: its score is reported separately. */
export const HELD_OUT = 22;

export interface Label {
  kind: string;
  sectionStart: boolean;
  /** The section's main source (on section starts). */
  source?: Source;
  /** Every source of the section, the main one first (on section starts; empty for "-"). */
  sources: Source[];
  lang?: string;
  text: string;
}

/** A labelled issue: its file name, its text flattened (as flat exports are) and its labels. */
export function labelledIssue(number: number): { name: string; text: string; labels: Label[] } {
  const name = `${String(number).padStart(3, '0')}.txt`;
  return { name, text: archivedText(number, 'flat'), labels: readLabels(number) };
}

/** The body paragraphs of a one-issue text, as the parser reads them. */
export function parseInput(name: string, text: string): ReturnType<typeof readParagraphs> {
  const [source] = loadFile(name, text).sources;
  return readParagraphs(source!.lines, source!.firstLine);
}

export function readLabels(number: number): Label[] {
  return readLabelFile(path.join(labelsDir, `no-${number}.tsv`));
}

/** Issues written by this project to show kinds of paragraph the corpus lacks (see their README): trained on, never scored. */
export const writtenDir = path.join(labelsDir, 'written');

/** The written issues of a folder (default: the ones trained on). */
export function writtenIssues(dir = writtenDir): { name: string; text: string; labels: Label[] }[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /^no-\d+\.tsv$/.test(name))
    .sort()
    .map((file) => {
      const labels = readLabelFile(path.join(dir, file));
      return { name: `${path.basename(dir)}/${file}`, text: labels.map((label) => label.text).join('\n'), labels };
    });
}

function readLabelFile(file: string): Label[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [kind = '', section = '', source = '', lang = '', text = ''] = line.split('\t');
      const sources = source && source !== '-' ? source.split(' | ').map(parseSource) : [];
      return {
        kind,
        sectionStart: section === '+',
        ...(sources[0] ? { source: sources[0] } : {}),
        sources,
        ...(lang ? { lang } : {}),
        text,
      };
    });
}

/** `Person; Outlet`, `Person;`, `; Outlet`. */
function parseSource(text: string): Source {
  const [person = '', outlet = ''] = text.split(';').map((s) => s.trim());
  return { ...(person ? { person } : {}), ...(outlet ? { outlet } : {}) };
}

export function labelledNumbers(): number[] {
  return fs
    .readdirSync(labelsDir)
    .map((name) => /^no-(\d+)\.tsv$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Reads an archived issue, either as written or flattened (blank lines removed, as in flat exports). */
export function parseArchived(number: number, shape: 'as-written' | 'flat', weights?: Weights): { issue: Issue; paragraphs: ParagraphReport[] } {
  const name = `${String(number).padStart(3, '0')}.txt`;
  const [source] = loadFile(name, archivedText(number, shape)).sources;
  return parseIssueWithReport(source!, weights);
}

function archivedText(number: number, shape: 'as-written' | 'flat'): string {
  const text = fs.readFileSync(path.join(labelledTextsDir, `${String(number).padStart(3, '0')}.txt`), 'utf8');
  return shape === 'flat'
    ? text
        .split('\n')
        .filter((line) => line.trim())
        .join('\n')
    : text;
}

/**
 * Reads an archived issue with the labelled section breaks: paragraphs separated by a blank line,
 * two blank lines before each labelled section start (a blank-line export with the author's breaks).
 */
export function parseWithLabelledBreaks(number: number, weights?: Weights): ReturnType<typeof parseIssueWithReport> {
  const name = `${String(number).padStart(3, '0')}.txt`;
  const lines = fs
    .readFileSync(path.join(labelledTextsDir, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  const labels = readLabels(number);
  const title = TITLE_LINE.test(lines[0] ?? '') ? [lines.shift()!] : [];
  if (lines.length !== labels.length) throw new Error(`No ${number}: ${lines.length} lines, ${labels.length} labelled`);
  const text = [...title, ...lines.map((line, i) => `${i > 0 ? (labels[i]!.sectionStart ? '\n\n' : '\n') : ''}${line}`)].join('\n');
  const [source] = loadFile(name, text).sources;
  return parseIssueWithReport(source!, weights);
}

/** A name as compared with a label: case, a leading article and accents do not matter. */
export const normalName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(?:the|der|die|das)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The names of sources, each with its kind. */
function namesOf(sources: Source[]): Map<string, 'person' | 'outlet'> {
  const names = new Map<string, 'person' | 'outlet'>();
  for (const s of sources) {
    if (s.person) names.set(normalName(s.person), 'person');
    if (s.outlet) names.set(normalName(s.outlet), 'outlet');
  }
  return names;
}

export interface SourceScore {
  number: number;
  /** Sections whose sources are exactly the labelled ones (all found, nothing extra). */
  sections: { right: number; total: number };
  /** Labelled names found in their section. */
  found: { right: number; total: number };
  /** Names found that the section's labels do not have. */
  extra: number;
  /** Of the names found and labelled, those read as the right kind (person or outlet). */
  kinds: { right: number; total: number };
  /** The issue as read, for the source index. */
  issue: Issue;
  /** Sections read wrongly, for reading. */
  mistakes: string[];
}

/** Compares each section's sources with its labels (issue read with the labelled breaks). */
export function scoreSources(number: number, weights?: Weights): SourceScore {
  const labels = readLabels(number).filter((l) => l.kind !== 'intro');
  const starts = labels.filter((l) => l.sectionStart);
  const { issue } = parseWithLabelledBreaks(number, weights);
  if (issue.sections.length !== starts.length) throw new Error(`No ${number}: ${issue.sections.length} sections read, ${starts.length} labelled`);
  const score: SourceScore = { number, sections: { right: 0, total: 0 }, found: { right: 0, total: 0 }, extra: 0, kinds: { right: 0, total: 0 }, issue, mistakes: [] };
  starts.forEach((label, index) => {
    const section = issue.sections[index]!;
    const expected = namesOf(label.sources);
    const found = namesOf(section.sources);
    const missed = [...expected.keys()].filter((name) => !found.has(name));
    const extra = [...found.keys()].filter((name) => !expected.has(name));
    const wrongKind = [...expected].filter(([name, kind]) => found.has(name) && found.get(name) !== kind).map(([name]) => name);
    score.sections.total++;
    if (!missed.length && !extra.length) score.sections.right++;
    score.found.total += expected.size;
    score.found.right += expected.size - missed.length;
    score.extra += extra.length;
    score.kinds.total += expected.size - missed.length;
    score.kinds.right += expected.size - missed.length - wrongKind.length;
    if (missed.length || extra.length || wrongKind.length) {
      score.mistakes.push(
        `§${index + 1} "${label.text.slice(0, 40)}": ${[missed.length ? `missed ${missed.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : '', wrongKind.length ? `wrong kind ${wrongKind.join(', ')}` : ''].filter(Boolean).join('; ')}`,
      );
    }
  });
  return score;
}

/** The source index of the labelled issues: its entries, and those that are no labelled source (people in the news, phrases). */
export function scoreIndex(scores: SourceScore[]): { entries: number; notSources: string[]; listed: { right: number; total: number } } {
  const labelled = new Set<string>();
  for (const s of scores) for (const label of readLabels(s.number)) for (const name of namesOf(label.sources).keys()) labelled.add(name);
  const index = buildSourceIndex(createArchive(scores.map((s) => s.issue)));
  const names = (entry: (typeof index)[number]) => [entry.name, ...((entry as { variants?: string[] }).variants ?? [])].map(normalName);
  const notSources = index.filter((entry) => !names(entry).some((n) => labelled.has(n))).map((entry) => entry.name);
  const listedNames = new Set(index.flatMap(names));
  return { entries: index.length, notSources, listed: { right: [...labelled].filter((n) => listedNames.has(n)).length, total: labelled.size } };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const f1 = ({ tp, fp, fn }: Counts) => (tp === 0 ? (fp === 0 && fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn));
export const precision = ({ tp, fp }: Counts) => (tp + fp === 0 ? 1 : tp / (tp + fp));
export const recall = ({ tp, fn }: Counts) => (tp + fn === 0 ? 1 : tp / (tp + fn));

export interface IssueScore {
  number: number;
  quotes: Counts;
  boundaries: Counts;
  lists: { right: number; total: number };
  support: { right: number; total: number };
  sources: { right: number; total: number };
  /** Paragraphs whose kind differs from the label, for reading. */
  mistakes: string[];
  /** Each paragraph's confidence, whether kind and section start were both read right, and whether it is listed as doubtful. */
  readings: { line: number; confidence: number; right: boolean; doubtful: boolean }[];
}

/** Compares the parser's reading of an issue with its labels, paragraph by paragraph. */
export function scoreIssue(number: number, shape: 'as-written' | 'flat', weights?: Weights): IssueScore {
  const labels = readLabels(number);
  const { issue, paragraphs } = parseArchived(number, shape, weights);
  const rows = paragraphs.filter((p) => !TITLE_LINE.test(p.raw));
  if (rows.length !== labels.length) throw new Error(`No ${number}: ${rows.length} paragraphs parsed, ${labels.length} labelled`);
  const score: IssueScore = {
    number,
    quotes: { tp: 0, fp: 0, fn: 0 },
    boundaries: { tp: 0, fp: 0, fn: 0 },
    lists: { right: 0, total: 0 },
    support: { right: 0, total: 0 },
    sources: { right: 0, total: 0 },
    mistakes: [],
    readings: [],
  };
  rows.forEach((row, index) => {
    const label = labels[index]!;
    if (row.raw.slice(0, 50).trimEnd() !== label.text.trimEnd()) throw new Error(`No ${number}: row ${index + 1} is "${row.raw.slice(0, 50)}", labelled "${label.text}"`);
    const isQuote = row.kind === 'quote' || (row.kind === 'list' && label.kind === 'list' && false);
    if (label.kind === 'quote' && isQuote) score.quotes.tp++;
    else if (label.kind === 'quote') score.quotes.fn++;
    else if (isQuote) score.quotes.fp++;
    if (label.kind === 'list') {
      score.lists.total++;
      if (row.kind === 'list') score.lists.right++;
    } else if (row.kind === 'list') score.lists.total++;
    if (label.kind === 'support') {
      score.support.total++;
      if (row.kind === 'support') score.support.right++;
    } else if (row.kind === 'support') score.support.total++;
    // The first paragraph after the intro always starts a section: it is not counted.
    if (index > 1 || (index === 1 && labels[0]!.kind !== 'intro')) {
      if (label.sectionStart && row.sectionStart) score.boundaries.tp++;
      else if (label.sectionStart) score.boundaries.fn++;
      else if (row.sectionStart) score.boundaries.fp++;
    }
    // The main source (the heading's): every labelled part of it found.
    if (label.sectionStart && label.source) {
      score.sources.total++;
      const found = row.section !== undefined ? issue.sections[row.section]!.source : undefined;
      if (row.sectionStart && sameSource(found, label.source)) score.sources.right++;
    }
    const counted = index > 1 || (index === 1 && labels[0]!.kind !== 'intro');
    const kindRight = (row.kind === 'quote') === (label.kind === 'quote') && (row.kind === 'list') === (label.kind === 'list');
    if (row.kind !== 'intro') score.readings.push({ line: row.line, confidence: row.confidence, right: kindRight && (!counted || row.sectionStart === label.sectionStart), doubtful: row.doubtful });
    if (row.kind !== label.kind) score.mistakes.push(`${row.line}: ${label.kind} read as ${row.kind} (${row.reasons.join(', ')}): ${row.raw.slice(0, 70)}`);
    else if (label.sectionStart !== row.sectionStart) {
      score.mistakes.push(`${row.line}: section ${label.sectionStart ? 'start missed' : 'start added'} (${row.sectionReasons.join(', ')}): ${row.raw.slice(0, 70)}`);
    }
  });
  return score;
}

/** A source matches when each part the label names is found (ignoring case and articles). */
function sameSource(found: Source | undefined, expected: Source): boolean {
  if (!found) return false;
  const parts = [found.person, found.outlet].filter((p): p is string => Boolean(p)).map(normalName);
  return [expected.person, expected.outlet].filter((p): p is string => Boolean(p)).every((part) => parts.includes(normalName(part)));
}

export function sum(scores: IssueScore[]): Omit<IssueScore, 'number' | 'mistakes' | 'readings'> {
  const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
  const addRatio = (a: { right: number; total: number }, b: { right: number; total: number }) => ({ right: a.right + b.right, total: a.total + b.total });
  return scores.reduce(
    (total, s) => ({
      quotes: add(total.quotes, s.quotes),
      boundaries: add(total.boundaries, s.boundaries),
      lists: addRatio(total.lists, s.lists),
      support: addRatio(total.support, s.support),
      sources: addRatio(total.sources, s.sources),
    }),
    { quotes: { tp: 0, fp: 0, fn: 0 }, boundaries: { tp: 0, fp: 0, fn: 0 }, lists: { right: 0, total: 0 }, support: { right: 0, total: 0 }, sources: { right: 0, total: 0 } },
  );
}
