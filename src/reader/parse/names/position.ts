// What the position of a name in its sentence says: the first construction that reads it tells who
// speaks or publishes (`schreibt X`, `laut X`, `in der Zeit`) and who is named in passing; the
// construction is a feature of the source model. Those of pieces and `von` are in
// constructions.ts, those after a preposition in prepositions.ts; those of a name with a verb
// here (`wie X … zeigt`, `schreibt X`, `Die Zeit berichtet`).

import { isCommonNoun, isFunctionWord, isPiece, isReportingVerb, isRole, isSpeechVerb } from '../lexicon.js';
import { isGenericNoun } from '../subjects.js';
import { clauseStart, indefiniteBefore, sentenceHasVerb, subjectBefore } from './clauses.js';
import { adjectiveLike, ARTICLE, AUXILIARY, finiteVerb, verbLike } from './grammar.js';
import { nameLike } from './runs.js';
import {
  afterVon,
  BETWEEN_VERB_AND_NAME,
  interviewWith,
  lautVia,
  namedWithMedium,
  passing,
  pieceGenitive,
  pieceIn,
  placeOf,
  possessive,
  PUBLISHES,
  relativeAboutPiece,
  reportingIn,
  type Construction,
  type Evidence,
  type Place,
} from './constructions.js';
import { outletAfterPreposition, pieceVon } from './prepositions.js';
import { type NameWords, type Run, type Shape, type Token } from './types.js';

export type { Evidence } from './constructions.js';

/** The word before the name, past articles, adjectives and adverbs (`schreibt auch die …`). */
function wordBefore({ tokens, s, part }: Place): number {
  let w = Math.min(s, part.start) - 1;
  while (w >= 0 && !tokens[w]!.clauseEnd && (ARTICLE.has(tokens[w]!.lower) || adjectiveLike(tokens[w]!))) w--;
  while (w >= 0 && BETWEEN_VERB_AND_NAME.has(tokens[w]!.lower) && !tokens[w]!.clauseEnd) w--;
  return w;
}

/** `wie Johannes Franzen … zeigt`, `Wie schon Milan Kundera bemerkte`, `was Emily Bender dazu schreibt`. */
const wieWas: Construction = (p) => {
  const { tokens, run, shape } = p;
  const w = wordBefore(p);
  if (w < 0 || (tokens[w]!.lower !== 'wie' && tokens[w]!.lower !== 'was') || tokens[w]!.clauseEnd) return undefined;
  // The verb ends the `wie`-clause, perhaps after a list introduced by a colon; the `was`-clause at its comma.
  const wie = tokens[w]!.lower === 'wie';
  const rest: Token[] = [];
  for (let k = run.end; k < tokens.length && k < run.end + 40; k++) {
    rest.push(tokens[k]!);
    if ((/[.!?]/.test(tokens[k]!.post) && tokens[k]!.sentenceEnd) || (!wie && tokens[k]!.clauseEnd)) break;
  }
  // After `was`, only a verb of writing or arguing: `was X gesagt hat` is what someone in the news said.
  const verb = reportingIn(rest.filter((t) => wie || !isSpeechVerb(t.word)));
  if (!verb || shape.phrase) return passing('wie-clause', `"${tokens[w]!.lower} …" without a verb of writing`);
  return { construction: 'wie-clause', why: `"${tokens[w]!.lower} …" with "${verb.word}"`, strong: true, presents: false, speaks: true, verb: verb.word };
};

/**
 * After a reporting verb: `schreibt Nathan Benaich`, `kritisiert Tooze`, `Dazu schreibt die Zeit`; after
 * an auxiliary whose clause reports or publishes: `hat John Michael Colón einen Longread … veröffentlicht`.
 * A name after the verb is its subject only where no subject stands before it (`Anlässlich … schreibt
 * Nathan Benaich`, but not `Joan Westenberg sieht die USA`).
 */
const afterVerb: Construction = (p) => {
  const { tokens, names, n, shape, before, run } = p;
  const w = wordBefore(p);
  const verb = w >= 0 && !tokens[w]!.clauseEnd && (!tokens[w]!.cap || (tokens[w]!.sentenceStart && isReportingVerb(tokens[w]!.lower))) && !subjectBefore(tokens, w, names) ? tokens[w] : undefined;
  if (verb && isReportingVerb(verb.word) && !isFunctionWord(verb.word) && !shape.phrase)
    return { construction: 'after-reporting-verb', why: `after "${verb.word}"`, strong: true, presents: Boolean(pieceIn(p, p.clause())), speaks: true, verb: verb.word };
  // Common words with an article after it name an outlet or organisation: `Jetzt berichtet auch der
  // Spiegel`, `rechnet es die Deutsche Rentenversicherung vor`; only where the verb opens its clause
  // (in `Der Spiegel zitiert den Vorstand …`, `Die Regierung sieht das Vorhaben …` it is the object).
  const verbFirst = w <= 0 || tokens[w - 1]!.clauseEnd || /^(?:so|dazu|das|dies|hier|jetzt|nun|auch|darüber|davon)$/.test(tokens[w - 1]!.lower);
  if (verb && verbFirst && isReportingVerb(verb.word) && !isFunctionWord(verb.word) && n.article && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word))
    return { construction: 'after-reporting-verb-noun', why: `after "${verb.word}"`, strong: true, presents: false, speaks: true, verb: verb.word, kind: 'outlet', allowsPhrase: true };
  // (A piece may stand before the verb: `Eine gute Einordnung hat Nora Probe bei …`.)
  const fronted = () => (/^(?:hat|hatte)$/.test(verb!.lower) ? pieceIn(p, p.clause().slice(0, p.clause().indexOf(verb!))) : undefined);
  const word = verb && AUXILIARY.test(verb.lower) && !shape.phrase ? (reportingIn(p.predicate()) ?? pieceIn(p, p.predicate()) ?? fronted()) : undefined;
  if (verb && word) return { construction: 'after-auxiliary', why: `after "${verb.word} … ${word.word}"`, strong: true, presents: Boolean(pieceIn(p, p.predicate())), speaks: true, verb: word.word };
  // After another verb the name is the subject too, when the clause opened with something else
  // (`In eine ähnliche Kerbe schlägt auch Alberto Toscano`).
  if (verb && verbLike(verb) && !AUXILIARY.test(verb.lower) && !shape.phrase && !clauseStart(tokens, w, w))
    return { construction: 'after-verb', why: `after "${verb.word}"`, strong: false, presents: Boolean(pieceIn(p, p.clause())) };
  // `hatten wir Arne Semsrott zu Gast`.
  if (before?.lower === 'wir' && tokens[run.end]?.lower === 'zu' && tokens[run.end + 1]?.lower === 'gast')
    return { construction: 'guest', why: '"zu Gast"', strong: true, presents: true, speaks: true, kind: 'person' };
  return undefined;
};

/**
 * A sentence without a verb: `Raul Zelik in Analyse und Kritik mit vier Beobachtungen`, `Die Zeit mit
 * den Hintergründen.`; `Nochmal Cory Doctorow, diesmal über …:` (its first name is what it presents).
 */
const verbless: Construction = (p) => {
  const { tokens, s, part, after, shape, n, singleNoun } = p;
  if (sentenceHasVerb(tokens, s)) return undefined;
  if (clauseStart(tokens, s, part.start) && after && /^(?:mit|in|im|über|zu|zur|zum)$/.test(after.lower)) {
    const rest = p.sentence().slice(p.sentence().indexOf(after) + 1);
    const presentsPiece = rest.some((t) => isPiece(t.word)) || rest.some((t) => nameLike(t) && !isCommonNoun(t.word));
    const topicOnly = /^(?:über|zu|zur|zum)$/.test(after.lower) && shape.kind !== undefined;
    // (Not a generic noun: `Die Zahlen im Überblick:` presents the figures, not an outlet.)
    if ((shape.kind !== undefined || shape.single || (n.article && singleNoun && !isGenericNoun(n.words[0]!.word))) && (presentsPiece || topicOnly) && !isPiece(n.words[0]!.word)) {
      return { construction: 'verbless-with', why: `"${shape.name} ${after.word} …" without a verb`, strong: true, presents: true, speaks: true, allowsPhrase: n.article && singleNoun };
    }
  }
  if (
    shape.kind !== undefined &&
    !p
      .sentence()
      .slice(0, p.sentence().indexOf(tokens[s]!))
      .some((t) => nameLike(t) && !isCommonNoun(t.word) && !isFunctionWord(t.word))
  ) {
    return { construction: 'verbless-first', why: 'named in a sentence without a verb', strong: true, presents: true, speaks: true };
  }
  return undefined;
};

/** The subject: a name opening a clause, before its verb (`Die Zeit berichtet`, `Tooze fasst … zusammen`). */
const subject: Construction = (p) => {
  const { tokens, s, part, after, shape, n, singleNoun } = p;
  if (!clauseStart(tokens, s, part.start) || !after || !verbLike(after)) return undefined;
  const gated = passing('subject', `subject of "${after.word}"`);
  const verbWord = reportingIn(p.predicate());
  // Its piece is an object, not the end of a preposition (`hat X in einen Propagandakanal verwandelt`).
  const piece = pieceIn(
    p,
    p.predicate().filter((_, k, words) => {
      let j = k - 1;
      while (j >= 0 && (ARTICLE.has(words[j]!.lower) || adjectiveLike(words[j]!) || /^(?:ein|eine|einen|einem|einer)$/.test(words[j]!.lower))) j--;
      return !(j >= 0 && /^(?:in|im|ins|auf|an|am|zu|zum|zur|gegen|um|aus|nach|unter)$/.test(words[j]!.lower));
    }),
  );
  // A common noun with an article may name an organisation (`Der Normenkontrollrat hält …`): the model weighs it.
  // (With a verb of writing or a piece it is likelier one: `Der Verkehrsclub Deutschland hat seine Bilanz veröffentlicht`.)
  const nounSubject =
    n.article && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word)
      ? passing((verbWord && !isSpeechVerb(verbWord.word)) || piece ? 'noun-subject-reporting' : 'noun-subject', `a noun with an article, subject of "${after.word}"`)
      : gated;
  // `Die Zeit berichtet`: a common noun with an article is an outlet only as the subject of a reporting verb.
  if (singleNoun) {
    // `Der Spiegel hat eine lange Recherche …`: has a piece (its object, after an indefinite article).
    const pieceObject = piece && /^(?:hat|hatte|haben|hatten|bringt|brachte|zeigt)$/.test(after.lower) && indefiniteBefore(p.predicate(), piece);
    const publishes = PUBLISHES.test(after.lower) || pieceObject;
    if (!(n.article && publishes && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word))) return nounSubject;
    return {
      construction: 'subject-publishing',
      why: piece && !PUBLISHES.test(after.lower) ? `subject, with a "${piece.word}"` : `subject of "${after.word}"`,
      strong: true,
      presents: Boolean(piece),
      speaks: true,
      kind: 'outlet',
      allowsPhrase: true,
    };
  }
  if (shape.phrase) return nounSubject;
  // `Die Wired hat …`, but not `die Risiken großer Sprachmodelle`: a name with an article needs a plain verb after it.
  if (n.article && shape.kind === 'outlet' && shape.reason === 'a name with an article' && !finiteVerb(after)) return gated;
  // A single word opening a sentence is a name only before a reporting verb (`Tooze fasst`, not `Besser bekannt ist`).
  // (Or before `hat` and a piece: `Platformer hat die Details`.)
  if (shape.single && !isReportingVerb(after.word) && !(AUXILIARY.test(after.lower) && verbWord) && !(/^(?:hat|hatte)$/.test(after.lower) && piece)) return gated;
  if (verbWord) return { construction: 'subject-reporting', why: `subject of "${verbWord.word}"`, strong: true, presents: Boolean(piece), speaks: true, verb: verbWord.word };
  if (piece) return { construction: 'subject-piece', why: `subject, with a "${piece.word}"`, strong: true, presents: true, speaks: true };
  return { construction: 'subject-other', why: `subject of "${after.word}"`, strong: false, presents: false, speaks: true };
};

/** The constructions in the order they are tried: the first that reads a name decides its evidence. */
const CONSTRUCTIONS: Construction[] = [
  possessive,
  lautVia,
  outletAfterPreposition,
  pieceVon,
  namedWithMedium,
  pieceGenitive,
  interviewWith,
  afterVon,
  relativeAboutPiece,
  wieWas,
  afterVerb,
  verbless,
  subject,
];

/** What the position of a name says: who speaks or publishes, where, or that it is named in passing. */
export function positionOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run): Evidence {
  const place = placeOf(tokens, run, n, shape, names, part);
  for (const construction of CONSTRUCTIONS) {
    const evidence = construction(place);
    if (evidence) return evidence;
  }
  return passing('none', 'in no construction');
}
