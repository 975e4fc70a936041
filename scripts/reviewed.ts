// The archive's reviewed issues as training data: an issue whose front matter says
// `reviewed: true` has complete marks, so its marks are labels as good as the hand labels in
// test/fixtures/labels/. Each is trained on in the shape the reader must read (marks removed,
// blank lines removed: flat), and held out in turn for cross-validation like the corpus issues.

import { loadIssues } from '../src/build/inputs.js';
import type { IssueSource } from '../src/reader/load/index.js';
import { parseIssueWithReport } from '../src/reader/parse/index.js';
import { labelledNumbers, type Label } from './labels.js';
import { labelledChains, labelledIssues, type TrainingIssue } from './training.js';

export interface ReviewedIssues {
  issues: TrainingIssue[];
  /** The numbers of the reviewed issues, in the order of `issues`. */
  numbers: number[];
  /** Reviewed issues that could not be read as training data, with why. */
  skipped: string[];
}

/** Every issue in the folder with `reviewed: true`, as a training issue. */
export async function reviewedIssues(dir: string): Promise<ReviewedIssues> {
  const { sources } = await loadIssues(dir);
  const result: ReviewedIssues = { issues: [], numbers: [], skipped: [] };
  for (const source of sources.filter((s) => s.frontMatter.reviewed === true)) {
    try {
      const { text, labels } = asLabelled(source);
      result.issues.push({ name: `${source.file} (No ${source.number}, reviewed)`, chains: labelledChains(source.file, text, labels), heldOut: true });
      result.numbers.push(source.number);
    } catch (error) {
      result.skipped.push(`${source.file}: ${(error as Error).message}`);
    }
  }
  return result;
}

/** A reviewed issue as a labelled text: its paragraphs one per line without marks, and a label per paragraph. */
export function asLabelled(source: IssueSource): { text: string; labels: Label[] } {
  const { paragraphs } = parseIssueWithReport(source);
  const labels = paragraphs.map((p): Label => ({
    kind: p.kind === 'heading' ? 'commentary' : p.kind,
    sectionStart: p.sectionStart,
    sources: [],
    text: p.raw,
  }));
  // Note: the title line gives the number; the reader removes it, as it does in every export.
  const text = [`Krasse Links No ${source.number}`, ...paragraphs.map((p) => p.raw)].join('\n');
  return { text, labels };
}

/** What `npm run train` learns from: the shipped labels and the reviewed issues of the archive folder. */
export interface TrainingSet {
  /** Every issue trained on, the shipped ones first. */
  issues: TrainingIssue[];
  /** The shipped ones: the corpus issues (less those the author reviewed) and the written ones. */
  shipped: TrainingIssue[];
  reviewed: ReviewedIssues;
  /** The names of the issues held out in turn, as weights.json lists them. */
  trainedOn: string[];
}

export async function trainingSet(input: string): Promise<TrainingSet> {
  const reviewed = await reviewedIssues(input);
  // The author's review of a corpus issue replaces its shipped labels.
  const corpus = labelledNumbers().filter((n) => !reviewed.numbers.includes(n));
  const shipped = labelledIssues(corpus);
  return {
    // Note: the shipped array itself when nothing is reviewed, so its cross-validations are shared (see crossValidate).
    issues: reviewed.issues.length ? [...shipped, ...reviewed.issues] : shipped,
    shipped,
    reviewed,
    trainedOn: [...corpus.map((n) => `No ${n}`), ...reviewed.numbers.map((n) => `No ${n} (reviewed)`)],
  };
}
