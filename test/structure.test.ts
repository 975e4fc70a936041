// Structure recognition measured against the hand labels in test/fixtures/labels/ (one file per
// corpus issue: each paragraph's kind, section starts and sources). The targets are the ones the
// archive promises its readers; `npm run score` prints the same figures.
import { describe, expect, it } from 'vitest';
import { f1, HELD_OUT, labelledNumbers, precision, recall, scoreIndex, scoreIssue, scoreSources, sum } from '../scripts/labels.js';
import { issueWith, parseOne, renderIssuePages, articleBody } from './helpers/issues.js';
import { pageText } from './helpers/verbatim.js';

const numbers = labelledNumbers();
const asWritten = numbers.map((n) => scoreIssue(n, 'as-written'));
const flat = numbers.map((n) => scoreIssue(n, 'flat'));
const developed = (scores: typeof flat) => scores.filter((s) => s.number !== HELD_OUT);
const heldOut = (scores: typeof flat) => scores.filter((s) => s.number === HELD_OUT);

describe('the labelled corpus', () => {
  it('covers the four corpus issues, the held-out one included', () => {
    expect(numbers).toEqual([21, 22, 23, 56]);
  });
});

describe('quotes against the author’s commentary', () => {
  it('reach F1 ≥ 0.95 on all labelled issues, as archived and flattened', () => {
    for (const scores of [asWritten, flat]) {
      const quotes = sum(scores).quotes;
      expect(f1(quotes)).toBeGreaterThanOrEqual(0.95);
      expect(precision(quotes)).toBeGreaterThanOrEqual(0.95);
      expect(recall(quotes)).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('hold on the issue kept out of development', () => {
    expect(f1(sum(heldOut(asWritten)).quotes)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('section boundaries', () => {
  it('follow the author’s breaks exactly where the export has them', () => {
    for (const score of asWritten.filter((s) => s.number !== 56)) expect(f1(score.boundaries), `No ${score.number}`).toBe(1);
  });

  it('are found with F1 ≥ 0.85 in flat exports (all four issues with their blank lines removed)', () => {
    expect(f1(sum(flat).boundaries)).toBeGreaterThanOrEqual(0.85);
    expect(f1(sum(developed(flat)).boundaries)).toBeGreaterThanOrEqual(0.85);
  });

  it('are found in the flat export of the held-out issue too (F1 ≥ 0.75)', () => {
    expect(f1(sum(heldOut(flat)).boundaries)).toBeGreaterThanOrEqual(0.75);
  });
});

describe('lists and the support block', () => {
  it('are recognised without a miss or a false alarm', () => {
    const all = sum(asWritten);
    expect(all.lists).toEqual({ right: 11, total: 11 });
    expect(all.support).toEqual({ right: 4, total: 4 });
  });
});

describe('sources', () => {
  const scores = numbers.map((n) => scoreSources(n));
  const total = (pick: (s: (typeof scores)[number]) => { right: number; total: number }) =>
    scores.reduce((sum, s) => ({ right: sum.right + pick(s).right, total: sum.total + pick(s).total }), { right: 0, total: 0 });

  it('are exactly the labelled ones in at least 90 % of the sections (read with the labelled breaks)', () => {
    const sections = total((s) => s.sections);
    expect(sections.total).toBe(41);
    expect(sections.right / sections.total).toBeGreaterThanOrEqual(0.9);
  });

  it('are people or outlets as labelled in at least 95 % of the names found', () => {
    const kinds = total((s) => s.kinds);
    expect(kinds.right / kinds.total).toBeGreaterThanOrEqual(0.95);
  });

  it('fill the source index with no name that is not a labelled source, and with nearly all that are', () => {
    const index = scoreIndex(scores);
    expect(index.notSources).toEqual([]);
    expect(index.listed.right / index.listed.total).toBeGreaterThanOrEqual(0.95);
  });

  it('give the heading its main source in flat exports too, where the parser finds the sections', () => {
    const main = sum(flat).sources;
    expect(main.right / main.total).toBeGreaterThanOrEqual(0.8);
  });
});

describe('the author’s overrides', () => {
  it('a line starting with "> " is a quote, shown without the marker', async () => {
    const issue = parseOne(issueWith(9, 'Ich finde das wichtig.', '> Das hier ist ein Zitat, auch wenn es nach mir klingt.', 'Und weiter.'));
    const blocks = issue.sections.flatMap((s) => s.blocks);
    expect(blocks.map((b) => b.kind)).toEqual(['commentary', 'quote', 'commentary']);
    const html = articleBody((await renderIssuePages([issue])).get(9)!);
    expect(html).toMatch(/<blockquote>\s*<p>Das hier ist ein Zitat, auch wenn es nach mir klingt\.<\/p>/);
    expect(pageText(html)).not.toContain('>');
  });

  it('a line of "---" starts a new section and is not shown', async () => {
    const issue = parseOne(issueWith(9, 'Ein erster Gedanke.', 'Noch einer dazu.', '---', 'Etwas ganz anderes.'));
    expect(issue.sections.map((s) => s.blocks.length)).toEqual([2, 1]);
    expect(pageText(articleBody((await renderIssuePages([issue])).get(9)!))).not.toContain('---');
  });

  it('front matter "links" turns the first occurrence of each phrase into a link', async () => {
    const text = `---\nlinks:\n  hier hören: https://example.org/podcast\n  Heise: javascript:alert(1)\n---\n${issueWith(9, 'Laut Heise ist das so. Den Podcast kann man hier hören.', 'Auch hier hören wir nichts.')}`;
    const html = articleBody((await renderIssuePages([parseOne(text)])).get(9)!);
    expect(html.match(/href="https:\/\/example\.org\/podcast"/g)).toHaveLength(1);
    expect(html).toContain('>hier hören</a>.');
    expect(html).not.toContain('javascript:');
    expect(pageText(html)).toContain('Laut Heise ist das so. Den Podcast kann man hier hören.');
  });
});
