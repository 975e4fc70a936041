// @ts-check
// "Meinten Sie …?": for the query words the archive does not have, the archive's own word closest to
// each. The build writes the archive's words beside the search index, one file per first letter,
// most frequent first (pagefind/words/f.txt; src/search/words.ts); the search page loads this module
// and the one file a word needs only when a search found nothing.

import { foldWord, queryTerms } from './search-hits.js';

/** The file a folded word's neighbours are in: its first letter (as src/search/words.ts files them). @param {string} folded */
export function wordFile(folded) {
  return /^[a-z]/.test(folded) ? folded.charAt(0) : '_';
}

/**
 * How many edits apart a word and its suggestion may be: one in a short word, two in a longer one.
 * Note: more would offer words that merely look alike (`Hallo` for `Halle`).
 * @param {number} length
 */
function allowedEdits(length) {
  return length <= 5 ? 1 : 2;
}

/**
 * The edits (a letter added, dropped or changed, or two neighbours swapped) that turn `a` into `b`
 * (optimal string alignment); `limit + 1` as soon as it is more than `limit`.
 * @param {string} a @param {string} b @param {number} limit
 */
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      let cost = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, (before[j - 2] ?? 0) + 1);
      row.push(cost);
      best = Math.min(best, cost);
    }
    if (best > limit) return limit + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The archive's word closest to a folded query word: the fewest edits (within allowedEdits), among
 * equals the most frequent (the first in the file). Undefined when none is close enough.
 * @param {string} folded @param {string[]} words the file's words, most frequent first
 */
export function closestWord(folded, words) {
  const limit = allowedEdits(folded.length);
  let best;
  let fewest = limit + 1;
  for (const word of words) {
    const distance = editDistance(folded, foldWord(word), Math.min(limit, fewest));
    // The same word folded is in the archive already: nothing to suggest for it.
    if (distance > 0 && distance < fewest) [best, fewest] = [word, distance];
    if (fewest === 1) break; // the most frequent word one edit away: none can be closer but the word itself
  }
  return best;
}

/**
 * The query with each word the archive does not have replaced by the archive's closest word, or
 * undefined when one of them has none.
 * @param {string} query as typed
 * @param {string[]} unknown the folded words the archive does not have (SearchOutcome.unknown)
 * @param {(file: string) => Promise<string[]>} loadWords a word file's words, most frequent first
 * @returns {Promise<string | undefined>}
 */
export async function suggestQuery(query, unknown, loadWords) {
  const replaced = await Promise.all(
    queryTerms(query).map(async (term) => {
      const folded = foldWord(term);
      return unknown.includes(folded) ? closestWord(folded, await loadWords(wordFile(folded))) : term;
    }),
  );
  return replaced.every((term) => term !== undefined) ? replaced.join(' ') : undefined;
}

/**
 * A search to offer instead of one that found nothing: the query with the archive's closest words,
 * when that search finds something. Undefined when there is none.
 * @template {{ issues: unknown[] }} Found
 * @param {string} query @param {string[]} unknown
 * @param {(file: string) => Promise<string[]>} loadWords
 * @param {(query: string) => Promise<Found | null>} search the search the page would make
 * @returns {Promise<{ query: string, found: Found } | undefined>}
 */
export async function suggestSearch(query, unknown, loadWords, search) {
  const suggested = await suggestQuery(query, unknown, loadWords);
  const found = suggested === undefined ? null : await search(suggested);
  return suggested !== undefined && found?.issues.length ? { query: suggested, found } : undefined;
}
