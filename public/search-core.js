// @ts-check
// The search, without the page: a search of the archive as issues with their matching sections
// (search-walk.js walks Pagefind's results, search-hits.js says what a hit is), the counts per
// filter value, and, when nothing is found, the words the archive does not have. The search page
// (search.js), the highlighting on the issue pages (highlight.js) and the tests (on the built index,
// in Node) all use these modules, so the tests check what readers get.

import { isRealHit, queryTerms, queryWords, readRecord, sectionHit } from './search-hits.js';
import { BATCH, ISSUE_FILTER, ResultWalk } from './search-walk.js';

export { KINDS, excerptOf, foldWord, hitUrl, isRealHit, matchesWord, queryTerms, queryWords, readRecord, sectionHit, unmatchedWords } from './search-hits.js';
export { ISSUE_FILTER } from './search-walk.js';

/**
 * @typedef {import('./search-hits.js').RecordData} RecordData
 * @typedef {import('./search-hits.js').SectionHit} SectionHit
 * @typedef {import('./search-walk.js').Pagefind} Pagefind
 * @typedef {import('./search-walk.js').PagefindResponse} PagefindResponse
 * @typedef {import('./search-walk.js').IssueHit} IssueHit
 * @typedef {import('./search-walk.js').Query} Query
 * @typedef {{ query: string, filters: Record<string, string | undefined> }} SearchRequest
 * @typedef {{
 *   words: string[], unknown: string[], issueCount: number, exact: boolean, sectionCount: number,
 *   issues: IssueHit[], hasMore: boolean, more(): Promise<IssueHit[]>,
 *   facets: Record<string, Record<string, number>>,
 * }} SearchOutcome
 */

/** Filters of the index (src/search/index.ts), and the URL parameters that set them on the search page. */
export const FILTERS = /** @type {const} */ ({ Quelle: 'quelle', Art: 'art', Jahr: 'jahr' });

/** Results checked at once when a search starts: enough to count exactly in most searches. */
const CHECK_ALL = 64;

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

/**
 * A response with Pagefind's counts when it has more results than can be checked (the search again,
 * once the filters are loaded). @param {Query} query @param {PagefindResponse} response @param {Record<string, string>} by
 */
async function withCounts({ pagefind, term, sort }, response, by) {
  if (response.results.length <= CHECK_ALL || filtersReady.has(pagefind)) return response;
  await loadFilters(pagefind);
  return pagefind.search(term, { filters: by, ...sort });
}

/**
 * Searches the archive: issues with their matching sections, the issue whose sections match best
 * first (see search-walk.js). `issues` holds the first `pageSize` issues, each with all its matching
 * sections; `more()` gives the next ones. `issueCount` is exact when `exact`, else the number of
 * issues found so far (only loading every result could tell). `facets` counts the matching sections
 * per filter value. When nothing is found, `unknown` names the query words the archive does not
 * have at all. Resolves to null when a newer search (with `debounce`) took this one's place.
 * @param {Pagefind} pagefind
 * @param {SearchRequest} request
 * @param {{ debounce?: number, pageSize?: number }} [options]
 * @returns {Promise<SearchOutcome | null>}
 */
export async function searchArchive(pagefind, request, options = {}) {
  const pageSize = options.pageSize ?? 10;
  const words = queryWords(request.query);
  const filters = pagefindFilters(request.filters);
  const term = words.length ? request.query : null;
  /** @type {Query} */
  const query = { pagefind, words, terms: queryTerms(request.query), kind: words.length ? filters.Art : undefined, term, filters, sort: term === null ? { sort: { n: 'desc' } } : {} };
  /** @type {SearchOutcome} */
  const empty = { words, unknown: [], issueCount: 0, exact: true, sectionCount: 0, issues: [], hasMore: false, more: async () => [], facets: {} };
  if (!words.length && !Object.keys(filters).length) return empty;
  const first = options.debounce !== undefined && pagefind.debouncedSearch
    ? await pagefind.debouncedSearch(term, { filters, ...query.sort }, options.debounce)
    : await pagefind.search(term, { filters, ...query.sort });
  if (!first) return null;
  const response = await withCounts(query, first, filters);
  const walk = new ResultWalk(query, response);
  await walk.check(CHECK_ALL);
  // A word Pagefind did not know matches nowhere: the search has no hits.
  const fallback = walk.unknownWords();
  if (fallback.length) return { ...empty, unknown: fallback };
  const shownFirst = await walk.page(pageSize);
  const allChecked = walk.allChecked;
  const exact = allChecked || (!walk.dropped && !query.kind);
  return {
    words,
    unknown: shownFirst.length || !words.length ? [] : await absentWords(query),
    issueCount: allChecked ? walk.issues.size : exact ? issueCount(response) : walk.issues.size,
    exact,
    sectionCount: allChecked ? walk.kept().length : response.results.length,
    issues: shownFirst,
    get hasMore() {
      return walk.hasMore;
    },
    more: () => walk.page(pageSize),
    facets: await facetCounts(query, response, allChecked ? walk.kept() : undefined),
  };
}

/**
 * The query words the archive does not have: those that, searched alone and without filters, are
 * no real hit in any record (Pagefind found nothing, or only words that begin like them).
 * Asked when a search found nothing, to say why.
 * @param {Query} query
 */
async function absentWords({ pagefind, words, terms, filters }) {
  // A single word without filters was searched alone already, and found nothing.
  if (words.length === 1 && !Object.keys(filters).length) return words;
  const absent = [];
  for (const [i, word] of words.entries()) {
    const { results } = await pagefind.search(terms[i] ?? word);
    const data = await Promise.all(results.slice(0, BATCH).map((result) => result.data()));
    const found = data.some((d) => {
      const record = readRecord(d);
      return isRealHit([word], d.locations.map((l) => record.words[l] ?? ''));
    });
    if (!found) absent.push(word);
  }
  return absent;
}

/**
 * Sections per value of each filter. For a filter that is set, the counts are those without it, so
 * that another value can be chosen instead. Counted from the hits themselves when every result
 * could be checked (`hits`; Pagefind counts records, before the kind of text and the words are checked).
 * @param {Query} query @param {PagefindResponse} response @param {SectionHit[] | undefined} hits
 */
async function facetCounts(query, response, hits) {
  const { pagefind, term, words, terms, filters, sort } = query;
  /** @type {Record<string, Record<string, number>>} */
  const facets = {};
  await Promise.all(
    Object.keys(FILTERS).map(async (name) => {
      let counts;
      if (!filters[name]) counts = hits ? countHits(hits, name) : response.filters[name] ?? {};
      else {
        const others = { ...filters };
        delete others[name];
        if (term === null && !Object.keys(others).length) counts = (await loadFilters(pagefind))[name] ?? {};
        else {
          const without = await withCounts(query, await pagefind.search(term, { filters: others, ...sort }), others);
          if (without.results.length > CHECK_ALL) counts = without.filters[name] ?? {};
          else {
            const data = await Promise.all(without.results.map((result) => result.data()));
            const found = data.map((d) => sectionHit(d, words, terms, name === 'Art' ? undefined : others.Art && words.length ? others.Art : undefined));
            counts = countHits(found.filter((hit) => hit !== undefined), name);
          }
        }
      }
      facets[name] = Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
    }),
  );
  return facets;
}
