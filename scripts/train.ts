// `npm run train`: fits the paragraph reader's weights to the hand labels and writes them to
// src/reader/parse/weights.json (see scripts/training.ts for the method). `-- --check` only compares.

import fs from 'node:fs';
import path from 'node:path';
import { labelledNumbers, projectRoot } from './labels.js';
import { labelledIssues, storedWeights, train } from './training.js';

const file = path.join(projectRoot, 'src/reader/parse/weights.json');
const numbers = labelledNumbers();
const trained = train(labelledIssues(numbers));
const text = `${JSON.stringify(
  storedWeights(
    trained,
    numbers.map((n) => `No ${n}`),
  ),
  null,
  2,
)}\n`;
if (process.argv.includes('--check')) {
  const same = fs.readFileSync(file, 'utf8') === text;
  console.log(same ? 'weights.json is what training gives' : 'weights.json differs from what training gives: run npm run train');
  process.exit(same ? 0 : 1);
}
fs.writeFileSync(file, text);
console.log(`Trained on ${numbers.map((n) => `No ${n}`).join(', ')}: penalty ${trained.penalty}, temperature ${trained.temperature}; wrote ${path.relative(projectRoot, file)}`);
