// `npm run score [-- --verbose]`: how well the parser reads the labelled corpus issues.
// Quotes, lists and the support block are scored on the issues as archived; section boundaries
// on the flat shape (blank lines removed), where the parser must find them itself. The held-out
// issue is shown separately.

import { f1, HELD_OUT, labelledNumbers, precision, recall, scoreIssue, sum, type IssueScore } from './labels.js';

const verbose = process.argv.includes('--verbose');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ratio = ({ right, total }: { right: number; total: number }) => `${right}/${total}${total ? ` (${pct(right / total)})` : ''}`;

function line(label: string, scores: IssueScore[], boundaryScores: IssueScore[]): string {
  const all = sum(scores);
  const boundaries = sum(boundaryScores).boundaries;
  return [
    label.padEnd(22),
    `quotes P ${pct(precision(all.quotes))} R ${pct(recall(all.quotes))} F1 ${f1(all.quotes).toFixed(3)}`,
    `sections F1 ${f1(boundaries).toFixed(3)}`,
    `lists ${ratio(all.lists)}`,
    `support ${ratio(all.support)}`,
    `sources ${ratio(sum(boundaryScores).sources)}`,
  ].join(' · ');
}

const numbers = labelledNumbers();
const asWritten = new Map(numbers.map((n) => [n, scoreIssue(n, 'as-written')]));
const flat = new Map(numbers.map((n) => [n, scoreIssue(n, 'flat')]));
const pick = (map: Map<number, IssueScore>, ns: number[]) => ns.map((n) => map.get(n)!);

console.log('Parser score on the hand-labelled corpus (quotes, lists, support as archived; sections and sources on the flat shape)');
for (const n of numbers) console.log(line(`No ${n}${n === HELD_OUT ? ' (held out)' : ''}`, pick(asWritten, [n]), pick(flat, [n])));
const developed = numbers.filter((n) => n !== HELD_OUT);
console.log(line(`developed on (${developed.join(', ')})`, pick(asWritten, developed), pick(flat, developed)));
console.log(line(`held out (${HELD_OUT})`, pick(asWritten, [HELD_OUT]), pick(flat, [HELD_OUT])));
console.log(line('all labelled', pick(asWritten, numbers), pick(flat, numbers)));
console.log(line('all, flat shape', pick(flat, numbers), pick(flat, numbers)));

if (verbose) {
  for (const n of numbers) {
    const mistakes = [...new Set([...asWritten.get(n)!.mistakes, ...flat.get(n)!.mistakes.filter((m) => m.includes('section'))])];
    if (mistakes.length) console.log(`\nNo ${n}:\n  ${mistakes.join('\n  ')}`);
  }
}
