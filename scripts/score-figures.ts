// The cross-validated figures of `npm run score` as named numbers: what its summary lines print
// (quotes, section starts, lists, support block, main source, sources, source index, doubtful
// paragraphs), for the test that holds them to a floor (test/fixtures/score-floor.json).
// Note: computed from the same scores as scripts/score.ts, in the same way.

import { f1, precision, recall, scoreIndex, sum, type IssueScore, type SourceScore } from './labels.js';

/** The scores of every labelled issue read with weights trained without it. */
export interface CrossValidatedScores {
  /** Quotes, lists and the support block: the issues as archived. */
  asWritten: IssueScore[];
  /** Section starts and the main source: the flat shape (its doubtful readings flagged by a doubt model trained without the issue). */
  flat: IssueScore[];
  /** Sources: the issues read with the labelled section breaks. */
  sources: SourceScore[];
}

const share = ({ right, total }: { right: number; total: number }) => (total ? right / total : 1);

/** Figure name → value; a count of mistakes where the name says so, else a share or score from 0 to 1. */
export function crossValidatedFigures(cv: CrossValidatedScores): Record<string, number> {
  const asWritten = sum(cv.asWritten);
  const flat = sum(cv.flat);
  const add = (pick: (s: SourceScore) => { right: number; total: number }) =>
    cv.sources.reduce((all, s) => ({ right: all.right + pick(s).right, total: all.total + pick(s).total }), { right: 0, total: 0 });
  const index = scoreIndex(cv.sources);
  const readings = cv.flat.flatMap((s) => s.readings);
  const errors = readings.filter((r) => !r.right);
  return {
    'quotes precision': precision(asWritten.quotes),
    'quotes recall': recall(asWritten.quotes),
    'quotes F1': f1(asWritten.quotes),
    'section starts precision': precision(flat.boundaries),
    'section starts recall': recall(flat.boundaries),
    'section starts F1': f1(flat.boundaries),
    lists: share(asWritten.lists),
    'support block': share(asWritten.support),
    'main source': share(flat.sources),
    'sources: sections exact': share(add((s) => s.sections)),
    'sources: names found': share(add((s) => s.found)),
    'sources: person or outlet right': share(add((s) => s.kinds)),
    'sources: extra names (count)': cv.sources.reduce((n, s) => n + s.extra, 0),
    'source index: labelled sources listed': share(index.listed),
    'source index: not a labelled source (count)': index.notSources.length,
    'doubtful: errors flagged': errors.length ? errors.filter((r) => r.doubtful).length / errors.length : 1,
    'doubtful: share of paragraphs flagged': readings.filter((r) => r.doubtful).length / readings.length,
  };
}
