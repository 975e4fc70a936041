// Runs of capitalised words that may be names, split where two people are joined by `und`, with
// roles, descriptors and common nouns before the name dropped.

import {
  isCommonNoun,
  isDeclinedAdjective,
  isFunctionWord,
  isGenericOutletWord,
  isListedNoun,
  isOutletWord,
  isPiece,
  isReportingVerb,
  isRole,
  ORGANISATION_HEAD,
  ORGANISATION_WORD,
} from '../lexicon.js';
import { wordInfo } from '../terms.js';
import { ARTICLE } from './grammar.js';
import { mayBeGivenName } from './shapes.js';
import { type NameWords, type Run, type Token } from './types.js';

/** Words that may stand inside a name (`Ursula von der Leyen`, `Andreessen & Horowitz`, `Analyse und Kritik`). */
export const PARTICLE = new Set(['von', 'van', 'de', 'da', 'di', 'du', 'del', 'al', 'bin', 'ibn', 'ten', 'ter', 'le', 'la', '&', 'und', 'of', 'for']);

/** A capitalised word that can belong to a name (not a capitalised function word, not in quotes). */
export function nameLike(t: Token | undefined): boolean {
  return Boolean(t && t.cap && !t.quoted && !t.paren && (!isFunctionWord(t.word) || t.lower === 'the'));
}

/** A word for a kind of medium a title follows (`Podcast`, `Sendung`, `Newsletter`). */
function isMediumKind(t: Token | undefined): boolean {
  return Boolean(t && !t.clauseEnd && /^(?:podcast|sendung|show|newsletter|blog|kanal|channel|magazin|serie|reihe|talkshow)s?$/.test(t.lower));
}

export function findRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    // `404 Media`: a number opening a name.
    const number = /^\d+$/.test(tokens[i]!.word) && !tokens[i]!.clauseEnd && nameLike(tokens[i + 1]) && !tokens[i]!.quoted;
    // `Schreibt Mareike Probe im …`: a verb opening the sentence is capitalised, but no name.
    const openingVerb = tokens[i]!.sentenceStart && isReportingVerb(tokens[i]!.lower) && nameLike(tokens[i + 1]);
    if ((!nameLike(tokens[i]) && !number) || openingVerb) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      const last = tokens[end - 1]!;
      const next = tokens[end]!;
      if (last.clauseEnd || last.apostrophe) break;
      // `Elon Musks Trans-Tochter`: a possessive ends the name before the noun it owns.
      // (Only after a given name: `Der Ökonom Jens Probe` is no possessive.)
      const givenBefore = end - 1 > i && !isRole(tokens[end - 2]!.word) && !isPiece(tokens[end - 2]!.word) && (!isCommonNoun(tokens[end - 2]!.word) || tokens[end - 2]!.word.length <= 4);
      // `Webers Analyse`, `Googles Paper`: one word before a piece is its owner, whatever else it could be.
      const ownerOfPiece = end - 1 === i && isPiece(next.word) && !isPiece(last.word) && !isRole(last.word);
      const possessive = /s$/.test(last.word) && last.word.length > 3 && ((givenBefore && (isCommonNoun(next.word) || isRole(next.word) || isPiece(next.word))) || ownerOfPiece);
      if (nameLike(next) && next.lower !== 'the' && !possessive) {
        end++;
        continue;
      }
      // A particle joins two name words; not after a common noun (`Podcast von Dwarkesh Patel`).
      const after = tokens[end + 1];
      // `Felix Probe von Axios`: after a full name, `von` names where the person works.
      const affiliation = next.lower === 'von' && end - i >= 2 && tokens[end + 1]?.lower !== 'der';
      const particle =
        !affiliation &&
        PARTICLE.has(next.lower) &&
        !next.clauseEnd &&
        nameLike(after) &&
        (next.lower === '&' ||
          next.lower === 'und' ||
          (next.lower === 'of' || next.lower === 'for' ? isOutletWord(last.word) || ORGANISATION_WORD.test(last.word) : !isCommonNoun(last.word) && !isPiece(last.word)));
      const vonDer = next.lower === 'von' && tokens[end + 1]?.lower === 'der' && nameLike(tokens[end + 2]) && !isCommonNoun(last.word) && !isPiece(last.word);
      // A title right after its medium keeps a genitive of a common noun: `der Podcast Lage der
      // Nation`, not `die Sendung Monitor der ARD`.
      const titleGenitive = /^(?:der|des)$/.test(next.lower) && nameLike(after) && isMediumKind(tokens[end - 2]) && isCommonNoun(after!.word) && after!.word !== after!.word.toUpperCase();
      if (vonDer) end += 2;
      else if (titleGenitive) end += 2;
      else if (particle) end++;
      else if (lowerCasePart(last, next)) end++;
      else break;
    }
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}

/** A lower-case word that no German or English list knows, after a name: part of it (`Infratest dimap`, `Le Monde diplomatique`). */
function lowerCasePart(last: Token, next: Token): boolean {
  // (Not a verb the lists miss: `trommelte`, `bespricht`, `endorsed`.)
  return (
    !next.cap &&
    !next.quoted &&
    !last.clauseEnd &&
    next.word.length >= 4 &&
    /^\p{Ll}+$/u.test(next.word) &&
    !/(?:t|te|ten|en|ern|eln|st|ed|ing|s|lich|isch|ig|bar|sam|haft|los|voll)$/.test(next.word) &&
    wordInfo(next.word).unknown &&
    !isFunctionWord(next.word)
  );
}

/** A run split at `und` where both sides are names of two words or more (`Sayash Kapoor und Arvind Narayanan`). */
export function splitPeople(tokens: Token[], run: Run): Run[] {
  const parts: Run[] = [];
  let start = run.start;
  for (let i = run.start; i < run.end; i++) {
    if (tokens[i]!.lower === 'und' && i - start >= 2 && run.end - i - 1 >= 2) {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: run.end });
  return parts;
}

/** A single word of the German dictionary or of English, no person's name: no name left alone. */
function commonWordOnly(words: Token[]): boolean {
  if (words.length !== 1) return false;
  const info = wordInfo(words[0]!.word);
  return !info.personName && (isCommonNoun(words[0]!.word) || !info.unknown);
}

/** Drops roles and common nouns before a name, and keeps what can be a name. */
export function nameWords(tokens: Token[], run: Run): NameWords | undefined {
  let words = tokens.slice(run.start, run.end);
  let first = run.start;
  let role = false;
  let descriptor = false;
  // Only before the first particle: inside `Andreessen & Horowitz` nothing is a descriptor.
  const particleAt = words.findIndex((t) => !t.cap);
  const limit = particleAt < 0 ? words.length - 2 : particleAt - 2;
  // `Süddeutsche Zeitung`, `New York Times`: before an outlet's name-word nothing is a descriptor.
  // (Nor before an organisation's kind: `Statistisches Bundesamt`, `Paritätische Wohlfahrtsverband`.)
  const outletName = isOutletWord(words[words.length - 1]!.word) || ORGANISATION_HEAD.test(words[words.length - 1]!.word);
  // `Newsletter Citation Needed`: after a medium's kind comes its title, nothing of which is a descriptor.
  const mediumAt = words.findLastIndex((t, k) => k < words.length - 1 && isGenericOutletWord(t.word));
  for (let j = Math.min(limit, words.length - 2); j >= 0; j--) {
    if (mediumAt >= 0 && j > mediumAt) continue;
    const w = words[j]!;
    // A short noun opening a name is a given name (`Kate`, `Mark`, `Wolfgang`), not a descriptor.
    // (So is one right after a role: `Die Forscherin Kate Probe`.)
    const givenName = (j === 0 || isRole(words[j - 1]!.word)) && (w.word.length <= 4 || mayBeGivenName(w.word)) && !isRole(w.word) && !isPiece(w.word);
    // `Universität Oxford`, `Stiftung Warentest`, `Deutschlandfunk Kultur`: part of the name.
    if (ORGANISATION_WORD.test(w.word) || /\p{Ll}(?:funk|blatt)$/u.test(w.word)) continue;
    // (Not a compound before a common word, which it names with: `Tagesspiegel Background`.)
    // (Nor an adjective declined as one, which names with it: `die Deutsche Rentenversicherung`.)
    const namesWith = () => (!isListedNoun(w.word) && commonWordOnly(words.slice(j + 1))) || (j === words.length - 2 && isDeclinedAdjective(w.word) && !isRole(w.word));
    if (isRole(w.word) || isPiece(w.word) || (isCommonNoun(w.word) && !givenName && !outletName && !namesWith())) {
      role = words.slice(0, j + 1).some((t) => isRole(t.word));
      descriptor = words.slice(0, j + 1).some((t) => !isRole(t.word));
      first += j + 1;
      words = words.slice(j + 1);
      break;
    }
  }
  // A word before a given name and a surname says what the person is, role list or not (`Hebamme Lina Probe`, `Stadtplanerin …`).
  if (!role && !descriptor && words.length === 3 && words.every((t) => t.cap) && wordInfo(words[1]!.word).firstName && !wordInfo(words[0]!.word).personName && !isOutletWord(words[0]!.word)) {
    [role, first, words] = [true, first + 1, words.slice(1)];
  }
  if (words.length === 0 || (words[0]!.lower === 'the' && words.length === 1)) return undefined;
  const before = tokens[run.start - 1];
  const article = words[0]!.lower === 'the' || Boolean(before && ARTICLE.has(before.lower) && !before.clauseEnd);
  return { words, first, role, descriptor, article };
}
