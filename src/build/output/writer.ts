// The writer: where every output file goes (pages, static files, Pagefind's index), through four
// methods; to memory for tests, or to a folder, taking unchanged files over from the previous output.

import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkedRelativePath } from './paths.js';
import { BackgroundWrites } from './queue.js';
import type { Pause } from './swap.js';

export interface Writer {
  /**
   * Writes one file at a path relative to the output root (`issues/56/index.html`).
   * @param key identifies the content, for the next incremental build (see incremental/keys.ts)
   */
  write(relativePath: string, content: string | Uint8Array, key: string): Promise<void>;
  /**
   * Moves a finished file made by another program (Pagefind) to a path relative to the output
   * root; `from` is gone afterwards.
   * Note: a move, not a copy: 2700 copies (Pagefind's files at 300 issues) took 1.6–2 s on this
   * project's disk, as many links or renames 0.1 s.
   */
  move(relativePath: string, from: string, key: string): Promise<void>;
  /** Takes the previous build's file over when its key is the same; true when it did. */
  keep(relativePath: string, key: string): Promise<boolean>;
  /** Waits until every file has reached its destination (and fails if one could not). */
  flush(): Promise<void>;
}

/** Keeps written files in memory, for tests and for `--to memory` style tools. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    this.files.set(checkedRelativePath(relativePath), content);
  }
  async move(relativePath: string, from: string): Promise<void> {
    this.files.set(checkedRelativePath(relativePath), await fs.readFile(from));
    await fs.rm(from);
  }
  async keep(): Promise<boolean> {
    return false;
  }
  async flush(): Promise<void> {}
  /** The text of a written file (throws when it was not written). */
  text(relativePath: string): string {
    const content = this.files.get(relativePath);
    if (content === undefined) throw new Error(`not written: ${relativePath}`);
    return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}

/** What a folder held after the previous build: its place, and output path → key. */
export interface PreviousOutput {
  dir: string;
  outputs: Record<string, string>;
}

/**
 * Writes below a root folder, creating folders as needed; files go to disk in the background
 * (see `flush`). Given the previous output, it takes over as hard links the files whose keys did
 * not change: they are not rewritten and keep their modification times, while the previous output
 * stays complete until the new one replaces it.
 */
export class DiskWriter implements Writer {
  /** Output path → key, for the next build's manifest. */
  readonly outputs: Record<string, string> = {};
  kept = 0;
  written = 0;
  private readonly writes = new BackgroundWrites();
  /** Folders made (or being made). */
  private readonly folders = new Map<string, Promise<unknown>>();
  /** Output path → done when what is made there is. */
  private readonly made = new Map<string, Promise<void>>();
  /**
   * @param previous the previous output, whose unchanged files are taken over
   * @param pause told when the first file is written (see PausePoint)
   */
  constructor(
    readonly root: string,
    private readonly previous?: PreviousOutput,
    private readonly pause?: Pause,
  ) {}
  async write(relativePath: string, content: string | Uint8Array, key: string): Promise<void> {
    if (++this.written === 1) this.pause?.('writing');
    await this.put(relativePath, key, (target) => fs.writeFile(target, content));
  }
  async move(relativePath: string, from: string, key: string): Promise<void> {
    if (++this.written === 1) this.pause?.('writing');
    await this.put(relativePath, key, async (target) => {
      try {
        await fs.rename(from, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await fs.copyFile(from, target); // another file system: copied after all
        await fs.rm(from);
      }
    });
  }
  flush(): Promise<void> {
    return this.writes.flush();
  }
  // Note: the links go through the thread pool like the writes: their folders are then made many
  // at a time (each new folder costs up to a millisecond on a slow disk, a few hundred of them
  // made one after the other a quarter of a second).
  async keep(relativePath: string, key: string): Promise<boolean> {
    const normalised = checkedRelativePath(relativePath);
    if (this.previous?.outputs[normalised] !== key) return false;
    const from = path.join(this.previous.dir, normalised);
    if (!fsSync.existsSync(from)) return false; // the previous file is gone: write it anew
    await this.put(normalised, key, (target) => fs.link(from, target));
    this.kept++;
    return true;
  }
  /** Queues the making of one file, its folder made first. */
  private async put(relativePath: string, key: string, make: (target: string) => Promise<unknown>): Promise<void> {
    const normalised = checkedRelativePath(relativePath);
    const target = path.join(this.root, normalised);
    // Never write through a link: a file kept before may be shared with the previous output. It
    // is removed once what was made there before (a link, say) is done.
    const earlier = this.made.get(normalised);
    this.outputs[normalised] = key;
    const dir = path.dirname(target);
    let folder = this.folders.get(dir);
    if (!folder) this.folders.set(dir, (folder = fs.mkdir(dir, { recursive: true })));
    let finish!: () => void;
    this.made.set(normalised, new Promise<void>((resolve) => (finish = resolve)));
    await this.writes.add(async () => {
      try {
        await folder;
        if (earlier) {
          await earlier;
          await fs.rm(target, { force: true });
        }
        await make(target);
      } catch (error) {
        // A write's error names no file (ENOSPC: "no space left on device, write"): it is this one.
        const failure = error as NodeJS.ErrnoException;
        if (failure.code && !failure.path) failure.path = target;
        throw error;
      } finally {
        finish();
      }
    });
  }
}
