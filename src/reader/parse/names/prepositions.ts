// The constructions of a name after a preposition: an outlet a piece appeared in or someone speaks
// in (`im Guardian`, `bei Jung und Naiv`, `auf Netzpolitik`), and a name after `von` a piece
// names (`Podcast von Dwarkesh Patel`). The other constructions are in constructions.ts.

import { isAbstractNoun, isGenericOutletWord, isPiece, isReportingVerb } from '../lexicon.js';
import { sentenceHasVerb } from './clauses.js';
import { ARTICLE, hasFiniteVerb, OUTLET_PREPOSITION } from './grammar.js';
import { nameEndAt, passing, pieceAt, pieceIn, reportingIn, TIME_WORD, type Construction, type Place } from './constructions.js';
import { type Token } from './types.js';

/**
 * An outlet after a preposition that follows the speaker, a reporting verb or a piece: `Nathan
 * Benaich In Fortune`, `analysiert in der New York Times`, `Essay in 54Books`, `Auf Strage Matters
 * hat …`; elsewhere a place in passing (`in Leipzig`). (`aus dem …` only after the writer or the
 * piece: `ein Stück von Rebecca Probe aus dem London Review of Books`.)
 */
export const outletAfterPreposition: Construction = (p) => {
  const { tokens, governor, g, names, n, shape, singleNoun, part, run } = p;
  const fromOutlet = governor?.lower === 'aus' && g > 0 && !tokens[g - 1]!.clauseEnd && (names.get(g - 1)?.kind === 'person' || isPiece(tokens[g - 1]!.word));
  if (!governor || !(OUTLET_PREPOSITION.has(governor.lower) || fromOutlet)) return undefined;
  const place = passing('place', `a place after "${governor.word}"`);
  // `im Tech-Bro Podcast von Dwarkesh Patel`: the podcast is named by its host.
  if (isGenericOutletWord(n.words[n.words.length - 1]!.word) && tokens[run.end]?.lower === 'von') return place;
  const c = prepositionContext(p);
  // `im Zuge ihrer …`, `in der Zeit des …`: a noun with a genitive after it is a phrase, not an outlet.
  if (n.words.length === 1 && !shape.sure && !p.last.clauseEnd && /^(?:des|der|eines|einer|ihrer|ihres|seiner|seines|dieser|dieses)$/.test(tokens[part.end]?.lower ?? '')) return place;
  // `Im Freitag analysiert Wolfgang Probe`: a sentence opening with where, then a verb of writing and the writer.
  const openingPlace =
    singleNoun &&
    c.opensSentence &&
    (n.article || governor.lower === 'im') &&
    !TIME_WORD.test(n.words[0]!.lower) &&
    tokens[part.end] &&
    isReportingVerb(tokens[part.end]!.word) &&
    names.get(nameEndAt(tokens, part.end + 1))?.kind === 'person';
  if (openingPlace)
    return {
      construction: 'outlet-opening-before-writer',
      why: `after "${governor.word}" opening the sentence`,
      strong: true,
      presents: true,
      speaks: true,
      kind: 'outlet',
      kindSure: true,
      allowsPhrase: true,
    };
  // An abstract noun is never one (`sagte in der Regierungserklärung`).
  if (singleNoun && isAbstractNoun(n.words[0]!.word)) return place;
  // A single common noun is an outlet only right after the speaker (`Rainer Forst hat in der Zeit`),
  // or right after a piece (`In einem Gastbeitrag für den Freitag`).
  // (Or opening a sentence that names a piece: `Im Deutschlandfunk war ein Feature … zu hören`.)
  const openingWithPiece = c.opensSentence && governor.lower === 'im' && !TIME_WORD.test(n.words[0]!.lower) && Boolean(pieceIn(p, p.clause()));
  if (
    singleNoun &&
    !(c.subjectBefore && (c.verbBefore || c.speakerBefore || c.pieceBefore) && (reportingIn(p.clause()) || pieceIn(p, p.clause()))) &&
    !(c.pieceBefore && n.article) &&
    !openingWithPiece
  )
    return place;
  // A sentence without a verb that names a piece or points on (`Sehr gute Zusammenfassung der Lage bei
  // Heise:`, `Mehr dazu bei Netzpolitik.org.`).
  const pointsOn = /^(?:mehr|alles|details|hintergründe)$/.test(p.sentence()[0]?.lower ?? '');
  const pieceWithoutVerb = !singleNoun && !shape.phrase && (Boolean(pieceIn(p, p.clause())) || pointsOn) && !sentenceHasVerb(tokens, p.s);
  const inOpening = c.opensSentence && !singleNoun && (governor.lower !== 'in' && governor.lower !== 'im' ? hasFiniteVerb(p.clause()) : Boolean(reportingIn(p.clause()) || pieceIn(p, p.clause())));
  if (!(c.strongPlace || pieceWithoutVerb || inOpening || openingWithPiece)) return place;
  // `Bei der Venture-Capital-Firma Sequoia bekommt man Zweifel …`: the sentence opens with where it is said.
  const strong =
    c.strongPlace || pieceWithoutVerb || Boolean(reportingIn(p.clause()) || pieceIn(p, p.clause())) || (c.opensSentence && /^(?:bei|beim|auf)$/.test(governor.lower) && !singleNoun && !shape.phrase);
  const where = c.speakerBefore ? ' following the name' : c.pieceBefore || c.verbBefore ? ` following "${c.word!.word}"` : ' opening the sentence';
  // (`Auf Threads streiten gerade Tausende …`: a platform where something happens, with no verb of writing.)
  const opening = reportingIn(p.clause()) || pieceIn(p, p.clause()) ? 'outlet-opening' : 'outlet-opening-other-verb';
  const construction = c.speakerBefore ? 'outlet-after-speaker' : c.pieceBefore ? 'outlet-after-piece' : c.verbBefore ? 'outlet-after-verb' : pieceWithoutVerb ? 'outlet-verbless' : opening;
  return {
    construction,
    why: `after "${governor.word}"${where}`,
    strong,
    presents: true,
    speaks: c.opensSentence,
    kind: 'outlet',
    kindSure: true,
    allowsPhrase: !singleNoun || n.article || governor.lower === 'im',
  };
};

/** What stands before the preposition of an outlet: the speaker's name, a verb, a piece. */
function prepositionContext(p: Place) {
  const { tokens, g, governor, names } = p;
  // The word before the preposition, past an object pronoun (`ordnet das im Verfassungsblog ein`).
  const word = /^(?:das|es|dies|dazu|darüber)$/.test(tokens[g - 1]?.lower ?? '') && !tokens[g - 1]!.clauseEnd && tokens[g - 2] && !tokens[g - 2]!.cap ? tokens[g - 2] : tokens[g - 1];
  const open = Boolean(word && !word.clauseEnd);
  const speakerBefore = open && names.get(g - 1)?.kind === 'person';
  const verbBefore = open && !word!.cap && (isReportingVerb(word!.word) || /^(?:war|ist|hat|hatte|haben|hatten|sind|waren|gibt|gab|auch|schon|einst)$/.test(word!.lower));
  const pieceBefore = open && isPiece(word!.word) && !word!.quoted;
  // A person named earlier in the clause (`Rainer Forst hat in der Zeit …`).
  let subjectBefore = false;
  for (let k = g - 1; k >= 0 && tokens[k]!.clause === governor!.clause; k--) if (names.get(k)?.kind === 'person') subjectBefore = true;
  const strongPlace = Boolean(speakerBefore || pieceBefore || (verbBefore && (isReportingVerb(word!.word) || subjectBefore || reportingIn(p.clause()) || pieceIn(p, p.clause()))));
  return { word, speakerBefore, verbBefore, pieceBefore, subjectBefore, strongPlace, opensSentence: governor!.sentenceStart };
}

/** After a piece: `Podcast von Dwarkesh Patel`, `Paper von Apple`; a title too (`die neue Folge von Jung und Naiv`). */
export const pieceVon: Construction = ({ tokens, before, s, shape, names }) => {
  if (!before || (before.lower !== 'von' && before.lower !== 'vom') || !tokens[s - 2] || tokens[s - 2]!.clauseEnd || (shape.phrase && shape.reason !== 'a title of several words')) return undefined;
  // (Past the outlet it appeared in: `ein Longread im Guardian von Oliver Probe`.)
  const piece = pieceAt(tokens, s - 2) ?? (names.get(s - 2)?.kind === 'outlet' && shape.kind === 'person' ? pieceBeforeOutlet(tokens, s - 2) : undefined);
  if (!piece) return undefined;
  return { construction: 'piece-von', why: `"${piece.word} von …"`, strong: true, presents: true, speaks: true, kind: shape.kind === 'person' ? 'person' : 'outlet', allowsPhrase: true };
};

/** The piece a preposition and an outlet ending at `end` follow: `Longread im Guardian`. */
function pieceBeforeOutlet(tokens: Token[], end: number): Token | undefined {
  for (let k = end - 1; k >= 0 && k >= end - 6 && !tokens[k]!.clauseEnd; k--) {
    if (OUTLET_PREPOSITION.has(tokens[k]!.lower)) return pieceAt(tokens, k - 1) ?? (ARTICLE.has(tokens[k - 1]?.lower ?? '') ? undefined : pieceAt(tokens, k - 2));
  }
  return undefined;
}
