// What a build reads, and the hashes that tell whether anything changed since the last one.
// Kept apart from the pipeline (and its dependencies) so that an unchanged build is decided quickly.

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import fsSync from 'node:fs';
import { loadSiteConfig, projectRoot, type BuildOptions, type SiteConfig } from './config.js';
import { ArchiveError } from './errors.js';

/** A short, stable content hash. */
export function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const part of parts) {
    h.update(part);
    h.update('\0');
  }
  return h.digest('base64url').slice(0, 32);
}

/** An input file: its name, a hash of its content, and the content (read when needed). */
export interface InputFile {
  name: string;
  /** Hash of the content. */
  digest: string;
  /** The bytes; left unread for a file the previous build saw unchanged (see FileStat). */
  bytes?: Uint8Array;
  /** Path, to read the bytes when they are needed after all. */
  path: string;
}

/**
 * What a build saw of an input file: size, modification and change times, inode, content hash.
 * A file whose first four are the same next time is taken as unchanged without being read, as
 * git does; ctime cannot be set back by tools that restore a modification time.
 */
export type FileStat = [size: number, mtimeMs: number, ctimeMs: number, ino: number, digest: string];

/** What a build saw of its input files, and when it looked. */
export interface InputStats {
  takenAt: number;
  files: Record<string, FileStat>;
}

/**
 * A file changed less than this before the previous build looked at it may have changed again
 * within the same timestamp (coarse file system clocks): it is read again.
 */
const RACY_MS = 2000;

const ISSUE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/** Whether a file name is an issue file; editor leftovers and hidden files are not. */
export function isIssueFileName(name: string): boolean {
  return !isLeftover(name) && ISSUE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Hidden files and what editors and operating systems leave behind: ignored without a word. */
function isLeftover(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.startsWith('#') || /\.(?:swp|swo|bak|orig|tmp)$/i.test(name) || /^(?:Thumbs\.db|desktop\.ini)$/i.test(name);
}

/**
 * Reads the issue files of a folder (sorted by name) and says which files it ignored. Files that
 * `previous` saw and that have not changed since are not read (their hash is known).
 */
export async function readIssueFiles(inputDir: string, previous?: InputStats): Promise<{ files: InputFile[]; warnings: string[]; stats: InputStats }> {
  let names: string[];
  try {
    names = (await fs.readdir(inputDir, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch (cause) {
    throw new ArchiveError(`cannot read the input folder ${inputDir}: ${(cause as Error).message}`, { cause });
  }
  const stats: InputStats = { takenAt: Date.now(), files: {} };
  const warnings: string[] = [];
  const files: InputFile[] = [];
  for (const name of names) {
    if (!isIssueFileName(name)) {
      if (!isLeftover(name)) warnings.push(`${name}: not an issue file (.txt or .md), ignored`);
      continue;
    }
    // Note: synchronous calls: for thousands of small files far faster than a promise each.
    const file = path.join(inputDir, name);
    const stat = fsSync.statSync(file);
    const seen = previous?.files[name];
    const unchanged = seen && seen[0] === stat.size && seen[1] === stat.mtimeMs && seen[2] === stat.ctimeMs && seen[3] === stat.ino && seen[1] < previous.takenAt - RACY_MS;
    if (unchanged) files.push({ name, digest: seen[4], path: file });
    else {
      const bytes = fsSync.readFileSync(file);
      files.push({ name, digest: hash(bytes), bytes, path: file });
    }
    stats.files[name] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, files.at(-1)!.digest];
  }
  return { files, warnings, stats };
}

/** The bytes of an input file, read now if they were not before. */
export function inputBytes(file: InputFile): Uint8Array {
  return (file.bytes ??= fsSync.readFileSync(file.path));
}

/** A hash of every file in a folder (names and contents); the same for a missing folder each time. */
export async function folderKey(dir: string): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  const walk = async (current: string, prefix: string) => {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(current, entry.name), `${name}/`);
      else if (entry.isFile()) parts.push(name, fsSync.readFileSync(path.join(current, entry.name)));
    }
  };
  await walk(dir, '');
  return hash(...parts);
}

let generator: string | undefined;
/** The generator's own version: a hash of every file in src/, package.json and the lock file. */
export function generatorKey(): string {
  if (generator) return generator;
  const parts: (string | Buffer)[] = [];
  const walk = (dir: string) => {
    for (const entry of fsSync.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else parts.push(entry.name, fsSync.readFileSync(full));
    }
  };
  walk(path.join(projectRoot, 'src'));
  // The lock file too: a dependency updated within its version range can change the output.
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(projectRoot, file);
    if (fsSync.existsSync(full)) parts.push(file, fsSync.readFileSync(full));
  }
  return (generator = hash(...parts));
}

/** Everything a build reads, with the hashes that tell whether anything changed. */
export interface Inputs {
  files: InputFile[];
  warnings: string[];
  site: SiteConfig;
  /** Generator, templates and config together: a change re-renders every page. */
  salt: string;
  /** All inputs together. */
  key: string;
  /** What was seen of the issue files, for the next build. */
  stats: InputStats;
}

/** Reads all inputs of a build and hashes them. */
export async function readInputs(options: Omit<BuildOptions, 'out'>, siteConfig?: SiteConfig, previous?: InputStats): Promise<Inputs> {
  const { files, warnings, stats } = await readIssueFiles(options.input, previous);
  const site = siteConfig ?? (await loadSiteConfig(options.config));
  const salt = hash(generatorKey(), await folderKey(options.templates), JSON.stringify(site), String(options.search));
  const key = hash(salt, await folderKey(options.public), ...files.flatMap((f) => [f.name, f.digest]));
  return { files, warnings, site, salt, key, stats };
}
