// Stage 7, search: a Pagefind index of records made from the issue models (not of the pages).
// Note: one record per topical section (and one for the issue's title and intro), so that a
// filter by source or year narrows to the sections themselves (Pagefind filters apply to whole
// records) and the search page can list each issue once with its matching sections under it.
// A section's kinds of text (commentary, quotes) are filter values of the record, and empty
// markers in its text tell the search page which kind each matching word is in: one record per
// section and kind would make Pagefind index about 1.2 × as long for the same text.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Archive } from '../archive/index.js';
import type { SiteConfig } from '../../config.js';
import { SearchIndexError } from '../../errors.js';
import { escapeXml as escapeHtml } from '../render/feeds.js';
import { blockParagraphs, sourceNames, type Block, type Section } from '../../model.js';
import { DiskFullError, isDiskFull, pagefindOutOfSpace } from '../../build/output/disk-full.js';
import { BackgroundWrites } from '../../build/output/queue.js';
import { makeScratchFolder, removeScratchFolder } from '../../build/output/swap.js';
import type { Writer } from '../../build/output/writer.js';
import { WORDS_DIR, WordCounter } from './words.js';

/** The folder of the search index in the output. */
export const SEARCH_INDEX = 'pagefind/';

/** One record for Pagefind: a small HTML document. */
export interface SearchRecord {
  html: string;
}

/** Filter names as the search page shows them. */
export const FILTERS = { issue: 'Ausgabe', year: 'Jahr', source: 'Quelle', kind: 'Art' } as const;
export const KINDS = { commentary: 'Kommentar', quote: 'Zitat' } as const;
/**
 * Ids of the empty markers in a record's text: the issue's data, then the kind of the text that
 * follows (public/search-hits.js reads them back).
 */
export const MARKERS = { commentary: 'k', quote: 'z' } as const;

/** What the search page shows of an issue, carried by every record of the issue. */
export interface RecordIssue {
  /** Issue number. */
  n: number;
  /** Title (the motto). */
  t: string;
  /** URL of the issue page. */
  u: string;
  /** ISO date, when known. */
  d?: string;
}

/** The search records of the archive: per issue, its title and intro, then each section. */
export function searchRecords(archive: Archive, site: SiteConfig): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const issue of archive.issues) {
    const info: RecordIssue = { n: issue.number, t: issue.title, u: `${site.basePath}${archive.issuePath(issue.number)}`, ...(issue.date ? { d: issue.date } : {}) };
    // Note: Pagefind searches every metadata field, so a word of the title stored as metadata
    // would match every section of the issue. The issue's data rides instead in the id of an
    // empty element, which Pagefind returns with the record (as an anchor) but does not index.
    const head = `<i id="${encodeURIComponent(JSON.stringify(info))}"></i>`;
    const filters = (kinds: string[], sources: string[]) =>
      [
        // Sorted newest first when the search page lists sections by filters alone.
        `<b data-pagefind-sort="n:${String(issue.number).padStart(6, '0')}"></b>`,
        filter(FILTERS.issue, `No ${issue.number}`),
        issue.date ? filter(FILTERS.year, issue.date.slice(0, 4)) : '',
        ...kinds.map((kind) => filter(FILTERS.kind, kind)),
        ...sources.map((name) => filter(FILTERS.source, name)),
      ].join('');
    const intro = issue.intro?.text ?? '';
    const introText = intro.includes(issue.title) ? intro : `${issue.title}\n${intro}`;
    records.push({ html: record(filters([KINDS.commentary], []), `${head}<i id=${MARKERS.commentary}></i>${escapeHtml(introText)}`) });
    for (const section of issue.sections) {
      const text = sectionText(section);
      if (!text) continue;
      const sources = [...new Set(section.sources.flatMap(sourceNames))];
      records.push({ html: record(filters(text.kinds, sources), `${head}<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.heading)}</h2>${text.html}`) });
    }
  }
  return records;
}

// Note: values are escaped once, so Pagefind stores them as the plain text they are (it decodes
// the HTML it reads); the search page puts them into the page as text.
const filter = (name: string, value: string) => `<b data-pagefind-filter="${name}">${escapeHtml(value)}</b>`;
const record = (filters: string, body: string) => `<html><body>${filters}<main data-pagefind-body>${body}</main></body></html>`;

/** A section's text, with a marker where the kind of text changes, and the kinds it holds. */
function sectionText(section: Section): { html: string; kinds: string[] } | undefined {
  let html = '';
  let current: 'commentary' | 'quote' | undefined;
  const kinds = new Set<string>();
  for (const block of section.blocks) {
    const kind = isQuote(block) ? 'quote' : 'commentary';
    if (kind !== current) html += `<i id=${MARKERS[kind]}></i>`;
    current = kind;
    kinds.add(KINDS[kind]);
    // Paragraphs on lines of their own: Pagefind reads a line break as a space between words.
    html += blockParagraphs(block).map((p) => `${escapeHtml(p.text)}\n`).join('');
  }
  return kinds.size ? { html, kinds: [...kinds].sort() } : undefined;
}

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
  /** Identifies the index (its records and the generator), for the next incremental build. */
  key: string;
  /** Stops Pagefind when the build fails meanwhile. */
  signal?: AbortSignal;
  /** Where Pagefind's scratch folder goes (default: the system's temporary folder). */
  tempDir?: string;
}

/**
 * Indexes the records with the Pagefind program and moves the index (and Pagefind's UI files)
 * through the writer to `pagefind/`, with the archive's words for suggestions (`pagefind/words/`,
 * see words.ts), each file with the index's key. Returns the number of files written. Empties
 * `records` once they are saved.
 * Note: Pagefind's program, run on the records saved as small files as its command line is, indexed
 * them 1.5–3× faster here than its Node API (whose service takes each document through a pipe,
 * one at a time), and it runs in a process of its own: the pipeline starts it before rendering,
 * so it indexes on the second core while the pages are written.
 */
export async function writeSearchIndex(records: SearchRecord[], writer: Writer, options: SearchIndexOptions): Promise<number> {
  const scratch = await makeScratchFolder(options.tempDir ?? os.tmpdir(), 'search');
  try {
    const site = path.join(scratch, 'records');
    const index = path.join(scratch, 'pagefind');
    await fs.mkdir(site);
    // Flat file names (no folders to make), in the archive's order; each record carries its issue's URL.
    const writes = new BackgroundWrites();
    const words = new WordCounter();
    for (const [i, record] of records.entries()) {
      words.addRecord(record.html);
      await writes.add(() => fs.writeFile(path.join(site, `${String(i).padStart(7, '0')}.html`), record.html));
    }
    await writes.flush();
    records.length = 0; // on disk now: the memory is better used while Pagefind runs
    await runPagefind(site, index, options);
    const files = (await fs.readdir(index, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) {
      const from = path.join(file.parentPath, file.name);
      await writer.move(`${SEARCH_INDEX}${path.relative(index, from).split(path.sep).join('/')}`, from, options.key);
    }
    const wordFiles = words.files();
    for (const [file, text] of wordFiles) await writer.write(`${SEARCH_INDEX}${WORDS_DIR}${file}.txt`, text, options.key);
    await writer.flush(); // moved before the scratch folder goes
    return files.length + wordFiles.size;
  } catch (error) {
    // The records and Pagefind's files go to the scratch folder (a write's error names no path):
    // a full disk there is Pagefind's; the moves' errors name their targets.
    const inScratch = !(error as NodeJS.ErrnoException).path || path.resolve((error as NodeJS.ErrnoException).path!).startsWith(scratch);
    throw isDiskFull(error) && inScratch ? new DiskFullError(scratch, "Pagefind's search index", { cause: error }) : error;
  } finally {
    await removeScratchFolder(scratch);
  }
}

function runPagefind(site: string, output: string, { lang, signal }: SearchIndexOptions): Promise<void> {
  const program = pagefindProgram();
  const scratch = path.dirname(site);
  return new Promise((resolve, reject) => {
    // The working folder is the scratch folder, so no pagefind.yml of the author's project applies.
    const child = spawn(program, ['--site', site, '--output-path', output, '--force-language', lang, '--silent'], { cwd: path.dirname(site), stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    // Pagefind must not outlive the build (killed or stopped by a signal, the build exits at once).
    const stop = () => child.kill();
    process.once('exit', stop);
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', (error) => reject(signal?.aborted ? error : new SearchIndexError(`could not start Pagefind (${program}): ${error.message}`)));
    child.on('close', (code, killedBy) => {
      process.off('exit', stop);
      if (code === 0) resolve();
      // Pagefind panics with a Rust backtrace when its files do not fit: said as a full disk.
      else if (pagefindOutOfSpace(errors)) reject(new DiskFullError(scratch, "Pagefind's search index", { cause: new Error(errors.trim()) }));
      else reject(new SearchIndexError(`Pagefind failed (${killedBy ?? `exit code ${code}`}): ${errors.trim() || 'no message'}`));
    });
  });
}

/** Pagefind's program for this platform, as the pagefind package finds it (an environment variable may name another). */
function pagefindProgram(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const fromEnvironment = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnvironment) return fromEnvironment;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(import.meta.url);
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // not installed under this name; try the next
    }
  }
  throw new SearchIndexError(`Pagefind's program for ${platform}-${process.arch} is not installed: run "npm ci", or set PAGEFIND_BINARY_PATH`);
}

function isQuote(block: Block): boolean {
  return block.kind === 'quote' || (block.kind === 'list' && block.inQuote);
}
