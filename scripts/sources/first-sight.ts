// `npx tsx scripts/sources/first-sight.ts N`: batch N read as the parser reads it now, its figures
// and mistakes; run once, before anything is changed for the batch (see the batches' README).

import { batchGroup, readIssue } from './gold.js';
import { figuresLine, measureIssue } from './measure.js';

const n = Number(/\d+/.exec(process.argv[2] ?? '1')?.[0] ?? 1);
const [issue] = batchGroup(n).issues;
const figures = measureIssue(issue!.name, readIssue(issue!).issue, issue!.gold);
console.log(figuresLine(issue!.name, figures));
if (figures.indexExtra.length) console.log(`index non-sources: ${figures.indexExtra.join(', ')}`);
for (const m of figures.mistakes) console.log(`  ${m}`);
