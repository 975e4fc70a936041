// `npx tsx scripts/sources/explain.ts [GROUP…] [--all]`: each section of the labelled groups named
// (`batch 5`, `No 21`; all without one), its candidates with the probability the source model
// trained without the group gives them, the labelled ones marked; only sections read wrong unless
// `--all`. To see why a candidate was taken or left out before changing a feature.

import { parseArgs } from 'node:util';
import stored from '../../src/reader/parse/source-weights.json' with { type: 'json' };
import { allGroups } from './gold.js';
import { heldOutProbabilities, labelledSections } from './training.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { all: { type: 'boolean', default: false } } });
const sections = labelledSections(allGroups());
const held = heldOutProbabilities(sections, stored.penalty);
const counters = new Map<string, number>();
for (const { section, probabilities } of held) {
  const n = (counters.get(section.group) ?? 0) + 1;
  counters.set(section.group, n);
  if (positionals.length && !positionals.includes(section.group)) continue;
  const wrong = section.rows.some((r, i) => r.source !== probabilities[i]! >= stored.threshold) || section.unreachable > 0;
  if (!wrong && !values.all) continue;
  console.log(`${section.group} §${n}${section.unreachable ? ` (${section.unreachable} labelled name(s) no candidate reads)` : ''}`);
  section.rows.forEach((r, i) => {
    const mark = r.source ? (probabilities[i]! >= stored.threshold ? '  ok ' : ' MISS') : probabilities[i]! >= stored.threshold ? ' EXTRA' : '     ';
    console.log(`${mark} ${probabilities[i]!.toFixed(2)} ${r.name}: ${r.features.join(' ')}`);
  });
}
