// The sentence and clause around a word: its words, its predicate, whether it has a verb, opens
// with the name, recommends a piece, or cites earlier background.

import { isFunctionWord, isPiece, RECOMMENDS } from '../lexicon.js';
import { adjectiveLike, ARTICLE, COORDINATING, hasFiniteVerb, STRONG_PAST, SUBORDINATE, verbLike } from './grammar.js';
import { type Shape, type Token } from './types.js';

/**
 * Cited as background: `wie schon X bemerkte`, `hatte ja bereits X beobachtet` (`schon`/`bereits`
 * with a verb in the past), not `X sieht die USA bereits als …`.
 */
export function background(tokens: Token[], i: number): boolean {
  const clause = clauseOf(tokens, i);
  // Remembered: `X hat einmal geschrieben`, `schrieb X vor Jahren`, `damals`.
  if (clause.some((t, k) => REMEMBERED.test(t.lower) || (t.lower === 'vor' && [clause[k + 1], clause[k + 2]].some((w) => /^(?:jahren|jahrzehnten|langer)$/.test(w?.lower ?? '')))))
    return clause.some((t) => !t.cap && (/^(?:hat|haben|hatte|hatten)$/.test(t.lower) || STRONG_PAST.test(t.lower) || (/te$/.test(t.lower) && verbLike(t))));
  if (!clause.some((t) => t.lower === 'bereits' || t.lower === 'schon')) return false;
  return clause.some((t) => !t.cap && (/^(?:hatte|hatten|war|waren|wurde|wurden)$/.test(t.lower) || STRONG_PAST.test(t.lower) || (/te$/.test(t.lower) && verbLike(t))));
}

/** Words that place what someone said in the past, remembered rather than presented. */
const REMEMBERED = /^(?:einmal|einst|damals|seinerzeit|früher)$/;

/** The words of the clause a token stands in. */
export function clauseOf(tokens: Token[], i: number): Token[] {
  const clause = tokens[i]!.clause;
  let a = i;
  let b = i;
  while (a > 0 && tokens[a - 1]!.clause === clause) a--;
  while (b < tokens.length - 1 && tokens[b + 1]!.clause === clause) b++;
  return tokens.slice(a, b + 1);
}

/** The words after a name up to the end of its clause or a new subject (`… und die Crypto-Bros sind`). */
export function predicateAfter(tokens: Token[], end: number): Token[] {
  const words: Token[] = [];
  for (let i = end; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (COORDINATING.has(t.lower) && (tokens[i + 1]?.cap || ARTICLE.has(tokens[i + 1]?.lower ?? ''))) break;
    if (SUBORDINATE.has(t.lower)) break;
    words.push(t);
    if (t.clauseEnd) break;
  }
  return words;
}

export function sentenceOf(tokens: Token[], i: number): Token[] {
  const { start, end } = tokens[i]!.info;
  return tokens.slice(start, end);
}

/** Whether the sentence of word `i` has a finite verb (asked once per sentence). */
export function sentenceHasVerb(tokens: Token[], i: number): boolean {
  const info = tokens[i]!.info;
  info.verb ??= hasFiniteVerb(tokens.slice(info.start, info.end));
  return info.verb;
}

/** Whether the sentence of word `i` recommends a piece (`lesenswert`). */
export function recommends(tokens: Token[], i: number): boolean {
  const info = tokens[i]!.info;
  info.recommends ??= tokens.slice(info.start, info.end).some((t) => RECOMMENDS.test(t.lower));
  return info.recommends;
}

/** Whether a piece stands after an indefinite article (and adjectives), as an object: `eine lange Recherche`. */
export function indefiniteBefore(words: Token[], piece: Token): boolean {
  let k = words.indexOf(piece) - 1;
  while (k >= 0 && adjectiveLike(words[k]!)) k--;
  return k >= 0 && /^(?:ein|eine|einen|einer|einem)$/.test(words[k]!.lower);
}

/** Whether the clause of the verb at `w` has a subject before it: a name or a personal pronoun opening the clause. */
export function subjectBefore(tokens: Token[], w: number, names: Map<number, Shape>): boolean {
  let cs = w;
  while (cs > 0 && !tokens[cs - 1]!.clauseEnd && !COORDINATING.has(tokens[cs - 1]!.lower)) cs--;
  // (Not `Das schreibt Charlie Beispiel`, where `das` is the object.)
  if (/^(?:er|sie|es|ich|wir|man|ihr|du|die|der)$/.test(tokens[cs]?.lower ?? '') && cs === w - 1) return true;
  // German puts the verb right after a subject that opens the clause.
  const name = names.get(w - 1);
  return Boolean(name && clauseStart(tokens, w - 1 - (name.name.split(' ').length - 1), w - 1 - (name.name.split(' ').length - 1)));
}

/**
 * Whether a name opens its clause: at the start of a sentence or clause, after an article,
 * adjectives, a role or descriptor, a coordinating conjunction, or a possessive outlet
 * (`und The Atlantics‘ Charlie Warzel trommelte`).
 */
export function clauseStart(tokens: Token[], s: number, runStart: number): boolean {
  let k = Math.min(s, runStart) - 1;
  for (;;) {
    // (And past a medium's kind before the name: `Die Wochenzeitung Die Zeit hat …`.)
    while (
      k >= 0 &&
      !tokens[k]!.clauseEnd &&
      (ARTICLE.has(tokens[k]!.lower) ||
        adjectiveLike(tokens[k]!) ||
        /^(?:auch|nun|jetzt|zuletzt|dann|hier|schon|bereits|einst|sogar|selbst)$/.test(tokens[k]!.lower) ||
        (tokens[k]!.cap && isPiece(tokens[k]!.word)))
    )
      k--;
    if (k >= 0 && tokens[k]!.apostrophe) {
      k--;
      while (k >= 0 && tokens[k]!.cap && !tokens[k]!.clauseEnd) k--;
      continue;
    }
    break;
  }
  return (
    k < 0 ||
    tokens[k]!.clauseEnd ||
    COORDINATING.has(tokens[k]!.lower) ||
    (tokens[k]!.sentenceStart && tokens[k]!.cap && isFunctionWord(tokens[k]!.word) && /^(?:auch|nun|jetzt|zuletzt|und|aber|doch|dann)$/.test(tokens[k]!.lower))
  );
}
