// `npx tsx scripts/sources/train.ts [--except N,…]`: trains the source model on every labelled
// section (but the batches named) and writes src/reader/parse/source-weights.json. The penalty and the
// threshold are chosen by leave-one-group-out cross-validation (training.ts): the most labelled
// names found less twice the names taken that are no source (then the most sections exactly
// right); the cross-validated table is printed, so that the choice can be checked.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../labels.js';
import { allGroups } from './gold.js';
import { fitModel, heldOutProbabilities, labelledSections, PENALTIES, tally, THRESHOLDS } from './training.js';

const { values } = parseArgs({ options: { except: { type: 'string', default: '' } } });
const except = values.except ? values.except.split(',').map(Number) : [];
const sections = labelledSections(allGroups(except));
const gold = sections.reduce((n, s) => n + s.gold, 0);
const unreachable = sections.reduce((n, s) => n + s.unreachable, 0);
console.log(`${sections.length} labelled sections, ${sections.reduce((n, s) => n + s.rows.length, 0)} candidates, ${gold} labelled names (${unreachable} named by no candidate)`);

let best: { penalty: number; threshold: number; exact: number; found: number; extra: number } | undefined;
for (const penalty of PENALTIES) {
  const held = heldOutProbabilities(sections, penalty);
  const cells = THRESHOLDS.map((threshold) => {
    const t = tally(held, threshold);
    // A name that is no source costs twice what a source found is worth: it stands in the heading and on /quellen/, where every visit sees it.
    const worth = (x: { found: number; extra: number }) => x.found - 2 * x.extra;
    if (!best || worth(t) > worth(best) || (worth(t) === worth(best) && t.exact > best.exact)) best = { penalty, threshold, exact: t.exact, found: t.found, extra: t.extra };
    return `${threshold}: ${t.exact} exact, ${t.found} found, ${t.extra} extra`;
  });
  console.log(`penalty ${penalty} (cross-validated) · ${cells.join(' · ')}`);
}
const { penalty, threshold } = best!;
// Doubtful: a candidate left out with at least this probability (a third of the threshold) is listed by `npm run check`.
const doubtfulFrom = Math.round((threshold / 3) * 100) / 100;
const model = fitModel(sections, { penalty, threshold, doubtfulFrom });
const held = heldOutProbabilities(sections, penalty);
const missed = held.flatMap(({ section, probabilities }) => section.rows.filter((r, i) => r.source && probabilities[i]! < threshold).map((_, i) => probabilities[i]!));
const listed = held.flatMap(({ section, probabilities }) => section.rows.filter((_, i) => probabilities[i]! >= doubtfulFrom && probabilities[i]! < threshold));
console.log(`chosen: penalty ${penalty}, threshold ${threshold} (${best!.exact} of ${sections.length} sections exact, ${best!.extra} extra, cross-validated)`);
console.log(`doubtful from ${doubtfulFrom}: ${listed.length} candidates listed, ${listed.filter((r) => r.source).length} of them sources; ${missed.length} sources missed in all`);
fs.writeFileSync(path.join(projectRoot, 'src/reader/parse/source-weights.json'), `${JSON.stringify(model, null, 1)}\n`);
console.log(`wrote src/reader/parse/source-weights.json (${Object.keys(model.source.weights).length} source weights, ${Object.keys(model.main.weights).length} main weights)`);
