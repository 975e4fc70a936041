// `npm run score [-- --verbose]`: how well the parser reads the labelled corpus issues.
// The headline is cross-validated (leave one issue out): each issue is read with weights trained
// on the other issues only, so the figures say how the reader does on an issue it has not seen.
// Quotes, lists and the support block are scored on the issues as archived; section starts on
// the flat shape (blank lines removed), where the reader must find them itself. The fit on all
// issues (the weights in use) is shown for comparison: it is what training saw.
// Sources are scored on the issues read with the labelled section breaks: sections whose sources
// are exactly the labelled ones, names found, person or outlet, and what the source index lists
// that is no labelled source. The source finder is rules and documented word lists; its figures
// are cross-validated too, because it works on the reader's quotes and lead-ins.

import { compileWeights, type Weights } from '../src/reader/parse/classify.js';
import trained from '../src/reader/parse/weights.json' with { type: 'json' };
import { f1, labelledNumbers, precision, recall, scoreIndex, scoreIssue, scoreSources, sum, type IssueScore, type SourceScore } from './labels.js';
import { heldOutCorpusReader, printSourcesAndHeadings } from './sources/report.js';
import { crossValidate, labelledChains, labelledIssues, predictions } from './training.js';
import { heldOutRows, nestedDoubt } from './doubt.js';
import { add, figures, zero } from './figures.js';
import { writtenIssues } from './labels.js';
import { STATES } from '../src/reader/parse/sequence.js';

const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ratio = ({ right, total }: { right: number; total: number }) => `${right}/${total}${total ? ` (${pct(right / total)})` : ''}`;
const prf = (c: { tp: number; fp: number; fn: number }) => `P ${pct(precision(c))} R ${pct(recall(c))} F1 ${f1(c).toFixed(3)}`;
const firstSight = process.argv.indexOf('--first-sight');
if (firstSight > 0) {
  scoreFirstSight(process.argv[firstSight + 1] ?? '');
  process.exit(0);
}

function line(label: string, asWritten: IssueScore[], flat: IssueScore[]): string {
  const all = sum(asWritten);
  return [
    label.padEnd(24),
    `quotes ${prf(all.quotes)}`,
    `sections ${prf(sum(flat).boundaries)}`,
    `lists ${ratio(all.lists)}`,
    `support ${ratio(all.support)}`,
    `main source ${ratio(sum(flat).sources)}`,
  ].join(' · ');
}

function sourceLine(label: string, scores: SourceScore[]): string {
  const add = (pick: (s: SourceScore) => { right: number; total: number }) =>
    scores.reduce((total, s) => ({ right: total.right + pick(s).right, total: total.total + pick(s).total }), { right: 0, total: 0 });
  return [
    label.padEnd(24),
    `sections exact ${ratio(add((s) => s.sections))}`,
    `names found ${ratio(add((s) => s.found))}`,
    `extra ${scores.reduce((n, s) => n + s.extra, 0)}`,
    `person/outlet right ${ratio(add((s) => s.kinds))}`,
  ].join(' · ');
}

const numbers = labelledNumbers();
const fitted = compileWeights(trained);
const issues = labelledIssues(numbers);
const { folds } = crossValidate(issues, trained.penalty);
// Nested: each issue's doubtful readings flagged by a doubt model trained (and its threshold chosen) without its readings.
const doubt = nestedDoubt(
  heldOutRows(issues, folds, trained.penalty, fitted.temperature),
  folds.map((f) => f.issue),
);
const heldOutWeights = new Map<number, Weights>(numbers.map((n, i) => [n, { ...folds[i]!.weights, temperature: fitted.temperature, doubt: doubt.get(folds[i]!.issue)! }]));
// The sources and headings of each issue are read with a source model trained without it, too (scripts/sources).
const heldOutSources = heldOutCorpusReader();
const score = (weights: (n: number) => Weights, sources: <T>(n: number, read: () => T) => T = (_, read) => read()) => ({
  asWritten: numbers.map((n) => sources(n, () => scoreIssue(n, 'as-written', weights(n)))),
  flat: numbers.map((n) => sources(n, () => scoreIssue(n, 'flat', weights(n)))),
  sources: numbers.map((n) => sources(n, () => scoreSources(n, weights(n)))),
});
const cv = score((n) => heldOutWeights.get(n)!, heldOutSources);
const fit = score(() => fitted);

console.log('Cross-validated: each issue read with weights trained without it (quotes, lists, support as archived; sections, main source flat)');
numbers.forEach((n, i) => console.log(line(`No ${n}`, [cv.asWritten[i]!], [cv.flat[i]!])));

// Reliability: does a paragraph read with confidence p come out right in a share p of cases?
const readings = cv.flat.flatMap((s) => s.readings);
console.log('\nReliability (cross-validated, flat): confidence → share read right (kind and section start)');
for (const [low, high] of [
  [0, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.01],
] as const) {
  const bin = readings.filter((r) => r.confidence >= low && r.confidence < high);
  if (!bin.length) continue;
  const mean = bin.reduce((s, r) => s + r.confidence, 0) / bin.length;
  const right = bin.filter((r) => r.right).length / bin.length;
  console.log(`  ${low.toFixed(2)}–${Math.min(high, 1).toFixed(2)}  ${String(bin.length).padStart(4)} paragraphs · mean confidence ${mean.toFixed(2)} · read right ${pct(right)}`);
}

console.log('\nSources, cross-validated, read with the labelled section breaks');
numbers.forEach((n, i) => console.log(sourceLine(`No ${n}`, [cv.sources[i]!])));

if (verbose) {
  numbers.forEach((n, i) => {
    const mistakes = [...new Set([...cv.asWritten[i]!.mistakes, ...cv.flat[i]!.mistakes.filter((m) => m.includes('section'))]), ...cv.sources[i]!.mistakes.map((m) => `sources ${m}`)];
    if (mistakes.length) console.log(`\nNo ${n} (cross-validated):\n  ${mistakes.join('\n  ')}`);
  });
}

const errors = readings.filter((r) => !r.right);
const flagged = readings.filter((r) => r.doubtful);
const index = scoreIndex(cv.sources);
console.log('');
console.log(line('fitted on all (training)', fit.asWritten, fit.flat));
console.log(sourceLine('sources, CROSS-VALIDATED', cv.sources));
console.log(
  `source index: ${index.entries} entries · labelled sources listed ${ratio(index.listed)} · not a labelled source (people in the news, phrases; 0 wanted): ${index.notSources.length}${index.notSources.length ? ` (${index.notSources.join(', ')})` : ''}`,
);
console.log(line('CROSS-VALIDATED, all', cv.asWritten, cv.flat));
console.log(
  `doubtful (learned, nested cross-validation: flagged by a model trained without the issue): ${flagged.length} of ${readings.length} paragraphs flagged (${pct(flagged.length / readings.length)}), ` +
    `holding ${errors.filter((r) => r.doubtful).length} of ${errors.length} errors`,
);

printSourcesAndHeadings(verbose);

/**
 * `npm run score -- --first-sight DIR`: a batch of new written issues (labelled like
 * test/fixtures/labels/written/) read with the weights in use, which never saw them: the measure
 * of how the reader does on text it was not developed on. Prints each issue's figures and every
 * paragraph read wrongly.
 */
function scoreFirstSight(dir: string): void {
  const weights = compileWeights(trained);
  const total = { quotes: zero(), starts: zero() };
  for (const { name, text, labels } of writtenIssues(dir)) {
    const issue = { name, chains: labelledChains(name, text, labels), heldOut: true };
    const f = figures(issue, weights);
    add(total.quotes, f.quotes);
    add(total.starts, f.starts);
    console.log(`${name.padEnd(24)} quotes ${prf(f.quotes)} · section starts ${prf(f.starts)}`);
    predictions(issue.chains, weights).forEach(({ chain, probabilities }) =>
      chain.labels.forEach((members, node) => {
        const p = probabilities.subarray(node * STATES, node * STATES + STATES);
        const label = members[0]!;
        const quote = p[2]! + p[3]! > 0.5;
        const start = p[1]! + p[3]! > 0.5;
        const wrong = [
          label.kind !== 'list' && quote !== (label.kind === 'quote') ? `${label.kind} read as ${quote ? 'quote' : 'commentary'}` : '',
          start !== label.sectionStart ? `section start ${start ? 'added' : 'missed'}` : '',
        ].filter(Boolean);
        if (verbose && wrong.length) console.log(`    ${wrong.join(', ')}: ${label.text.slice(0, 90)}`);
      }),
    );
  }
  console.log(`FIRST SIGHT, all: quotes ${prf(total.quotes)} · section starts ${prf(total.starts)}`);
}
