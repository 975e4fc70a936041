// The words a section is about, for its heading and for finding related sections across the
// archive. Everything here depends only on the section's own text and a fixed background: how
// common a word is in German in general (so the terms of an issue never change when another issue
// is added, and an issue's model stays valid in the build cache).
// Note: the background is the frequency-ranked German word lists of @zxcvbn-ts/language-de (from
// film subtitles and from Wikipedia, about 77 000 words). A word's rank r in such a list is about
// inversely proportional to its frequency (Zipf), so ln r measures how much a word says; a word
// on neither list (a name, a compound, a term of art) says the most.

import { dictionary } from '@zxcvbn-ts/language-de';

/** Rank of every word on the background lists (lower case; the subtitle list's rank first). */
let ranks: Map<string, number> | undefined;

function backgroundRanks(): Map<string, number> {
  if (ranks) return ranks;
  ranks = new Map();
  // Note: the lists hold no word twice: the Wikipedia list leaves out the subtitle list's words.
  // Its ranks are counted on after the subtitle list's, which is the better guide for everyday words.
  let rank = 1;
  for (const word of dictionary.commonWords) if (!ranks.has(word)) ranks.set(word, rank++);
  for (const word of dictionary.wikipedia) if (!ranks.has(word)) ranks.set(word, rank++);
  return ranks;
}

/** Words among the commonest this many of German say nothing about a topic. */
const COMMON_RANK = 150;
/** The weight of a word on no background list (a name, a compound, a term of art). */
const UNKNOWN_WEIGHT = Math.log(200_000);
/** The weight of an English word that is not among the commonest: like a German word of rank 20 000. */
const ENGLISH_WEIGHT = Math.log(20_000);

/**
 * Words of the newsletter's form rather than its topics: what the author points at (`Artikel`,
 * `Podcast`), his greeting, and the names of the newsletter.
 */
const FORM_WORDS = new Set(
  ('artikel text texte essay essays interview interviews paper podcast podcasts newsletter newsletters buch bücher stück ' +
    'thread threads video videos videoessay ausgabe ausgaben blogpost blogposts post posts tweet tweets beitrag beiträge ' +
    'folge folgen episode teil teile serie link links krasse zitat zitate kommentar analyse analysen studie studien ' +
    'recherche bericht berichte meldung kolumne rezension vortrag talk seite seiten website blog substack youtube ' +
    'willkommen hallo dank danke leute leser leserin leserinnen absatz abschnitt überschrift').split(' '),
);

/**
 * The commonest English words: quotes are often English, and these say nothing about a topic.
 * Note: a fixed list (the closed-class words and commonest verbs and nouns of English), so that
 * English quotes weigh like German text without a second background list.
 */
const ENGLISH_COMMON = new Set(
  ('the of and to a in is that it for on with as are be this by not but or have from they at an their we has which ' +
    'will its can been than what when who would there into our also these only such one all if about how were do ' +
    'he she you his her them more most other some any those where while because should could then just over after ' +
    'before being through very does did had my me i your us no up out new like so was said says say get got make made ' +
    'many much even still well now way ways time times year years people thing things first two three last next between ' +
    'each both same own back down off here why too may might must shall let see seen know known take taken come came ' +
    'going go goes gone want need use used using work works part since however though although yet every another ' +
    'around against across without within among under again ever never always often less least few lot lots really ' +
    'something anything nothing everything someone anyone everyone us them themselves itself himself herself think ' +
    'thought look looks looked give given gave find found tell told become became becomes seem seems seemed keep kept ' +
    'put puts long great good better best big small large high low old right left end point case fact').split(' '),
);

/** What the term functions need to know of a word, worked out once per word. */
export interface WordInfo {
  /** The key shared by the word's forms (see stem). */
  stem: string;
  /** How much the word says about a topic: ln of its background rank, 0 for the commonest words. */
  weight: number;
  /** On no background list: a name, a compound, a term of art, or an English word. */
  unknown: boolean;
  /** Carries no topic: too short, a number, a common word of German or English, or one of the newsletter's form. */
  functionWord: boolean;
  /** Capitalised as German nouns and names are (`Hegemonie`, `KI`; not `Im`, not `4`). */
  capitalised: boolean;
  /** A common first name (`Anne`, `Johannes`). */
  firstName: boolean;
  /** A common first name or surname (`Walter`, `Müller`): a word of people's names. */
  personName: boolean;
  /** Scratch for sectionTerms: the scan that last counted this word, its count there, and whether it was in English text. */
  scan: number;
  count: number;
  english: boolean;
}

/** What is known of every lower-case word of three letters or fewer: nothing of a topic (`und`, `the`, `ist`). */
const SHORT_WORD: WordInfo = { stem: '', weight: 0, unknown: false, functionWord: true, capitalised: false, firstName: false, personName: false, scan: 0, count: 0, english: false };

/**
 * Words seen, with what is known of them.
 * Note: texts repeat their words, so each is looked up once; bounded, so that a huge archive
 * cannot fill the memory with them.
 */
const words = new Map<string, WordInfo>();
const WORD_CACHE = 100_000;
let firstNames: Set<string> | undefined;
let surnames: Set<string> | undefined;

/** What is known of a word (as written). */
export function wordInfo(word: string): WordInfo {
  let info = words.get(word);
  if (info) return info;
  if (words.size >= WORD_CACHE) words.clear();
  const lower = word.toLowerCase();
  const rank = backgroundRanks().get(lower);
  firstNames ??= new Set(dictionary.firstnames);
  surnames ??= new Set(dictionary.lastnames);
  info = {
    stem: stem(word),
    weight: rank === undefined ? UNKNOWN_WEIGHT : rank <= COMMON_RANK ? 0 : Math.log(rank),
    unknown: rank === undefined,
    functionWord:
      lower.length < 2 || (lower.length === 2 && word !== word.toUpperCase()) || /^[\d'’-]+$/.test(lower) ||
      ENGLISH_COMMON.has(lower) || FORM_WORDS.has(lower) || (rank !== undefined && rank <= COMMON_RANK),
    capitalised: /^\p{Lu}/u.test(word) && !/^\p{Lu}\p{Ll}?$/u.test(word) && /\p{L}/u.test(word.slice(1)),
    firstName: firstNames.has(lower),
    personName: firstNames.has(lower) || surnames.has(lower),
    scan: 0,
    count: 0,
    english: false,
  };
  words.set(word, info);
  return info;
}

export interface Token {
  /** The word as written: letters and digits, joined by hyphens or apostrophes inside (`KI-Hype`, `GPT-4`, `Trump’s`). */
  word: string;
  /** What is known of the word. */
  info: WordInfo;
  /** True when the word opens a sentence (first in the paragraph, or after `.`, `!`, `?`, `:`). */
  opensSentence: boolean;
  /** True when only a space separates the word from the one before (`Elon Musk`, not `Musk, Elon`). */
  joined: boolean;
}

/** Which UTF-16 code units are letters or digits (1) or not (0), filled when first needed. */
let wordChars: Uint8Array | undefined;

function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (!wordChars) {
    wordChars = new Uint8Array(0x10000);
    const letterOrDigit = /[\p{L}\p{N}]/u;
    // Note: surrogates stay 0: letters beyond the first plane are too rare to matter here.
    for (let c = 0x80; c < 0xd800; c++) wordChars[c] = letterOrDigit.test(String.fromCharCode(c)) ? 1 : 0;
    for (let c = 0xe000; c < 0x10000; c++) wordChars[c] = letterOrDigit.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return wordChars[code] === 1;
}

/** `-`, `'`, `’`: join two runs of letters into one word. */
const isJoiner = (code: number) => code === 0x2d || code === 0x27 || code === 0x2019;
/** `.`, `!`, `?`, `:`, `…`: end a sentence. */
const isSentenceEnd = (code: number) => code === 0x2e || code === 0x21 || code === 0x3f || code === 0x3a || code === 0x2026;
const isSpace = (code: number) => code === 0x20 || code === 0xa0;

/**
 * The words of a text that can carry a topic (function words left out), with whether each opens
 * a sentence and whether it directly follows the word before it.
 * Note: a scan over character codes (the parser's hottest loop after classification); the same
 * words as /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*\/gu would give.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let sentenceEnded = true;
  let onlySpace = false;
  let spaces = 0;
  /** Whether the word before was kept (a left-out word between two parts a name). */
  let previousKept = false;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code)) {
      if (isSentenceEnd(code)) sentenceEnded = true;
      if (isSpace(code)) spaces++;
      else onlySpace = false;
      i++;
      continue;
    }
    const start = i;
    i++;
    for (;;) {
      while (i < n && isWordChar(text.charCodeAt(i))) i++;
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    // Note: most words are short function words; those need no look-up.
    const first = text.charCodeAt(start);
    const info = i - start <= 3 && first >= 97 && first <= 122 ? SHORT_WORD : wordInfo(text.slice(start, i));
    const keep = !info.functionWord;
    if (keep) tokens.push({ word: text.slice(start, i), info, opensSentence: sentenceEnded, joined: previousKept && onlySpace && spaces === 1 });
    previousKept = keep;
    sentenceEnded = false;
    onlySpace = true;
    spaces = 0;
  }
  return tokens;
}

/** German and English inflection endings, longest first, stripped to group a word's forms. */
const ENDINGS = ['ern', 'en', 'er', 'es', 'e', 'n', 's'];

/**
 * A key shared by the forms of a word (`Projekt`, `Projekte`, `Projekts` → `projekt`; `LLMs` →
 * `llm`): lower case, one inflection ending stripped from words long enough to have one.
 */
export function stem(word: string): string {
  // The plural of an abbreviation: `LLMs`, `KIs`.
  if (/^\p{Lu}[\p{Lu}\d-]+s$/u.test(word)) return word.slice(0, -1).toLowerCase();
  const lower = word.toLowerCase();
  if (lower.length < 6 || /\d/.test(lower)) return lower;
  for (const ending of ENDINGS) if (lower.endsWith(ending) && lower.length - ending.length >= 5) return lower.slice(0, -ending.length);
  return lower;
}

/** A paragraph of a section as the term functions need it. */
export interface TermParagraph {
  text: string;
  lang: 'de' | 'en';
  /** A quote (in the author's language or not): its words are the source's, not the author's. */
  quoted?: boolean;
  /** Its words, once tokenised (see tokensOf). */
  tokens?: Token[];
}

/** A paragraph's words, tokenised once for all who ask. */
export function tokensOf(paragraph: TermParagraph): Token[] {
  return (paragraph.tokens ??= tokenize(paragraph.text));
}

/** Scans sectionTerms has made (see WordInfo.scan). */
let scans = 0;

/** How many terms of each section the model keeps for finding related sections. */
export const SECTION_TERMS = 32;

/**
 * The section's most telling terms for finding related sections: word stems with their counts,
 * at most SECTION_TERMS of them, chosen by count and background weight. Quotes and commentary
 * count alike; the names of the section's sources count twice more, as its clearest subject.
 * @param paragraphs the section's paragraphs in reading order
 * @param names the names of the section's sources (`Adam Tooze`, `New York Times`)
 * @returns `stem:count` pairs separated by spaces, the most telling first (see Section.terms)
 */
export function sectionTerms(paragraphs: TermParagraph[], names: string[] = []): string {
  // Note: counted on the words' own records (a number per scan marks which count is current), not
  // in a map: the parser does this for every word of every issue. Forms of a word are merged after.
  const scan = ++scans;
  const seen: WordInfo[] = [];
  for (const paragraph of paragraphs) {
    const inEnglish = paragraph.lang === 'en';
    for (const { info } of tokensOf(paragraph)) {
      if (info.scan !== scan) {
        info.scan = scan;
        info.count = 0;
        info.english = false;
        seen.push(info);
      }
      info.count++;
      // English words weigh like a German word of middling frequency (see ENGLISH_WEIGHT).
      if (inEnglish) info.english = true;
    }
  }
  const counts = new Map<string, { count: number; weight: number }>();
  const add = (stem: string, count: number, weight: number) => {
    const known = counts.get(stem);
    if (known) {
      known.count += count;
      known.weight = Math.max(known.weight, weight);
    } else counts.set(stem, { count, weight });
  };
  for (const info of seen) add(info.stem, info.count, info.english && info.unknown ? ENGLISH_WEIGHT : info.weight);
  // The sources' names count twice more.
  for (const name of names) for (const { info } of tokenize(name)) if (!info.functionWord) add(info.stem, 2, UNKNOWN_WEIGHT);
  const ranked = [...counts].map(([key, { count, weight }]) => ({ key, count, score: (1 + Math.log(count)) * weight }));
  ranked.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return ranked.slice(0, SECTION_TERMS).filter((t) => t.score > 0).map((t) => `${t.key}:${t.count}`).join(' ');
}

/** The `stem:count` pairs of Section.terms. */
export function termCounts(terms: string): [stem: string, count: number][] {
  if (!terms) return [];
  return terms.split(' ').map((pair) => {
    const colon = pair.lastIndexOf(':');
    return [pair.slice(0, colon), Number(pair.slice(colon + 1))];
  });
}
