// The doubtful list: the readings `npm run check` lists and the review in `npm run dev` highlights,
// for the author to look at first. A small model of "this reading is wrong" decides
// (src/reader/parse/doubt.ts), trained by `npm run train` on readings of issues the reader did not
// see (scripts/doubt.ts). Its cross-validated figures are held to a floor in test/structure.test.ts,
// and that training reproduces its weights is checked there too.
import { describe, expect, it } from 'vitest';
import { isDoubtful } from '../src/cli/check.js';
import { singleSource } from '../src/cli/marks.js';
import { trainedWeights } from '../src/reader/parse/classify.js';
import { DOUBT_FEATURE_NAMES, doubtFeatures, doubtOf, trainedDoubt, type DoubtModel } from '../src/reader/parse/doubt.js';
import { parseIssueWithReport } from '../src/reader/parse/index.js';
import { PAIR_FEATURE_NAMES, QUOTE_FEATURE_NAMES, START_FEATURE_NAMES } from '../src/reader/parse/scorers/index.js';
import { ANY } from '../src/reader/parse/sequence.js';
import { DOUBTFUL_SHARE, flagThreshold } from '../scripts/doubt.js';
import { issueWith } from './helpers/issues.js';

const body = [
  'Die Wired hat einen langen Text über Lieferketten veröffentlicht.',
  'Wer die Versorgung sichern will, muss die Häfen verstehen, schreibt der Autor dort.',
  'Ich finde das einleuchtend, auch wenn es etwas einseitig ist.',
];
/** A model that doubts every reading (doubt ≈ 1) and lists from `flagFrom`. */
const doubtsAll = (flagFrom: number): DoubtModel => ({ weights: DOUBT_FEATURE_NAMES.map((name) => (name === 'bias' ? 10 : 0)), flagFrom });
const read = (text: string, doubt?: DoubtModel) => parseIssueWithReport(singleSource('009.txt', text), doubt ? { ...trainedWeights(), doubt } : undefined).paragraphs;

describe('the doubtful list', () => {
  it('lists the readings the doubt model doubts, from its threshold on', () => {
    const guessed = read(issueWith(9, ...body), doubtsAll(0.5)).filter((p) => p.kind !== 'intro');
    expect(guessed.every(isDoubtful)).toBe(true);
    expect(guessed.every((p) => p.doubt > 0.99)).toBe(true);
    expect(read(issueWith(9, ...body), doubtsAll(1.01)).some(isDoubtful)).toBe(false);
  });

  it('never lists what the author marked: an issue whose marks say everything has nothing doubtful', () => {
    const reviewed = `---\nreviewed: true\n---\n${issueWith(9, body[0]!, `> ${body[1]}`, body[2]!)}`;
    const paragraphs = read(reviewed, doubtsAll(0.5));
    expect(paragraphs.map((p) => p.kind)).toEqual(['intro', 'commentary', 'quote', 'commentary']);
    expect(paragraphs.some(isDoubtful)).toBe(false);
  });

  it('doubts a reading that was a coin toss more than one the reader was sure of (the trained model)', () => {
    const zeros = (names: readonly string[]) => new Float64Array(names.length);
    const node = () => ({ quote: zeros(QUOTE_FEATURE_NAMES), start: zeros(START_FEATURE_NAMES), pair: zeros(PAIR_FEATURE_NAMES) });
    const chain = { features: [node(), node(), node()], allowed: Uint8Array.of(ANY, ANY, ANY) };
    // Probabilities of commentary, commentary opening a section, quote, quote opening a section.
    const probabilities = Float64Array.of(0.02, 0.97, 0, 0.01, 0.5, 0, 0.5, 0, 0.98, 0, 0.02, 0);
    const [, tossed, sure] = doubtFeatures(chain, probabilities).map((features) => doubtOf(trainedDoubt().weights, features));
    expect(tossed).toBeGreaterThan(sure!);
    expect(tossed).toBeGreaterThanOrEqual(trainedDoubt().flagFrom);
    expect(sure).toBeLessThan(trainedDoubt().flagFrom);
  });
});

describe('the threshold training chooses', () => {
  it('lists the most errors while listing at most one reading in seven', () => {
    // 20 readings: at most 2 may be listed; the two most doubted are both errors.
    const doubts = [0.9, 0.8, 0.7, ...Array.from({ length: 17 }, (_, i) => 0.5 - i * 0.01)];
    const wrong = doubts.map((_, i) => i < 2 || i === 5);
    expect(Math.floor(DOUBTFUL_SHARE * doubts.length)).toBe(2);
    const threshold = flagThreshold(doubts, wrong);
    expect(doubts.filter((d) => d >= threshold)).toEqual([0.9, 0.8]);
  });

  it('never splits readings of equal doubt, which would list more than it counted', () => {
    const doubts = [0.9, 0.9, 0.9, ...Array.from({ length: 17 }, () => 0.1)];
    const threshold = flagThreshold(
      doubts,
      doubts.map((d) => d > 0.5),
    );
    expect(doubts.filter((d) => d >= threshold).length).toBeLessThanOrEqual(2);
  });
});
