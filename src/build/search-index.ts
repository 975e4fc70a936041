// The search index: Pagefind's program indexes the site's search records (site/search/) in a
// process of its own, and its files, with the archive's word files, go through the writer to
// `pagefind/`.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { SearchIndexError } from '../errors.js';
import type { SiteConfig } from '../config.js';
import type { Archive } from '../site/archive/index.js';
import { eachSearchRecord, type SearchRecord } from '../site/search/index.js';
import { WORDS_DIR, WordCounter } from '../site/search/words.js';
import { searchKey, searchKeyHash } from './incremental/keys.js';
import type { Manifest } from './incremental/manifest.js';
import { DiskFullError, isDiskFull, pagefindOutOfSpace } from './output/disk-full.js';
import { BackgroundWrites } from './output/queue.js';
import { makeScratchFolder, removeScratchFolder } from './output/swap.js';
import type { Writer } from './output/writer.js';

/** The folder of the search index in the output. */
export const SEARCH_INDEX = 'pagefind/';

/**
 * Starts building the search index (unless the previous one holds the same records): `done`
 * gives the number of files written; `cancel` stops Pagefind when the build fails meanwhile.
 */
export function startSearchIndex(archive: Archive, site: SiteConfig, writer: Writer, previous: Manifest | undefined, tempDir: string | undefined): { done: Promise<number>; cancel(): Promise<void> } {
  const abort = new AbortController();
  const done = buildSearchIndex(archive, site, writer, previous, { signal: abort.signal, ...(tempDir ? { tempDir } : {}) });
  done.catch(() => {}); // awaited by the caller; a failure meanwhile must not count as unhandled
  return {
    done,
    async cancel() {
      abort.abort();
      await done.catch(() => {});
    },
  };
}

async function buildSearchIndex(archive: Archive, site: SiteConfig, writer: Writer, previous: Manifest | undefined, options: { signal: AbortSignal; tempDir?: string }): Promise<number> {
  // An archive with no issues yet has nothing to index (Pagefind refuses an empty index; each issue
  // has a record); its search page says so instead of showing the search.
  if (!archive.issues.length) return 0;
  // Note: the records are made one at a time, as they are hashed or written, never all at once (20
  // million characters at 1000 issues, held through the render stage before): made twice when
  // there is a previous index to compare with (0.2 s of processor time at 1000 issues), once from nothing.
  const records = () => eachSearchRecord(archive, site);
  // Every file of the index carries its key: the previous index is kept when all of them can be.
  const indexed = Object.entries(previous?.outputs ?? {}).filter(([file]) => file.startsWith(SEARCH_INDEX));
  if (!indexed.length) return writeSearchIndex(records(), writer, { lang: site.lang, ...options });
  const key = searchKey(records(), site.lang);
  const index = indexed.filter(([, fileKey]) => fileKey === key).map(([file]) => file);
  if (index.length && (await allKept(writer, index, key))) return 0;
  return writeSearchIndex(records(), writer, { lang: site.lang, key, ...options });
}

async function allKept(writer: Writer, files: string[], key: string): Promise<boolean> {
  for (const file of files) if (!(await writer.keep(file, key))) return false;
  return true;
}

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
  /** Identifies the index (its records and the generator), for the next incremental build; made from the records as they are written when not given. */
  key?: string;
  /** Stops Pagefind when the build fails meanwhile. */
  signal?: AbortSignal;
  /** Where Pagefind's scratch folder goes (default: the system's temporary folder). */
  tempDir?: string;
}

/**
 * Indexes the records with the Pagefind program and moves the index (and Pagefind's UI files)
 * through the writer to `pagefind/`, with the archive's words for suggestions (`pagefind/words/`,
 * see site/search/words.ts), each file with the index's key. Returns the number of files written.
 * Takes each record from `records` only as it writes it (a generator makes them one at a time).
 * Note: Pagefind's program, run on the records saved as small files as its command line is, indexed
 * them 1.5–3× faster here than its Node API (whose service takes each document through a pipe,
 * one at a time), and it runs in a process of its own: the pipeline starts it before rendering,
 * so it indexes on the second core while the pages are written.
 */
export async function writeSearchIndex(records: Iterable<SearchRecord>, writer: Writer, options: SearchIndexOptions): Promise<number> {
  const scratch = await makeScratchFolder(options.tempDir ?? os.tmpdir(), 'search');
  try {
    const site = path.join(scratch, 'records');
    const index = path.join(scratch, 'pagefind');
    await fs.mkdir(site);
    // Flat file names (no folders to make), in the archive's order; each record carries its issue's URL.
    const writes = new BackgroundWrites();
    const words = new WordCounter();
    const keyHash = options.key === undefined ? searchKeyHash(options.lang) : undefined;
    let i = 0;
    for (const record of records) {
      words.addRecord(record.html);
      keyHash?.add(record.html);
      const file = path.join(site, `${String(i++).padStart(7, '0')}.html`);
      await writes.add(() => fs.writeFile(file, record.html));
    }
    await writes.flush();
    const key = options.key ?? keyHash!.digest();
    await runPagefind(site, index, options);
    const files = (await fs.readdir(index, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const file of files) {
      const from = path.join(file.parentPath, file.name);
      await writer.move(`${SEARCH_INDEX}${path.relative(index, from).split(path.sep).join('/')}`, from, key);
    }
    const wordFiles = words.files();
    for (const [file, text] of wordFiles) await writer.write(`${SEARCH_INDEX}${WORDS_DIR}${file}.txt`, text, key);
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
    const child = spawn(program, ['--site', site, '--output-path', output, '--force-language', lang, '--silent'], {
      cwd: path.dirname(site),
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(signal ? { signal } : {}),
    });
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
