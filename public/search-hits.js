// @ts-check
// What counts as a hit, without the page or Pagefind's API: how a query is read, which words of a
// record match it, and a record as a section of an issue with an excerpt. The search page (through
// search-core.js), the highlighting on the issue pages (highlight.js) and the tests all use it.
//
// The index holds one record per section, plus one per issue for its title and intro (see
// src/search/index.ts): each starts with an empty element whose id holds the issue's data (number,
// title, URL, date), then the section's heading (an <h2> with the section's id), then its text, with
// an empty marker (`k` commentary, `z` quote) wherever the kind of text changes.

/**
 * @typedef {{ n: number, t: string, u: string, d?: string }} IssueInfo
 * @typedef {{ element: string, id: string, text?: string, location: number }} Anchor
 * @typedef {{ content: string, locations: number[], anchors: Anchor[], filters: Record<string, string[]> }} RecordData
 * @typedef {{ text: string, mark: boolean }} Piece
 * @typedef {{
 *   number: number, title: string, issueUrl: string, date?: string,
 *   anchor?: string, heading?: string, url: string,
 *   kinds: string[], sources: string[], excerpt: Piece[],
 * }} SectionHit
 */

const KIND_OF_MARKER = /** @type {Record<string, string>} */ ({ k: 'Kommentar', z: 'Zitat' });
export const KINDS = ['Kommentar', 'Zitat'];

/** Pagefind's word separators in a record's text. */
const SEPARATORS = /[^\S\uFEFF]+/g;
/** Punctuation Pagefind drops from a query (dashes, brackets, quotation marks, other). */
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;
const WORD_PARTS = /[^\p{L}\p{N}]+/u;

/** A word as Pagefind compares it: lower case, without punctuation and diacritics. @param {string} word */
export function foldWord(word) {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(PUNCTUATION, '');
}

/**
 * The words of a query as Pagefind reads them (`Tech-Faschismus` is one word, `techfaschismus`).
 * @param {string} query
 * @returns {string[]}
 */
export function queryWords(query) {
  return query.split(/\s+/).map(foldWord).filter(Boolean);
}

/**
 * The words of a query as typed, for the highlighting on the page a result opens.
 * @param {string} query
 * @returns {string[]}
 */
export function queryTerms(query) {
  return query.split(/\s+/).filter((term) => foldWord(term));
}

/** @param {string} a @param {string} b */
function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether a word of the text is a real match for a query word: the word, or one of its parts
 * (`Tech-Faschismus` has `faschismus`), shares with the query word more than half of the query
 * word's length from the start. Pagefind finds words by their stem and by prefix (`souverän` finds
 * `Souveränität`, `Faschismus` finds `Tech-Faschismus`); for a word it does not know at all it falls
 * back to words that begin with the longest known prefix of it, so `Xylophon` would find a lone
 * `X` and `qwertz` a `Q*`: such words share too little with the query word.
 * @param {string} queryWord a word from queryWords()
 * @param {string} textWord a word of the text as written
 */
export function matchesWord(queryWord, textWord) {
  const forms = [foldWord(textWord), ...textWord.split(WORD_PARTS).map(foldWord)];
  return forms.some((form) => form && commonPrefix(form, queryWord) * 2 > queryWord.length);
}

/**
 * The query words that none of the marked words of a result matches.
 * @param {string[]} words
 * @param {string[]} markedWords
 */
export function unmatchedWords(words, markedWords) {
  return words.filter((word) => !markedWords.some((marked) => matchesWord(word, marked)));
}

/**
 * A result is a real hit when every query word matches one of the words Pagefind marked in it.
 * @param {string[]} words
 * @param {string[]} markedWords
 */
export function isRealHit(words, markedWords) {
  return unmatchedWords(words, markedWords).length === 0;
}

/** A record's parts: its issue, heading, words and where each kind of text starts. @param {RecordData} data */
export function readRecord(data) {
  const anchors = [...data.anchors].sort((a, b) => a.location - b.location);
  const infoAnchor = anchors.find((anchor) => anchor.id.startsWith('%7B'));
  /** @type {IssueInfo} */
  const issue = JSON.parse(decodeURIComponent(infoAnchor?.id ?? '%7B%7D'));
  const heading = anchors.find((anchor) => anchor.element === 'h2');
  const runs = anchors.filter((anchor) => KIND_OF_MARKER[anchor.id]).map((anchor) => ({ kind: KIND_OF_MARKER[anchor.id] ?? '', start: anchor.location }));
  const words = data.content.split(SEPARATORS);
  return {
    issue,
    anchor: heading?.id,
    heading: heading?.text?.trim() || undefined,
    words,
    runs,
    /** Where the text starts after the heading. */
    textStart: runs[0]?.start ?? 0,
    /** The kind of text a word is in (undefined in the heading). */
    kindAt: (/** @type {number} */ location) => runs.filter((run) => run.start <= location).pop()?.kind,
  };
}

/**
 * A link to the page a hit is on, with the terms to highlight there.
 * @param {string} pageUrl @param {string[]} terms @param {string} [anchor]
 */
export function hitUrl(pageUrl, terms, anchor) {
  const query = terms.map((term) => `highlight=${encodeURIComponent(term)}`).join('&');
  return `${pageUrl}${query ? `?${query}` : ''}${anchor ? `#${anchor}` : ''}`;
}

const EXCERPT_WORDS = 30;

/**
 * Up to EXCERPT_WORDS words of the text from `from` on, around the most of the words at `around`,
 * with the words at `marked` marked.
 * @param {string[]} words
 * @param {number} from
 * @param {number[]} around
 * @param {Set<number>} marked
 */
export function excerptOf(words, from, around, marked) {
  const end = words.length;
  let start = from;
  // The window that holds the most of them, starting a few words before one of them.
  let best = -1;
  for (const location of around) {
    const candidate = Math.max(from, location - 6);
    const count = around.filter((l) => l >= candidate && l < candidate + EXCERPT_WORDS).length;
    if (count > best) [best, start] = [count, candidate];
  }
  start = Math.max(from, Math.min(start, end - EXCERPT_WORDS));
  const stop = Math.min(end, start + EXCERPT_WORDS);
  /** @type {Piece[]} */
  const pieces = [];
  const add = (/** @type {string} */ text, /** @type {boolean} */ mark) => {
    if (!text) return;
    const last = pieces[pieces.length - 1];
    if (last && last.mark === mark) last.text += text;
    else pieces.push({ text, mark });
  };
  if (start > from) add('… ', false);
  for (let i = start; i < stop; i++) {
    if (i > start) add(' ', false);
    const word = words[i] ?? '';
    if (!marked.has(i)) add(word, false);
    else {
      // Quotation marks and punctuation around a word stay unmarked: `„[souveräne]“`.
      const [, before = '', core = '', after = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(word) ?? [];
      add(before, false);
      add(core || word, true);
      add(after, false);
    }
  }
  if (stop < end) add(' …', false);
  return pieces;
}

/**
 * One record as a hit: its issue, section, the kinds of text the query words were found in, and an
 * excerpt. Undefined when the record is no real hit (see isRealHit), or when `kind` is given and
 * none of its matches is in text of that kind.
 * @param {RecordData} data
 * @param {string[]} words query words (queryWords); none for a search by filters only
 * @param {string[]} terms the query as typed (queryTerms), for the link
 * @param {string} [kind] `Kommentar` or `Zitat`
 * @returns {SectionHit | undefined}
 */
export function sectionHit(data, words, terms, kind) {
  const record = readRecord(data);
  const locations = [...new Set(data.locations)].sort((a, b) => a - b);
  let kinds;
  let focus;
  if (words.length) {
    if (!isRealHit(words, locations.map((l) => record.words[l] ?? ''))) return undefined;
    // Only the words that match a query word are marked (Pagefind may mark others for a word).
    const real = locations.filter((l) => words.some((word) => matchesWord(word, record.words[l] ?? '')));
    const inText = real.filter((l) => l >= record.textStart);
    kinds = KINDS.filter((k) => inText.some((l) => record.kindAt(l) === k));
    if (kind && !kinds.includes(kind)) return undefined;
    const ofKind = kind ? inText.filter((l) => record.kindAt(l) === kind) : inText;
    focus = { marked: real, around: ofKind };
  } else {
    kinds = KINDS.filter((k) => record.runs.some((run) => run.kind === k));
    if (kind && !kinds.includes(kind)) return undefined;
    const run = record.runs.find((r) => !kind || r.kind === kind);
    focus = { marked: [], around: run ? [run.start] : [] };
  }
  const excerpt = excerptOf(record.words, record.textStart, focus.around, new Set(focus.marked));
  const { issue } = record;
  return {
    number: issue.n,
    title: issue.t,
    issueUrl: issue.u,
    ...(issue.d ? { date: issue.d } : {}),
    ...(record.anchor ? { anchor: record.anchor, heading: record.heading ?? record.anchor } : {}),
    url: hitUrl(issue.u, terms, record.anchor),
    kinds,
    sources: data.filters.Quelle ?? [],
    excerpt,
  };
}
