// Names in one paragraph of the author's commentary, each with where it stands and what that says:
// who speaks or publishes (`schreibt Nathan Benaich`, `laut Heise`, `Anne Helms Podcast`), who is
// only talked about (`Donald Trump sprach …`, a name inside a `dass`-clause), and whether the
// name is a person or an outlet.
//
// Method: the paragraph is split into words, sentences and clauses; quoted words, brackets,
// `dass`/`ob`/`nachdem` clauses and `über …` topics are set aside. Runs of capitalised words are
// read as names after dropping function words, roles (`Die Ökonomin`) and common nouns before
// them (`Venture Capitalistbude Sequoia`); a run made only of common nouns is a phrase, not a
// name (`Konzerne Milliarden Euro`), unless its position makes it an outlet (`in Analyse und
// Kritik`). The position of the name then says whether it is a source.

import {
  ABBREVIATIONS,
  isCommonNoun,
  isDeterminerAdjective,
  isFunctionWord,
  isGenitiveOnly,
  isListedNoun,
  isGenericOutletWord,
  isKindOnly,
  isOutletWord,
  isPiece,
  isPlatform,
  isReportingVerb,
  isRole,
  isSpeechVerb,
  ORGANISATION_WORD,
  RECOMMENDS,
} from './lexicon.js';
import { wordTokens } from './words.js';

export type NameKind = 'person' | 'outlet';

/** A name in a paragraph and what its position says about it. */
export interface Mention {
  /** The name as written, without article, descriptor or possessive ending (`Anne Helm`). */
  name: string;
  kind: NameKind;
  /** Why it is that kind (`a role before it`, `two name words`, `after "laut"`). */
  kindReason: string;
  /** Whether the kind is certain (a role, the shape of an outlet) or only likely. */
  kindSure: boolean;
  /** One word that may be a person's surname: a full name elsewhere in the issue tells. */
  single: boolean;
  /** Position of its first word in the paragraph (in words), for reading order. */
  at: number;
  /** Where its first word starts in the paragraph (in characters). */
  offset: number;
  /** Index of the sentence it stands in. */
  sentence: number;
  /** Why it reads as a source (`subject of "schreibt"`, `after "laut"`). */
  why: string;
  /** Strong: a position only a speaker or publisher takes. Weak: subject of another verb, or a place. */
  strong: boolean;
  /** Joined to a piece or medium it publishes (`Essay in 54Books`, `Paper von Apple`). */
  presents: boolean;
  /** The one who speaks or publishes in its clause: subject or agent of the verb, after `laut`, a title named. */
  speaks: boolean;
  /** Its verb is one of plain speech (`Donald Trump sprach …`, `fordert`): news, unless a piece is presented too. */
  news: boolean;
  /** Cited as earlier background (`wie schon X bemerkte`, `hatte bereits X beobachtet`). */
  background: boolean;
  /** The sentence recommends a piece (`lesenswert`). */
  recommended: boolean;
  /** The first word of the run it was read from: people joined by `und` share it. */
  group: number;
  /** For a person: the outlet they speak in (`Charley Warzel … im Atlantic`); for an outlet, the person. */
  partner?: Mention;
}

/** One whitespace-separated word with its punctuation and where it stands. */
interface Token {
  word: string;
  /** Punctuation before the word (opening quotes, brackets). */
  pre: string;
  /** Punctuation after the word. */
  post: string;
  lower: string;
  /** Starts with a capital (or digits then a capital: `54Books`). */
  cap: boolean;
  /** A name initial: `M.`, `J.D.`, `S.`. */
  initial: boolean;
  sentence: number;
  /** Index of the clause (clauses end at `,` `;` `:` a dash, a bracket or a sentence end). */
  clause: number;
  sentenceStart: boolean;
  sentenceEnd: boolean;
  clauseEnd: boolean;
  /** Inside quotation marks or brackets: not the author's naming. */
  quoted: boolean;
  paren: boolean;
  /** Inside a `dass`, `ob`, `nachdem` … clause: what is reported, not who reports. */
  sub: boolean;
  /** Inside an `über …` / `zum Thema …` phrase: the topic of a piece. */
  topic: boolean;
  /** `Atlantics‘`: a possessive marked with an apostrophe. */
  apostrophe: boolean;
  /** Where the word starts in the paragraph. */
  offset: number;
  /** The sentence it stands in, with what is known of it. */
  info: SentenceInfo;
}

/** A sentence of a paragraph: its words (`start` to `end`), and, once asked, whether it has a verb or recommends. */
interface SentenceInfo {
  start: number;
  end: number;
  verb?: boolean;
  recommends?: boolean;
}

const OPENING = '„"“”»«‚‘’\'(›‹[';
const CLOSING = '.,;:!?“”"«»‘’\')…]›‹';
const QUOTE_MARKS = '„"“”»«‚‘›‹';
const QUOTE_MARK = /[„"“”»«‚‘›‹]/;
/** Conjunctions that open a clause of reported content. */
const SUBORDINATE = new Set(['dass', 'daß', 'ob', 'nachdem', 'weil', 'wenn', 'obwohl', 'obgleich', 'während', 'bevor', 'seit', 'seitdem', 'sobald', 'falls', 'sofern']);
/** Conjunctions after which a new main clause (with its own subject) may start. */
const COORDINATING = new Set(['und', 'aber', 'doch', 'sondern', 'denn', 'oder']);
/** Words that may stand inside a name (`Ursula von der Leyen`, `Andreessen & Horowitz`, `Analyse und Kritik`). */
const PARTICLE = new Set(['von', 'van', 'de', 'da', 'di', 'du', 'del', 'al', 'bin', 'ibn', 'ten', 'ter', 'le', 'la', '&', 'und', 'of', 'for']);
/** Adverbs that may stand between a verb and the name after it (`versucht auch Ryan Broderick`). */
const BETWEEN_VERB_AND_NAME = new Set(['auch', 'nun', 'jetzt', 'noch', 'ja', 'dann', 'hier', 'gleich', 'prompt', 'ebenfalls', 'wieder', 'sogar', 'selbst', 'etwa', 'gerade', 'zurecht', 'treffend', 'schon', 'bereits']);
const ARTICLE = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'the']);
const OUTLET_PREPOSITION = new Set(['in', 'im', 'bei', 'beim', 'auf', 'für']);
/** Verbs an outlet does: `Die Zeit berichtet`, `Der Spiegel schreibt`. */
const PUBLISHES = /^(?:berichte[t]?|berichtete|schreibt|schrieb|meldet|meldete|titelt|titelte|veröffentlicht|veröffentlichte|bringt|brachte|kommentiert|zitiert|zitierte|enthüllt|recherchiert|analysiert)$/;
const AUXILIARY = /^(?:ist|sind|war|waren|hat|hatte|haben|hatten|wird|werden|wurde|wurden|will|wollte|kann|konnte|muss|musste|soll|sollte|darf)$/;
/** The newsletter itself and its author: never a source of their own issues. */
const SELF = /^(?:Krasse Links|Michael Seemann)\b/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let sentenceStart = true;
  let quoteOpen = -1;
  let parenOpen = false;
  let info: SentenceInfo = { start: 0, end: 0 };
  for (const { word: raw, index } of wordTokens(text)) {
    let start = 0;
    let end = raw.length;
    while (start < end && OPENING.includes(raw[start]!)) start++;
    while (end > start && CLOSING.includes(raw[end - 1]!)) end--;
    const pre = raw.slice(0, start);
    const post = raw.slice(end);
    const word = raw.slice(start, end);
    const previous = tokens[tokens.length - 1];
    if (!word || /^[–—-]+$/.test(word)) {
      // A dash or a lone mark: a clause boundary.
      if (previous) {
        previous.clauseEnd = true;
        if (/[.!?:]/.test(raw)) previous.sentenceEnd = true;
        if (QUOTE_MARK.test(raw)) quoteOpen = -1;
      }
      continue;
    }
    const lower = word.toLowerCase();
    // Note: cheap tests first; the parser reads every paragraph's lead.
    const upperFirst = word[0] !== lower[0];
    const initial = upperFirst && post.startsWith('.') && /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
    if (quoteOpen < 0 && pre && QUOTE_MARK.test(pre)) quoteOpen = tokens.length;
    if (pre.includes('(')) parenOpen = true;
    if (previous && (previous.sentenceEnd || previous.clauseEnd)) clause++;
    if (previous?.sentenceEnd) {
      sentence++;
      sentenceStart = true;
      info.end = tokens.length;
      info = { start: tokens.length, end: 0 };
    }
    const token: Token = {
      word,
      pre,
      post,
      lower,
      cap: upperFirst || (word.charCodeAt(0) <= 57 && /^\d+\p{Lu}/u.test(word)),
      initial,
      sentence,
      clause,
      sentenceStart,
      sentenceEnd: false,
      clauseEnd: false,
      quoted: quoteOpen >= 0,
      paren: parenOpen,
      sub: false,
      topic: false,
      apostrophe: /^[‘’']/.test(post) && /s$/.test(word),
      offset: index + start,
      info,
    };
    sentenceStart = false;
    const dot = post.includes('.') && !initial && !ABBREVIATIONS.has(token.lower) && !/^\d+$/.test(word);
    if (dot || /[!?:…]/.test(post)) token.sentenceEnd = true;
    if (/[,;]/.test(post) || token.sentenceEnd) token.clauseEnd = true;
    // A closing mark after the word, or one inside it (`„Interregnum„-Begriffs`), ends the quote.
    if ((post && QUOTE_MARK.test(post)) || QUOTE_MARK.test(word)) quoteOpen = -1;
    if (post.includes(')')) {
      parenOpen = false;
      token.clauseEnd = true;
    }
    tokens.push(token);
    // An unclosed quotation mark (a typo) must not hide the rest of the paragraph.
    if (quoteOpen >= 0 && tokens.length - quoteOpen > 40) {
      for (let i = quoteOpen; i < tokens.length; i++) tokens[i]!.quoted = false;
      quoteOpen = -1;
    }
  }
  info.end = tokens.length;
  markScopes(tokens);
  return tokens;
}

/** Marks `dass …` clauses and `über …` topics. */
function markScopes(tokens: Token[]): void {
  let sub = false;
  let topic = false;
  tokens.forEach((token, i) => {
    if (SUBORDINATE.has(token.lower) && !token.quoted) sub = true;
    if (!token.quoted && (token.lower === 'über' || (token.lower === 'thema' && tokens[i - 1]?.lower === 'zum'))) {
      topic = true;
      token.topic = true;
    } else if (topic) {
      // A topic runs over articles, adjectives, genitives and names, and ends at a verb or a new phrase.
      const continues = token.cap || ARTICLE.has(token.lower) || /^(?:von|vom|und|eines|einer|einem|einen|ein|eine)$/.test(token.lower) || adjectiveLike(token);
      if (continues) token.topic = true;
      else topic = false;
    }
    token.sub = sub;
    if (token.clauseEnd) {
      sub = false;
      topic = false;
    }
  });
}

/** A lowercase word with an adjective's ending (`bekannten`, `lesenswerte`). */
function adjectiveLike(t: Token): boolean {
  return !t.cap && /(?:e|en|er|es|em)$/.test(t.lower) && (!isFunctionWord(t.word) || isDeterminerAdjective(t.word)) && !isReportingVerb(t.word) && !AUXILIARY.test(t.lower);
}

/**
 * An adjective between a possessive and its noun (`Anne Helms neuen Podcast`, `lesenswerte`,
 * `großartigen`): an `-en` form only with an adjective's suffix, since verbs end so too (`Entities bleiben Text`).
 */
function possessedAdjective(t: Token): boolean {
  if (!adjectiveLike(t)) return false;
  return isDeterminerAdjective(t.word) || !/en$/.test(t.lower) || /(?:isch|lich|ig|iv|al|ell|bar|los|sam|wert|haft|t|ern)en$/.test(t.lower);
}

/** A lowercase word that can be a verb (after a clause's subject, German puts its verb). */
function verbLike(t: Token): boolean {
  return !t.cap && /^\p{Ll}+$/u.test(t.word) && (AUXILIARY.test(t.lower) || isReportingVerb(t.word) || (!isFunctionWord(t.word) && !/(?:isch|ische[nmrs]?|liche[nmrs]?|ige[nmrs]?|ene[nmrs]?|ste[nmrs]?|ich|lich|ig|bar|los|voll|weise|mal)$/.test(t.lower)));
}

/** A word that is surely a finite verb: an auxiliary, a reporting verb, a strong past form, or a `-t`/`-te` form. */
function finiteVerb(t: Token): boolean {
  return !t.cap && /^\p{Ll}+$/u.test(t.word) && (AUXILIARY.test(t.lower) || isReportingVerb(t.word) || STRONG_PAST.test(t.lower) || (verbLike(t) && /(?:t|te)$/.test(t.lower)));
}

/** Finite forms of strong verbs, which have no `-t` ending (`nahm`, `sah`, `half`). */
const STRONG_PAST = /^(?:nahm|sah|gab|kam|fand|sprach|schrieb|ging|stand|hielt|ließ|rief|half|lief|blieb|trat|zog|bot|las|wies|schien|hieß|fiel|wusste|brachte|dachte|kannte|nannte|warf|traf|schlug|trug|wuchs)$/;

/**
 * A sentence with a finite verb: an auxiliary, a `-t`/`-te`/`-ten` form, a strong past form, or an
 * `-en` form that no article or `zu` precedes (`Andreesson & Horowitz stecken …`, not `einen lesenswerten`).
 */
function hasFiniteVerb(words: Token[]): boolean {
  return words.some((t, i) => {
    if (t.cap || t.quoted || !/^\p{Ll}+$/u.test(t.word)) return false;
    if (AUXILIARY.test(t.lower) || /^(?:gibt|gab|geht)$/.test(t.lower) || STRONG_PAST.test(t.lower)) return true;
    if (!verbLike(t) || isFunctionWord(t.word)) return false;
    if (/(?:t|te|ten)$/.test(t.lower)) return true;
    const previous = words[i - 1];
    return /en$/.test(t.lower) && Boolean(previous) && !ARTICLE.has(previous!.lower) && !/^(?:zu|ein|eine|einen|einem|einer|eines|kein|keine|keinen|diese|diesen|dieser|jede|jeden|alle|allen|viele|vielen|seine|seinen|ihre|ihren)$/.test(previous!.lower) && !adjectiveLike(previous!);
  });
}

/** Whether the word before a name (past adjectives) is an article, `laut`, a preposition or a medium. */
function governed(tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && !tokens[k]!.clauseEnd && adjectiveLike(tokens[k]!)) k--;
  const t = tokens[k];
  return Boolean(t && !t.clauseEnd && (ARTICLE.has(t.lower) || t.lower === 'laut' || t.lower === 'mit' || OUTLET_PREPOSITION.has(t.lower) || isPiece(t.word)));
}

/** A run of capitalised words, as found, before reading it as a name. */
interface Run {
  start: number;
  /** Index after the last word. */
  end: number;
}

/** A capitalised word that can belong to a name (not a capitalised function word, not in quotes). */
function nameLike(t: Token | undefined): boolean {
  return Boolean(t && t.cap && !t.quoted && !t.paren && (!isFunctionWord(t.word) || t.lower === 'the'));
}

function findRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < tokens.length) {
    // `404 Media`: a number opening a name.
    const number = /^\d+$/.test(tokens[i]!.word) && !tokens[i]!.clauseEnd && nameLike(tokens[i + 1]) && !tokens[i]!.quoted;
    if (!nameLike(tokens[i]) && !number) {
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
      const possessive = givenBefore && /s$/.test(last.word) && last.word.length > 3 && (isCommonNoun(next.word) || isRole(next.word) || isPiece(next.word));
      if (nameLike(next) && next.lower !== 'the' && !possessive) {
        end++;
        continue;
      }
      // A particle joins two name words; not after a common noun (`Podcast von Dwarkesh Patel`).
      const after = tokens[end + 1];
      const particle = PARTICLE.has(next.lower) && !next.clauseEnd && nameLike(after) && (next.lower === '&' || next.lower === 'und' || ((next.lower === 'of' || next.lower === 'for') ? isOutletWord(last.word) || ORGANISATION_WORD.test(last.word) : !isCommonNoun(last.word) && !isPiece(last.word)));
      const vonDer = next.lower === 'von' && tokens[end + 1]?.lower === 'der' && nameLike(tokens[end + 2]) && !isCommonNoun(last.word) && !isPiece(last.word);
      if (vonDer) end += 2;
      else if (particle) end++;
      else break;
    }
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}

/** A run split at `und` where both sides are names of two words or more (`Sayash Kapoor und Arvind Narayanan`). */
function splitPeople(tokens: Token[], run: Run): Run[] {
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

/** A run read as a name: the words that remain and what was dropped before them. */
interface NameWords {
  words: Token[];
  first: number;
  role: boolean;
  /** Common nouns dropped before the name (`Venture Capitalistbude`). */
  descriptor: boolean;
  /** An article before the name (`Die Wired`, `der Zeit`, `The Atlantic`). */
  article: boolean;
}

/** Drops roles and common nouns before a name, and keeps what can be a name. */
function nameWords(tokens: Token[], run: Run): NameWords | undefined {
  let words = tokens.slice(run.start, run.end);
  let first = run.start;
  let role = false;
  let descriptor = false;
  // Only before the first particle: inside `Andreessen & Horowitz` nothing is a descriptor.
  const particleAt = words.findIndex((t) => !t.cap);
  const limit = particleAt < 0 ? words.length - 2 : particleAt - 2;
  // `Platformer Newsletter`: the word before a generic medium is its name.
  const genericLast = words.length >= 2 && isGenericOutletWord(words[words.length - 1]!.word);
  // `Süddeutsche Zeitung`, `New York Times`: before an outlet's name-word nothing is a descriptor.
  const outletName = isOutletWord(words[words.length - 1]!.word) && !genericLast;
  for (let j = Math.min(limit, genericLast ? words.length - 3 : words.length - 2); j >= 0; j--) {
    const w = words[j]!;
    if (w.initial) continue;
    // A short noun opening a name is a given name (`Kate`, `Mark`), not a descriptor.
    const givenName = j === 0 && w.word.length <= 4 && !isRole(w.word) && !isPiece(w.word);
    if (ORGANISATION_WORD.test(w.word)) continue; // `Universität Oxford`, `Stiftung Warentest`: part of the name
    if (isRole(w.word) || isPiece(w.word) || (isCommonNoun(w.word) && !givenName && !outletName)) {
      role = words.slice(0, j + 1).some((t) => isRole(t.word));
      descriptor = words.slice(0, j + 1).some((t) => !isRole(t.word));
      first += j + 1;
      words = words.slice(j + 1);
      break;
    }
  }
  while (words.length && !words[0]!.cap && !/^\d+$/.test(words[0]!.word)) {
    words = words.slice(1);
    first++;
  }
  if (words.length === 0 || (words[0]!.lower === 'the' && words.length === 1)) return undefined;
  const before = tokens[run.start - 1];
  const article = words[0]!.lower === 'the' || Boolean(before && ARTICLE.has(before.lower) && !before.clauseEnd);
  return { words, first, role, descriptor, article };
}

/** Endings of German adjectives that names hardly have (`Generative`, `Praktischer`, `Politische`). */
const ADJECTIVE_ENDING = /(?:isch|lich|ig|iv|al|ell|bar|los|sam)(?:e|en|er|es|em)$/;

/** The name a run of words spells, and what its shape says about its kind. */
interface Shape {
  name: string;
  kind?: NameKind;
  reason: string;
  sure: boolean;
  single: boolean;
  /** Only common words: a phrase, unless its position makes it an outlet (`in Analyse und Kritik`). */
  phrase: boolean;
}

function shapeOf(n: NameWords): Shape | undefined {
  let tokens = n.words;
  // `Platformer Newsletter`: the kind of medium after a name is not part of it.
  const generic = tokens.length > 1 && isGenericOutletWord(tokens[tokens.length - 1]!.word);
  if (generic) tokens = tokens.slice(0, -1);
  const words = tokens.map((t) => t.word);
  const name = nameText(tokens);
  if (SELF.test(name)) return undefined;
  const capWords = tokens.filter((t) => t.cap);
  // `404 Media`: a name that opens with a number is a brand.
  if (/^\d+$/.test(tokens[0]!.word)) return { name, kind: 'outlet', reason: 'the shape of an outlet', sure: true, single: false, phrase: false };
  // `Generative KI`, `Politische Ökonomie`: an adjective opens a phrase, not a name.
  if (capWords.length > 1 && !capWords[0]!.initial && ADJECTIVE_ENDING.test(capWords[0]!.lower)) return { name, reason: 'an adjective before a noun', sure: false, single: false, phrase: true };
  // A medium's kind alone is no name (`der Newsletter`); a platform is (`auf Bluesky`).
  if (capWords.length === 1 && (isKindOnly(capWords[0]!.word) || isPiece(capWords[0]!.word)) && !isPlatform(capWords[0]!.word) && !generic) return undefined;
  // A single listed noun is a phrase (decided first: most capitalised words are such nouns).
  if (words.length === 1 && capWords.length === 1 && !n.role && !n.article && isListedNoun(words[0]!) && !outletShapedWord(words[0]!) && !isPlatform(words[0]!) && !isGenitiveOnly(words[0]!)) {
    return { name, reason: 'one word', sure: false, single: false, phrase: true };
  }
  const initials = (t: Token, i: number) => t.initial || (i === 0 && tokens.length > 1 && /^\p{Lu}{2,3}$/u.test(t.word));
  const outletShape =
    generic ||
    tokens[0]!.lower === 'the' ||
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
  const nameWordsOnly = tokens.filter((t) => t.cap);
  const lastIsNoun = isCommonNoun(nameWordsOnly[nameWordsOnly.length - 1]!.word);
  // `Letzte Woche`: a capitalised adjective before a noun.
  const firstWord = nameWordsOnly[0]!;
  const adjectivePhrase = lastIsNoun && !firstWord.initial && (ADJECTIVE_ENDING.test(firstWord.lower) || (isCommonNoun(firstWord.word) && firstWord.word.length > 4));
  // A short first word may be a given name that is a noun too (`Kate`, `Mark`).
  const nounish = (t: Token, i: number) => t.initial || (isCommonNoun(t.word) && !(i === 0 && t.word.length <= 4));
  if (nameWordsOnly.every(nounish) || adjectivePhrase) return { name, reason: 'common words', sure: false, single: false, phrase: true };
  if (nameWordsOnly.length <= 4) return { name, kind: 'person', reason: `${nameWordsOnly.length} name words`, sure: false, single: false, phrase: false };
  return { name, reason: 'several capitalised words', sure: false, single: false, phrase: true };
}

const outletShaped = new Map<string, boolean>();

/** A word that makes a name an outlet's: a kind of medium, an organisation, digits, `CamelCase`, a domain. */
function outletShapedWord(word: string): boolean {
  let answer = outletShaped.get(word);
  if (answer === undefined) {
    answer =
      isOutletWord(word) || ORGANISATION_WORD.test(word) || /\d/.test(word) || /\p{Ll}\p{Lu}/u.test(word.replace(/^(?:Mc|Mac|De|Le|La|Di|Van|O')/, '')) || /\.(?:org|com|net|de|at|ch|eu|info|io)$/i.test(word);
    if (outletShaped.size >= 20_000) outletShaped.clear();
    outletShaped.set(word, answer);
  }
  return answer;
}

/** The words of a name as written: initials keep their dot. */
function nameText(words: Token[]): string {
  return words.map((t) => (t.initial ? `${t.word}.` : t.word)).join(' ');
}

/**
 * Cited as background: `wie schon X bemerkte`, `hatte ja bereits X beobachtet` (`schon`/`bereits`
 * with a verb in the past), not `X sieht die USA bereits als …`.
 */
function background(tokens: Token[], i: number): boolean {
  const clause = clauseOf(tokens, i);
  if (!clause.some((t) => t.lower === 'bereits' || t.lower === 'schon')) return false;
  const wie = clause.findIndex((t) => t.lower === 'wie');
  if (wie >= 0 && /^(?:schon|bereits)$/.test(clause[wie + 1]?.lower ?? '')) return true;
  return clause.some((t) => !t.cap && (/^(?:hatte|hatten|war|waren|wurde|wurden)$/.test(t.lower) || STRONG_PAST.test(t.lower) || (/te$/.test(t.lower) && verbLike(t))));
}

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

/** The words of the clause a token stands in. */
function clauseOf(tokens: Token[], i: number): Token[] {
  const clause = tokens[i]!.clause;
  let a = i;
  let b = i;
  while (a > 0 && tokens[a - 1]!.clause === clause) a--;
  while (b < tokens.length - 1 && tokens[b + 1]!.clause === clause) b++;
  return tokens.slice(a, b + 1);
}

/** The words after a name up to the end of its clause or a new subject (`… und die Crypto-Bros sind`). */
function predicateAfter(tokens: Token[], end: number): Token[] {
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

function sentenceOf(tokens: Token[], i: number): Token[] {
  const { start, end } = tokens[i]!.info;
  return tokens.slice(start, end);
}

/** Whether the sentence of word `i` has a finite verb (asked once per sentence). */
function sentenceHasVerb(tokens: Token[], i: number): boolean {
  const info = tokens[i]!.info;
  info.verb ??= hasFiniteVerb(tokens.slice(info.start, info.end));
  return info.verb;
}

/** Whether the sentence of word `i` recommends a piece (`lesenswert`). */
function recommends(tokens: Token[], i: number): boolean {
  const info = tokens[i]!.info;
  info.recommends ??= tokens.slice(info.start, info.end).some((t) => RECOMMENDS.test(t.lower));
  return info.recommends;
}

/**
 * How much of a paragraph is read for names: its start and its end (where a lead-in hands over).
 * Note: the bound keeps the reading linear in the size of an issue whatever its paragraphs are (a
 * 1 MB line); lead-ins and openings are far shorter.
 */
const WINDOW = 2000;

/** Reads the names in a paragraph of commentary. */
export function readNames(raw: string): Mention[] {
  // Link markup and URLs are no words (`[Text](https://…)` reads as `Text`); blanks keep the offsets.
  const text = raw
    .replace(/\[([^\]\n]*)\]\(([^)\s]*)\)/g, (match, label: string) => ` ${label}${' '.repeat(match.length - label.length - 1)}`)
    .replace(/\b(?:https?|mailto|javascript|data|vbscript|file):\S*/gi, (match) => ' '.repeat(match.length));
  if (text.length <= 2 * WINDOW) return readWindow(text);
  // The first sentences up to WINDOW characters, and the last ones.
  const headEnd = Math.max(text.lastIndexOf(' ', WINDOW), 1);
  const tailStart = text.indexOf(' ', text.length - WINDOW) + 1 || text.length - WINDOW;
  const head = readWindow(text.slice(0, headEnd));
  const tail = readWindow(text.slice(tailStart)).map((m) => ({ ...m, offset: m.offset + tailStart, at: m.at + 100_000, group: m.group + 100_000, sentence: m.sentence + 100_000 }));
  return [...head, ...tail];
}

function readWindow(text: string): Mention[] {
  const tokens = tokenize(text);
  const mentions: Mention[] = [];
  /** Names by the index of their last word, to tell `Raul Zelik in …` from `… Grades für Musk`. */
  const names = new Map<number, Shape>();
  const runs = findRuns(tokens).flatMap((run) => {
    const parts = splitPeople(tokens, run);
    return parts.map((part) => ({ run, part }));
  });
  const read = runs.map(({ run, part }) => {
    const n = nameWords(tokens, part);
    const shape = n && shapeOf(n);
    if (n && shape && !shape.phrase) names.set(part.end - 1, shape);
    return { run, part, n, shape };
  });
  for (const { run, part, n, shape } of read) {
    if (!n || !shape) continue;
    const first = tokens[n.first]!;
    if (first.sub || first.topic) continue;
    // A single common noun is a name only after an article, `laut`, a preposition or a medium (`der Zeit`, `die Sendung Monitor`).
    if (shape.phrase && n.words.length === 1 && !governed(tokens, n.first)) continue;
    if (SELF.test(nameText(tokens.slice(run.start, run.end)))) continue;
    // People joined by `und` share the position of the whole run (`Sayash Kapoor und Arvind Narayanan fassen …`).
    const evidence = positionOf(tokens, { start: n.first, end: run.end }, n, shape, names, part);
    if (!evidence) continue;
    if (shape.phrase && !evidence.allowsPhrase) continue;
    const kind = evidence.kind ?? shape.kind ?? 'outlet';
    mentions.push({
      name: evidence.possessive ?? shape.name,
      kind,
      kindReason: evidence.kind && evidence.kind !== shape.kind ? evidence.why : shape.reason,
      kindSure: shape.sure || Boolean(evidence.kind && evidence.kindSure),
      single: shape.single && !n.role && !evidence.kindSure,
      at: n.first,
      offset: first.offset,
      group: run.start,
      sentence: first.sentence,
      why: evidence.why,
      strong: evidence.strong,
      presents: evidence.presents,
      speaks: Boolean(evidence.speaks),
      news: Boolean(evidence.verb && isSpeechVerb(evidence.verb)),
      background: background(tokens, n.first),
      recommended: recommends(tokens, n.first),
    });
  }
  mentions.push(...titles(tokens), ...interviewOutlets(text, tokens), ...compounds(tokens));
  mentions.sort((a, b) => a.at - b.at);
  pairUp(mentions);
  // One name once per paragraph, with everything its positions say.
  const seen = new Map<string, Mention>();
  return mentions.filter((m) => {
    const key = `${m.kind}:${m.name.toLowerCase()}`;
    const known = seen.get(key);
    if (known) {
      known.strong ||= m.strong;
      known.presents ||= m.presents;
      known.background &&= m.background;
      known.partner ??= m.partner;
      return false;
    }
    seen.set(key, m);
    return true;
  });
}

interface Evidence {
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
  /** The name without its possessive ending, when the run is a possessive before a piece. */
  possessive?: string;
}

/** What the position of a name says: who speaks or publishes, where, or nothing. */
function positionOf(tokens: Token[], run: Run, n: NameWords, shape: Shape, names: Map<number, Shape>, part: Run): Evidence | undefined {
  const s = n.first;
  const last = tokens[part.end - 1]!;
  // A bracket after the name (`Paul Krugman (NYT) über …`) does not stand between it and its verb.
  let a = run.end;
  while (a < tokens.length && tokens[a]!.paren && !last.clauseEnd) a++;
  const afterParen = a > run.end && tokens[a - 1]!.post.includes(')') && !tokens[a - 1]!.sentenceEnd;
  const after = last.clauseEnd && !afterParen ? undefined : tokens[a];
  // The word that governs the name: before the descriptor dropped from the run (`der bekannten Venture
  // Capitalistbude Sequoia`), and before articles and adjectives.
  let g = Math.min(s, part.start) - 1;
  for (let skipped = 0; g >= 0 && skipped < 6 && !tokens[g]!.clauseEnd && (ARTICLE.has(tokens[g]!.lower) || adjectiveLike(tokens[g]!)); skipped++) g--;
  const governor = g >= 0 && !tokens[g]!.clauseEnd ? tokens[g] : undefined;
  const before = s > 0 && !tokens[s - 1]!.clauseEnd ? tokens[s - 1] : undefined;
  // Note: computed when first asked; most names are decided before they are needed.
  const clause = once(() => clauseOf(tokens, s));
  const predicate = once(() => predicateAfter(tokens, run.end));
  const sentence = once(() => sentenceOf(tokens, s));
  const reporting = (words: Token[]) => words.find((t) => !t.cap && !t.quoted && isReportingVerb(t.word));
  const pieceIn = (words: Token[]) => words.find((t) => isPiece(t.word) && !t.quoted && t !== last);
  const singleNoun = shape.phrase && n.words.filter((t) => t.cap).length === 1;

  // A possessive before a piece: `Anne Helms neuen Podcast`, `Googles Paper`; before a name: `The Atlantics‘ Charlie Warzel`.
  if (/s$/.test(last.word) && last.word.length > 3 && !shape.phrase) {
    let k = part.end;
    while (k < tokens.length && k < part.end + 2 && possessedAdjective(tokens[k]!) && !tokens[k - 1]!.clauseEnd) k++;
    const next = tokens[k];
    if (next && isPiece(next.word) && !last.clauseEnd && !tokens[k - 1]!.clauseEnd) {
      return { why: `"${shape.name} ${next.word}": a piece of theirs`, strong: true, presents: true, possessive: shape.name.replace(/[‘’']$/, '').replace(/s$/, '') };
    }
    if (last.apostrophe && tokens[part.end]?.cap) {
      return { why: `possessive before a name ("${shape.name}")`, strong: true, presents: true, kind: 'outlet', possessive: shape.name.replace(/[‘’']$/, '').replace(/s$/, '') };
    }
  }

  // `Elon Musks Trans-Tochter`: a possessive of something else says nothing of a source.
  const owned = tokens[part.end];
  if (/s$/.test(last.word) && owned?.cap && !last.clauseEnd && (isCommonNoun(owned.word) || isRole(owned.word)) && !isPiece(owned.word)) return undefined;

  // `laut Heise`, `Laut der Zeit` (not `laut hartnäckigen Gerüchten`).
  if (governor?.lower === 'laut') {
    if (singleNoun && !n.article) return undefined;
    return { why: 'after "laut"', strong: true, presents: false, speaks: true, kind: shape.kind === 'person' ? 'person' : 'outlet', kindSure: shape.kind !== 'person', allowsPhrase: true };
  }

  // An outlet after a preposition that follows the speaker, a reporting verb or a piece:
  // `Nathan Benaich In Fortune`, `analysiert in der New York Times`, `Essay in 54Books`, `Auf Strage Matters hat …`.
  if (governor && OUTLET_PREPOSITION.has(governor.lower)) {
    // `im Tech-Bro Podcast von Dwarkesh Patel`: the podcast is named by its host.
    if (isGenericOutletWord(n.words[n.words.length - 1]!.word) && tokens[run.end]?.lower === 'von') return undefined;
    const p = tokens[g - 1];
    const speakerBefore = p && !p.clauseEnd && names.get(g - 1)?.kind === 'person';
    const outletBefore = p && !p.clauseEnd && names.get(g - 1)?.kind === 'outlet';
    const verbBefore = p && !p.clauseEnd && !p.cap && (isReportingVerb(p.word) || /^(?:war|ist|hat|hatte|auch|schon|einst)$/.test(p.lower));
    const pieceBefore = p && !p.clauseEnd && isPiece(p.word) && !p.quoted;
    const opensSentence = governor.sentenceStart;
    // A person named earlier in the clause (`Rainer Forst hat in der Zeit …`).
    let subjectBefore = false;
    for (let k = g - 1; k >= 0 && tokens[k]!.clause === governor.clause; k--) if (names.get(k)?.kind === 'person') subjectBefore = true;
    const strongPlace = Boolean(speakerBefore || pieceBefore || (verbBefore && (isReportingVerb(p!.word) || subjectBefore || reporting(clause()) || pieceIn(clause()))));
    // A single common noun is an outlet only right after the speaker (`Rainer Forst hat in der Zeit`).
    if (singleNoun && !(n.article || governor.lower === 'im')) return undefined;
    if (singleNoun && !(subjectBefore && (verbBefore || speakerBefore || pieceBefore) && (reporting(clause()) || pieceIn(clause())))) return undefined;
    if (outletBefore) return undefined;
    if (strongPlace || (opensSentence && !singleNoun && (governor.lower !== 'in' && governor.lower !== 'im' ? hasFiniteVerb(clause()) : Boolean(reporting(clause()) || pieceIn(clause()))))) {
      const personHere = shape.kind === 'person' && /^(?:bei|beim|auf)$/.test(governor.lower) && !n.article && !opensSentence;
      // `Bei der Venture-Capital-Firma Sequoia bekommt man Zweifel …`: the sentence opens with where it is said.
      const strong = strongPlace || Boolean(reporting(clause()) || pieceIn(clause())) || (opensSentence && /^(?:bei|beim|auf)$/.test(governor.lower) && !singleNoun && !shape.phrase);
      const where = speakerBefore ? ' following the name' : pieceBefore || verbBefore ? ` following "${p!.word}"` : ' opening the sentence()';
      return { why: `after "${governor.word}"${where}`, strong, presents: true, speaks: opensSentence, kind: personHere ? 'person' : 'outlet', kindSure: !personHere, allowsPhrase: !singleNoun || n.article || governor.lower === 'im' };
    }
    return undefined;
  }

  // After a piece or medium: `der Newsletter SnakeOil-AI`, `Podcast von Dwarkesh Patel`, `Paper von Apple`,
  // `eine Website aufgesetzt, FollowtheCrypto,`.
  const pieceAt = (k: number) => (k >= 0 && k < tokens.length && isPiece(tokens[k]!.word) && !tokens[k]!.quoted ? tokens[k] : undefined);
  if (before && (before.lower === 'von' || before.lower === 'vom') && pieceAt(s - 2) && !tokens[s - 2]!.clauseEnd && !shape.phrase) {
    return { why: `"${tokens[s - 2]!.word} von …"`, strong: true, presents: true, speaks: true, kind: shape.kind === 'person' ? 'person' : 'outlet' };
  }
  const descriptor = n.descriptor ? tokens.slice(part.start, s).reverse().find((t) => isPiece(t.word)) : undefined;
  const namedWith = descriptor ?? (before && pieceAt(s - 1) ? before : undefined);
  // A title right after its medium may be a common word (`die Sendung Monitor`).
  const titleAfterMedium = namedWith === before && singleNoun;
  if (namedWith && !n.role && (!shape.phrase || titleAfterMedium)) {
    return { why: `named with "${namedWith.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: titleAfterMedium };
  }
  if (s >= 3 && tokens[s - 1]!.clauseEnd && (pieceAt(s - 2) || pieceAt(s - 3)) && (last.clauseEnd || run.end >= tokens.length) && !shape.phrase) {
    return { why: `named after "${(pieceAt(s - 2) ?? pieceAt(s - 3))!.word}"`, strong: true, presents: true, kind: 'outlet', kindSure: true };
  }

  // `eine Studie der Universität Oxford`, `ein Essay des Historikers …`: a piece of theirs.
  if (governor && isPiece(governor.word) && !governor.quoted && /^(?:der|des)$/.test(tokens[g + 1]?.lower ?? '') && !shape.phrase) {
    return { why: `"${governor.word} ${tokens[g + 1]!.word} …"`, strong: true, presents: true, speaks: true };
  }
  // `Interview mit … Jordan Peterson`: interviewed; `im Interview mit der Zeit`: the outlet that asks.
  if (governor?.lower === 'mit' && pieceAt(g - 1)) {
    if (singleNoun && n.article) return { why: `"${tokens[g - 1]!.word} mit …"`, strong: true, presents: true, kind: 'outlet', kindSure: true, allowsPhrase: true };
    if (!shape.phrase) return { why: `"${tokens[g - 1]!.word} mit …"`, strong: true, presents: true };
  }
  // `hat mit der Soziologin Eva Beispiel gesprochen`: the one who talks.
  if (governor?.lower === 'mit' && !shape.phrase && predicate().some((t) => /^(?:gesprochen|geredet|unterhalten|diskutiert|spricht|sprach|redet|redete)$/.test(t.lower))) {
    return { why: '"mit … gesprochen"', strong: true, presents: true, speaks: true };
  }

  // The agent of a passive: `die von David Karpf auseinander genommen wird`, `von Rachel Maddow zusammenfassen lassen`.
  if (before && (before.lower === 'von' || before.lower === 'vom')) {
    const rest = predicate();
    const ofNoun = tokens[s - 2]?.cap && !tokens[s - 2]!.clauseEnd;
    const passive = (t: Token) => /^(?:wird|werden|wurde|wurden|worden|lassen|ließ|lässt)$/.test(t.lower);
    if (!shape.phrase && !ofNoun && (rest.some(passive) || clause().slice(0, clause().indexOf(before)).some(passive)) && rest.some((t) => !t.cap && /^\p{Ll}+$/u.test(t.word) && !isFunctionWord(t.word))) {
      return { why: 'agent after "von"', strong: true, presents: false, speaks: true };
    }
    return undefined;
  }

  // `wie Johannes Franzen … zeigt`, `Wie schon Milan Kundera bemerkte`.
  let w = Math.min(s, part.start) - 1;
  while (w >= 0 && !tokens[w]!.clauseEnd && (ARTICLE.has(tokens[w]!.lower) || adjectiveLike(tokens[w]!))) w--;
  while (w >= 0 && BETWEEN_VERB_AND_NAME.has(tokens[w]!.lower) && !tokens[w]!.clauseEnd) w--;
  if (w >= 0 && tokens[w]!.lower === 'wie' && !tokens[w]!.clauseEnd) {
    // The verb ends the `wie`-clause, perhaps after a list introduced by a colon.
    const rest: Token[] = [];
    for (let k = run.end; k < tokens.length && k < run.end + 40; k++) {
      rest.push(tokens[k]!);
      if (/[.!?]/.test(tokens[k]!.post) && tokens[k]!.sentenceEnd) break;
    }
    const verb = reporting(rest);
    return verb && !shape.phrase ? { why: `"${tokens[w]!.lower} …" with "${verb.word}"`, strong: true, presents: false, speaks: true, verb: verb.word } : undefined;
  }

  // After a reporting verb: `schreibt Nathan Benaich`, `versucht auch Ryan Broderick`, `kritisiert Tooze`;
  // after an auxiliary whose clause reports or publishes: `hat John Michael Colón einen Longread … veröffentlicht`.
  // A name after the verb is its subject only where no subject stands before it (`Anlässlich … schreibt
  // Nathan Benaich`, but not `Joan Westenberg sieht die USA`).
  const verb = w >= 0 && !tokens[w]!.clauseEnd && !tokens[w]!.cap && !subjectBefore(tokens, w, names) ? tokens[w] : undefined;
  if (verb && isReportingVerb(verb.word) && !isFunctionWord(verb.word) && !shape.phrase) {
    return { why: `after "${verb.word}"`, strong: true, presents: Boolean(pieceIn(clause())), speaks: true, verb: verb.word };
  }
  if (verb && AUXILIARY.test(verb.lower) && !shape.phrase && (reporting(predicate()) || pieceIn(predicate()))) {
    const word = (reporting(predicate()) ?? pieceIn(predicate()))!.word;
    return { why: `after "${verb.word} … ${word}"`, strong: true, presents: Boolean(pieceIn(predicate())), speaks: true, verb: word };
  }
  // After another verb the name is the subject too, when the clause opened with something else
  // (`In eine ähnliche Kerbe schlägt auch Alberto Toscano`).
  if (verb && verbLike(verb) && !AUXILIARY.test(verb.lower) && !shape.phrase && !clauseStart(tokens, w, w)) {
    return { why: `after "${verb.word}"`, strong: false, presents: Boolean(pieceIn(clause())) };
  }
  // `hatten wir Arne Semsrott zu Gast`.
  if (before?.lower === 'wir' && tokens[run.end]?.lower === 'zu' && tokens[run.end + 1]?.lower === 'gast') {
    return { why: '"zu Gast"', strong: true, presents: true, speaks: true, kind: 'person' };
  }

  const atClauseStart = clauseStart(tokens, s, part.start);
  // Without a verb: `Raul Zelik in Analyse und Kritik mit vier Beobachtungen`, `Die Zeit mit den Hintergründen.`
  if (atClauseStart && after && /^(?:mit|in|im|über|zu|zur|zum)$/.test(after.lower) && !sentenceHasVerb(tokens, s)) {
    const rest = sentence().slice(sentence().indexOf(after) + 1);
    const presentsPiece = rest.some((t) => isPiece(t.word)) || rest.some((t) => nameLike(t) && !isCommonNoun(t.word));
    const topicOnly = /^(?:über|zu|zur|zum)$/.test(after.lower) && shape.kind !== undefined;
    if ((shape.kind !== undefined || shape.single || (n.article && singleNoun)) && (presentsPiece || topicOnly) && !isPiece(n.words[0]!.word)) {
      return { why: `"${shape.name} ${after.word} …" without a verb`, strong: true, presents: true, speaks: true, allowsPhrase: n.article && singleNoun };
    }
  }

  // `Nochmal Cory Doctorow, diesmal über …:`: the first name of a sentence without a verb is what it presents.
  if (shape.kind !== undefined && !sentenceHasVerb(tokens, s) && !sentence().slice(0, sentence().indexOf(tokens[s]!)).some((t) => nameLike(t) && !isCommonNoun(t.word) && !isFunctionWord(t.word))) {
    return { why: 'named in a sentence() without a verb', strong: true, presents: true, speaks: true };
  }

  // The subject: a name opening a clause, before its verb.
  if (atClauseStart && after && verbLike(after)) {
    const verbWord = reporting(predicate());
    const piece = pieceIn(predicate());
    // `Die Zeit berichtet`: a common noun with an article is an outlet only as the subject of a reporting verb.
    if (singleNoun) {
      // `Der Spiegel hat eine lange Recherche …`: has a piece (its object, after an indefinite article).
      const pieceObject = piece && /^(?:hat|hatte|haben|hatten|bringt|brachte|zeigt)$/.test(after.lower) && indefiniteBefore(predicate(), piece);
      const publishes = PUBLISHES.test(after.lower) || pieceObject;
      if (!(n.article && publishes && !isPiece(n.words[0]!.word) && !isRole(n.words[0]!.word))) return undefined;
      return { why: piece && !PUBLISHES.test(after.lower) ? `subject, with a "${piece.word}"` : `subject of "${after.word}"`, strong: true, presents: Boolean(piece), speaks: true, kind: 'outlet', allowsPhrase: true };
    }
    if (shape.phrase) return undefined;
    // `Die Wired hat …`, but not `die Risiken großer Sprachmodelle`: a name with an article needs a plain verb after it.
    if (n.article && shape.kind === 'outlet' && shape.reason === 'a name with an article' && !finiteVerb(after)) return undefined;
    // A single word opening a sentence is a name only before a reporting verb (`Tooze fasst`, not `Besser bekannt ist`).
    if (shape.single && !isReportingVerb(after.word) && !(AUXILIARY.test(after.lower) && verbWord)) return undefined;
    if (verbWord) return { why: `subject of "${verbWord.word}"`, strong: true, presents: Boolean(piece), speaks: true, verb: verbWord.word };
    if (piece) return { why: `subject, with a "${piece.word}"`, strong: true, presents: true, speaks: true };
    return { why: `subject of "${after.word}"`, strong: false, presents: false, speaks: true };
  }
  // An outlet by its kind as the complement of `ist`/`war`: `Es war wieder Otherwise Salon`.
  let c = s - 1;
  while (c >= 0 && BETWEEN_VERB_AND_NAME.has(tokens[c]!.lower)) c--;
  if (shape.kind === 'outlet' && shape.sure && c >= 0 && /^(?:ist|war|sind|waren)$/.test(tokens[c]!.lower) && n.words.some((t) => isOutletWord(t.word))) {
    return { why: `"${tokens[c]!.word} … ${shape.name}"`, strong: false, presents: true };
  }
  return undefined;
}

/** Whether a piece stands after an indefinite article (and adjectives), as an object: `eine lange Recherche`. */
function indefiniteBefore(words: Token[], piece: Token): boolean {
  let k = words.indexOf(piece) - 1;
  while (k >= 0 && adjectiveLike(words[k]!)) k--;
  return k >= 0 && /^(?:ein|eine|einen|einer|einem)$/.test(words[k]!.lower);
}

/** Whether the clause of the verb at `w` has a subject before it: a name or a personal pronoun opening the clause. */
function subjectBefore(tokens: Token[], w: number, names: Map<number, Shape>): boolean {
  let cs = w;
  while (cs > 0 && !tokens[cs - 1]!.clauseEnd && !COORDINATING.has(tokens[cs - 1]!.lower)) cs--;
  if (/^(?:er|sie|es|ich|wir|man|ihr|du|die|der|das)$/.test(tokens[cs]?.lower ?? '') && cs === w - 1) return true;
  // German puts the verb right after a subject that opens the clause.
  const name = names.get(w - 1);
  return Boolean(name && clauseStart(tokens, w - 1 - (name.name.split(' ').length - 1), w - 1 - (name.name.split(' ').length - 1)));
}

/**
 * Whether a name opens its clause: at the start of a sentence or clause, after an article,
 * adjectives, a role or descriptor, a coordinating conjunction, or a possessive outlet
 * (`und The Atlantics‘ Charlie Warzel trommelte`).
 */
function clauseStart(tokens: Token[], s: number, runStart: number): boolean {
  let k = Math.min(s, runStart) - 1;
  for (;;) {
    while (k >= 0 && !tokens[k]!.clauseEnd && (ARTICLE.has(tokens[k]!.lower) || adjectiveLike(tokens[k]!) || /^(?:auch|nun|jetzt|zuletzt|dann|hier)$/.test(tokens[k]!.lower))) k--;
    if (k >= 0 && tokens[k]!.apostrophe) {
      k--;
      while (k >= 0 && tokens[k]!.cap && !tokens[k]!.clauseEnd) k--;
      continue;
    }
    break;
  }
  return k < 0 || tokens[k]!.clauseEnd || COORDINATING.has(tokens[k]!.lower) || (tokens[k]!.sentenceStart && tokens[k]!.cap && isFunctionWord(tokens[k]!.word) && /^(?:auch|nun|jetzt|zuletzt|und|aber|doch|dann)$/.test(tokens[k]!.lower));
}

/** A title after a medium: `Der Youtube Channel „The Stories We Tell“`, `Podcast: All das und viel mehr.` */
function titles(tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((t, i) => {
    if (t.quoted || t.sub || t.topic || !/^(?:podcast|newsletter|blog|kanal|channel|show|sendung|magazin|zeitung|zeitschrift|salon|serie|reihe|website|webseite)/.test(t.lower) || !isPiece(t.word)) return;
    const next = tokens[i + 1];
    if (!next) return;
    let words: Token[] = [];
    if (!t.post && next.quoted && [...next.pre].some((c) => QUOTE_MARKS.includes(c))) {
      for (let k = i + 1; k < tokens.length && k < i + 12 && tokens[k]!.quoted; k++) {
        words.push(tokens[k]!);
        if ([...tokens[k]!.post].some((c) => QUOTE_MARKS.includes(c))) break;
      }
    } else if (t.post === ':' && next.cap) {
      for (let k = i + 1; k < tokens.length && k < i + 8; k++) {
        words.push(tokens[k]!);
        if (tokens[k]!.sentenceEnd) break;
      }
      if (!words[words.length - 1]?.sentenceEnd || words.length > 6) words = [];
    }
    if (!words.length) return;
    found.push({
      name: words.map((w) => w.word).join(' '),
      kind: 'outlet',
      kindReason: `the title of a ${t.word}`,
      kindSure: true,
      single: false,
      at: i + 1,
      offset: next.offset,
      group: i + 1,
      sentence: next.sentence,
      why: `title after "${t.word}"`,
      strong: true,
      presents: true,
      speaks: true,
      news: false,
      background: false,
      recommended: recommends(tokens, i),
    });
  });
  return found;
}

/** `Lea Ypi hat der taz ein lesenswertes Interview gegeben`: the outlet (in any case) the interview went to. */
const INTERVIEW_GIVEN = /(?:^|\s)(?:der|dem)\s+(\S+(?:\s+\S+){0,2}?)\s+(?:ein|einen|eine)\s+(?:\p{Ll}+\s+){0,2}(?:Interview|Gespräch)\s+gegeben/u;

function interviewOutlets(text: string, tokens: Token[]): Mention[] {
  const match = INTERVIEW_GIVEN.exec(text);
  if (!match) return [];
  const name = match[1]!;
  const words = name.split(/\s+/);
  if (words.some((w) => isFunctionWord(w)) || (words.length === 1 && /^\p{Lu}/u.test(name) && isCommonNoun(name))) return [];
  const at = text.slice(0, match.index + match[0].indexOf(name)).split(/\s+/).filter(Boolean).length;
  return [{
    name,
    kind: 'outlet',
    kindReason: 'an interview was given to it',
    kindSure: true,
    single: false,
    at,
    offset: match.index,
    group: at,
    sentence: tokens[Math.min(at, tokens.length - 1)]?.sentence ?? 0,
    why: 'an interview given to it',
    strong: true,
    presents: true,
    speaks: false,
    news: false,
    background: false,
    recommended: RECOMMENDS.test(match[0]),
  }];
}

/** `Vanity-Fair-Stücks`, `Prospect-Artikel`, `Gramsci-Zitat`: a piece of the name before the dash. */
function compounds(tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((t, i) => {
    if (t.quoted || t.paren || t.sub || t.topic || !t.cap || !t.word.includes('-')) return;
    const parts = t.word.split('-');
    const head = parts.pop()!;
    if (!isPiece(head) || parts.length === 0 || parts.some((p) => !/^\p{Lu}/u.test(p) || isFunctionWord(p))) return;
    if (parts.some((p) => isCommonNoun(p) || isPiece(p) || isOutletWord(p) || /(?:ie|ik|ur|ion|ismus)$/.test(p)) && !parts.some((p) => isPlatform(p))) return;
    // What people make (`Gramsci-Zitat`, `Trump-Interview`) or what outlets publish (`Vanity-Fair-Stück`).
    const person = parts.length === 1 && /^(?:zitat|zitate|zitats|interview|interviews|rede|vortrag|vortrags|essay|essays|buch|buches|buchs|aufsatz|aufsatzes|thread|threads)$/.test(head.toLowerCase());
    found.push({
      name: parts.join(' '),
      kind: person ? 'person' : 'outlet',
      kindReason: person ? `one name before "${head}"` : 'named before a piece',
      kindSure: false,
      single: parts.length === 1,
      at: i,
      offset: t.offset,
      group: i,
      sentence: t.sentence,
      why: `"${t.word}": a piece of theirs`,
      strong: true,
      presents: true,
      speaks: false,
      news: false,
      background: false,
      recommended: recommends(tokens, i),
    });
  });
  return found;
}

/**
 * Joins a person and the outlet named with them in one sentence (`M. Gessen analysiert in der New
 * York Times`, `Auf Strage Matters hat John Michael Colón …`). A person joined to an outlet they
 * publish in presents a piece.
 */
function pairUp(mentions: Mention[]): void {
  for (const outlet of mentions) {
    if (outlet.kind !== 'outlet' || !outlet.presents || outlet.partner) continue;
    // Only a venue: where someone speaks (`in der Zeit`, `im Podcast: …`, `The Atlantics‘`), not an outlet that speaks itself.
    if (/^(?:subject|after "laut"|agent)|without a verb|von …"|a piece of theirs/.test(outlet.why)) continue;
    // The nearest person before it in the sentence, else after it; a title right after `Anne Helms Podcast:` too.
    const title = outlet.why.startsWith('title after');
    const candidates = mentions.filter((m) => m.kind === 'person' && !m.partner && (m.sentence === outlet.sentence || (title && m.sentence === outlet.sentence - 1 && m.presents)));
    const person = candidates.filter((m) => m.at < outlet.at).pop() ?? candidates.find((m) => m.at > outlet.at);
    if (!person) continue;
    person.partner = outlet;
    outlet.partner = person;
    person.presents = true;
    if (outlet.strong) person.strong = true;
  }
}
