// Word classes the name reader tells by form: articles, conjunctions, auxiliaries and verbs,
// adjectives; and whether a sentence has a finite verb.

import { isDeterminerAdjective, isFunctionWord, isPiece, isReportingVerb } from '../lexicon.js';
import { type Token } from './types.js';

/** Conjunctions that open a clause of reported content. */
export const SUBORDINATE = new Set(['dass', 'daß', 'ob', 'nachdem', 'weil', 'wenn', 'obwohl', 'obgleich', 'während', 'bevor', 'seit', 'seitdem', 'sobald', 'falls', 'sofern']);
/** Conjunctions after which a new main clause (with its own subject) may start. */
export const COORDINATING = new Set(['und', 'aber', 'doch', 'sondern', 'denn', 'oder']);

export const ARTICLE = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'the']);
/** `sein`, `ihr` in any case: what follows belongs to a person named before (`in seinem Newsletter`). */
export const POSSESSIVE_PRONOUN = /^(?:sein|seine|seinem|seinen|seiner|seines|ihr|ihre|ihrem|ihren|ihrer|ihres)$/;
export const OUTLET_PREPOSITION = new Set(['in', 'im', 'bei', 'beim', 'auf', 'für']);

export const AUXILIARY = /^(?:ist|sind|war|waren|hat|hatte|haben|hatten|wird|werden|wurde|wurden|will|wollte|kann|konnte|muss|musste|soll|sollte|darf)$/;

/** A lowercase word with an adjective's ending (`bekannten`, `lesenswerte`). */
export function adjectiveLike(t: Token): boolean {
  return !t.cap && /(?:e|en|er|es|em)$/.test(t.lower) && (!isFunctionWord(t.word) || isDeterminerAdjective(t.word)) && !isReportingVerb(t.word) && !AUXILIARY.test(t.lower);
}

/** A lowercase word that can be a verb (after a clause's subject, German puts its verb). */
export function verbLike(t: Token): boolean {
  return (
    !t.cap &&
    /^\p{Ll}+$/u.test(t.word) &&
    (AUXILIARY.test(t.lower) ||
      isReportingVerb(t.word) ||
      (!isFunctionWord(t.word) && !/(?:isch|ische[nmrs]?|liche[nmrs]?|ige[nmrs]?|ene[nmrs]?|ste[nmrs]?|ich|lich|ig|bar|los|voll|weise|mal)$/.test(t.lower)))
  );
}

/** A word that is surely a finite verb: an auxiliary, a reporting verb, a strong past form, or a `-t`/`-te` form. */
export function finiteVerb(t: Token): boolean {
  return !t.cap && /^\p{Ll}+$/u.test(t.word) && (AUXILIARY.test(t.lower) || isReportingVerb(t.word) || STRONG_PAST.test(t.lower) || (verbLike(t) && /(?:t|te)$/.test(t.lower)));
}

/** Finite forms of strong verbs, which have no `-t` ending (`nahm`, `sah`, `half`). */
export const STRONG_PAST =
  /^(?:nahm|sah|gab|kam|fand|sprach|schrieb|ging|stand|hielt|ließ|rief|half|lief|blieb|trat|zog|bot|las|wies|schien|hieß|fiel|wusste|brachte|dachte|kannte|nannte|warf|traf|schlug|trug|wuchs)$/;

/** Adjectives with a `-t` stem (`gute`, `letzten`, `bekannte`), which a verb test would take for past forms. */
export const T_ADJECTIVE =
  /^(?:gut|best|erst|letzt|zweit|dritt|viert|nett|hart|weit|breit|leicht|schlecht|recht|echt|kalt|alt|laut|sanft|zart|fett|flott|glatt|satt|stolz|bekannt|berühmt|bunt|wert|wichtigst|neuest|aktuellst)(?:e|en|er|es|em)?$/;

/**
 * A sentence with a finite verb: an auxiliary, a `-t`/`-te`/`-ten` form, a strong past form, or an
 * `-en` form that no article or `zu` precedes (`Andreesson & Horowitz stecken …`, not `einen lesenswerten`).
 */
export function hasFiniteVerb(words: Token[]): boolean {
  return words.some((t, i) => {
    if (t.cap || t.quoted || !/^\p{Ll}+$/u.test(t.word)) return false;
    if (AUXILIARY.test(t.lower) || /^(?:gibt|gab|geht)$/.test(t.lower) || STRONG_PAST.test(t.lower)) return true;
    if (!verbLike(t) || isFunctionWord(t.word)) return false;
    // Common adjectives that end as past verbs do (`Sehr gute Zusammenfassung`, `die letzte Folge`).
    if (T_ADJECTIVE.test(t.lower)) return false;
    if (/(?:t|te|ten)$/.test(t.lower)) return true;
    const previous = words[i - 1];
    return (
      /en$/.test(t.lower) &&
      Boolean(previous) &&
      !ARTICLE.has(previous!.lower) &&
      !/^(?:zu|ein|eine|einen|einem|einer|eines|kein|keine|keinen|diese|diesen|dieser|jede|jeden|alle|allen|viele|vielen|seine|seinen|ihre|ihren)$/.test(previous!.lower) &&
      !adjectiveLike(previous!)
    );
  });
}

/** Whether the word before a name (past adjectives) is an article, `laut`, a preposition or a medium. */
export function governed(tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && !tokens[k]!.clauseEnd && adjectiveLike(tokens[k]!)) k--;
  const t = tokens[k];
  return Boolean(t && !t.clauseEnd && (ARTICLE.has(t.lower) || t.lower === 'laut' || t.lower === 'mit' || OUTLET_PREPOSITION.has(t.lower) || isPiece(t.word)));
}
