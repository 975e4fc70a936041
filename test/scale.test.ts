// Large and unusual inputs: the build takes time proportional to the size of the input (no
// quadratic loops, no regular expression that backtracks over a long line), and the page is
// still correct.
// Note: linear time is checked as a ratio of processor times, a quarter of the input against all
// of it, at sizes where a quadratic cost would show sixteen times over (a 1 MB issue, a 1 MB line,
// 4000 paragraphs, shapes of 25 and 100 kB); larger sizes cost the test suite minutes and show no more.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultBuildOptions } from '../src/config.js';
import { buildSite } from '../src/build/pipeline.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { archiveDir, tempDir } from './helpers/fixtures.js';
import { parseText, renderIssuePages } from './helpers/issues.js';
import { missingInOrder } from './helpers/verbatim.js';

let work: Awaited<ReturnType<typeof tempDir>>;
/** The body lines of a real issue (No 56), to repeat into large ones. */
let corpusLines: string[];

beforeAll(async () => {
  work = await tempDir('kl-scale-');
  corpusLines = (await fs.readFile(path.join(archiveDir, '056.txt'), 'utf8'))
    .split('\n')
    .slice(1)
    .filter((line) => line.trim());
});
afterAll(() => work?.cleanup());

const intro = (number: number) => `Willkommen bei Krasse Links No ${number}. Hallo, heute testen wir die Größe.`;

/**
 * Builds one issue file in memory; returns the seconds of CPU time taken and the issue page's HTML.
 * Note: CPU time of this process, not wall-clock time, so that other test files running at the
 * same time do not count (a single issue is parsed on this thread).
 */
async function buildOne(name: string, text: string): Promise<{ seconds: number; html: string }> {
  const input = path.join(work.dir, name);
  await fs.mkdir(input);
  await fs.writeFile(path.join(input, 'issue.txt'), text);
  const writer = new MemoryWriter();
  const started = process.cpuUsage();
  const report = await buildSite({ ...defaultBuildOptions, input, search: false }, writer);
  const used = process.cpuUsage(started);
  const issue = report.issues[0]!;
  return { seconds: (used.user + used.system) / 1e6, html: writer.text(`issues/${issue.slug}/index.html`) };
}

/**
 * Builds a quarter of the input, then all of it: every line must be on the page, and four times
 * the input must take about four times as long (less than seven times), never sixteen. The machine's
 * speed cancels out.
 */
async function expectLinearAndWhole(name: string, quarterText: string, lines: string[], separator: string): Promise<void> {
  const quarter = await buildOne(`${name}-quarter`, quarterText);
  const whole = await buildOne(name, lines.join(separator));
  expect(missingInOrder(lines, whole.html)).toEqual([]);
  expect(whole.seconds, `a quarter: ${quarter.seconds.toFixed(2)} s, all: ${whole.seconds.toFixed(2)} s`).toBeLessThan(7 * quarter.seconds + 0.5);
}

/** The first quarter of the lines, joined. */
const quarterOf = (lines: string[], separator: string) => lines.slice(0, Math.ceil(lines.length / 4)).join(separator);

describe('large issues build in time proportional to their size, and every paragraph is on the page', () => {
  it('a 1 MB issue', async () => {
    const lines = [intro(900)];
    for (let size = 0, i = 0; size < 1_000_000; i++) {
      const line = corpusLines[i % corpusLines.length]!;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    await expectLinearAndWhole('one-mb', quarterOf(lines, '\n'), lines, '\n');
  }, 120_000);

  it('a single line of 1 MB', async () => {
    const words: string[] = [];
    for (let size = 0, i = 0; size < 1_000_000; i++) {
      words.push(corpusLines[i % corpusLines.length]!);
      size += words[words.length - 1]!.length + 1;
    }
    // A quarter of the line, then all of it.
    const quarter = [intro(901), words.slice(0, words.length / 4).join(' ')].join('\n');
    await expectLinearAndWhole('one-line', quarter, [intro(901), words.join(' ')], '\n');
  }, 60_000);

  it('4000 paragraphs', async () => {
    const lines = [intro(902), ...Array.from({ length: 4000 }, (_, k) => `Absatz ${k}: ${corpusLines[k % corpusLines.length]}`)];
    await expectLinearAndWhole('paragraphs', quarterOf(lines, '\n\n'), lines, '\n\n');
  }, 120_000);
});

/**
 * Shapes that once took quadratic (or worse) time. Each is parsed and rendered at two sizes: four
 * times the text must take about four times as long (less than seven times), never sixteen.
 */
const shapes: Record<string, (bytes: number) => string> = {
  'thousands of sections with the same heading': (n) => Array.from({ length: n / 34 }, () => 'Ein kurzer Satz ohne einen Namen.').join('\n\n\n'),
  'a long topic naming a new person in every paragraph': (n) => Array.from({ length: n / 30 }, (_, i) => `Und Anna ${name(i)} schreibt dazu.`).join('\n'),
  'thousands of support blocks between sections': (n) => Array.from({ length: n / 30 }, (_, i) => (i % 2 ? 'Vielen Dank, dass Du Krasse Links liest' : 'Ein Abschnitt hier.')).join('\n\n\n'),
  'a list of thousands of items': (n) => Array.from({ length: n / 10 }, () => '- Punkt').join('\n'),
  'a line of issue mentions and URLs': (n) => 'https://example.org/x Krasse Links No 3 '.repeat(n / 40),
  'a line with a long run of spaces': (n) => `„Anfang${' '.repeat(n)}Ende“`,
  'a line with a long run of tabs and no-break spaces': (n) => `Text:${'\t\u00a0'.repeat(n / 2)}x`,
  'a line of opening quotation marks': (n) => '„a »b '.repeat(n / 6),
  'a line of brackets': (n) => '[a](b [c] ( '.repeat(n / 12),
  'a line of punctuation': (n) => '.?!: […] '.repeat(n / 10),
};

function name(i: number): string {
  return `${String.fromCharCode(65 + (i % 26))}${i.toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
}

/**
 * Seconds of CPU time this process spends parsing and rendering an issue.
 * Note: CPU time, not wall-clock time, so that other test files running at the same time do not
 * count; those slow the clock, not the work.
 */
async function parseAndRender(text: string): Promise<number> {
  const started = process.cpuUsage();
  await renderIssuePages(parseText(`${intro(7)}\n${text}\n`));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** The least of `runs` measurements. */
async function fastestOf(runs: number, measure: () => Promise<number>): Promise<number> {
  let least = Infinity;
  for (let run = 0; run < runs; run++) least = Math.min(least, await measure());
  return least;
}

describe('unusual shapes take linear time', () => {
  it.each(Object.entries(shapes))(
    '%s',
    async (_, make) => {
      // The fastest of a few runs at each size: a garbage collection or the compiler warming up
      // in one run is noise at 25 kB (a few hundredths of a second), not the cost of the shape.
      await parseAndRender(make(25_000)); // warm up
      const small = await fastestOf(3, () => parseAndRender(make(25_000)));
      const large = await fastestOf(2, () => parseAndRender(make(100_000)));
      expect(large, `25 kB: ${small.toFixed(3)} s, 100 kB: ${large.toFixed(3)} s`).toBeLessThan(7 * small + 0.05);
    },
    30_000,
  );
});
