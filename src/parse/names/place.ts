// Where a name stands in its sentence: the words around it that the constructions (constructions.ts,
// verbs.ts) read: the word that governs it, the word after it (past a bracket, an apposition or
// where the person works), its clause, predicate and sentence.

import { isPiece, isReportingVerb } from '../lexicon.js';
import { clauseOf, predicateAfter, sentenceOf } from './clauses.js';
import { adjectiveLike, ARTICLE, POSSESSIVE_PRONOUN } from './grammar.js';
import { appositionEnd, nameEnd } from './neighbours.js';
import { type NameKind, type NameWords, type Run, type Shape, type Token } from './types.js';

/** A value computed when first asked for. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

/** What the position of a name says, and the construction that read it (a feature of the source model: `subject-reporting`). */
export interface Evidence {
  construction: string;
  why: string;
  strong: boolean;
  presents: boolean;
  speaks?: boolean;
  /** The verb it speaks with, when there is one. */
  verb?: string;
  kind?: NameKind;
  kindSure?: boolean;
  /** A name of common words is accepted here (`in Analyse und Kritik`, `Die Zeit mit …`). */
  allowsPhrase?: boolean;
  /** The name without its possessive ending (`Googles Paper`). */
  possessive?: string;
  /** Named in passing: in no construction of a speaker or publisher (`Elon Musks Tochter`, `in Leipzig`). */
  passing?: boolean;
}

/**
 * The words around a name (its first word `s`, its last, the names by the index of their last word):
 * the word after it, past a bracket, an apposition or an affiliation (none after a clause end); the
 * word `governor` (at `g`) that governs it, past articles, `sein`/`ihr` and adjectives; the word
 * right `before` it; whether it is a single common noun (`der Zeit`); its clause, predicate, sentence.
 */
export interface Place {
  tokens: Token[];
  run: Run;
  part: Run;
  n: NameWords;
  shape: Shape;
  names: Map<number, Shape>;
  s: number;
  last: Token;
  after?: Token;
  apposition?: number;
  affiliationEnd?: number;
  governor?: Token;
  g: number;
  before?: Token;
  singleNoun: boolean;
  clause: () => Token[];
  predicate: () => Token[];
  sentence: () => Token[];
}

export function placeOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run): Place {
  const s = n.first;
  const last = tokens[part.end - 1]!;
  // A bracket after the name (`Paul Krugman (NYT) über …`) does not stand between it and its verb.
  let a = run.end;
  while (a < tokens.length && tokens[a]!.paren && !last.clauseEnd) a++;
  const afterParen = a > run.end && tokens[a - 1]!.post.includes(')') && !tokens[a - 1]!.sentenceEnd;
  // An apposition after the name (`Marietje Probe, ehemalige EU-Abgeordnete, argumentiert …`) does not either.
  const apposition = last.clauseEnd && !afterParen && last.post === ',' ? appositionEnd(tokens, run.end) : undefined;
  if (apposition !== undefined) a = apposition;
  // Nor where the person works (`Felix Probe von Axios rechnet vor`).
  const affiliationEnd = !last.clauseEnd && shape.kind === 'person' && /^(?:von|vom)$/.test(tokens[a]?.lower ?? '') && a === run.end ? nameEnd(tokens, a + 1) : undefined;
  if (affiliationEnd !== undefined) a = affiliationEnd;
  const after = last.clauseEnd && !afterParen && apposition === undefined ? undefined : tokens[a];
  // The word that governs the name: before the descriptor dropped from the run (`der bekannten Venture
  // Capitalistbude Sequoia`), and before articles, `sein`/`ihr` and adjectives (`auf seinem Substack`).
  let g = Math.min(s, part.start) - 1;
  for (let skipped = 0; g >= 0 && skipped < 6 && !tokens[g]!.clauseEnd && (ARTICLE.has(tokens[g]!.lower) || (POSSESSIVE_PRONOUN.test(tokens[g]!.lower) && part.start === s) || adjectiveLike(tokens[g]!)); skipped++) g--;
  return {
    tokens, run, part, n, shape, names, s, last, g,
    ...(after ? { after } : {}),
    ...(apposition !== undefined ? { apposition } : {}),
    ...(affiliationEnd !== undefined ? { affiliationEnd } : {}),
    ...(g >= 0 && !tokens[g]!.clauseEnd ? { governor: tokens[g]! } : {}),
    ...(s > 0 && !tokens[s - 1]!.clauseEnd ? { before: tokens[s - 1]! } : {}),
    singleNoun: shape.phrase && n.words.filter((t) => t.cap).length === 1,
    // Note: computed when first asked; most names are decided before they are needed.
    clause: once(() => clauseOf(tokens, s)),
    predicate: once(() => predicateAfter(tokens, apposition ?? affiliationEnd ?? run.end)),
    sentence: once(() => sentenceOf(tokens, s)),
  };
}

/** The first verb of saying or writing among the words. */
export const reportingIn = (words: Token[]) => words.find((t) => !t.cap && !t.quoted && isReportingVerb(t.word));
/** The first piece among the words, other than the name's own last word. */
export const pieceIn = (p: Place, words: Token[]) => words.find((t) => isPiece(t.word) && !t.quoted && t !== p.last);
/** The piece or medium at index k, if any. */
export const pieceAt = (tokens: Token[], k: number) => (k >= 0 && k < tokens.length && isPiece(tokens[k]!.word) && !tokens[k]!.quoted ? tokens[k] : undefined);
