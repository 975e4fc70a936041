// @ts-check
// The search's logic, without the page: what counts as a hit, how records become issues with their
// sections, and how a search walks Pagefind's results. The search page (search.js), the highlighting
// on the issue pages (highlight.js) and the tests (on the built index, in Node) all use this module,
// so the tests check what readers get.
//
// The index holds one record per section, plus one per issue for its title and intro (see
// src/search.ts): each starts with an empty element whose id holds the issue's data (number, title,
// URL, date), then the section's heading (an <h2> with the section's id), then its text, with an
// empty marker (`k` commentary, `z` quote) wherever the kind of text changes.

/**
 * @typedef {{ n: number, t: string, u: string, d?: string }} IssueInfo
 * @typedef {{ element: string, id: string, text?: string, location: number }} Anchor
 * @typedef {{ content: string, locations: number[], anchors: Anchor[], filters: Record<string, string[]> }} RecordData
 * @typedef {{ id?: string, words?: number[], data(): Promise<RecordData> }} PagefindResult
 * @typedef {{ results: PagefindResult[], filters: Record<string, Record<string, number>> }} PagefindResponse
 * @typedef {{ filters?: Record<string, string>, sort?: Record<string, string> }} PagefindOptions
 * @typedef {{
 *   search(term: string | null, options?: PagefindOptions): Promise<PagefindResponse>,
 *   debouncedSearch?(term: string | null, options?: PagefindOptions, timeout?: number): Promise<PagefindResponse | null>,
 *   filters(): Promise<Record<string, Record<string, number>>>,
 * }} Pagefind
 * @typedef {{ text: string, mark: boolean }} Piece
 * @typedef {{
 *   number: number, title: string, issueUrl: string, date?: string,
 *   anchor?: string, heading?: string, url: string,
 *   kinds: string[], sources: string[], excerpt: Piece[],
 * }} SectionHit
 * @typedef {{ number: number, title: string, url: string, date?: string, sections: SectionHit[] }} IssueHit
 * @typedef {{ query: string, filters: Record<string, string | undefined> }} SearchRequest
 * @typedef {{
 *   words: string[], unknown: string[], issueCount: number, exact: boolean, sectionCount: number,
 *   issues: IssueHit[], hasMore: boolean, more(): Promise<IssueHit[]>,
 *   facets: Record<string, Record<string, number>>,
 * }} SearchOutcome
 */

/** Filters of the index (src/search.ts), and the URL parameters that set them on the search page. */
export const FILTERS = /** @type {const} */ ({ Quelle: 'quelle', Art: 'art', Jahr: 'jahr' });
export const ISSUE_FILTER = 'Ausgabe';
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

/** The request's filters as Pagefind takes them. @param {Record<string, string | undefined>} filters */
export function pagefindFilters(filters) {
  /** @type {Record<string, string>} */
  const result = {};
  for (const name of Object.keys(FILTERS)) if (filters[name]) result[name] = filters[name];
  return result;
}

/** The number of issues among a response's results, from its counts by issue. @param {PagefindResponse} response */
function issueCount(response) {
  return Object.values(response.filters[ISSUE_FILTER] ?? {}).filter((count) => count > 0).length;
}

/** Sections per value of a filter among hits. @param {SectionHit[]} hits @param {string} name */
function countHits(hits, name) {
  /** @type {Record<string, number>} */
  const counts = {};
  for (const hit of hits) {
    const values = name === 'Quelle' ? hit.sources : name === 'Art' ? hit.kinds : hit.date ? [hit.date.slice(0, 4)] : [];
    for (const value of new Set(values)) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** @type {WeakMap<Pagefind, Promise<Record<string, Record<string, number>>>>} */
const filtersLoaded = new WeakMap();
/** @type {WeakSet<Pagefind>} */
const filtersReady = new WeakSet();
/**
 * Loads the index's filters, once: Pagefind counts results by the values of the filters it has
 * loaded, and loads them for a search only when the search uses them. A search needs the counts
 * only when it cannot check every result itself (the filters are about 80 KB at 1000 issues).
 * @param {Pagefind} pagefind
 */
export function loadFilters(pagefind) {
  let loaded = filtersLoaded.get(pagefind);
  if (!loaded) {
    loaded = pagefind.filters().then((filters) => {
      filtersReady.add(pagefind);
      return filters;
    });
    filtersLoaded.set(pagefind, loaded);
  }
  return loaded;
}

const BATCH = 16;
/** Results checked at once when a search starts: enough to count exactly in most searches. */
const CHECK_ALL = 64;

/**
 * Searches the archive: issues with their matching sections, in the order of their best section.
 * `issues` holds the first `pageSize` issues, each with all its matching sections; `more()` gives
 * the next ones. `issueCount` is exact when `exact`, else the number of issues found so far (only
 * loading every result could tell). `facets` counts the matching sections per filter value.
 * Resolves to null when a newer search (with `debounce`) took this one's place.
 * @param {Pagefind} pagefind
 * @param {SearchRequest} request
 * @param {{ debounce?: number, pageSize?: number }} [options]
 * @returns {Promise<SearchOutcome | null>}
 */
export async function searchArchive(pagefind, request, options = {}) {
  const pageSize = options.pageSize ?? 10;
  const words = queryWords(request.query);
  const terms = queryTerms(request.query);
  const filters = pagefindFilters(request.filters);
  const kind = words.length ? filters.Art : undefined;
  /** @type {SearchOutcome} */
  const empty = { words, unknown: [], issueCount: 0, exact: true, sectionCount: 0, issues: [], hasMore: false, more: async () => [], facets: {} };
  if (!words.length && !Object.keys(filters).length) return empty;
  const term = words.length ? request.query : null;
  // Without words, the newest issues first.
  const sort = term === null ? { sort: { n: 'desc' } } : {};
  /** Pagefind's results, with its counts when there are more results than can be checked. */
  const counted = async (/** @type {PagefindResponse} */ response, /** @type {Record<string, string>} */ by) => {
    if (response.results.length <= CHECK_ALL || filtersReady.has(pagefind)) return response;
    await loadFilters(pagefind);
    return pagefind.search(term, { filters: by, ...sort });
  };
  const first = options.debounce !== undefined && pagefind.debouncedSearch
    ? await pagefind.debouncedSearch(term, { filters, ...sort }, options.debounce)
    : await pagefind.search(term, { filters, ...sort });
  if (!first) return null;
  const response = await counted(first, filters);
  const { results } = response;

  /** @type {Map<number, IssueHit>} */
  const issues = new Map();
  /** Results checked per issue (kept or not), to know when an issue's sections are complete. */
  const checkedPerIssue = new Map();
  const checkedIds = new Set();
  const failures = new Map(words.map((word) => [word, 0]));
  let cursor = 0;
  let dropped = false;
  let located = 0;

  const take = (/** @type {RecordData} */ data, /** @type {string | undefined} */ id) => {
    if (id !== undefined) {
      if (checkedIds.has(id)) return;
      checkedIds.add(id);
    }
    const hit = sectionHit(data, words, terms, kind);
    const record = readRecord(data);
    checkedPerIssue.set(record.issue.n, (checkedPerIssue.get(record.issue.n) ?? 0) + 1);
    if (words.length && data.locations.length) {
      located++;
      const markedWords = data.locations.map((l) => record.words[l] ?? '');
      for (const word of unmatchedWords(words, markedWords)) failures.set(word, (failures.get(word) ?? 0) + 1);
    }
    if (!hit) {
      dropped = true;
      return;
    }
    let issue = issues.get(hit.number);
    if (!issue) {
      issue = { number: hit.number, title: hit.title, url: hitUrl(hit.issueUrl, terms), ...(hit.date ? { date: hit.date } : {}), sections: [] };
      issues.set(hit.number, issue);
    }
    issue.sections.push(hit);
  };

  const check = async (/** @type {number} */ upTo) => {
    while (cursor < Math.min(upTo, results.length)) {
      const batch = results.slice(cursor, cursor + BATCH);
      const data = await Promise.all(batch.map((result) => result.data()));
      data.forEach((d, i) => take(d, batch[i]?.id));
      cursor += batch.length;
    }
  };

  await check(CHECK_ALL);
  // A query word that no checked result matches is one Pagefind did not know (it fell back to
  // words that merely begin like it): it matches nowhere, so the search has no hits.
  const unknown = located ? words.filter((word) => failures.get(word) === located) : [];
  if (unknown.length) return { ...empty, unknown };

  const complete = (/** @type {number} */ number) =>
    cursor >= results.length || (checkedPerIssue.get(number) ?? 0) >= (response.filters[ISSUE_FILTER]?.[`No ${number}`] ?? 0);
  let shown = 0;
  const page = async () => {
    while (issues.size <= shown + pageSize && cursor < results.length) await check(cursor + BATCH);
    const next = [...issues.values()].slice(shown, shown + pageSize);
    // An issue's other sections may be further down the results: ask for them by issue.
    await Promise.all(
      next.filter((issue) => !complete(issue.number)).map(async (issue) => {
        const own = await pagefind.search(term, { filters: { ...filters, [ISSUE_FILTER]: `No ${issue.number}` } });
        const data = await Promise.all(own.results.map((result) => result.data()));
        data.forEach((d, i) => take(d, own.results[i]?.id));
      }),
    );
    shown += next.length;
    return next;
  };

  const shownFirst = await page();
  const allChecked = cursor >= results.length;
  const kept = () => [...issues.values()].flatMap((issue) => issue.sections);
  const exact = allChecked || (!dropped && !kind);

  /**
   * Sections per value of each filter. For a filter that is set, the counts are those without it,
   * so that another value can be chosen instead. Counted from the hits themselves when every result
   * could be checked (Pagefind counts records, before the kind of text and the words are checked).
   */
  /** @type {Record<string, Record<string, number>>} */
  const facets = {};
  await Promise.all(
    Object.keys(FILTERS).map(async (name) => {
      let counts;
      if (!filters[name]) counts = allChecked ? countHits(kept(), name) : response.filters[name] ?? {};
      else {
        const others = { ...filters };
        delete others[name];
        if (term === null && !Object.keys(others).length) counts = (await loadFilters(pagefind))[name] ?? {};
        else {
          const without = await counted(await pagefind.search(term, { filters: others, ...sort }), others);
          if (without.results.length > CHECK_ALL) counts = without.filters[name] ?? {};
          else {
            const data = await Promise.all(without.results.map((result) => result.data()));
            const hits = data.map((d) => sectionHit(d, words, terms, name === 'Art' ? undefined : others.Art && words.length ? others.Art : undefined));
            counts = countHits(hits.filter((hit) => hit !== undefined), name);
          }
        }
      }
      facets[name] = Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
    }),
  );

  return {
    words,
    unknown,
    issueCount: allChecked ? issues.size : exact ? issueCount(response) : issues.size,
    exact,
    sectionCount: allChecked ? kept().length : results.length,
    issues: shownFirst,
    get hasMore() {
      return shown < issues.size || cursor < results.length;
    },
    more: page,
    facets,
  };
}
