// What a name's words say of it: a person's name, an outlet's (`New York Times`, `404 Media`),
// or only a phrase of common words; the name as written; given names that read as nouns.

import {
  isCommonNoun,
  isFirstName,
  isGenericOutletWord,
  isGenitiveOnly,
  isKindOnly,
  isListedNoun,
  isOutletWord,
  isPiece,
  isPlatform,
  isRole,
  ORGANISATION_HEAD,
  ORGANISATION_WORD,
} from '../lexicon.js';
import { wordInfo } from '../word-info.js';
import { T_ADJECTIVE } from './grammar.js';
import { type NameWords, type Shape, type Token } from './types.js';

/** The newsletter itself and its author: never a source of their own issues. */
export const SELF = /^(?:Krasse Links|Michael Seemann)\b/;

/** A compound naming one blog or paper (`Verfassungsblog`, `Ärzteblatt`, `Handelsblatts`). */
const NAMED_MEDIUM = /^\p{Lu}\p{Ll}{2,}(?:blog|blatt)(?:s|es)?$/u;

/** Endings of German adjectives that names hardly have (`Generative`, `Praktischer`, `Politische`). */
export const ADJECTIVE_ENDING = /(?:isch|lich|ig|iv|al|ell|bar|los|sam)(?:e|en|er|es|em)$/;

export function shapeOf(n: NameWords): Shape | undefined {
  let tokens = n.words;
  // `Platformer Newsletter`: the kind of medium after a name is not part of it.
  const generic = tokens.length > 1 && isGenericOutletWord(tokens[tokens.length - 1]!.word);
  if (generic) tokens = tokens.slice(0, -1);
  const words = tokens.map((t) => t.word);
  const name = nameText(tokens);
  if (SELF.test(name)) return undefined;
  const capWords = tokens.filter((t) => t.cap);
  // `die taz`: a name its owners write in lower case is a brand's.
  if (tokens.length === 1 && tokens[0]!.lowerCaseName) return { name, kind: 'outlet', reason: 'a name written in lower case', sure: true, single: false, phrase: false };
  // `404 Media`: a name that opens with a number is a brand.
  if (/^\d+$/.test(tokens[0]!.word)) return { name, kind: 'outlet', reason: 'the shape of an outlet', sure: true, single: false, phrase: false };
  // `Statistisches Bundesamt`: an adjective before an organisation's kind is part of its name.
  if (capWords.length > 1 && ORGANISATION_HEAD.test(capWords[capWords.length - 1]!.word))
    return { name, kind: 'outlet', reason: 'the name of an organisation', sure: true, single: false, phrase: false };
  // `Generative KI`, `Politische Ökonomie`: an adjective opens a phrase, not a name.
  // (Not after a role: `Der Ökonom Rüdiger Probe`.)
  // (Nor a given name that ends like one: `Oliver`.)
  // (Nor before a medium's kind: `Sächsische Zeitung`.)
  if (
    capWords.length > 1 &&
    !capWords[0]!.initial &&
    !n.role &&
    ADJECTIVE_ENDING.test(capWords[0]!.lower) &&
    !wordInfo(capWords[0]!.word).personName &&
    !isOutletWord(capWords[capWords.length - 1]!.word)
  )
    return { name, reason: 'an adjective before a noun', sure: false, single: false, phrase: true };
  // A role alone is no name (`Die Ökonomin mit …`): the name it stands for is elsewhere.
  if (capWords.length === 1 && words.length === 1 && isRole(capWords[0]!.word)) return undefined;
  // A medium's kind alone is no name (`der Newsletter`); a platform is (`auf Bluesky`), and so is a
  // blog or paper named by a compound (`im Verfassungsblog`, `das Ärzteblatt`).
  if (capWords.length === 1 && (isKindOnly(capWords[0]!.word) || isPiece(capWords[0]!.word)) && !isPlatform(capWords[0]!.word) && !generic && !NAMED_MEDIUM.test(capWords[0]!.word)) return undefined;
  if (capWords.length === 1 && words.length === 1 && NAMED_MEDIUM.test(words[0]!))
    return { name, kind: 'outlet', reason: 'a blog or paper named by a compound', sure: true, single: false, phrase: false };
  // A single listed noun is a phrase (decided first: most capitalised words are such nouns).
  // (Not an acronym the dictionary lists too: `BBC`, `ARD`.)
  if (
    words.length === 1 &&
    capWords.length === 1 &&
    !n.role &&
    !n.article &&
    isListedNoun(words[0]!) &&
    !/^\p{Lu}{2,}$/u.test(words[0]!) &&
    !outletShapedWord(words[0]!) &&
    !isPlatform(words[0]!) &&
    !isGenitiveOnly(words[0]!)
  ) {
    return { name, reason: 'one word', sure: false, single: false, phrase: true };
  }
  const initials = (t: Token, i: number) => t.initial || (i === 0 && tokens.length > 1 && /^\p{Lu}{2,3}$/u.test(t.word));
  const outletShape =
    generic ||
    tokens[0]!.lower === 'the' ||
    // `Le Monde`, `La Repubblica`, `El País`: an article of another language.
    (tokens.length === 2 && /^(?:Le|La|Les|El|Il|Los|Las)$/.test(tokens[0]!.word)) ||
    words.includes('&') ||
    capWords.some((t, i) => outletShapedWord(t.word) || (t.word.length > 1 && t.word === t.word.toUpperCase() && /^\p{Lu}{2,}$/u.test(t.word) && !initials(t, i)));
  if (outletShape) {
    const platform = words.length === 1 && isPlatform(words[0]!);
    return { name, kind: 'outlet', reason: platform ? 'a platform' : 'the shape of an outlet', sure: true, single: false, phrase: false };
  }
  if (n.role) return { name, kind: 'person', reason: 'a role before it', sure: true, single: false, phrase: false };
  if (words.length === 1) {
    // Only a listed noun: a compound-looking word may be a name (`Platformer`, `Tagesspiegel`).
    const noun = isListedNoun(words[0]!) && !(isGenitiveOnly(words[0]!) && !n.article);
    // `Die Wired hat …`: a name with an article is no person's.
    if (n.article && !noun) return { name, kind: 'outlet', reason: 'a name with an article', sure: true, single: false, phrase: false };
    return { name, reason: 'one word', sure: false, single: !noun, phrase: noun };
  }
  if (words.includes('und')) {
    // `Analyse und Kritik`, `Jung und Naiv`: a name of words joined by `und` is a title, where its position says so.
    return { name, reason: 'a title of several words', sure: false, single: false, phrase: true };
  }
  return severalWords(name, tokens);
}

/** A name of several capitalised words the rules before left open: a person's, or a phrase of common words (`Letzte Woche`). */
function severalWords(name: string, tokens: Token[]): Shape {
  const nameWordsOnly = tokens.filter((t) => t.cap);
  const lastIsNoun = isCommonNoun(nameWordsOnly[nameWordsOnly.length - 1]!.word);
  // `Letzte Woche`: a capitalised adjective before a noun.
  const firstWord = nameWordsOnly[0]!;
  const adjectivePhrase =
    lastIsNoun &&
    !firstWord.initial &&
    (ADJECTIVE_ENDING.test(firstWord.lower) || T_ADJECTIVE.test(firstWord.lower) || (isCommonNoun(firstWord.word) && firstWord.word.length > 4 && !mayBeGivenName(firstWord.word)));
  // A first word may be a given name that is a noun too (`Kate`, `Mark`, `Wolfgang`).
  const nounish = (t: Token, i: number) => t.initial || (isCommonNoun(t.word) && !(i === 0 && (t.word.length <= 4 || mayBeGivenName(t.word))));
  if (nameWordsOnly.every(nounish) || adjectivePhrase) return { name, reason: 'common words', sure: false, single: false, phrase: true };
  if (nameWordsOnly.length <= 4) return { name, kind: 'person', reason: `${nameWordsOnly.length} name words`, sure: false, single: false, phrase: false };
  return { name, reason: 'several capitalised words', sure: false, single: false, phrase: true };
}

export const outletShaped = new Map<string, boolean>();

/** A word that makes a name an outlet's: a kind of medium, an organisation, digits, `CamelCase`, a domain. */
export function outletShapedWord(word: string): boolean {
  let answer = outletShaped.get(word);
  if (answer === undefined) {
    answer =
      isOutletWord(word) ||
      ORGANISATION_WORD.test(word) ||
      organisationCompound(word) ||
      /\d/.test(word) ||
      /^\p{Lu}{3,}-\p{Lu}/u.test(word) ||
      /\p{Ll}\p{Lu}/u.test(word.replace(/^(?:Mc|Mac|De|Le|La|Di|Van|O')/, '').replace(/Innen$/, '')) ||
      /\.(?:org|com|net|de|at|ch|eu|info|io)$/i.test(word);
    if (outletShaped.size >= 20_000) outletShaped.clear();
    outletShaped.set(word, answer);
  }
  return answer;
}

/** `Fraunhofer-Instituts`, `Max-Planck-Gesellschaft`: a name joined to an organisation's kind, in any case. */
function organisationCompound(word: string): boolean {
  const parts = word.split('-');
  if (parts.length < 2 || !/^\p{Lu}/u.test(parts[0]!)) return false;
  const head = parts[parts.length - 1]!;
  return ORGANISATION_WORD.test(head) || ORGANISATION_WORD.test(head.replace(/e?s$/, '')) || /^(?:Gesellschaft|Zentrum|Zentrums|Akademie|Kommission|Ministerium|Ministeriums)$/.test(head);
}

/** The words of a name as written: initials keep their dot (a single letter alone is no initial: `auf X.`). */
export function nameText(words: Token[]): string {
  return words.map((t) => (t.initial && words.length > 1 ? `${t.word}.` : t.word)).join(' ');
}

const known = new Map<string, boolean>();

/**
 * Whether a capitalised word opening a name may be a given name though it reads as a compound noun:
 * a listed first name (@zxcvbn-ts/language-de), or a short word that is a noun only as a compound
 * (`Wolfgang`, `Friedhelm`, `Helmut`), not one the noun list has (`Letzte`, `Woche`).
 */
export function mayBeGivenName(word: string): boolean {
  let answer = known.get(word);
  if (answer === undefined) {
    answer = isFirstName(word.toLowerCase()) || (word.length <= 9 && /^\p{Lu}\p{Ll}+$/u.test(word) && !isListedNoun(word) && !isRole(word) && !isPiece(word));
    // Note: a bound keeps an archive of unusual words from growing the cache without end.
    if (known.size >= 20_000) known.clear();
    known.set(word, answer);
  }
  return answer;
}
