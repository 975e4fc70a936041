// Names read off a piece rather than a run: a title after a medium (`Podcast „…“`), a compound
// before a piece (`Vanity-Fair-Stück`).

import { isCommonNoun, isFunctionWord, isOutletWord, isPiece, isPlatform } from '../lexicon.js';
import { recommends } from './clauses.js';
import { POSSESSIVE_PRONOUN } from './grammar.js';
import { QUOTE_MARKS } from './tokens.js';
import { type Mention, type Token } from './types.js';

/** A title after a medium: `Der Youtube Channel „The Stories We Tell“`, `Podcast: All das und viel mehr.` */
export function titles(tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((t, i) => {
    // (Also the last part of a compound: `Der Youtube-Kanal „…“`.)
    if (
      t.quoted ||
      t.sub ||
      t.topic ||
      !/^(?:podcast|newsletter|blog|kanal|channel|show|sendung|magazin|zeitung|zeitschrift|salon|serie|reihe|website|webseite)/.test(t.lower.slice(t.lower.lastIndexOf('-') + 1)) ||
      !isPiece(t.word)
    )
      return;
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
      ...pieceMention(tokens, i + 1, { name: words.map((w) => w.word).join(' '), kind: 'outlet', kindSure: true, construction: 'title-after-medium', why: `title after "${t.word}"`, speaks: true }),
      recommended: recommends(tokens, i),
    });
  });
  return found;
}

/** `Vanity-Fair-Stücks`, `Prospect-Artikel`, `Gramsci-Zitat`: a piece of the name before the dash. */
export function compounds(tokens: Token[]): Mention[] {
  const found: Mention[] = [];
  tokens.forEach((t, i) => {
    if (t.quoted || t.paren || t.sub || t.topic || !t.cap || !t.word.includes('-')) return;
    const parts = t.word.split('-');
    const head = parts.pop()!;
    if (!isPiece(head) || parts.length === 0 || parts.some((p) => !/^\p{Lu}/u.test(p) || isFunctionWord(p))) return;
    // After `sein`/`ihr` the first part is the person's outlet, though it is a noun too (`in seiner Spiegel-Kolumne`).
    const theirs = POSSESSIVE_PRONOUN.test(tokens[i - 1]?.lower ?? '') && parts.length === 1 && !isPiece(parts[0]!);
    if (!theirs && parts.some((p) => isCommonNoun(p) || isPiece(p) || isOutletWord(p) || /(?:ie|ik|ur|ion|ismus)$/.test(p)) && !parts.some((p) => isPlatform(p))) return;
    // What people make (`Gramsci-Zitat`, `Trump-Interview`) or what outlets publish (`Vanity-Fair-Stück`).
    const person =
      !theirs && parts.length === 1 && /^(?:zitat|zitate|zitats|interview|interviews|rede|vortrag|vortrags|essay|essays|buch|buches|buchs|aufsatz|aufsatzes|thread|threads)$/.test(head.toLowerCase());
    const mention = pieceMention(tokens, i, {
      name: parts.join(' '),
      kind: person ? 'person' : 'outlet',
      kindSure: false,
      construction: 'compound-piece',
      why: /^(?:in|im|auf|bei|beim)$/.test(tokens[i - 1]?.lower ?? '') ? `"${t.word}": where they publish` : `"${t.word}": a piece of theirs`,
    });
    found.push({ ...mention, single: parts.length === 1, ...(theirs ? { theirs: true } : {}) });
  });
  return found;
}

/** A mention read off a piece at token `at`: a source presenting it, in no clause of news or background. */
function pieceMention(tokens: Token[], at: number, what: Pick<Mention, 'name' | 'kind' | 'kindSure' | 'construction' | 'why'> & { speaks?: boolean }): Mention {
  const t = tokens[at]!;
  return {
    single: false,
    at,
    offset: t.offset,
    group: at,
    sentence: t.sentence,
    strong: true,
    presents: true,
    speaks: false,
    news: false,
    background: false,
    recommended: recommends(tokens, at),
    ...what,
  };
}
