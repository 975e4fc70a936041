// `npm run train [-- --input DIR] [--check]`: fits the paragraph reader's weights to the hand labels
// and to every reviewed issue of the archive (`issues/`, or DIR), and writes them to
// src/reader/parse/weights.json, which the build uses (see scripts/training.ts for the method). Prints
// how the reader reads each held-out issue, cross-validated, before and after it learned from the
// reviewed issues. It then fits the model that lists doubtful readings (scripts/doubt.ts) to the
// readings of issues the reader did not see, writes it to src/reader/parse/doubt-weights.json and
// prints how its list does, by nested cross-validation. `--check` only compares both files with
// what training gives.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { add, figures, zero } from './figures.js';
import { archiveDir, f1, precision, projectRoot, recall, type Counts } from './labels.js';
import { trainingSet } from './reviewed.js';
import { storedWeights, train, type Trained, type TrainingIssue } from './training.js';
import { heldOutRows, nestedDoubt, nestedFigure, storedDoubt, trainDoubt } from './doubt.js';

const { values } = parseArgs({ options: { input: { type: 'string' }, check: { type: 'boolean', default: false } } });
const input = path.resolve(values.input ?? archiveDir);
const file = path.join(projectRoot, 'src/reader/parse/weights.json');
const doubtFile = path.join(projectRoot, 'src/reader/parse/doubt-weights.json');

const { issues, shipped, reviewed, trainedOn } = await trainingSet(input);
for (const skipped of reviewed.skipped) console.warn(`warning: not learned from ${skipped}`);
const trained = train(issues);
const text = `${JSON.stringify(storedWeights(trained, trainedOn), null, 2)}\n`;
const rows = heldOutRows(issues, trained.folds, trained.penalty, trained.temperature);
const doubt = trainDoubt(rows);
const doubtText = `${JSON.stringify(storedDoubt(doubt, trainedOn), null, 2)}\n`;
if (values.check) {
  const same = fs.readFileSync(file, 'utf8') === text && fs.readFileSync(doubtFile, 'utf8') === doubtText;
  console.log(same ? 'weights.json and doubt-weights.json are what training gives' : 'weights.json or doubt-weights.json differs from what training gives: run npm run train');
  process.exit(same ? 0 : 1);
}

// Before: the reader trained on the shipped labels alone (settings chosen on them), reading every held-out issue.
const before = reviewed.issues.length ? train(shipped) : trained;
// Note: the corpus issues' folds are before's own; the reviewed issues are read with before's weights
// trained on every shipped issue, as fitted (temperature 1, as every fold's weights are).
const beforeFolds = reviewed.issues.length ? [...before.folds, ...reviewed.issues.map((i) => ({ issue: i.name, weights: { ...before.weights, temperature: 1 } }))] : trained.folds;
report(issues, beforeFolds, trained);
const held = trained.folds.map((f) => f.issue);
const listed = nestedFigure(rows, nestedDoubt(rows, held));
console.log(
  `  doubtful list, nested cross-validation (each issue flagged by a model trained without its readings): ` +
    `${listed.flagged} of ${listed.readings} readings flagged (${((listed.flagged / listed.readings) * 100).toFixed(1)} %), holding ${listed.caught} of ${listed.errors} errors`,
);
fs.writeFileSync(file, text);
fs.writeFileSync(doubtFile, doubtText);
console.log(
  `Trained on ${trainedOn.join(', ')} and ${shipped.length - shipped.filter((i) => i.heldOut).length} written issues: ` +
    `penalty ${trained.penalty}, temperature ${trained.temperature} (chosen by cross-validation); wrote ${path.relative(process.cwd(), file)}; ` +
    `doubtful list: ${doubt.features}, penalty ${doubt.penalty}, listed from doubt ${doubt.model.flagFrom}; wrote ${path.relative(process.cwd(), doubtFile)}`,
);

/** Prints each held-out issue's cross-validated figures before and after, and the totals. */
function report(all: TrainingIssue[], beforeFolds: Trained['folds'], after: Trained): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const prf = (c: Counts) => `P ${pct(precision(c))} R ${pct(recall(c))} F1 ${f1(c).toFixed(3)}`;
  const totals = { before: { quotes: zero(), starts: zero() }, after: { quotes: zero(), starts: zero() } };
  const where = path.relative(process.cwd(), input) || '.';
  console.log(
    reviewed.issues.length
      ? `Cross-validated (each issue read with weights trained without it; sections flat): before → after learning from ${reviewed.issues.length} reviewed issues in ${where}`
      : `Cross-validated (each issue read with weights trained without it; sections flat). No reviewed issue in ${where} yet (front matter "reviewed: true"), so before = after:`,
  );
  for (const fold of after.folds) {
    const issue = all.find((i) => i.name === fold.issue)!;
    const was = figures(issue, beforeFolds.find((f) => f.issue === fold.issue)!.weights);
    const now = figures(issue, fold.weights);
    for (const [total, f] of [
      [totals.before, was],
      [totals.after, now],
    ] as const) {
      add(total.quotes, f.quotes);
      add(total.starts, f.starts);
    }
    console.log(`  ${fold.issue.padEnd(34)} quotes F1 ${f1(was.quotes).toFixed(3)} → ${f1(now.quotes).toFixed(3)} · section starts F1 ${f1(was.starts).toFixed(3)} → ${f1(now.starts).toFixed(3)}`);
  }
  console.log(`  ${'all, before'.padEnd(34)} quotes ${prf(totals.before.quotes)} · section starts ${prf(totals.before.starts)}`);
  console.log(`  ${'all, after'.padEnd(34)} quotes ${prf(totals.after.quotes)} · section starts ${prf(totals.after.starts)}`);
}
