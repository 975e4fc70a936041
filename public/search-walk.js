// @ts-check
// A walk through Pagefind's results for one search, a batch of records at a time: which records are
// real hits (search-hits.js), the issues they belong to, each with its sections, and the order the
// issues are shown in: by how well their sections match, the sum of their sections' scores.
// Note: Pagefind scores records, and an issue is as many records as it has matching sections. An
// issue with four sections about `Tooze` ranks above one where one section names him in passing;
// among equal sums, the issue whose best section came first.

import { hitUrl, readRecord, sectionHit, unmatchedWords } from './search-hits.js';

/**
 * @typedef {import('./search-hits.js').RecordData} RecordData
 * @typedef {import('./search-hits.js').SectionHit} SectionHit
 * @typedef {{ id?: string, score?: number, words?: number[], data(): Promise<RecordData> }} PagefindResult
 * @typedef {{ results: PagefindResult[], filters: Record<string, Record<string, number>> }} PagefindResponse
 * @typedef {{ filters?: Record<string, string>, sort?: Record<string, string> }} PagefindOptions
 * @typedef {{
 *   search(term: string | null, options?: PagefindOptions): Promise<PagefindResponse>,
 *   debouncedSearch?(term: string | null, options?: PagefindOptions, timeout?: number): Promise<PagefindResponse | null>,
 *   filters(): Promise<Record<string, Record<string, number>>>,
 * }} Pagefind
 * @typedef {{ number: number, title: string, url: string, date?: string, sections: SectionHit[] }} IssueHit
 * @typedef {{
 *   pagefind: Pagefind, words: string[], terms: string[], kind: string | undefined,
 *   term: string | null, filters: Record<string, string>, sort: PagefindOptions,
 * }} Query
 */

export const ISSUE_FILTER = 'Ausgabe';
/** Records read at once. */
export const BATCH = 16;

export class ResultWalk {
  /** @param {Query} query @param {PagefindResponse} response */
  constructor(query, response) {
    this.query = query;
    this.response = response;
    this.results = response.results;
    /** @type {Map<number, IssueHit>} The issues found, in the order their best section came. */
    this.issues = new Map();
    /** @type {Map<number, number>} Each issue's score: the sum of its sections' scores. */
    this.scores = new Map();
    /** @type {WeakMap<SectionHit, number>} */
    this.sectionScores = new WeakMap();
    /** @type {Map<number, number>} Results checked per issue (kept or not), to know when an issue's sections are complete. */
    this.checkedPerIssue = new Map();
    /** @type {Set<string>} */
    this.checkedIds = new Set();
    /** @type {Set<number>} Issues already shown. */
    this.listed = new Set();
    /** How many checked records had a word marked, and per query word how many of them it matched in none. */
    this.located = 0;
    this.failures = new Map(query.words.map((word) => [word, 0]));
    this.cursor = 0;
    /** Whether a record Pagefind returned was no real hit (then its counts are too high). */
    this.dropped = false;
  }

  get allChecked() {
    return this.cursor >= this.results.length;
  }

  get hasMore() {
    return this.listed.size < this.issues.size || this.cursor < this.results.length;
  }

  /** Every section kept so far. */
  kept() {
    return [...this.issues.values()].flatMap((issue) => issue.sections);
  }

  /** Checks results up to `upTo`, a batch at a time. @param {number} upTo */
  async check(upTo) {
    while (this.cursor < Math.min(upTo, this.results.length)) {
      const batch = this.results.slice(this.cursor, this.cursor + BATCH);
      const data = await Promise.all(batch.map((result) => result.data()));
      data.forEach((d, i) => this.take(d, batch[i]));
      this.cursor += batch.length;
    }
  }

  /**
   * The query words that no checked record matches, though Pagefind marked words in them: words
   * Pagefind did not know, for which it fell back to words that merely begin like them.
   */
  unknownWords() {
    return this.located ? this.query.words.filter((word) => this.failures.get(word) === this.located) : [];
  }

  /**
   * The next `size` issues not shown yet, best first, each with all its matching sections (also
   * those further down the results, asked for by issue), its sections best first.
   * @param {number} size
   */
  async page(size) {
    while (this.issues.size <= this.listed.size + size && this.cursor < this.results.length) await this.check(this.cursor + BATCH);
    const next = this.ranked([...this.issues.values()].filter((issue) => !this.listed.has(issue.number))).slice(0, size);
    const { pagefind, term, filters } = this.query;
    await Promise.all(
      next.filter((issue) => !this.complete(issue.number)).map(async (issue) => {
        const own = await pagefind.search(term, { filters: { ...filters, [ISSUE_FILTER]: `No ${issue.number}` } });
        const data = await Promise.all(own.results.map((result) => result.data()));
        data.forEach((d, i) => this.take(d, own.results[i]));
      }),
    );
    for (const issue of next) {
      this.listed.add(issue.number);
      issue.sections = this.byScore(issue.sections);
    }
    return this.ranked(next);
  }

  /** Issues by their score, best first (a stable sort: ties keep the order of their best section). @param {IssueHit[]} issues */
  ranked(issues) {
    if (!this.query.words.length) return issues; // by filters alone: newest first, as Pagefind sorted them
    return [...issues].sort((a, b) => (this.scores.get(b.number) ?? 0) - (this.scores.get(a.number) ?? 0));
  }

  /** @param {SectionHit[]} sections */
  byScore(sections) {
    if (!this.query.words.length) return sections;
    return [...sections].sort((a, b) => (this.sectionScores.get(b) ?? 0) - (this.sectionScores.get(a) ?? 0));
  }

  /** Whether every record of an issue has been checked. @param {number} number */
  complete(number) {
    return this.cursor >= this.results.length || (this.checkedPerIssue.get(number) ?? 0) >= (this.response.filters[ISSUE_FILTER]?.[`No ${number}`] ?? 0);
  }

  /** Reads one record: a real hit joins its issue, with Pagefind's score. @param {RecordData} data @param {PagefindResult | undefined} result */
  take(data, result) {
    const id = result?.id;
    if (id !== undefined) {
      if (this.checkedIds.has(id)) return;
      this.checkedIds.add(id);
    }
    const { words, terms, kind } = this.query;
    const hit = sectionHit(data, words, terms, kind);
    const record = readRecord(data);
    this.checkedPerIssue.set(record.issue.n, (this.checkedPerIssue.get(record.issue.n) ?? 0) + 1);
    if (words.length && data.locations.length) {
      this.located++;
      const marked = data.locations.map((l) => record.words[l] ?? '');
      for (const word of unmatchedWords(words, marked)) this.failures.set(word, (this.failures.get(word) ?? 0) + 1);
    }
    if (!hit) {
      this.dropped = true;
      return;
    }
    let issue = this.issues.get(hit.number);
    if (!issue) {
      issue = { number: hit.number, title: hit.title, url: hitUrl(hit.issueUrl, terms), ...(hit.date ? { date: hit.date } : {}), sections: [] };
      this.issues.set(hit.number, issue);
    }
    issue.sections.push(hit);
    const score = result?.score ?? 0;
    this.sectionScores.set(hit, score);
    this.scores.set(hit.number, (this.scores.get(hit.number) ?? 0) + score);
  }
}
