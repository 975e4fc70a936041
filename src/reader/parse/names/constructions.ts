// What the position of a name in its sentence says: the words around it (its place), and the
// constructions that tell a speaker or publisher from a name in passing, one function each, tried
// in order (position.ts): pieces and possessives, `laut`/`via`, `von` (an outlet after a
// preposition: prepositions.ts). Each reports what it reads as a feature of the source model; the verbs' are in position.ts.
// With them, the words that stand between a name and its verb (adverbs, an apposition, where a
// person works) and the words of time that tell a place from an outlet.

import { isPiece, isReportingVerb, isRole } from '../lexicon.js';
import { clauseOf, predicateAfter, sentenceOf } from './clauses.js';
import { adjectiveLike, ARTICLE, AUXILIARY, POSSESSIVE_PRONOUN, verbLike } from './grammar.js';
import { nameLike } from './runs.js';
import { type NameKind, type NameWords, type Run, type Shape, type Token } from './types.js';

/** A value computed when first asked for (the constructions ask for a name's clause only where they need it). */
const lazy = <T extends object>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

/**
 * What the position of a name says, and the construction that read it (a feature of the source
 * model: `subject-reporting`): the verb it speaks with; whether a name of common words is accepted
 * here (`in Analyse und Kritik`); the name without its possessive ending (`Googles Paper`); named in
 * passing, in no construction of a speaker or publisher (`Elon Musks Tochter`, `in Leipzig`).
 */
export interface Evidence {
  construction: string;
  why: string;
  strong: boolean;
  presents: boolean;
  speaks?: boolean;
  verb?: string;
  kind?: NameKind;
  kindSure?: boolean;
  allowsPhrase?: boolean;
  possessive?: string;
  passing?: boolean;
}

/**
 * The words around a name (first word `s`): the word after it, past an apposition or an
 * affiliation; the one that governs it (`governor` at `g`), past articles, `sein`/`ihr` and adjectives;
 * the word right `before` it; whether a single common noun (`der Zeit`); its clause, predicate, sentence.
 */
export type Place = ReturnType<typeof placeOf>;

export function placeOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run) {
  const s = n.first;
  const last = tokens[part.end - 1]!;
  // An apposition after the name (`Marietje Probe, ehemalige EU-Abgeordnete, argumentiert …`) does not stand between it and its verb.
  let a = run.end;
  const apposition = last.clauseEnd && last.post === ',' ? appositionEnd(tokens, run.end) : undefined;
  if (apposition !== undefined) a = apposition;
  // Nor where the person works (`Felix Probe von Axios rechnet vor`).
  const affiliationEnd = !last.clauseEnd && shape.kind === 'person' && /^(?:von|vom)$/.test(tokens[a]?.lower ?? '') && a === run.end ? nameEnd(tokens, a + 1) : undefined;
  if (affiliationEnd !== undefined) a = affiliationEnd;
  const after = last.clauseEnd && apposition === undefined ? undefined : tokens[a];
  // The word that governs the name: before the descriptor dropped from the run (`der bekannten Venture
  // Capitalistbude Sequoia`), and before articles, `sein`/`ihr` and adjectives (`auf seinem Substack`).
  let g = Math.min(s, part.start) - 1;
  for (
    let skipped = 0;
    g >= 0 && skipped < 6 && !tokens[g]!.clauseEnd && (ARTICLE.has(tokens[g]!.lower) || (POSSESSIVE_PRONOUN.test(tokens[g]!.lower) && part.start === s) || adjectiveLike(tokens[g]!));
    skipped++
  )
    g--;
  return {
    tokens,
    run,
    part,
    n,
    shape,
    names,
    s,
    last,
    g,
    after,
    governor: g >= 0 && !tokens[g]!.clauseEnd ? tokens[g] : undefined,
    before: s > 0 && !tokens[s - 1]!.clauseEnd ? tokens[s - 1] : undefined,
    singleNoun: shape.phrase && n.words.filter((t) => t.cap).length === 1,
    clause: lazy(() => clauseOf(tokens, s)),
    predicate: lazy(() => predicateAfter(tokens, apposition ?? affiliationEnd ?? run.end)),
    sentence: lazy(() => sentenceOf(tokens, s)),
  };
}

/** The first verb of saying or writing among the words. */
export const reportingIn = (words: Token[]) => words.find((t) => !t.cap && !t.quoted && isReportingVerb(t.word));
/** The first piece among the words, other than the name's own last word. */
export const pieceIn = (p: Place, words: Token[]) => words.find((t) => isPiece(t.word) && !t.quoted && t !== p.last);
/** The piece or medium at index k, if any. */
export const pieceAt = (tokens: Token[], k: number) => (k >= 0 && k < tokens.length && isPiece(tokens[k]!.word) && !tokens[k]!.quoted ? tokens[k] : undefined);

export type Construction = (p: Place) => Evidence | undefined;

/** A name in passing, read by this construction: the later ones are not tried. */
export const passing = (construction: string, why: string): Evidence => ({ construction, why, strong: false, presents: false, passing: true });

/** A possessive before a piece: `Anne Helms neuen Podcast`, `Googles Paper`; before a name: `The Atlantics‘ Charlie Warzel`. */
export const possessive: Construction = ({ tokens, part, last, shape }) => {
  if (!/s$/.test(last.word) || last.word.length <= 3 || shape.phrase) return undefined;
  let k = part.end;
  while (k < tokens.length && k < part.end + 2 && adjectiveLike(tokens[k]!) && !tokens[k - 1]!.clauseEnd) k++;
  const next = tokens[k];
  const owner = shape.name.replace(/[‘’']$/, '').replace(/s$/, '');
  if (next && isPiece(next.word) && !last.clauseEnd && !tokens[k - 1]!.clauseEnd)
    return { construction: 'possessive-piece', why: `"${shape.name} ${next.word}": a piece of theirs`, strong: true, presents: true, possessive: owner };
  if (last.apostrophe && tokens[part.end]?.cap)
    return { construction: 'possessive-outlet', why: `possessive before a name ("${shape.name}")`, strong: true, presents: true, kind: 'outlet', possessive: owner };
  return undefined;
};

/** `laut Heise`, `Laut der Zeit`, `via Fefe` (not `laut hartnäckigen Gerüchten`). */
export const lautVia: Construction = ({ governor, singleNoun, n, shape }) => {
  if (governor?.lower !== 'laut' && governor?.lower !== 'via') return undefined;
  if (singleNoun && !n.article) return passing('after-laut', `after "${governor.lower}"`);
  return {
    construction: `after-${governor.lower}`,
    why: `after "${governor.lower}"`,
    strong: true,
    presents: governor.lower === 'via',
    speaks: true,
    kind: shape.kind === 'person' ? 'person' : 'outlet',
    kindSure: shape.kind !== 'person',
    allowsPhrase: true,
  };
};

/** Named with a piece or medium: `der Newsletter SnakeOil-AI`, `die Sendung Monitor`, `eine Website aufgesetzt, FollowtheCrypto,`. */
export const namedWithMedium: Construction = ({ tokens, n, s, before, shape, last, run, singleNoun }) => {
  const namedWith = before && pieceAt(tokens, s - 1) ? before : undefined;
  // A title right after its medium may be common words (`der Podcast Lage der Nation`, `Newsletter Digitale Notizen`).
  const titleAfterMedium = singleNoun || n.words.length <= 3;
  if (namedWith && !n.role && (!shape.phrase || titleAfterMedium))
    return { construction: 'named-with-medium', why: `named with "${namedWith.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: titleAfterMedium };
  const piece = pieceAt(tokens, s - 2) ?? pieceAt(tokens, s - 3);
  if (s >= 3 && tokens[s - 1]!.clauseEnd && piece && (last.clauseEnd || run.end >= tokens.length) && !shape.phrase)
    return { construction: 'named-after-piece', why: `named after "${piece.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true };
  return undefined;
};

/** `eine Studie der Universität Oxford`, `ein Essay des Historikers …`: a piece of theirs. */
export const pieceGenitive: Construction = ({ tokens, governor, g, shape }) => {
  if (!governor || !isPiece(governor.word) || governor.quoted || !/^(?:der|des)$/.test(tokens[g + 1]?.lower ?? '') || shape.phrase) return undefined;
  // A piece about someone has them in the genitive, not its author: `ein Porträt der Lobbyistin …`.
  if (/^(?:porträt|portrait|nachruf|biografie|biographie)/.test(governor.lower)) return passing('piece-about', `"${governor.word} ${tokens[g + 1]!.word} …": whom it is about`);
  // After `des`, the name without its genitive ending (`des Fraunhofer-Instituts`).
  const genitive = tokens[g + 1]!.lower === 'des' && /\p{Ll}[^sueio]s$/u.test(shape.name) ? shape.name.slice(0, -1) : undefined;
  return { construction: 'piece-genitive', why: `"${governor.word} ${tokens[g + 1]!.word} …"`, strong: true, presents: true, speaks: true, ...(genitive ? { possessive: genitive } : {}) };
};

/** `Interview mit … Jordan Peterson`: interviewed; `im Interview mit der Zeit`: the outlet that asks; `hat mit … gesprochen`: who talks. */
export const interviewWith: Construction = (p) => {
  const { tokens, governor, g, singleNoun, n, shape } = p;
  if (governor?.lower !== 'mit') return undefined;
  const piece = pieceAt(tokens, g - 1);
  if (piece && singleNoun && n.article) return { construction: 'interview-with', why: `"${piece.word} mit …"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: true };
  if (piece && !shape.phrase) return { construction: 'interview-with', why: `"${piece.word} mit …"`, strong: true, presents: true };
  // (A plural without an article is who was asked, not who asks: `hat mit Lehrkräften gesprochen`.)
  const bare = n.words.length === 1 && !n.article && shape.kind === undefined;
  if (!shape.phrase && !bare && p.predicate().some((t) => /^(?:gesprochen|geredet|unterhalten|diskutiert|spricht|sprach|redet|redete)$/.test(t.lower)))
    return { construction: 'talked-with', why: '"mit … gesprochen"', strong: true, presents: true, speaks: true };
  return undefined;
};

/**
 * After `von`: where the person named right before works (`Felix Probe von Axios`, `vom DIW`), or the
 * agent of a passive verb of writing (`die von David Karpf auseinander genommen wird`); otherwise in
 * passing (`von Jeff Muster gekauft`).
 */
export const afterVon: Construction = (p) => {
  const { before, s, names, shape } = p;
  if (!before || (before.lower !== 'von' && before.lower !== 'vom')) return undefined;
  if (names.get(s - 2)?.kind === 'person' && !shape.phrase && shape.kind !== 'person')
    return { construction: 'affiliation', why: 'after "von" following the name', strong: true, presents: true, kind: 'outlet', kindSure: true };
  const rest = p.predicate();
  const passive = (t: { lower: string }) => /^(?:wird|werden|wurde|wurden|worden|lassen|ließ|lässt)$/.test(t.lower);
  if (!shape.phrase && (rest.some(passive) || p.clause().slice(0, p.clause().indexOf(before)).some(passive)) && reportingIn(rest))
    return { construction: 'passive-agent', why: 'agent after "von"', strong: true, presents: false, speaks: true };
  return passing('after-von', 'after "von"');
};

/** The subject of a relative clause about a piece: `ein Gespräch, das Tilo Probe mit … geführt hat`, `im Quartalsbericht, den CNBC zusammengefasst hat`. */
export const relativeAboutPiece: Construction = (p) => {
  const { tokens, before, s, shape, last } = p;
  if (!before || !/^(?:das|den|die|der)$/.test(before.lower) || tokens[s - 2]?.post !== ',' || !tokens[s - 2] || !isPiece(tokens[s - 2]!.word) || shape.phrase) return undefined;
  const rest = p.clause().slice(p.clause().indexOf(last) + 1);
  const verb = rest[rest.length - (AUXILIARY.test(rest[rest.length - 1]?.lower ?? '') ? 2 : 1)];
  if (!verb || verb.cap || !(isReportingVerb(verb.word) || /^(?:geführt|gemacht|gedreht|produziert)$/.test(verb.lower))) return undefined;
  return { construction: 'relative-about-piece', why: `subject of "${verb.word}" about the "${tokens[s - 2]!.word}"`, strong: true, presents: true, speaks: true, verb: verb.word };
};

/** Adverbs (and `es`) that may stand between a verb and the name after it (`versucht auch Ryan Broderick`, `fasst es X zusammen`). */
export const BETWEEN_VERB_AND_NAME = new Set([
  'auch',
  'nun',
  'jetzt',
  'noch',
  'ja',
  'dann',
  'hier',
  'gleich',
  'prompt',
  'ebenfalls',
  'wieder',
  'sogar',
  'selbst',
  'etwa',
  'gerade',
  'zurecht',
  'treffend',
  'schon',
  'bereits',
  'es',
]);

/** Verbs an outlet does: `Die Zeit berichtet`, `Der Spiegel schreibt`. */
export const PUBLISHES =
  /^(?:berichte[t]?|berichtete|schreibt|schrieb|meldet|meldete|titelt|titelte|veröffentlicht|veröffentlichte|bringt|brachte|kommentiert|zitiert|zitierte|enthüllt|recherchiert|analysiert)$/;

/**
 * Where the verb stands after an apposition that describes a person (`, ehemalige EU-Abgeordnete,`):
 * a role among at most five words, closed by a comma; undefined if the words after the name are no such thing.
 */
export function appositionEnd(tokens: Token[], start: number): number | undefined {
  for (let k = start; k < tokens.length && k < start + 5; k++) {
    const t = tokens[k]!;
    if (t.quoted || t.sentenceEnd) return undefined;
    if (!isRole(t.word) && !(ARTICLE.has(t.lower) || adjectiveLike(t) || t.cap || /^(?:von|vom|bei|beim|der|des|und)$/.test(t.lower))) return undefined;
    if (t.clauseEnd) return t.post === ',' && tokens[k + 1] && verbLike(tokens[k + 1]!) ? k + 1 : undefined;
  }
  return undefined;
}

/** Words of time that open a sentence as a place does (`Im Januar schreibt …`): no outlet. */
export const TIME_WORD =
  /^(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|frühjahr|frühling|sommer|herbst|winter|jahr|monat|moment|augenblick|rahmen|grunde|prinzip|vorfeld|laufe|zuge|namen|gegenteil|übrigen|allgemeinen|wesentlichen|ernst)$/;

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
