// The words a section is about, for its heading and for finding related sections across the
// archive. Everything here depends only on the section's own text and a fixed background: how
// common a word is in German in general (lexicon/background.ts), so the terms of an issue never
// change when another issue is added, and an issue's model stays valid in the build cache.

import { GAP_ONE_SPACE, GAP_SENTENCE_END, tokensOf as textTokens, tokenize as tokenizeText, type Tokens } from './tokens.js';
import { stemGeneration, UNKNOWN_WEIGHT, type StemRecord, type WordInfo } from './word-info.js';

export { stem, wordInfo, type WordInfo } from './word-info.js';

/** The weight of an English word that is not among the commonest: like a German word of rank 20 000. */
const ENGLISH_WEIGHT = Math.log(20_000);

export interface Token {
  /** The word as written: letters and digits, joined by hyphens or apostrophes inside (`KI-Hype`, `GPT-4`, `Trump’s`). */
  word: string;
  /** What is known of the word. */
  info: WordInfo;
  /** True when the word opens a sentence (first in the paragraph, or after `.`, `!`, `?`, `:`). */
  opensSentence: boolean;
  /** True when only a space separates the word from the one before (`Elon Musk`, not `Musk, Elon`). */
  joined: boolean;
}

/** The words of a text that can carry a topic (function words left out), with whether each opens a sentence and directly follows the word before. */
export function tokenize(text: string): Token[] {
  return topicWords(tokenizeText(text));
}

function topicWords({ words, gaps }: Tokens): Token[] {
  const kept: Token[] = [];
  for (let k = 0; k < words.length; k++) {
    const info = words[k]!;
    if (info.functionWord) continue;
    // (Joined only to a word kept itself: a left-out word between two parts no name.)
    const joined = k > 0 && !words[k - 1]!.functionWord && (gaps[k]! & GAP_ONE_SPACE) !== 0;
    kept.push({ word: info.word, info, opensSentence: (gaps[k]! & GAP_SENTENCE_END) !== 0, joined });
  }
  return kept;
}

/** A paragraph of a section as the term functions need it. */
export interface TermParagraph {
  text: string;
  lang: 'de' | 'en';
  /** A quote (in the author's language or not): its words are the source's, not the author's. */
  quoted?: boolean;
  /** Its words, once tokenised (see tokensOf). */
  tokens?: Token[];
}

/** A paragraph's words, from the paragraph's one tokenization (tokens.ts). */
export function tokensOf(paragraph: TermParagraph): Token[] {
  return (paragraph.tokens ??= topicWords(textTokens(paragraph.text)));
}

/** Scans sectionTerms has made (see WordInfo.scan). */
let scans = 0;

/** How many terms of each section the model keeps for finding related sections. */
export const SECTION_TERMS = 32;

/**
 * The section's most telling terms for finding related sections: word stems with their counts,
 * at most SECTION_TERMS of them, chosen by count and background weight. Quotes and commentary
 * count alike; the names of the section's sources count twice more, as its clearest subject.
 * @param paragraphs the section's paragraphs in reading order
 * @param names the names of the section's sources (`Adam Tooze`, `New York Times`)
 * @returns `stem:count` pairs separated by spaces, the most telling first (see Section.terms)
 */
export function sectionTerms(paragraphs: TermParagraph[], names: string[] = []): string {
  // Note: counted on the words' own records (a number per scan marks which count is current), not
  // in a map: the parser does this for every word of every issue. Forms of a word are merged after.
  const scan = ++scans;
  const seen: WordInfo[] = [];
  for (const paragraph of paragraphs) {
    const inEnglish = paragraph.lang === 'en';
    for (const { info } of tokensOf(paragraph)) {
      if (info.scan !== scan) {
        info.scan = scan;
        info.count = 0;
        info.english = false;
        seen.push(info);
      }
      info.count++;
      // English words weigh like a German word of middling frequency (see ENGLISH_WEIGHT).
      if (inEnglish) info.english = true;
    }
  }
  const stems: StemRecord[] = [];
  let older = false;
  const add = (record: StemRecord, count: number, weight: number) => {
    if (record.scan !== scan) {
      record.scan = scan;
      record.count = 0;
      record.weight = weight;
      stems.push(record);
      older ||= record.generation !== stemGeneration;
    } else record.weight = Math.max(record.weight, weight);
    record.count += count;
  };
  for (const info of seen) add(info.stemRecord, info.count, info.english && info.unknown ? ENGLISH_WEIGHT : info.weight);
  // The sources' names count twice more.
  for (const name of names) for (const { info } of tokenize(name)) if (!info.functionWord) add(info.stemRecord, 2, UNKNOWN_WEIGHT);
  return bestTerms(older ? mergedByKey(stems) : stems)
    .map((t) => `${t.key}:${t.count}`)
    .join(' ');
}

/** The SECTION_TERMS stems of the best score ((1 + ln count) × weight, above 0), the best first, ties by key. */
function bestTerms(stems: { key: string; count: number; weight: number }[]): { key: string; count: number; score: number }[] {
  const best: { key: string; count: number; score: number }[] = [];
  const before = (a: { key: string; score: number }, b: { key: string; score: number }) => a.score > b.score || (a.score === b.score && a.key < b.key);
  for (const { key, count, weight } of stems) {
    const score = (1 + Math.log(count)) * weight;
    const last = best[SECTION_TERMS - 1];
    if (!(score > 0) || (last && (score < last.score || (score === last.score && key > last.key)))) continue;
    const term = { key, count, score };
    // Note: kept in order by insertion, not sorted at the end: a section has hundreds of stems, the model keeps 32.
    let at = best.length === SECTION_TERMS ? SECTION_TERMS - 1 : best.length;
    while (at > 0 && before(term, best[at - 1]!)) at--;
    if (best.length === SECTION_TERMS) best.pop();
    best.splice(at, 0, term);
  }
  return best;
}

/** Stems counted on records of two generations (the word caches were emptied meanwhile), merged by their key. */
function mergedByKey(stems: StemRecord[]): { key: string; count: number; weight: number }[] {
  const byKey = new Map<string, { key: string; count: number; weight: number }>();
  for (const { key, count, weight } of stems) {
    const known = byKey.get(key);
    if (known) {
      known.count += count;
      known.weight = Math.max(known.weight, weight);
    } else byKey.set(key, { key, count, weight });
  }
  return [...byKey.values()];
}

/** The `stem:count` pairs of Section.terms. */
export function termCounts(terms: string): [stem: string, count: number][] {
  if (!terms) return [];
  return terms.split(' ').map((pair) => {
    const colon = pair.lastIndexOf(':');
    return [pair.slice(0, colon), Number(pair.slice(colon + 1))];
  });
}
