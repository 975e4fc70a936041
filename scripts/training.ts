// Training the paragraph reader: the weights of its sequence model (src/reader/parse/sequence.ts) are
// fitted to the hand labels by maximum likelihood with an L2 penalty (a Gaussian prior on each
// weight), with L-BFGS. The penalty's strength is chosen by leave-one-issue-out cross-validation,
// and so is the temperature that calibrates the probabilities. Deterministic: the same labels
// give the same weights, which is what `npm run train` writes to src/reader/parse/weights.json.

import { compileWeights, readBody, type Weights } from '../src/reader/parse/classify.js';
import { PAIR_FEATURE_NAMES, QUOTE_FEATURE_NAMES, START_FEATURE_NAMES } from '../src/reader/parse/scorers/index.js';
import { ANY, type Chain, COMMENTARIES, CONTINUES, forEachPairMarginal, forwardBackward, KIND_PAIRS, kindPair, marginals, QUOTES, STARTS, STATES } from '../src/reader/parse/sequence.js';
import { type Label, labelledIssue, parseInput, writtenIssues } from './labels.js';
import { lbfgs } from './lbfgs.js';

/** One labelled chain: the model's input and, per node, the states the labels allow. */
export interface LabelledChain {
  issue: string;
  chain: Chain;
  gold: Uint8Array;
  /** The labels of each node's paragraphs (the first decides). */
  labels: Label[][];
}

/** The chains of a labelled issue, read in the flat shape (where the reader must find sections itself). */
export function labelledChains(name: string, text: string, labels: Label[]): LabelledChain[] {
  const { body, intro } = parseInput(name, text);
  const offset = intro ? 1 : 0;
  if (body.length + offset !== labels.length) throw new Error(`${name}: ${body.length + offset} paragraphs, ${labels.length} labels`);
  const reading = readBody(body, false);
  return reading.segments.map((segment) => {
    const gold = new Uint8Array(segment.nodes.length);
    const nodeLabels = segment.nodes.map((members) => members.map((i) => labels[i + offset]!));
    nodeLabels.forEach((members, node) => {
      const label = members[0]!;
      const kinds = label.kind === 'quote' ? QUOTES : label.kind === 'list' ? ANY : COMMENTARIES;
      const starts = label.sectionStart ? STARTS : CONTINUES;
      gold[node] = segment.chain.allowed[node]! & kinds & starts || segment.chain.allowed[node]! & kinds || segment.chain.allowed[node]!;
    });
    return { issue: name, chain: segment.chain, gold, labels: nodeLabels };
  });
}

export interface TrainingIssue {
  name: string;
  chains: LabelledChain[];
  /** Corpus and reviewed issues are held out in turn for cross-validation; written ones are always trained on. */
  heldOut: boolean;
  /** False for an issue only read, never trained on (a reviewed issue, to show how the reader did before it learned from it). */
  trained?: boolean;
}

/** Labelled issues made, by their numbers: the same array, so cross-validations of it are done once (see crossValidate). */
const made = new Map<string, TrainingIssue[]>();

/** The labelled issues: each corpus issue's labels with its text, flattened, and the written ones. */
export function labelledIssues(numbers: number[]): TrainingIssue[] {
  const key = numbers.join(',');
  const done = made.get(key);
  if (done) return done;
  const corpus = numbers.map((number) => {
    const { name, text, labels } = labelledIssue(number);
    return { name, chains: labelledChains(name, text, labels), heldOut: true };
  });
  const written = writtenIssues().map(({ name, text, labels }) => ({ name, chains: labelledChains(name, text, labels), heldOut: false }));
  const issues = [...corpus, ...written];
  made.set(key, issues);
  return issues;
}

const Q = QUOTE_FEATURE_NAMES.length;
const S = START_FEATURE_NAMES.length;
const T = STATES * STATES;
const P = PAIR_FEATURE_NAMES.length * KIND_PAIRS;
const SIZE = Q + S + T + P;

function unpack(theta: Float64Array): Weights {
  return {
    quote: theta.subarray(0, Q),
    start: theta.subarray(Q, Q + S),
    transition: theta.subarray(Q + S, Q + S + T),
    pair: theta.subarray(Q + S + T),
    temperature: 1,
  };
}

/** The penalised negative log-likelihood of the labels and its gradient. */
function objective(theta: Float64Array, chains: LabelledChain[], penalty: number): { value: number; gradient: Float64Array } {
  const weights = unpack(theta);
  const gradient = new Float64Array(SIZE);
  let value = 0;
  const add = (run: ReturnType<typeof forwardBackward>, chain: Chain, sign: number) => {
    const m = marginals(run);
    chain.features.forEach((features, i) => {
      const quote = m[i * STATES + 2]! + m[i * STATES + 3]!;
      const start = m[i * STATES + 1]! + m[i * STATES + 3]!;
      for (let k = 0; k < Q; k++) gradient[k] = gradient[k]! + sign * quote * features.quote[k]!;
      for (let k = 0; k < S; k++) gradient[Q + k] = gradient[Q + k]! + sign * start * features.start[k]!;
    });
    forEachPairMarginal(run, (i, a, b, p) => {
      gradient[Q + S + a * STATES + b] = gradient[Q + S + a * STATES + b]! + sign * p;
      const pair = chain.features[i]!.pair;
      for (let k = 0; k < pair.length; k++) if (pair[k]) gradient[Q + S + T + k * KIND_PAIRS + kindPair(a, b)] = gradient[Q + S + T + k * KIND_PAIRS + kindPair(a, b)]! + sign * p * pair[k]!;
    });
  };
  for (const { chain, gold } of chains) {
    const free = forwardBackward(chain, weights);
    const clamped = forwardBackward(chain, weights, 1, gold);
    value += free.logZ - clamped.logZ;
    // d(-log p)/dθ = E_model[f] - E_labels[f]
    add(free, chain, 1);
    add(clamped, chain, -1);
  }
  for (let k = 0; k < SIZE; k++) {
    // Note: the biases are not penalised: how common quotes and sections are is for the data to say.
    if (k === 0 || k === Q) continue;
    value += (penalty / 2) * theta[k]! * theta[k]!;
    gradient[k] = gradient[k]! + penalty * theta[k]!;
  }
  return { value, gradient };
}

/** Fits the weights to the given chains. */
export function fit(chains: LabelledChain[], penalty: number): Weights {
  const theta = lbfgs((x) => objective(x, chains, penalty), new Float64Array(SIZE));
  return unpack(theta);
}

/** The probabilities a model gives the labelled states of each node, for calibration. */
export function predictions(chains: LabelledChain[], weights: Weights, temperature = 1): { chain: LabelledChain; probabilities: Float64Array }[] {
  return chains.map((chain) => ({ chain, probabilities: marginals(forwardBackward(chain.chain, weights, temperature)) }));
}

/** Log-likelihood of the labels under the given probabilities (higher is better). */
function logLikelihood(results: { chain: LabelledChain; probabilities: Float64Array }[]): number {
  let total = 0;
  for (const { chain, probabilities } of results) {
    chain.gold.forEach((gold, node) => {
      let p = 0;
      for (let s = 0; s < STATES; s++) if (gold & (1 << s)) p += probabilities[node * STATES + s]!;
      total += Math.log(Math.max(p, 1e-12));
    });
  }
  return total;
}

export interface CrossValidation {
  /** For each held-out issue, the weights trained without it. */
  folds: { issue: string; weights: Weights }[];
}

/** Cross-validations done, by the issues and the penalty: fitting is deterministic, and the tests and train() ask for the same ones. */
const validated = new WeakMap<TrainingIssue[], Map<number, CrossValidation>>();

/** Leave-one-issue-out: each held-out issue's weights trained on all the other issues trained on. */
export function crossValidate(issues: TrainingIssue[], penalty: number): CrossValidation {
  const known = validated.get(issues) ?? validated.set(issues, new Map()).get(issues)!;
  const done = known.get(penalty);
  if (done) return done;
  const trainedOn = issues.filter((i) => i.trained !== false);
  // Issues never trained on are all read with the same weights: fitted once.
  let onAll: Weights | undefined;
  const result = {
    folds: issues
      .filter((issue) => issue.heldOut)
      .map((held) => ({
        issue: held.name,
        weights:
          held.trained === false
            ? (onAll ??= fit(
                trainedOn.flatMap((i) => i.chains),
                penalty,
              ))
            : fit(
                trainedOn.filter((i) => i !== held).flatMap((i) => i.chains),
                penalty,
              ),
      })),
  };
  known.set(penalty, result);
  return result;
}

/** Penalties tried; the one with the best held-out likelihood is taken. */
export const PENALTIES = [0.1, 0.3, 1, 3, 10];

export interface Trained {
  weights: Weights;
  penalty: number;
  temperature: number;
  /** The cross-validation the settings were chosen by: each held-out issue's weights trained without it. */
  folds: CrossValidation['folds'];
}

/**
 * Chooses penalty and temperature by cross-validation, then fits on every labelled issue.
 * @param penalties the penalties to choose from
 */
export function train(issues: TrainingIssue[], penalties = PENALTIES): Trained {
  let best = { penalty: penalties[0]!, likelihood: -Infinity, folds: [] as CrossValidation['folds'] };
  for (const penalty of penalties) {
    const { folds } = crossValidate(issues, penalty);
    const held = folds.flatMap(({ issue, weights }) => predictions(issues.find((i) => i.name === issue)!.chains, weights));
    const likelihood = logLikelihood(held);
    if (likelihood > best.likelihood) best = { penalty, likelihood, folds };
  }
  const { folds } = best;
  const heldOut = (t: number) => folds.flatMap(({ issue, weights }) => predictions(issues.find((i) => i.name === issue)!.chains, weights, t));
  const temperature = calibrate((t) => logLikelihood(heldOut(t)));
  const weights = fit(
    issues.filter((i) => i.trained !== false).flatMap((i) => i.chains),
    best.penalty,
  );
  return { weights: { ...weights, temperature }, penalty: best.penalty, temperature, folds };
}

/** The temperature that maximises the held-out likelihood (golden-section search on 0.5 … 5). */
function calibrate(likelihood: (temperature: number) => number): number {
  let low = 0.5;
  let high = 5;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = high - ratio * (high - low);
    const b = low + ratio * (high - low);
    if (likelihood(a) >= likelihood(b)) high = b;
    else low = a;
  }
  return Math.round(((low + high) / 2) * 1000) / 1000;
}

/** The weights as stored in weights.json: by feature name, rounded. */
export function storedWeights(trained: Trained, trainedOn: string[]): object {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  const byName = (names: string[], values: ArrayLike<number>) => Object.fromEntries(names.map((name, k) => [name, round(values[k]!)]));
  const transition = Array.from({ length: STATES }, (_, a) => Array.from({ length: STATES }, (_, b) => round(trained.weights.transition[a * STATES + b]!)));
  return {
    note: 'Written by `npm run train` from the hand labels in test/fixtures/labels/ and the reviewed issues of the archive; do not edit by hand.',
    trainedOn,
    penalty: trained.penalty,
    temperature: trained.temperature,
    quote: byName(QUOTE_FEATURE_NAMES, trained.weights.quote),
    start: byName(START_FEATURE_NAMES, trained.weights.start),
    states: ['commentary', 'commentary opening a section', 'quote', 'quote opening a section'],
    transition,
    pairs: ['commentary → commentary', 'commentary → quote', 'quote → commentary', 'quote → quote'],
    pair: Object.fromEntries(
      PAIR_FEATURE_NAMES.map((name, k) => [
        name,
        Array.from(trained.weights.pair)
          .slice(k * KIND_PAIRS, k * KIND_PAIRS + KIND_PAIRS)
          .map(round),
      ]),
    ),
  };
}

export { compileWeights };
