// How common a word is in German in general, the fixed background against which a section's words
// say what it is about; the common given names; and the words of the newsletter's own form.
// Note: the background is the frequency-ranked German word lists of @zxcvbn-ts/language-de (from
// film subtitles and from Wikipedia, about 77 000 words). A word's rank r in such a list is about
// inversely proportional to its frequency (Zipf), so ln r measures how much a word says; a word
// on neither list (a name, a compound, a term of art) says the most.

import { dictionary } from '@zxcvbn-ts/language-de';

/** Rank of every word on the background lists (lower case; the subtitle list's rank first). */
let ranks: Map<string, number> | undefined;

/** The rank of a lower-case word on the background lists; undefined on neither. */
export function backgroundRank(lower: string): number | undefined {
  if (!ranks) {
    ranks = new Map();
    // Note: the lists hold no word twice: the Wikipedia list leaves out the subtitle list's words.
    // Its ranks are counted on after the subtitle list's, which is the better guide for everyday words.
    let rank = 1;
    for (const word of dictionary.commonWords) if (!ranks.has(word)) ranks.set(word, rank++);
    for (const word of dictionary.wikipedia) if (!ranks.has(word)) ranks.set(word, rank++);
  }
  return ranks.get(lower);
}

let firstNames: Set<string> | undefined;

/** Whether a lower-case word is a common given name (`anne`, `johannes`). */
export function isFirstName(lower: string): boolean {
  firstNames ??= new Set(dictionary.firstnames);
  return firstNames.has(lower);
}

let surnames: Set<string> | undefined;

/** Whether a lower-case word is a common surname (`müller`, `walter`). */
export function isSurname(lower: string): boolean {
  surnames ??= new Set(dictionary.lastnames);
  return surnames.has(lower);
}

/**
 * Words of the newsletter's form rather than its topics: what the author points at (`Artikel`,
 * `Podcast`), his greeting, and the names of the newsletter.
 */
export const FORM_WORDS = new Set(
  (
    'artikel text texte essay essays interview interviews paper podcast podcasts newsletter newsletters buch bücher stück ' +
    'thread threads video videos videoessay ausgabe ausgaben blogpost blogposts post posts tweet tweets beitrag beiträge ' +
    'folge folgen episode teil teile serie link links krasse zitat zitate kommentar analyse analysen studie studien ' +
    'recherche bericht berichte meldung kolumne rezension vortrag talk seite seiten website blog substack youtube ' +
    'willkommen hallo dank danke leute leser leserin leserinnen absatz abschnitt überschrift'
  ).split(' '),
);
