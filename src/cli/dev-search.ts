// The dev server's search index (`npm run dev`): Pagefind indexes the records of the last save in
// the background, into a folder of its own that the server serves as `/pagefind/`; one run at a
// time, a newer save stopping the older run.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { searchKey } from '../build/incremental/keys.js';
import { DiskWriter } from '../build/output/writer.js';
import { writeSearchIndex } from '../build/search-index.js';
import { projectRoot } from '../config.js';
import { BuildError } from '../errors.js';
import type { SearchRecord } from '../site/search/index.js';

/**
 * The dev server's search index, made by Pagefind in the background into a folder of its own:
 * one run at a time, a newer one stopping the older; the index served stays the last complete one.
 */
export class BackgroundIndex {
  /** The folder of the index served (it holds `pagefind/`). */
  folder: string | undefined;
  /** The records of the last change, and their key. */
  wanted: { records: SearchRecord[]; lang: string; key: string } | undefined;
  private key: string | undefined;
  private run: { abort: AbortController; done: Promise<void> } | undefined;
  private runs = 0;
  private readonly root: string;

  constructor(
    private readonly tell: (state: 'stale' | 'ready' | BuildError) => void,
    private readonly log: (line: string) => void,
  ) {
    const cache = path.join(projectRoot, 'node_modules', '.cache', 'krasse-links');
    fs.mkdirSync(cache, { recursive: true });
    this.root = fs.mkdtempSync(path.join(cache, 'dev-search-'));
    process.once('exit', this.removeAll);
  }

  /** Whether the index served holds the records of the last change. */
  get current(): boolean {
    return this.wanted === undefined || this.wanted.key === this.key;
  }

  /** Indexes these records (unless the index served holds them already). */
  want(records: SearchRecord[], lang: string): void {
    this.wanted = { records, lang, key: searchKey(records, lang) };
    this.resume();
  }

  /** Starts indexing what was wanted last, if the index served does not hold it and no run is under way. */
  resume(): void {
    const wanted = this.wanted;
    if (!wanted || this.run) return;
    if (this.current) return this.tell('ready');
    const abort = new AbortController();
    const folder = path.join(this.root, String(++this.runs));
    const started = performance.now();
    const done = (async () => {
      try {
        await fsp.mkdir(folder);
        // Pagefind writes into a scratch folder inside `folder`; its files are moved to `folder/pagefind/`.
        const writer = new DiskWriter(folder);
        await writeSearchIndex(wanted.records, writer, { lang: wanted.lang, key: wanted.key, signal: abort.signal, tempDir: folder });
        const previous = this.folder;
        [this.folder, this.key] = [folder, wanted.key];
        if (previous) await fsp.rm(previous, { recursive: true, force: true });
        this.log(`search index current in ${((performance.now() - started) / 1000).toFixed(2)} s`);
        if (this.wanted === wanted) this.tell('ready');
      } catch (error) {
        await fsp.rm(folder, { recursive: true, force: true });
        if (!abort.signal.aborted) this.tell(error instanceof BuildError ? error : new BuildError(`the search index could not be made: ${(error as Error).message}`));
      } finally {
        this.run = undefined;
      }
    })();
    this.run = { abort, done };
    this.tell('stale');
  }

  /** Stops the run under way, if any (what it was indexing stays wanted). */
  async stop(): Promise<void> {
    this.run?.abort.abort();
    await this.run?.done;
  }

  async close(): Promise<void> {
    await this.stop();
    process.off('exit', this.removeAll);
    this.removeAll();
  }

  private readonly removeAll = () => fs.rmSync(this.root, { recursive: true, force: true });
}
