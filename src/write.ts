// Stage 6, write: pages and static files go to a Writer, either memory (tests) or a folder.
// Every path is checked to stay inside the output folder, whatever the input says.

import fs from 'node:fs/promises';
import path from 'node:path';
import { ArchiveError } from './errors.js';

export interface Writer {
  /** Writes one file at a path relative to the output root (`issues/56/index.html`). */
  write(relativePath: string, content: string | Uint8Array): Promise<void>;
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
    const target = path.join(this.root, checkedRelativePath(relativePath));
    const dir = path.dirname(target);
    if (!this.madeDirs.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    await fs.writeFile(target, content);
  }
}

/** Normalises a relative output path and refuses any that would leave the output folder. */
export function checkedRelativePath(relativePath: string): string {
  const normalised = path.posix.normalize(relativePath.replace(/\\/g, '/'));
  if (!normalised || path.posix.isAbsolute(normalised) || normalised === '..' || normalised.startsWith('../') || normalised.includes('\0')) {
    throw new ArchiveError(`refusing to write ${JSON.stringify(relativePath)}: every output path must stay inside the output folder`);
  }
  return normalised;
}

/** Copies a folder of static files through a writer, keeping relative paths. */
export async function copyFolder(sourceDir: string, writer: Writer, prefix = ''): Promise<number> {
  let count = 0;
  let entries;
  try {
    entries = await fs.readdir(sourceDir, { withFileTypes: true });
  } catch {
    return 0; // no public folder: nothing to copy
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const from = path.join(sourceDir, entry.name);
    const to = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) count += await copyFolder(from, writer, to);
    else if (entry.isFile()) {
      await writer.write(to, await fs.readFile(from));
      count++;
    }
  }
  return count;
}

/**
 * Replaces `out` with the freshly built `staging` folder. The old output is moved aside first and
 * removed only after the new one is in place, so a failure leaves a complete site behind.
 */
export async function swapIntoPlace(staging: string, out: string): Promise<void> {
  const aside = `${out}.old-${process.pid}`;
  const hadOld = await exists(out);
  if (hadOld) await fs.rename(out, aside);
  try {
    await fs.rename(staging, out);
  } catch (cause) {
    if (hadOld) await fs.rename(aside, out);
    throw cause;
  }
  if (hadOld) await fs.rm(aside, { recursive: true, force: true });
}

/** A staging folder next to `out` (same file system, so the final rename is cheap and atomic). */
export async function makeStagingFolder(out: string): Promise<string> {
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  await restoreInterruptedSwap(out);
  return fs.mkdtemp(path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}-build-`));
}

/** A build killed between the two renames leaves `out` missing and `out.old-*` complete: put it back. */
async function restoreInterruptedSwap(out: string): Promise<void> {
  if (await exists(out)) return;
  const dir = path.dirname(path.resolve(out));
  const base = path.basename(out);
  const aside = (await fs.readdir(dir)).find((name) => name.startsWith(`${base}.old-`));
  if (aside) await fs.rename(path.join(dir, aside), out);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(() => true, () => false);
}
