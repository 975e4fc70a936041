// What a build reads: the input folders (issue files, static files, symbolic links), the site
// config, and the hashes that tell whether anything changed since the last build (made in
// incremental/keys.ts). Every file of public/ is read here, once.

// Note: kept free of the pipeline's dependencies: `build.ts` imports it to decide an unchanged
// build in milliseconds (the commands run from a bundle that loads the pipeline only when needed).

import fs from 'node:fs/promises';
import path from 'node:path';
import fsSync from 'node:fs';
import { projectRoot, type BuildOptions, type SiteConfig } from '../config.js';
import { ArchiveError, SYSTEM_ERRORS } from '../errors.js';
import { isIssueFileName, isLeftover } from '../reader/load/file-names.js';
import { dropDuplicateCopies, loadFile, type IssueSource, type LoadResult } from '../reader/load/index.js';
import { contentKey, inputsKey, siteKeyOf } from './incremental/keys.js';
import { loadSiteConfig } from './site-config.js';

/** An input file: its name, a hash of its content, and the content (read when needed). */
export interface InputFile {
  name: string;
  /** Hash of the content. */
  contentHash: string;
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
export type FileStat = [size: number, mtimeMs: number, ctimeMs: number, ino: number, contentHash: string];

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

/**
 * Reads the issue files of a folder (sorted by name) and says which files it ignored. Files that
 * `previous` saw and that have not changed since are not read (their hash is known). A symbolic
 * link is read as the file it points to when that lies inside the project (see followLink).
 */
export async function readIssueFiles(inputDir: string, previous?: InputStats): Promise<{ files: InputFile[]; warnings: string[]; stats: InputStats }> {
  let entries: fsSync.Dirent[];
  try {
    entries = await fs.readdir(inputDir, { withFileTypes: true });
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = (code && SYSTEM_ERRORS[code]) ?? (cause as Error).message;
    throw new ArchiveError(`cannot read the input folder ${inputDir}: ${reason}${code === 'ENOENT' ? '; check --input, or make the folder' : ''}`, { cause });
  }
  const stats: InputStats = { takenAt: Date.now(), files: {} };
  const warnings: string[] = [];
  const files: InputFile[] = [];
  const roots = linkRoots(inputDir);
  const names: string[] = [];
  for (const entry of entries.sort(byName)) {
    if (entry.isSymbolicLink() && !isLeftover(entry.name)) {
      const followed = followLink(path.join(inputDir, entry.name), `${path.basename(inputDir)}/${entry.name}`, roots, 'not read');
      if ('warning' in followed) warnings.push(followed.warning);
      else if (followed.stat.isFile()) names.push(entry.name);
    } else if (entry.isFile()) names.push(entry.name);
  }
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
    if (unchanged) files.push({ name, contentHash: seen[4], path: file });
    else {
      const bytes = fsSync.readFileSync(file);
      files.push({ name, contentHash: contentKey(bytes), bytes, path: file });
    }
    stats.files[name] = [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, files.at(-1)!.contentHash];
  }
  return { files, warnings, stats };
}

/**
 * The static files below a folder (`public/`), as paths relative to it, sorted; hidden files are
 * left out. Symbolic links are followed when they point inside the project (see followLink), a
 * link back to a folder the walk is in is not (it would never end).
 */
export function readStaticFiles(dir: string): { files: string[]; warnings: string[] } {
  const files: string[] = [];
  const warnings: string[] = [];
  let real: string;
  try {
    real = fsSync.realpathSync(dir);
  } catch {
    return { files, warnings }; // no static files
  }
  const roots = linkRoots(dir);
  const walk = (current: string, currentReal: string, relative: string, ancestors: string[]) => {
    for (const entry of fsSync.readdirSync(current, { withFileTypes: true }).sort(byName)) {
      if (entry.name.startsWith('.')) continue;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      const full = path.join(current, entry.name);
      if (entry.isSymbolicLink()) {
        const shown = `${path.basename(dir)}/${name}`;
        const followed = followLink(full, shown, roots, 'not published');
        if ('warning' in followed) warnings.push(followed.warning);
        else if (followed.stat.isFile()) files.push(name);
        else if (!followed.stat.isDirectory()) continue;
        else if (ancestors.includes(followed.real)) warnings.push(`${shown}: a symbolic link to ${followed.real}, a folder it lies in (a loop); not followed`);
        else walk(full, followed.real, name, [...ancestors, followed.real]);
      } else if (entry.isDirectory()) {
        const realDir = path.join(currentReal, entry.name);
        walk(full, realDir, name, [...ancestors, realDir]);
      } else if (entry.isFile()) files.push(name);
    }
  };
  walk(dir, real, '', [real]);
  return { files, warnings };
}

/** Orders directory entries by name, the same in every locale. */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The real paths symbolic links in `dir` may point into: the project, and the folder itself. */
function linkRoots(dir: string): string[] {
  return [projectRoot, dir].flatMap((folder) => {
    try {
      return [fsSync.realpathSync(folder)];
    } catch {
      return [];
    }
  });
}

/**
 * Where a symbolic link in an input folder leads: its real path and what is there, when that lies
 * inside one of `roots`; else a warning saying why it is not followed.
 * Note: a link to a place outside the project could publish any file of the machine the build can
 * read (keys, say), so it is refused, however it got there.
 * @param link the link's path
 * @param shown how messages name it (`public/bilder`)
 * @param roots real paths of the folders it may point into (see linkRoots)
 * @param refusal what happens to it when it is refused (`not published`)
 */
function followLink(link: string, shown: string, roots: string[], refusal: string): { real: string; stat: fsSync.Stats } | { warning: string } {
  let real: string;
  try {
    real = fsSync.realpathSync(link);
  } catch (error) {
    const target = (() => {
      try {
        return fsSync.readlinkSync(link);
      } catch {
        return '?';
      }
    })();
    const why = (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'which leads back to itself (a loop)' : 'which does not exist';
    return { warning: `${shown}: a symbolic link to ${target}, ${why}; ignored` };
  }
  const inside = roots.some((root) => {
    const relative = path.relative(root, real);
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
  });
  if (!inside) {
    return {
      warning: `${shown}: a symbolic link to ${real}, outside the project; ${refusal}, as it could publish files from elsewhere on this machine, such as keys. Copy what belongs to the site into the project, or link to a place inside it`,
    };
  }
  return { real, stat: fsSync.statSync(real) };
}

/** The bytes of an input file, read now if they were not before. */
export function inputBytes(file: InputFile): Uint8Array {
  return (file.bytes ??= fsSync.readFileSync(file.path));
}

/** Loads every issue file in `inputDir` (not recursive, sorted by name), one copy per issue number. */
export async function loadIssues(inputDir: string): Promise<LoadResult> {
  const { files, warnings } = await readIssueFiles(inputDir);
  const sources: IssueSource[] = [];
  for (const file of files) {
    const loaded = loadFile(file.name, inputBytes(file));
    warnings.push(...loaded.warnings);
    sources.push(...loaded.sources);
  }
  return { sources: dropDuplicateCopies(sources, warnings), warnings };
}

/** Everything a build reads, with the hashes that tell whether anything changed. */
export interface Inputs {
  files: InputFile[];
  warnings: string[];
  site: SiteConfig;
  /** The site-wide key: generator, templates and config together; a change re-renders every page. */
  siteKey: string;
  /** All inputs together (and whether the search index is built): the same key, nothing to do. */
  key: string;
  /** What was seen of the issue files, for the next build. */
  stats: InputStats;
  /** The static files to copy (see readStaticFiles), read. */
  publicFiles: StaticFile[];
}

/** A file of public/, read once: for the inputs' key and for its copy in the output. */
export interface StaticFile {
  /** The path relative to the public folder. */
  name: string;
  content: Uint8Array;
  /** Its content key (see keys.ts), which the output's copy carries. */
  key: string;
}

/** Reads all inputs of a build and hashes them. */
export async function readInputs(options: Omit<BuildOptions, 'out'>, siteConfig?: SiteConfig, previous?: InputStats): Promise<Inputs> {
  const { files, warnings, stats } = await readIssueFiles(options.input, previous);
  const site = siteConfig ?? (await loadSiteConfig(options.config));
  const siteKey = await siteKeyOf(options.templates, site);
  const statics = readStaticFiles(options.public);
  warnings.push(...statics.warnings);
  const publicFiles = statics.files.map((name): StaticFile => {
    const content = fsSync.readFileSync(path.join(options.public, name));
    return { name, content, key: contentKey(content) };
  });
  const key = inputsKey(siteKey, options.search, publicFiles, files);
  return { files, warnings, site, siteKey, key, stats, publicFiles };
}
