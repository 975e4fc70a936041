// Training the source model (src/reader/parse/source-model.ts): logistic regressions over the candidates of
// every labelled section (gold.ts), fitted by Newton's method with an L2 penalty on all weights but
// the bias. The penalty and the threshold from which a candidate counts as a source are chosen by
// cross-validation, leaving out one group at a time (a corpus issue, a group of written issues, the
// sentence tables, a batch): the choice that finds the most labelled names less twice the names
// taken that are no source (train.ts).

import type { ClassifiedParagraph } from '../../src/reader/parse/classify.js';
import type { ParseReport } from '../../src/reader/parse/index.js';
import { IssueNames } from '../../src/reader/parse/issue-names.js';
import { sectionCandidates } from '../../src/reader/parse/source-candidates.js';
import { firstNamed, type Logistic, type SourceModel } from '../../src/reader/parse/source-model.js';
import { normalName } from '../labels.js';
import { readIssue, type GoldGroup } from './gold.js';

/** A candidate of a labelled section: its features, whether it is a labelled source, and whether the main one. */
export interface Row {
  name: string;
  features: string[];
  source: boolean;
  main: boolean;
}

export interface LabelledSection {
  group: string;
  rows: Row[];
  /** Labelled names, and those no candidate names (no model can find them). */
  gold: number;
  unreachable: number;
}

const namesOf = (sources: { person?: string; outlet?: string }[]) =>
  new Set(
    sources
      .flatMap((s) => [s.person, s.outlet])
      .filter((n): n is string => Boolean(n))
      .map(normalName),
  );

/** The candidates of each section of a parsed issue, as the parser makes them. */
export function candidatesOf(report: ParseReport) {
  const paragraphs = report.paragraphs.filter((p) => p.kind !== 'intro') as unknown as (ClassifiedParagraph & { section?: number })[];
  const names = new IssueNames(paragraphs.map((p) => p.raw));
  return report.issue.sections.map((_, i) =>
    sectionCandidates(
      paragraphs.filter((p) => p.section === i),
      'de',
      names,
    ),
  );
}

/** Every labelled section of the groups with its candidates labelled. */
export function labelledSections(groups: GoldGroup[]): LabelledSection[] {
  return groups.flatMap((group) =>
    group.issues.flatMap((issue) =>
      candidatesOf(readIssue(issue)).map((candidates, i) => {
        const gold = namesOf(issue.gold[i]!.sources);
        const main = namesOf(issue.gold[i]!.sources.slice(0, 1));
        const positives = candidates.filter((c) => gold.has(normalName(c.name)));
        const first = firstNamed(positives);
        const rows = candidates.map((c) => ({
          name: c.name,
          features: [...c.features, ...(c === first ? ['first-named'] : [])],
          source: gold.has(normalName(c.name)),
          main: main.has(normalName(c.name)),
        }));
        const reached = new Set(positives.map((c) => normalName(c.name)));
        return { group: group.name, rows, gold: gold.size, unreachable: [...gold].filter((n) => !reached.has(n)).length };
      }),
    ),
  );
}

/** Fits a logistic regression by Newton's method, with L2 penalty `penalty` on all weights but the bias. */
export function fit(rows: { features: string[]; y: boolean }[], penalty: number): Logistic {
  const names = [...new Set(rows.flatMap((r) => r.features))].sort();
  const index = new Map(names.map((f, i) => [f, i + 1]));
  const xs = rows.map((r) => [0, ...new Set(r.features.map((f) => index.get(f)!))]);
  const d = names.length + 1;
  const w = new Float64Array(d);
  for (let iteration = 0; iteration < 30; iteration++) {
    const gradient = new Float64Array(d);
    const hessian = Array.from({ length: d }, () => new Float64Array(d));
    for (let i = 1; i < d; i++) {
      gradient[i] = penalty * w[i]!;
      hessian[i]![i] = penalty;
    }
    hessian[0]![0] = 1e-6;
    rows.forEach((row, r) => {
      const x = xs[r]!;
      let z = 0;
      for (const i of x) z += w[i]!;
      const p = 1 / (1 + Math.exp(-z));
      const h = p * (1 - p);
      for (const i of x) {
        gradient[i]! += p - (row.y ? 1 : 0);
        for (const j of x) hessian[i]![j]! += h;
      }
    });
    const step = solve(hessian, gradient);
    let change = 0;
    for (let i = 0; i < d; i++) {
      w[i]! -= step[i]!;
      change = Math.max(change, Math.abs(step[i]!));
    }
    if (change < 1e-6) break;
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { bias: round(w[0]!), weights: Object.fromEntries(names.map((f, i) => [f, round(w[i + 1]!)]).filter(([, x]) => x !== 0)) };
}

/** Solves a symmetric positive definite system by Cholesky decomposition. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j]![j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** The source rows (every candidate) and the main rows (the labelled sources of sections with two or more). */
const sourceRows = (sections: LabelledSection[]) => sections.flatMap((s) => s.rows.map((r) => ({ features: r.features.filter((f) => f !== 'first-named'), y: r.source })));
const mainRows = (sections: LabelledSection[]) =>
  sections.flatMap((s) => (s.rows.filter((r) => r.source).length >= 2 ? s.rows.filter((r) => r.source).map((r) => ({ features: r.features, y: r.main })) : []));

/** The model fitted on the sections, with the given choices. */
export function fitModel(sections: LabelledSection[], choice: Pick<SourceModel, 'penalty' | 'threshold' | 'doubtfulFrom'>): SourceModel {
  return { ...choice, source: fit(sourceRows(sections), choice.penalty), main: fit(mainRows(sections), choice.penalty) };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (m: Logistic, features: string[]) => features.reduce((z, f) => z + (m.weights[f] ?? 0), m.bias);

/** Each section's candidates with the probability the model trained without its group gives them. */
export function heldOutProbabilities(sections: LabelledSection[], penalty: number): { section: LabelledSection; probabilities: number[] }[] {
  const groups = [...new Set(sections.map((s) => s.group))];
  const out = new Map<LabelledSection, number[]>();
  for (const group of groups) {
    const model = fit(sourceRows(sections.filter((s) => s.group !== group)), penalty);
    for (const s of sections.filter((x) => x.group === group))
      out.set(
        s,
        s.rows.map((r) => sigmoid(logit(model, r.features))),
      );
  }
  return sections.map((section) => ({ section, probabilities: out.get(section)! }));
}

/** Sections exactly right, names found and extra at a threshold, from held-out probabilities. */
export function tally(held: ReturnType<typeof heldOutProbabilities>, threshold: number) {
  let exact = 0;
  let found = 0;
  let extra = 0;
  for (const { section, probabilities } of held) {
    const taken = section.rows.filter((_, i) => probabilities[i]! >= threshold);
    const right = taken.filter((r) => r.source).length;
    found += right;
    extra += taken.length - right;
    if (taken.length === right && right === section.gold && section.unreachable === 0) exact++;
  }
  return { exact, found, extra };
}

export const PENALTIES = [0.1, 0.3, 1, 3];
export const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
