// The words a section is about, for its heading and for finding related sections across the
// archive. Everything here depends only on the section's own text and a fixed background: how
// common a word is in German in general (so the terms of an issue never change when another issue
// is added, and an issue's model stays valid in the build cache).
// Note: the background is the frequency-ranked German word lists of @zxcvbn-ts/language-de (from
// film subtitles and from Wikipedia, about 77 000 words). A word's rank r in such a list is about
// inversely proportional to its frequency (Zipf), so ln r measures how much a word says; a word
// on neither list (a name, a compound, a term of art) says the most.

import { dictionary } from '@zxcvbn-ts/language-de';

/** Rank of every word on the background lists (lower case; the subtitle list's rank first). */
let ranks: Map<string, number> | undefined;

function backgroundRanks(): Map<string, number> {
  if (ranks) return ranks;
  ranks = new Map();
  // Note: the lists hold no word twice: the Wikipedia list leaves out the subtitle list's words.
  // Its ranks are counted on after the subtitle list's, which is the better guide for everyday words.
  let rank = 1;
  for (const word of dictionary.commonWords) if (!ranks.has(word)) ranks.set(word, rank++);
  for (const word of dictionary.wikipedia) if (!ranks.has(word)) ranks.set(word, rank++);
  return ranks;
}

/** A word's rank among German words by frequency (1: the commonest), or undefined when it is on no list. */
export function backgroundRank(word: string): number | undefined {
  return backgroundRanks().get(word.toLowerCase());
}

/** Words among the commonest this many of German say nothing about a topic. */
const COMMON_RANK = 150;
/** The weight of a word on no background list (a name, a compound, a term of art). */
const UNKNOWN_WEIGHT = Math.log(200_000);

/** How much a word says about a topic: ln of its background rank; 0 for the commonest words. */
export function informativeness(word: string): number {
  const rank = backgroundRank(word);
  if (rank === undefined) return UNKNOWN_WEIGHT;
  return rank <= COMMON_RANK ? 0 : Math.log(rank);
}

/**
 * Words of the newsletter's form rather than its topics: what the author points at (`Artikel`,
 * `Podcast`), his greeting, and the names of the newsletter.
 */
const FORM_WORDS = new Set(
  ('artikel text texte essay essays interview interviews paper podcast podcasts newsletter newsletters buch bücher stück ' +
    'thread threads video videos videoessay ausgabe ausgaben blogpost blogposts post posts tweet tweets beitrag beiträge ' +
    'folge folgen episode teil teile serie link links krasse zitat zitate kommentar analyse analysen studie studien ' +
    'recherche bericht berichte meldung kolumne rezension vortrag talk seite seiten website blog substack youtube ' +
    'willkommen hallo dank danke leute leser leserin leserinnen absatz abschnitt überschrift').split(' '),
);

/**
 * The commonest English words: quotes are often English, and these say nothing about a topic.
 * Note: a fixed list (the closed-class words and commonest verbs and nouns of English), so that
 * English quotes weigh like German text without a second background list.
 */
const ENGLISH_COMMON = new Set(
  ('the of and to a in is that it for on with as are be this by not but or have from they at an their we has which ' +
    'will its can been than what when who would there into our also these only such one all if about how were do ' +
    'he she you his her them more most other some any those where while because should could then just over after ' +
    'before being through very does did had my me i your us no up out new like so was said says say get got make made ' +
    'many much even still well now way ways time times year years people thing things first two three last next between ' +
    'each both same own back down off here why too may might must shall let see seen know known take taken come came ' +
    'going go goes gone want need use used using work works part since however though although yet every another ' +
    'around against across without within among under again ever never always often less least few lot lots really ' +
    'something anything nothing everything someone anyone everyone us them themselves itself himself herself think ' +
    'thought look looks looked give given gave find found tell told become became becomes seem seems seemed keep kept ' +
    'put puts long great good better best big small large high low old right left end point case fact').split(' '),
);

/** A word: letters and digits, joined by hyphens or apostrophes inside (`KI-Hype`, `GPT-4`, `Trump’s`). */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
/** What may stand between the end of a sentence and the next word: spaces, quotation marks, brackets. */
const OPENERS = /[\s„“”"»«‚‘’'(\[–—-]/u;

export interface Token {
  /** The word as written. */
  word: string;
  /** True when the word opens a sentence (first in the paragraph, or after `.`, `!`, `?`, `:`). */
  opensSentence: boolean;
  /** True when only a space separates the word from the one before (`Elon Musk`, not `Musk, Elon`). */
  joined: boolean;
}

/** The words of a text, with whether each opens a sentence. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let end = -1;
  for (const match of text.matchAll(WORD)) {
    let i = match.index - 1;
    while (i >= 0 && OPENERS.test(text[i]!)) i--;
    const between = text.slice(end, match.index);
    tokens.push({ word: match[0], opensSentence: i < 0 || '.!?:…'.includes(text[i]!), joined: end >= 0 && (between === ' ' || between === '\u00a0') });
    end = match.index + match[0].length;
  }
  return tokens;
}

/** Whether a word is a common first name (`Anne`, `Johannes`). */
export function isFirstName(word: string): boolean {
  firstNames ??= new Set(dictionary.firstnames);
  return firstNames.has(word.toLowerCase());
}
let firstNames: Set<string> | undefined;

/** German and English inflection endings, longest first, stripped to group a word's forms. */
const ENDINGS = ['ern', 'en', 'er', 'es', 'e', 'n', 's'];

/**
 * A key shared by the forms of a word (`Projekt`, `Projekte`, `Projekts` → `projekt`): lower case,
 * one inflection ending stripped from words long enough to have one.
 */
export function stem(word: string): string {
  // The plural of an abbreviation: `LLMs`, `KIs`.
  if (/^\p{Lu}[\p{Lu}\d-]+s$/u.test(word)) return word.slice(0, -1).toLowerCase();
  const lower = word.toLowerCase();
  if (lower.length < 6 || /\d/.test(lower)) return lower;
  for (const ending of ENDINGS) if (lower.endsWith(ending) && lower.length - ending.length >= 5) return lower.slice(0, -ending.length);
  return lower;
}

/** Whether a word carries no topic: too short, a number, a common word of German or English, or one of the newsletter's form. */
export function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 2 || (lower.length === 2 && word !== word.toUpperCase()) || /^[\d'’-]+$/.test(lower)) return true;
  if (ENGLISH_COMMON.has(lower) || FORM_WORDS.has(lower)) return true;
  const rank = backgroundRank(lower);
  return rank !== undefined && rank <= COMMON_RANK;
}

/** A paragraph of a section as the term functions need it. */
export interface TermParagraph {
  text: string;
  lang: 'de' | 'en';
}

/** How many terms of each section the model keeps for finding related sections. */
export const SECTION_TERMS = 32;

/**
 * The section's most telling terms for finding related sections: word stems with their counts,
 * at most SECTION_TERMS of them, chosen by count and background weight. Quotes and commentary
 * count alike; the names of the section's sources count twice more, as its clearest subject.
 * @param paragraphs the section's paragraphs in reading order
 * @param names the names of the section's sources (`Adam Tooze`, `New York Times`)
 */
export function sectionTerms(paragraphs: TermParagraph[], names: string[] = []): Record<string, number> {
  const counts = new Map<string, { count: number; weight: number }>();
  const add = (word: string, weight: number, times = 1) => {
    if (isFunctionWord(word)) return;
    const key = stem(word);
    const known = counts.get(key);
    if (known) known.count += times;
    else counts.set(key, { count: times, weight });
  };
  for (const paragraph of paragraphs) {
    for (const { word } of tokenize(paragraph.text)) {
      // Note: English words are not on the German background lists; they weigh as a word of
      // middling frequency, so that an English quote does not crowd out the German commentary.
      add(word, paragraph.lang === 'en' ? ENGLISH_WEIGHT : informativeness(word));
    }
  }
  for (const name of names) for (const { word } of tokenize(name)) add(word, UNKNOWN_WEIGHT, 2);
  const ranked = [...counts].map(([key, { count, weight }]) => ({ key, count, score: (1 + Math.log(count)) * weight }));
  ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return Object.fromEntries(ranked.slice(0, SECTION_TERMS).filter((t) => t.score > 0).map((t) => [t.key, t.count]));
}

/** The weight of an English word that is not among the commonest: like a German word of rank 20 000. */
const ENGLISH_WEIGHT = Math.log(20_000);
