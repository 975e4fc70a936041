// `npm run score [-- --verbose]`: how well the parser reads the labelled corpus issues.
// Quotes, lists and the support block are scored on the issues as archived; section boundaries
// on the flat shape (blank lines removed), where the parser must find them itself. The held-out
// issue is shown separately. Sources are scored on the issues read with the labelled section
// breaks (the shape the author's breaks give): sections whose sources are exactly the labelled
// ones, names found, the kind (person or outlet) of each, and what the source index lists that is
// no labelled source (people in the news, phrases). The source finder is rules and word lists,
// nothing fitted to the corpus, so there is nothing to cross-validate.

import { f1, HELD_OUT, labelledNumbers, precision, recall, scoreIndex, scoreIssue, scoreSources, sum, type IssueScore, type SourceScore } from './labels.js';

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
    `main source ${ratio(sum(boundaryScores).sources)}`,
  ].join(' · ');
}

function sourceLine(label: string, scores: SourceScore[]): string {
  const add = (pick: (s: SourceScore) => { right: number; total: number }) =>
    scores.reduce((total, s) => ({ right: total.right + pick(s).right, total: total.total + pick(s).total }), { right: 0, total: 0 });
  return [
    label.padEnd(22),
    `sections exact ${ratio(add((s) => s.sections))}`,
    `names found ${ratio(add((s) => s.found))}`,
    `extra ${scores.reduce((n, s) => n + s.extra, 0)}`,
    `person/outlet right ${ratio(add((s) => s.kinds))}`,
  ].join(' · ');
}

const numbers = labelledNumbers();
const asWritten = new Map(numbers.map((n) => [n, scoreIssue(n, 'as-written')]));
const flat = new Map(numbers.map((n) => [n, scoreIssue(n, 'flat')]));
const sources = new Map(numbers.map((n) => [n, scoreSources(n)]));
const pick = <T>(map: Map<number, T>, ns: number[]) => ns.map((n) => map.get(n)!);

console.log('Parser score on the hand-labelled corpus (quotes, lists, support as archived; sections and the main source on the flat shape)');
for (const n of numbers) console.log(line(`No ${n}${n === HELD_OUT ? ' (held out)' : ''}`, pick(asWritten, [n]), pick(flat, [n])));
const developed = numbers.filter((n) => n !== HELD_OUT);
console.log(line(`developed on (${developed.join(', ')})`, pick(asWritten, developed), pick(flat, developed)));
console.log(line(`held out (${HELD_OUT})`, pick(asWritten, [HELD_OUT]), pick(flat, [HELD_OUT])));
console.log(line('all labelled', pick(asWritten, numbers), pick(flat, numbers)));
console.log(line('all, flat shape', pick(flat, numbers), pick(flat, numbers)));

console.log('\nSources, read with the labelled section breaks (rules and word lists: nothing fitted, nothing to cross-validate)');
for (const n of numbers) console.log(sourceLine(`No ${n}`, pick(sources, [n])));
console.log(sourceLine('all labelled', pick(sources, numbers)));
const index = scoreIndex(pick(sources, numbers));
console.log(
  `source index: ${index.entries} entries · labelled sources listed ${ratio(index.listed)} · not a labelled source (people in the news, phrases; 0 wanted): ${index.notSources.length}${index.notSources.length ? ` (${index.notSources.join(', ')})` : ''}`,
);

if (verbose) {
  for (const n of numbers) {
    const mistakes = [...new Set([...asWritten.get(n)!.mistakes, ...flat.get(n)!.mistakes.filter((m) => m.includes('section'))]), ...sources.get(n)!.mistakes.map((m) => `sources ${m}`)];
    if (mistakes.length) console.log(`\nNo ${n}:\n  ${mistakes.join('\n  ')}`);
  }
}
