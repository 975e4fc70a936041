// `npx tsx scripts/sources/first-sight.ts batch-N`: one batch read as the parser reads it now, its
// figures and mistakes; run once, before anything is changed for the batch (see the batches' README).

import path from 'node:path';
import { batchGold, batchesDir } from './gold.js';
import { figuresLine, measureIssue } from './measure.js';

const name = process.argv[2] ?? 'batch-1';
const number = 950 + Number(/\d+/.exec(name)?.[0] ?? 1);
const batch = batchGold(path.join(batchesDir, `${name}.tsv`), number);
const figures = measureIssue(batch.name, batch.read(), batch.gold);
console.log(figuresLine(batch.name, figures));
if (figures.indexExtra.length) console.log(`index non-sources: ${figures.indexExtra.join(', ')}`);
for (const m of figures.mistakes) console.log(`  ${m}`);
