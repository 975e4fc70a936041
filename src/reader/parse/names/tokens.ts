// A paragraph as the name reader's word tokens: each word with its punctuation, sentence and
// clause, and the scopes it stands in (quotes, brackets, `dass`-clauses, `über …` topics).

import { ABBREVIATIONS, isFunctionWord } from '../lexicon.js';
import { tokensOf, type Tokens } from '../tokens.js';
import { wordInfo, type WordInfo } from '../word-info.js';
import { adjectiveLike, ARTICLE, SUBORDINATE } from './grammar.js';
import { type SentenceInfo, type Token } from './types.js';

export const OPENING = '„"“”»«‚‘’\'(›‹[';
export const CLOSING = '.,;:!?“”"«»‘’\')…]›‹';
export const QUOTE_MARKS = '„"“”»«‚‘›‹';
export const QUOTE_MARK = /[„"“”»«‚‘›‹]/;

/** Where the tokens of a paragraph stand: the sentence, clause and scopes the next word opens in. */
interface Reading {
  tokens: Token[];
  sentence: number;
  clause: number;
  sentenceStart: boolean;
  /** Index of the token that opened the quotation the next word is in; -1 outside one. */
  quoteOpen: number;
  parenOpen: boolean;
  info: SentenceInfo;
}

/** A paragraph's words as the name reader reads them: each chunk of the one tokenization (tokens.ts) with its punctuation apart. */
export function tokenize(text: string): Token[] {
  const chunks = tokensOf(text);
  const reading: Reading = { tokens: [], sentence: 0, clause: 0, sentenceStart: true, quoteOpen: -1, parenOpen: false, info: { start: 0, end: 0 } };
  for (let chunk = 0; chunk < chunks.chunkFrom.length; chunk++) readChunk(reading, chunks, chunk);
  const { tokens } = reading;
  reading.info.end = tokens.length;
  markLowerCaseNames(tokens);
  markScopes(tokens);
  return tokens;
}

/** Reads one chunk: a word with its punctuation, or a dash or a lone mark between clauses. */
function readChunk(reading: Reading, chunks: Tokens, chunk: number): void {
  const { tokens } = reading;
  const { text } = chunks;
  const index = chunks.chunkFrom[chunk]!;
  let start = index;
  let end = chunks.chunkTo[chunk]!;
  while (start < end && OPENING.includes(text[start]!)) start++;
  while (end > start && CLOSING.includes(text[end - 1]!)) end--;
  const pre = text.slice(index, start);
  const post = text.slice(end, chunks.chunkTo[chunk]);
  // Note: a word the tokens have as it is comes with its one string, which the lexicon's look-ups then find at once.
  const known = knownWord(chunks, chunk, start, end);
  const word = known ? known.word : text.slice(start, end);
  const previous = tokens[tokens.length - 1];
  if (!word || /^[–—-]+$/.test(word)) {
    // A dash or a lone mark: a clause boundary.
    const raw = text.slice(index, chunks.chunkTo[chunk]);
    if (previous) {
      previous.clauseEnd = true;
      if (/[.!?:]/.test(raw)) previous.sentenceEnd = true;
      if (QUOTE_MARK.test(raw)) reading.quoteOpen = -1;
    }
    return;
  }
  const lower = known ? known.lower : word.toLowerCase();
  // Note: cheap tests first; the parser reads every paragraph's lead.
  const upperFirst = word[0] !== lower[0];
  const initial = upperFirst && post.startsWith('.') && /^(?:\p{Lu}\.)*\p{Lu}$/u.test(word);
  if (reading.quoteOpen < 0 && pre && QUOTE_MARK.test(pre)) reading.quoteOpen = tokens.length;
  if (pre.includes('(')) reading.parenOpen = true;
  if (previous && (previous.sentenceEnd || previous.clauseEnd)) reading.clause++;
  if (previous?.sentenceEnd) {
    reading.sentence++;
    reading.sentenceStart = true;
    reading.info.end = tokens.length;
    reading.info = { start: tokens.length, end: 0 };
  }
  const token: Token = {
    word,
    pre,
    post,
    lower,
    cap: upperFirst || (word.charCodeAt(0) <= 57 && /^\d+\p{Lu}/u.test(word)),
    initial,
    sentence: reading.sentence,
    clause: reading.clause,
    sentenceStart: reading.sentenceStart,
    sentenceEnd: false,
    clauseEnd: false,
    quoted: reading.quoteOpen >= 0,
    paren: reading.parenOpen,
    sub: false,
    topic: false,
    apostrophe: /^[‘’']/.test(post) && /s$/.test(word),
    offset: start,
    info: reading.info,
  };
  reading.sentenceStart = false;
  endOfWord(reading, token);
  tokens.push(token);
  // An unclosed quotation mark (a typo) must not hide the rest of the paragraph.
  if (reading.quoteOpen >= 0 && tokens.length - reading.quoteOpen > 40) {
    for (let i = reading.quoteOpen; i < tokens.length; i++) tokens[i]!.quoted = false;
    reading.quoteOpen = -1;
  }
}

/** The tokens' word from `from` to `to`, where the chunk has it as it is. */
function knownWord(chunks: Tokens, chunk: number, from: number, to: number): WordInfo | undefined {
  const first = chunks.chunkWord[chunk]!;
  const next = chunks.chunkWord[chunk + 1] ?? chunks.words.length;
  return next - first === 1 && chunks.from[first] === from && chunks.to[first] === to ? chunks.words[first] : undefined;
}

/** What the punctuation after a word ends: its sentence, its clause, a quotation, a bracket. */
function endOfWord(reading: Reading, token: Token): void {
  const { word, post } = token;
  // A closing mark inside the word (`„Interregnum„-Begriffs`) ends the quote.
  if (QUOTE_MARK.test(word)) reading.quoteOpen = -1;
  if (!post) return;
  const dot = post.includes('.') && !token.initial && !ABBREVIATIONS.has(token.lower) && !/^\d+$/.test(word);
  if (dot || /[!?:…]/.test(post)) token.sentenceEnd = true;
  if (/[,;]/.test(post) || token.sentenceEnd) token.clauseEnd = true;
  // So does one after it.
  if (QUOTE_MARK.test(post)) reading.quoteOpen = -1;
  if (post.includes(')')) {
    reading.parenOpen = false;
    token.clauseEnd = true;
  }
}

/**
 * Names written in lower case (`die taz`, `in der nd`): a rare word of at most six letters after an
 * article, with no adjective's ending, before no noun. German puts only an adjective (with its
 * ending) or a capitalised noun there; such a word is read as capitalised.
 */
function markLowerCaseNames(tokens: Token[]): void {
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (t.cap || t.quoted || !before || before.clauseEnd || !(ARTICLE.has(before.lower) || /^(?:laut|via)$/.test(before.lower)) || !/^\p{Ll}{2,6}$/u.test(t.word)) return;
    // (Nor an adjective or adverb by its suffix: `der stetig …`.)
    if (/(?:e|en|er|es|em|ig|lich|isch|bar|sam|haft|los)$/.test(t.lower) || isFunctionWord(t.word) || (!t.clauseEnd && tokens[i + 1]?.cap)) return;
    if (wordInfo(t.lower).weight >= RARE_WORD) {
      t.cap = true;
      t.lowerCaseName = true;
    }
  });
}

/** ln of the background rank from which a word is rare (about the 8 000th commonest German word). */
const RARE_WORD = 9;

/** Marks `dass …` clauses and `über …` topics. */
export function markScopes(tokens: Token[]): void {
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
