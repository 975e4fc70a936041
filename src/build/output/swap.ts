// The atomic swap: a build writes into a staging folder beside the output and renames it into
// place only when it succeeded; what a stopped build leaves beside the output is repaired or removed.

import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * The points of a build into a folder where a stop (SIGKILL, a crash) must leave a whole site: the
 * staging folder made, the first file written, the new site complete, between the swap's two
 * renames, the swap done. A caller may pass a `Pause` to be told of each (the integrity tests
 * stop the build there).
 */
export type PausePoint = 'staging' | 'writing' | 'before-swap' | 'between-renames' | 'after-swap';
export type Pause = (point: PausePoint) => void;
const goOn: Pause = () => {};

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
export async function swapIntoPlace(staging: string, out: string, pause = goOn): Promise<void> {
  const id = `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${(swaps++).toString(36)}`;
  const aside = `${out}.old-${id}`;
  const hadOld = fsSync.existsSync(out);
  if (hadOld) fsSync.renameSync(out, aside);
  pause('between-renames');
  try {
    fsSync.renameSync(staging, out);
  } catch (cause) {
    if (hadOld) fsSync.renameSync(aside, out);
    throw cause;
  }
  activeStaging.delete(staging);
  pause('after-swap');
  const trash = hadOld ? moveToTrash(aside, out, id) : undefined;
  if (trash) removeInBackground(trash);
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
  // Note: at the lowest priority, so that a build started meanwhile (the next rebuild) goes first.
  if (child.pid) {
    try {
      os.setPriority(child.pid, 19);
    } catch {
      // not allowed here: it runs at the build's priority
    }
  }
  child.unref();
}

/** Staging and scratch folders of builds running in this process, removed if the process is interrupted. */
const activeStaging = new Set<string>();

/**
 * A staging folder next to `out` (same file system, so the final rename is cheap and atomic).
 * Its name holds the process id, so that a later build knows whether its owner still runs.
 * The caller has run `restoreInterruptedSwap` before.
 */
export async function makeStagingFolder(out: string, pause = goOn): Promise<string> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const staging = makeFolder(path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-build-${process.pid}-`));
  activeStaging.add(staging);
  pause('staging');
  return staging;
}

/** Removes a staging folder that will not be swapped in (the build failed). */
export async function removeStagingFolder(staging: string): Promise<void> {
  activeStaging.delete(staging);
  await fs.rm(staging, { recursive: true, force: true });
}

/** A scratch folder for another program's work (`.search-XXXXXX`) in `parent`; removed if the build is interrupted. */
export async function makeScratchFolder(parent: string, label: string): Promise<string> {
  const scratch = await fs.mkdtemp(path.join(parent, `.${label}-`));
  activeStaging.add(scratch);
  return scratch;
}

export async function removeScratchFolder(scratch: string): Promise<void> {
  await fs.rm(scratch, { recursive: true, force: true });
  activeStaging.delete(scratch);
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
 * staging folders of builds that no longer run, and the spare tree earlier versions kept beside
 * the output (`.out-spare`) are removed. Staging folders of builds still running are left alone.
 */
export async function restoreInterruptedSwap(out: string): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  const base = path.basename(out);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  // Newest first (the ids start with the time), though a swap leaves at most one behind.
  const asides = names
    .filter((name) => name.startsWith(`${base}.old-`))
    .sort()
    .reverse();
  if (!(await exists(out)) && asides[0]) fsSync.renameSync(path.join(dir, asides.shift()!), out);
  const trash = asides.map((name) => moveToTrash(path.join(dir, name), out, `${name.slice(base.length + 5)}-left`)).filter((t): t is string => t !== undefined);
  for (const name of names) {
    const folder = path.join(dir, name);
    const leftover = name.startsWith(`.${base}-trash-`) || name === `.${base}-spare`;
    if (leftover || (name.startsWith(`.${base}-build-`) && !activeStaging.has(folder) && !ownerRuns(name.slice(base.length + 8)))) trash.push(folder);
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

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}
