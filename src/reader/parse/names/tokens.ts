// A paragraph as word tokens: each word with its punctuation, sentence and clause, and the scopes
// it stands in (quotes, brackets, `dass`-clauses, `über …` topics).

import { isFunctionWord } from '../lexicon.js';
import { wordInfo } from '../terms.js';
import { wordTokens } from '../words.js';
import { adjectiveLike, ARTICLE, SUBORDINATE } from './grammar.js';
import { type SentenceInfo, type Token } from './types.js';

/** Abbreviations whose dot does not end a sentence. */
const ABBREVIATIONS = new Set('z.b bzw usw etc vgl u.a ca bsw bspw dr prof mr mrs ms st no nr inkl ggf evtl d.h s.o u.ä o.ä sog jh jhd'.split(' '));

export const OPENING = '„"“”»«‚‘’\'(›‹[';
export const CLOSING = '.,;:!?“”"«»‘’\')…]›‹';
export const QUOTE_MARKS = '„"“”»«‚‘›‹';
export const QUOTE_MARK = /[„"“”»«‚‘›‹]/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let [sentence, clause, sentenceStart, quoteOpen, parenOpen] = [0, 0, true, -1, false];
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
  markLowerCaseNames(tokens);
  markScopes(tokens);
  return tokens;
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
