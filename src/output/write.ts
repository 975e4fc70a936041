// Stage 6, write: pages and static files go to a Writer, either memory (tests) or a folder.
// Every path is checked to stay inside the output folder, whatever the input says.

import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BUILD_ID_FILE } from '../incremental/cache.js';
import { hash } from '../load/inputs.js';
import { ArchiveError } from '../errors.js';

export interface Writer {
  /**
   * Writes one file at a path relative to the output root (`issues/56/index.html`).
   * @param key identifies the content, for the next incremental build
   */
  write(relativePath: string, content: string | Uint8Array, key?: string): Promise<void>;
  /** Keeps the previous build's file when its key is the same; true when it did. */
  keep?(relativePath: string, key: string): Promise<boolean>;
  /** Keeps every previous file below `prefix` (`pagefind/`) when the folder's key is the same. */
  keepFolder?(prefix: string, key: string): Promise<boolean>;
  /** Notes the key of a folder written file by file. */
  noteFolder?(prefix: string, key: string): void;
  /**
   * Takes a finished folder (made by another program: Pagefind) over as `prefix`, moving it
   * rather than copying file by file; the number of files in it.
   */
  adoptFolder?(prefix: string, dir: string, key: string): Promise<number>;
  /** Waits until every write has reached its destination. */
  flush?(): Promise<void>;
  /** The folder written to, when it is one: scratch folders are made inside it, to be moved in. */
  readonly root?: string;
}

/** Keeps written files in memory, for tests and for `--to memory` style tools. */
export class MemoryWriter implements Writer {
  readonly files = new Map<string, string | Uint8Array>();
  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    this.files.set(checkedRelativePath(relativePath), content);
  }
  /** The text of a written file (throws when it was not written). */
  text(relativePath: string): string {
    const content = this.files.get(relativePath);
    if (content === undefined) throw new Error(`not written: ${relativePath}`);
    return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  }
}

/** Writes below a root folder, creating folders as needed. */
export class DiskWriter implements Writer {
  private readonly madeDirs = new Set<string>();
  constructor(readonly root: string) {}
  async write(relativePath: string, content: string | Uint8Array): Promise<void> {
    await fs.writeFile(await this.target(relativePath), content);
  }
  protected async target(relativePath: string): Promise<string> {
    const target = path.join(this.root, checkedRelativePath(relativePath));
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    return target;
  }
}

/**
 * Writes a new output folder next to the previous one and takes over, as hard links, the files
 * whose keys did not change: they are not rewritten and keep their modification times, while the
 * previous output stays complete until the new one replaces it.
 */
export class IncrementalWriter implements Writer {
  /** Output path (or folder prefix) → key, for the next build's manifest. */
  readonly outputs: Record<string, string> = {};
  kept = 0;
  written = 0;
  /**
   * @param root the staging folder
   * @param previous the output the new one replaces, and what its files are
   * @param existing what the staging folder already holds (the output of the build before the
   *   previous one, reused so that its folders need not be made again), path → key
   */
  constructor(
    readonly root: string,
    private readonly previous: { dir: string; outputs: Record<string, string> } | undefined,
    private readonly existing: Record<string, string> = {},
  ) {}
  /** Pages and files on their way to disk. */
  private readonly writes = new BackgroundWrites();
  /** Folders made (or being made) in the staging folder. */
  private readonly folders = new Map<string, Promise<unknown>>();
  async write(relativePath: string, content: string | Uint8Array, key?: string): Promise<void> {
    const normalised = checkedRelativePath(relativePath);
    const target = path.join(this.root, normalised);
    // Never write through a link: the file may be shared with the previous output.
    const replaces = normalised in this.existing || normalised in this.outputs;
    this.outputs[normalised] = key ?? hash(content);
    if (++this.written === 1) pausePoint('writing');
    const folder = this.folder(path.dirname(target));
    await this.writes.add(async () => {
      await folder;
      if (replaces) await fs.rm(target, { force: true });
      await fs.writeFile(target, content);
    });
  }
  /** Waits until everything written has reached the disk (and fails if anything could not). */
  flush(): Promise<void> {
    return this.writes.flush();
  }
  private folder(dir: string): Promise<unknown> {
    let made = this.folders.get(dir);
    if (!made) this.folders.set(dir, (made = fs.mkdir(dir, { recursive: true })));
    return made;
  }
  // Note: links are made synchronously: each is far cheaper than a round trip through the thread pool.
  async keep(relativePath: string, key: string): Promise<boolean> {
    const normalised = checkedRelativePath(relativePath);
    if (this.existing[normalised] === key) {
      this.outputs[normalised] = key; // already in place, untouched since it was written
      this.kept++;
      return true;
    }
    if (!this.previous || this.previous.outputs[normalised] !== key) return false;
    const target = this.target(normalised);
    try {
      if (normalised in this.existing) fsSync.rmSync(target, { force: true });
      fsSync.linkSync(path.join(this.previous.dir, normalised), target);
    } catch {
      return false; // the previous file is gone: write it anew
    }
    this.outputs[normalised] = key;
    this.kept++;
    return true;
  }
  /** The path of a file to link, its folder made at once (links are made synchronously). */
  private target(normalised: string): string {
    const target = path.join(this.root, normalised);
    const dir = path.dirname(target);
    if (!this.folders.has(dir)) {
      fsSync.mkdirSync(dir, { recursive: true });
      this.folders.set(dir, Promise.resolve());
    }
    return target;
  }
  async keepFolder(prefix: string, key: string): Promise<boolean> {
    if (!this.previous || this.previous.outputs[prefix] !== key) return false;
    const files = Object.keys(this.previous.outputs).filter((p) => p.startsWith(prefix) && p !== prefix);
    for (const file of files) if (!(await this.keep(file, this.previous.outputs[file]!))) return false;
    this.outputs[prefix] = key;
    return true;
  }
  noteFolder(prefix: string, key: string): void {
    this.outputs[prefix] = key;
  }
  async adoptFolder(prefix: string, dir: string, key: string): Promise<number> {
    const normalised = `${checkedRelativePath(prefix).replace(/\/$/, '')}/`;
    const destination = path.join(this.root, normalised);
    // The reused tree may hold an older folder there: it goes with the scratch folder it came from.
    if (fsSync.existsSync(destination)) fsSync.renameSync(destination, `${dir}-replaced`);
    fsSync.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true });
    fsSync.renameSync(dir, destination);
    const files = await filesBelow(destination);
    for (const file of files) this.outputs[`${normalised}${file}`] = `${key}:${file}`;
    this.written += files.length;
    return files.length;
  }
  /** Removes what the reused folder held but this build does not write, and folders left empty. */
  removeLeftovers(): void {
    const emptied = new Set<string>();
    for (const file of Object.keys(this.existing)) {
      if (file in this.outputs || file.endsWith('/')) continue;
      fsSync.rmSync(path.join(this.root, file), { force: true });
      emptied.add(path.dirname(file));
    }
    for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
      for (let d = dir; d !== '.' && d !== ''; d = path.dirname(d)) {
        try {
          fsSync.rmdirSync(path.join(this.root, d));
        } catch {
          break; // not empty
        }
      }
    }
  }
}

/**
 * File writes handed to libuv's thread pool, a bounded number at a time: the disk works on the
 * second core while the next page renders. The first failure is reported by the next write or
 * by `flush`.
 */
export class BackgroundWrites {
  private running = 0;
  /** Writes waiting for a free slot; a finishing write hands its slot to the first. */
  private readonly queue: (() => void)[] = [];
  private readonly drained: (() => void)[] = [];
  private failure: { error: unknown } | undefined;
  constructor(private readonly limit = 32) {}
  /** Starts `work` once fewer than `limit` writes run; resolves when it has started. */
  async add(work: () => Promise<unknown>): Promise<void> {
    this.throwFailure();
    if (this.running < this.limit) this.running++;
    else await new Promise<void>((start) => this.queue.push(start));
    work().then(
      () => this.finished(),
      (error: unknown) => {
        this.failure ??= { error };
        this.finished();
      },
    );
  }
  async flush(): Promise<void> {
    if (this.running) await new Promise<void>((done) => this.drained.push(done));
    this.throwFailure();
  }
  private finished(): void {
    const next = this.queue.shift();
    if (next) return next();
    if (--this.running === 0) for (const done of this.drained.splice(0)) done();
  }
  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}

/** Normalises a relative output path and refuses any that would leave the output folder. */
export function checkedRelativePath(relativePath: string): string {
  const normalised = path.posix.normalize(relativePath.replace(/\\/g, '/'));
  if (!normalised || normalised === '.' || path.posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../') || normalised.includes('\0')) {
    throw new ArchiveError(`refusing to write ${JSON.stringify(relativePath)}: every output path must stay inside the output folder`);
  }
  return normalised;
}

/**
 * Refuses a build in which two files would be written to one path: a static file would silently
 * replace a page (`public/index.html`), or one would land in the search index's folder.
 */
export function checkOutputPaths(pagePaths: string[], publicFiles: string[], publicDir: string): void {
  const pages = new Set<string>();
  for (const page of pagePaths) {
    const normalised = checkedRelativePath(page);
    if (pages.has(normalised)) throw new ArchiveError(`two pages would be written to ${normalised}; give one of them another slug`);
    pages.add(normalised);
  }
  for (const file of publicFiles) {
    const name = `${path.basename(publicDir)}/${file}`;
    if (pages.has(file)) throw new ArchiveError(`${name} would replace the page ${file} the build writes; rename or remove the static file`);
    if (file.startsWith('pagefind/')) throw new ArchiveError(`${name} is inside pagefind/, the search index's folder; move it elsewhere`);
  }
}

/** The relative paths of all files below a folder (none when it does not exist). */
export async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await filesBelow(path.join(dir, entry.name), relative)));
    else if (entry.isFile()) found.push(relative);
  }
  return found;
}

/** Copies static files (paths relative to `sourceDir`, from `filesBelow`) through a writer, keeping unchanged ones. */
export async function copyFiles(sourceDir: string, files: string[], writer: Writer): Promise<number> {
  for (const file of files) {
    const content = await fs.readFile(path.join(sourceDir, file));
    const key = hash(content);
    if (!(await writer.keep?.(file, key))) await writer.write(file, content, key);
  }
  return files.length;
}

/** Counts swaps, so that each moved-aside output has a name of its own. */
let swaps = 0;

/**
 * Replaces `out` with the freshly built `staging` folder: the previous output is renamed aside,
 * the new one renamed into place, and the previous one then renamed to a trash folder that is
 * removed in the background.
 * Note: no system call swaps two folders portably (Linux's renameat2 exchange is not in Node),
 * and a folder that holds files cannot be renamed over. The two renames therefore run back to
 * back, synchronously: no JavaScript and no signal handler runs between them, so only SIGKILL or
 * a crash can stop the build there. What a stop leaves, at any moment:
 * - before the first rename: `out` is the previous site, complete and unchanged;
 * - between the two: `out` is missing and the previous site, complete, is `out.old-<id>`; every
 *   command that uses the output (build, dev, serve) moves it back first;
 * - after the second: `out` is the new site, complete.
 * Only a folder named `out.old-*` is ever moved back: the swap renames it to a trash name before
 * anything is removed from it.
 */
export async function swapIntoPlace(staging: string, out: string, keepPreviousAs?: string): Promise<void> {
  const id = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${(swaps++).toString(36)}`;
  const aside = `${out}.old-${id}`;
  const hadOld = fsSync.existsSync(out);
  if (hadOld) fsSync.renameSync(out, aside);
  pausePoint('between-renames');
  try {
    fsSync.renameSync(staging, out);
  } catch (cause) {
    if (hadOld) fsSync.renameSync(aside, out);
    throw cause;
  }
  activeStaging.delete(staging);
  pausePoint('after-swap');
  if (hadOld && keepPreviousAs) {
    // The previous output becomes the next build's starting point (see spareFolder).
    const leftover = fsSync.existsSync(keepPreviousAs) ? moveToTrash(keepPreviousAs, out, `${id}-spare`) : undefined;
    if (leftover) removeInBackground(leftover);
    try {
      fsSync.renameSync(aside, keepPreviousAs);
      return;
    } catch {
      // A spare made in advance (see makeSpareInBackground) landed in between: the previous
      // output is not needed, the next build finds no spare it expects and makes its own tree.
    }
  }
  const trash = hadOld ? moveToTrash(aside, out, id) : undefined;
  if (trash) removeInBackground(trash);
}

/**
 * Where a build keeps the output it replaced (`.<out>-spare`): the next build updates that tree
 * into its staging folder instead of making a new one. Its folders exist already, and most of its
 * files are the same, so a rebuild touches only what changed (making thousands of folders costs
 * more than all the rest of a small rebuild).
 */
export function spareFolder(out: string): string {
  return path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-spare`);
}

/**
 * Removes a spare tree that no manifest vouches for (after a build from nothing: the cache was
 * lost, or the tree came along with a copied project), so that none is taken for what it is not
 * and one can be made in advance again.
 */
export function discardSpare(out: string): void {
  const trash = moveToTrash(spareFolder(out), out, `${Date.now().toString(36)}-${process.pid}-${(swaps++).toString(36)}-unknown-spare`);
  if (trash) removeInBackground(trash);
}

/** Outputs with fewer files get no spare made in advance: their first rebuild makes few folders. */
const SPARE_IN_ADVANCE_FROM = 200;

/**
 * After a build that had no previous output to keep (the first one, or after the cache was lost),
 * makes the next build's spare in a detached process: the output's folders, and its files as hard
 * links, so that the first rebuild need not make a thousand folders either. The copy is made under
 * a staging name and renamed to the spare's name only when it is complete, the output did not
 * change meanwhile (same `.build-id` before and after), and no spare has appeared in between; a
 * build takes a spare only when its `.build-id` is the one the manifest expects.
 */
export function makeSpareInBackground(out: string, files: number): void {
  if (files < SPARE_IN_ADVANCE_FROM) return;
  const spare = spareFolder(out);
  // Named as a staging folder of the copying process, so that other builds leave it alone while it runs.
  const stagingPrefix = path.join(path.dirname(spare), `.${path.basename(out)}-build-`);
  const script = `
    const fs = require('node:fs'), path = require('node:path');
    const [from, stagingPrefix, spare, idFile] = process.argv.slice(1);
    const making = stagingPrefix + process.pid + '-spare';
    const id = () => fs.readFileSync(path.join(from, idFile), 'utf8');
    const copy = (relative) => {
      for (const entry of fs.readdirSync(path.join(from, relative), { withFileTypes: true })) {
        const name = path.join(relative, entry.name);
        if (entry.isDirectory()) { fs.mkdirSync(path.join(making, name)); copy(name); }
        else if (name !== idFile) fs.linkSync(path.join(from, name), path.join(making, name));
      }
    };
    try {
      const before = id();
      fs.mkdirSync(making);
      copy('');
      fs.writeFileSync(path.join(making, idFile), before);
      if (id() !== before || fs.existsSync(spare)) throw new Error('the output changed');
      fs.renameSync(making, spare);
    } catch {
      fs.rmSync(making, { recursive: true, force: true });
    }`;
  const child = spawn(process.execPath, ['-e', script, path.resolve(out), stagingPrefix, spare, BUILD_ID_FILE], { detached: true, stdio: 'ignore' });
  child.on('error', () => {}); // no spare then: the next build makes its own tree
  child.unref();
}

/**
 * Takes the spare folder over as a staging folder, when it is what the manifest says it is. Its
 * own folder gets the mode a new one gets (earlier versions made it from a private temporary folder).
 */
export async function takeSpareAsStaging(out: string, expectedBuildId: string | undefined): Promise<string | undefined> {
  const spare = spareFolder(out);
  if (!expectedBuildId) return undefined;
  const id = await fs.readFile(path.join(spare, BUILD_ID_FILE), 'utf8').then((t) => t.trim(), () => undefined);
  if (id !== expectedBuildId) return undefined;
  const staging = makeFolder(path.join(path.dirname(spare), `.${path.basename(out)}-build-${process.pid}-spare`));
  const { mode } = fsSync.statSync(staging);
  fsSync.rmdirSync(staging);
  fsSync.renameSync(spare, staging);
  fsSync.chmodSync(staging, mode & 0o7777);
  activeStaging.add(staging);
  pausePoint('staging');
  return staging;
}

/**
 * Makes a new folder named `prefix` and a random suffix, with the mode any new folder gets
 * (the umask decides: 0755 with umask 022).
 * Note: not fs.mkdtemp, whose folders are private (0700): this one is published. Synchronous, so
 * that the caller marks it as its own before another build beside it looks for leftovers.
 */
function makeFolder(prefix: string): string {
  for (;;) {
    const dir = `${prefix}${randomBytes(6).toString('hex')}`;
    try {
      fsSync.mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Renames a folder next to `out` to a trash name (`.out-trash-<id>`), so it is never taken for a
 * site again; undefined when it is gone already (another build beside this one trashed it).
 */
function moveToTrash(dir: string, out: string, id: string): string | undefined {
  const trash = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-trash-${id}`);
  try {
    fsSync.renameSync(dir, trash);
    return trash;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes the previous output after the build has finished: the new site is already in place,
 * and deleting thousands of files is not worth the author's wait. A removal that did not happen
 * is repeated by the next build.
 */
function removeInBackground(dir: string): void {
  const child = spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(dir)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' });
  child.on('error', () => fsSync.rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/** Staging folders of builds running in this process, removed if the process is interrupted. */
const activeStaging = new Set<string>();

/**
 * A staging folder next to `out` (same file system, so the final rename is cheap and atomic).
 * Its name holds the process id, so that a later build knows whether its owner still runs.
 * The caller has run `restoreInterruptedSwap` before.
 */
export async function makeStagingFolder(out: string): Promise<string> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const staging = makeFolder(path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-build-${process.pid}-`));
  activeStaging.add(staging);
  pausePoint('staging');
  return staging;
}

/**
 * A scratch folder for another program's output (`.search-XXXXXX`), inside the staging folder so
 * that what it makes can be moved into place; removed if the build is interrupted.
 */
export async function makeScratchFolder(parent: string, label: string): Promise<string> {
  const scratch = await fs.mkdtemp(path.join(parent, `.${label}-`));
  activeStaging.add(scratch);
  return scratch;
}

export async function removeScratchFolder(scratch: string): Promise<void> {
  await fs.rm(scratch, { recursive: true, force: true });
  activeStaging.delete(scratch);
}

/** Removes a staging folder that will not be swapped in (the build failed). */
export async function removeStagingFolder(staging: string): Promise<void> {
  activeStaging.delete(staging);
  await fs.rm(staging, { recursive: true, force: true });
}

/**
 * Removes the staging folders of this process's unfinished builds, synchronously: for a signal
 * handler (Ctrl+C), which runs between event loop turns, so never inside a swap.
 */
export function abandonStagingFolders(): void {
  for (const staging of activeStaging) removeWhileWritesSettle(staging);
  activeStaging.clear();
}

/**
 * Removes a folder that writes on the thread pool may still be adding to (a build stopped in its
 * write stage): a removal meanwhile fails (`ENOTEMPTY`) or a folder being made reappears, so it is
 * repeated, a little later each time, until the folder stays gone, for at most about a second.
 * Never throws: what is left, the next build removes (its owner no longer runs).
 */
function removeWhileWritesSettle(dir: string): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 1; attempt <= 25; attempt++) {
    try {
      fsSync.rmSync(dir, { recursive: true, force: true });
    } catch {
      // a write landed in it meanwhile: again
    }
    Atomics.wait(pause, 0, 0, 2 * attempt);
    if (!fsSync.existsSync(dir)) return;
  }
}

/**
 * Repairs what a stopped build can leave next to `out`: stopped between the two renames of the
 * swap, `out` is missing and `out.old-*` complete (moved back); stopped right after them, an
 * `out.old-*` is left beside the new output (trashed); trash folders whose removal was cut short,
 * and staging folders of builds that no longer run (removed). Staging folders of builds still
 * running are left alone.
 */
export async function restoreInterruptedSwap(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const base = path.basename(out);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  // Newest first (the ids start with the time), though a swap leaves at most one behind.
  const asides = names.filter((name) => name.startsWith(`${base}.old-`)).sort().reverse();
  if (!(await exists(out)) && asides[0]) fsSync.renameSync(path.join(dir, asides.shift()!), out);
  const trash = asides.map((name) => moveToTrash(path.join(dir, name), out, `${name.slice(base.length + 5)}-left`)).filter((t): t is string => t !== undefined);
  for (const name of names) {
    const folder = path.join(dir, name);
    if (name.startsWith(`.${base}-trash-`) || (name.startsWith(`.${base}-build-`) && !activeStaging.has(folder) && !ownerRuns(name.slice(base.length + 8)))) trash.push(folder);
  }
  for (const folder of trash) await fs.rm(folder, { recursive: true, force: true }).catch(() => {}); // another build may be removing it too
}

/** Whether the process whose id starts a staging folder's suffix (`<pid>-XXXXXX`) still runs. */
function ownerRuns(suffix: string): boolean {
  const pid = Number(/^(\d+)-/.exec(suffix)?.[1]);
  if (!pid || pid === process.pid) return false; // this process's own are in activeStaging
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A point where the integrity tests stop a build: with KRASSE_LINKS_PAUSE_AT=<point> in the
 * environment, the build prints "paused at <point>" to stderr and blocks (without yielding to the
 * event loop) until it is killed. Points: staging, writing, before-swap, between-renames, after-swap.
 */
export function pausePoint(point: string): void {
  if (process.env.KRASSE_LINKS_PAUSE_AT !== point) return;
  fsSync.writeSync(2, `paused at ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
