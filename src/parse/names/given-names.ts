// Given names that read as common nouns: a first name opening a name (`Wolfgang Probe`,
// `Friedhelm Muster`, `Kate Beispiel`) is no descriptor to drop before it.

import { dictionary } from '@zxcvbn-ts/language-de';
import { isListedNoun, isPiece, isRole } from '../lexicon.js';

let firstNames: Set<string> | undefined;
const known = new Map<string, boolean>();

/**
 * Whether a capitalised word opening a name may be a given name though it reads as a compound noun:
 * a listed first name (@zxcvbn-ts/language-de), or a short word that is a noun only as a compound
 * (`Wolfgang`, `Friedhelm`, `Helmut`), not one the noun list has (`Letzte`, `Woche`).
 */
export function mayBeGivenName(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    firstNames ??= new Set(dictionary.firstnames);
    answer = firstNames.has(word.toLowerCase()) || (word.length <= 9 && /^\p{Lu}\p{Ll}+$/u.test(word) && !isListedNoun(word) && !isRole(word) && !isPiece(word));
    // Note: a bound keeps an archive of unusual words from growing the cache without end.
    if (known.size >= 20_000) known.clear();
    known.set(word, answer);
  }
  return answer;
}
