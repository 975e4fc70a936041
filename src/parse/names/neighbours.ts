// The words next to a name that stand between it and its verb (adverbs, an apposition, where a
// person works), and the verbs and words of time that tell a place or outlet from a name in passing.

import { isRole } from '../lexicon.js';
import { adjectiveLike, ARTICLE, verbLike } from './grammar.js';
import { nameLike } from './runs.js';
import { type Token } from './types.js';

/** Adverbs (and `es`) that may stand between a verb and the name after it (`versucht auch Ryan Broderick`, `fasst es X zusammen`). */
export const BETWEEN_VERB_AND_NAME = new Set(['auch', 'nun', 'jetzt', 'noch', 'ja', 'dann', 'hier', 'gleich', 'prompt', 'ebenfalls', 'wieder', 'sogar', 'selbst', 'etwa', 'gerade', 'zurecht', 'treffend', 'schon', 'bereits', 'es']);

/** Verbs an outlet does: `Die Zeit berichtet`, `Der Spiegel schreibt`. */
export const PUBLISHES = /^(?:berichte[t]?|berichtete|schreibt|schrieb|meldet|meldete|titelt|titelte|veröffentlicht|veröffentlichte|bringt|brachte|kommentiert|zitiert|zitierte|enthüllt|recherchiert|analysiert)$/;

/**
 * Where the verb stands after an apposition that describes a person (`, ehemalige EU-Abgeordnete,`):
 * a role among at most five words, closed by a comma; undefined if the words after the name are no such thing.
 */
export function appositionEnd(tokens: Token[], start: number): number | undefined {
  let role = false;
  for (let k = start; k < tokens.length && k < start + 5; k++) {
    const t = tokens[k]!;
    if (t.quoted || t.sentenceEnd) return undefined;
    if (isRole(t.word)) role = true;
    else if (!(ARTICLE.has(t.lower) || adjectiveLike(t) || t.cap || /^(?:von|vom|bei|beim|der|des|und)$/.test(t.lower))) return undefined;
    if (t.clauseEnd) return role && t.post === ',' && tokens[k + 1] && verbLike(tokens[k + 1]!) ? k + 1 : undefined;
  }
  return undefined;
}

/** Words of time that open a sentence as a place does (`Im Januar schreibt …`): no outlet. */
export const TIME_WORD = /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|frühjahr|frühling|sommer|herbst|winter|jahr|monat|moment|augenblick|rahmen|grunde|prinzip|vorfeld|laufe|zuge|namen|gegenteil|übrigen|allgemeinen|wesentlichen|ernst)$/;

/** The index of the last word of the name run starting at `start` (adverbs before it skipped). */
export function nameEndAt(tokens: Token[], start: number): number {
  let k = start;
  while (k < tokens.length && BETWEEN_VERB_AND_NAME.has(tokens[k]!.lower)) k++;
  while (k + 1 < tokens.length && nameLike(tokens[k + 1]) && !tokens[k]!.clauseEnd) k++;
  return k;
}

/** Where the verb stands after a name of capitalised words from `start` (`Axios rechnet`); undefined if none follows. */
export function nameEnd(tokens: Token[], start: number): number | undefined {
  let k = start;
  while (k < tokens.length && k < start + 4 && nameLike(tokens[k]) && !tokens[k]!.clauseEnd) k++;
  return k > start && tokens[k] && !tokens[k - 1]!.clauseEnd && verbLike(tokens[k]!) ? k : undefined;
}
