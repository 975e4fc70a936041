// Training the doubt model (src/reader/parse/doubt.ts): a logistic regression of "this reading is
// wrong" on the readings of issues the reader was not trained on — each corpus and reviewed issue
// read by the weights trained without it (the reader's cross-validation), and the written issues,
// held out in groups, read by weights trained without their group. Its L2 penalty and the
// probability from which a reading is listed are chosen by leave-one-group-out cross-validation:
// the penalty by held-out likelihood, the threshold as the one under which the held-out readings
// list the most errors while listing at most DOUBTFUL_SHARE of all. Deterministic, like training.

import { DOUBT_FEATURE_NAMES, doubtFeatures, doubtOf, type DoubtModel } from '../src/reader/parse/doubt.js';
import { STATES } from '../src/reader/parse/sequence.js';
import { lbfgs } from './lbfgs.js';
import { fit, predictions, type CrossValidation, type LabelledChain, type TrainingIssue } from './training.js';

/** One reading of an unseen issue: its doubt features and whether it was wrong. */
export interface DoubtRow {
  /** The issue held out (a corpus or reviewed issue), or the group of written issues. */
  group: string;
  features: Float64Array;
  wrong: boolean;
}

/** The written issues are held out in this many groups (issue k in group k mod WRITTEN_GROUPS). */
export const WRITTEN_GROUPS = 7;
/** Penalties tried; the one with the best held-out likelihood is taken. */
export const DOUBT_PENALTIES = [0.1, 0.3, 1, 3, 10];
/** At most this share of the readings is listed as doubtful (cross-validated), so the list stays worth reading and under 15 %. */
export const DOUBTFUL_SHARE = 0.14;
/** The name of a group of written issues. */
export const writtenGroup = (k: number) => `written group ${(k % WRITTEN_GROUPS) + 1}`;

/** The rows of chains read with the given weights. */
function rowsOf(group: string, chains: LabelledChain[], weights: Parameters<typeof predictions>[1], temperature: number): DoubtRow[] {
  return predictions(chains, weights, temperature).flatMap(({ chain, probabilities }) => {
    const features = doubtFeatures(chain.chain, probabilities);
    return Array.from(chain.gold, (gold, node) => {
      const p = probabilities.subarray(node * STATES, node * STATES + STATES);
      const state = (p[2]! + p[3]! > 0.5 ? 2 : 0) + (p[1]! + p[3]! > 0.5 ? 1 : 0);
      return { group, features: features[node]!, wrong: (gold & (1 << state)) === 0 };
    });
  });
}

const rowsDone = new WeakMap<CrossValidation['folds'], DoubtRow[]>();

/**
 * Every reading of an issue the reader did not see: the held-out issues by their folds (the
 * reader's cross-validation), the written ones by weights fitted without their group.
 */
export function heldOutRows(issues: TrainingIssue[], folds: CrossValidation['folds'], penalty: number, temperature: number): DoubtRow[] {
  const done = rowsDone.get(folds);
  if (done) return done;
  const trainedOn = issues.filter((i) => i.trained !== false);
  const held = folds.flatMap(({ issue, weights }) => rowsOf(issue, issues.find((i) => i.name === issue)!.chains, weights, temperature));
  const written = issues.filter((i) => !i.heldOut);
  const groups = [...new Set(written.map((_, k) => writtenGroup(k)))];
  const writtenRows = groups.flatMap((group) => {
    const out = written.filter((_, k) => writtenGroup(k) === group);
    const weights = fit(
      trainedOn.filter((i) => !out.includes(i)).flatMap((i) => i.chains),
      penalty,
    );
    return rowsOf(
      group,
      out.flatMap((i) => i.chains),
      weights,
      temperature,
    );
  });
  const rows = [...held, ...writtenRows];
  rowsDone.set(folds, rows);
  return rows;
}

/** The penalised negative log-likelihood of the rows and its gradient (the bias is not penalised). */
function objective(theta: Float64Array, rows: DoubtRow[], penalty: number): { value: number; gradient: Float64Array } {
  const gradient = new Float64Array(theta.length);
  let value = 0;
  for (const { features, wrong } of rows) {
    const p = doubtOf(theta, features);
    value -= Math.log(Math.max(wrong ? p : 1 - p, 1e-12));
    const residual = p - (wrong ? 1 : 0);
    for (let k = 0; k < theta.length; k++) gradient[k] = gradient[k]! + residual * features[k]!;
  }
  for (let k = 1; k < theta.length; k++) {
    value += (penalty / 2) * theta[k]! * theta[k]!;
    gradient[k] = gradient[k]! + penalty * theta[k]!;
  }
  return { value, gradient };
}

/** Fits the doubt weights to the rows. */
export function fitDoubt(rows: DoubtRow[], penalty: number): Float64Array {
  return lbfgs((theta) => objective(theta, rows, penalty), new Float64Array(DOUBT_FEATURE_NAMES.length));
}

/** Each row's doubt by weights fitted without its group. */
function heldOutDoubts(rows: DoubtRow[], penalty: number): number[] {
  const doubts = new Array<number>(rows.length);
  for (const group of new Set(rows.map((r) => r.group))) {
    const weights = fitDoubt(
      rows.filter((r) => r.group !== group),
      penalty,
    );
    rows.forEach((r, i) => {
      if (r.group === group) doubts[i] = doubtOf(weights, r.features);
    });
  }
  return doubts;
}

/** The doubt from which a reading is listed: the most errors listed while listing at most DOUBTFUL_SHARE of the rows. */
export function flagThreshold(doubts: number[], wrong: boolean[]): number {
  const order = doubts.map((_, i) => i).sort((a, b) => doubts[b]! - doubts[a]!);
  const most = Math.floor(DOUBTFUL_SHARE * doubts.length);
  let best = { caught: 0, threshold: 1 };
  let caught = 0;
  for (let k = 0; k < most; k++) {
    caught += wrong[order[k]!] ? 1 : 0;
    const next = doubts[order[k + 1]!];
    // Note: a threshold between two equal doubts would list more than it counts.
    if (caught > best.caught && next !== doubts[order[k]!]) best = { caught, threshold: doubts[order[k]!]! };
  }
  return Math.floor(best.threshold * 1e4) / 1e4;
}

export interface TrainedDoubt {
  model: DoubtModel;
  penalty: number;
  /** The features the model weighs (DOUBT_FEATURE_SETS), chosen by cross-validation. */
  features: string;
}

/**
 * The sets of features tried, each the features of doubt.ts up to and with the one named, from the
 * reader's confidence alone to every feature; the one whose held-out list holds the most errors is
 * taken (the smaller set on a tie).
 */
export const DOUBT_FEATURE_SETS: readonly { name: string; size: number }[] = [
  ['the reader’s confidence', 'the reader’s doubt (1 − confidence)'],
  ['confidence and the margins of kind and section start', 'section start a close call'],
  ['these, the reading and its neighbours’', 'opens a section of one paragraph'],
  ['every feature', DOUBT_FEATURE_NAMES.at(-1)!],
].map(([name, last]) => {
  const size = DOUBT_FEATURE_NAMES.indexOf(last!) + 1;
  if (!size) throw new Error(`scripts/doubt.ts: doubt.ts has no feature "${last}"`);
  return { name: name!, size };
});

/** The rows with only the first `size` features (the others 0, so their weights stay 0). */
const withFeatures = (rows: DoubtRow[], size: number) => rows.map((r) => ({ ...r, features: r.features.map((v, k) => (k < size ? v : 0)) }));

/** Chooses features, penalty and threshold by leave-one-group-out cross-validation, then fits on every row. */
export function trainDoubt(rows: DoubtRow[]): TrainedDoubt {
  const wrong = rows.map((r) => r.wrong);
  let best = { caught: -1, set: DOUBT_FEATURE_SETS[0]!, penalty: 0, flagFrom: 1 };
  for (const set of DOUBT_FEATURE_SETS) {
    const some = withFeatures(rows, set.size);
    let chosen = { penalty: DOUBT_PENALTIES[0]!, likelihood: -Infinity, doubts: [] as number[] };
    for (const penalty of DOUBT_PENALTIES) {
      const doubts = heldOutDoubts(some, penalty);
      const likelihood = doubts.reduce((sum, p, i) => sum + Math.log(Math.max(wrong[i] ? p : 1 - p, 1e-12)), 0);
      if (likelihood > chosen.likelihood) chosen = { penalty, likelihood, doubts };
    }
    const flagFrom = flagThreshold(chosen.doubts, wrong);
    const caught = chosen.doubts.filter((d, i) => d >= flagFrom && wrong[i]).length;
    if (caught > best.caught) best = { caught, set, penalty: chosen.penalty, flagFrom };
  }
  const weights = fitDoubt(withFeatures(rows, best.set.size), best.penalty).map((w) => Math.round(w * 1e4) / 1e4);
  return { model: { weights, flagFrom: best.flagFrom }, penalty: best.penalty, features: best.set.name };
}

/** For each held-out issue, the doubt model trained without its readings (nested cross-validation). */
export function nestedDoubt(rows: DoubtRow[], issues: string[]): Map<string, DoubtModel> {
  return new Map(issues.map((issue) => [issue, trainDoubt(rows.filter((r) => r.group !== issue)).model]));
}

/** The model as stored in doubt-weights.json: by feature name. */
export function storedDoubt({ model, penalty, features }: TrainedDoubt, trainedOn: string[]): object {
  return {
    note: 'Written by `npm run train` (scripts/doubt.ts) from the readings of issues the reader did not see; do not edit by hand.',
    trainedOn,
    features,
    penalty,
    flagFrom: model.flagFrom,
    weights: Object.fromEntries(DOUBT_FEATURE_NAMES.map((name, k) => [name, model.weights[k]!])),
  };
}

/** How the list does on each held-out issue when flagged by a model trained without it: readings flagged, errors held. */
export function nestedFigure(rows: DoubtRow[], models: Map<string, DoubtModel>): { flagged: number; readings: number; caught: number; errors: number } {
  const figure = { flagged: 0, readings: 0, caught: 0, errors: 0 };
  for (const [issue, { weights, flagFrom }] of models) {
    for (const row of rows.filter((r) => r.group === issue)) {
      const flagged = doubtOf(weights, row.features) >= flagFrom;
      figure.readings++;
      figure.flagged += flagged ? 1 : 0;
      figure.errors += row.wrong ? 1 : 0;
      figure.caught += flagged && row.wrong ? 1 : 0;
    }
  }
  return figure;
}
