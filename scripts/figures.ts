// Figures of a training issue read with given weights: quotes and section starts of its
// paragraphs against its labels (flat, as the reader must find the sections). Used by
// `npm run train` (before and after learning from reviewed issues) and `npm run score` (a batch
// of new written issues, scored at first sight).

import type { Weights } from '../src/reader/parse/classify.js';
import { STATES } from '../src/reader/parse/sequence.js';
import type { Counts } from './labels.js';
import { predictions, type TrainingIssue } from './training.js';

/** Quotes and section starts of an issue's paragraphs as read with the given weights, against its labels. */
export function figures(issue: TrainingIssue, weights: Weights): { quotes: Counts; starts: Counts } {
  const result = { quotes: zero(), starts: zero() };
  predictions(issue.chains, weights).forEach(({ chain, probabilities }, c) => {
    chain.labels.forEach((members, node) => {
      const p = probabilities.subarray(node * STATES, node * STATES + STATES);
      const label = members[0]!;
      // Lists are read by fixed rules; the issue's first paragraph always starts a section.
      if (label.kind !== 'list') count(result.quotes, p[2]! + p[3]! > 0.5, label.kind === 'quote');
      if (c > 0 || node > 0) count(result.starts, p[1]! + p[3]! > 0.5, label.sectionStart);
    });
  });
  return result;
}

export function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

function count(counts: Counts, read: boolean, labelled: boolean): void {
  if (read && labelled) counts.tp++;
  else if (read) counts.fp++;
  else if (labelled) counts.fn++;
}

export function add(total: Counts, counts: Counts): void {
  total.tp += counts.tp;
  total.fp += counts.fp;
  total.fn += counts.fn;
}
