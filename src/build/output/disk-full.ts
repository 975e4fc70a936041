// A full disk, said as the author can act on it: that the disk is full, which one (the output
// folder's, the temporary folder's, the build cache's), what was being written, and what became
// of the site. Node reports it as ENOSPC (or EDQUOT, a quota); Pagefind's program panics with
// "No space left on device" and a Rust backtrace, which the author never needs to see.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config.js';
import { BuildError } from '../../errors.js';

/** What Pagefind's program prints when it cannot write for want of space (Rust's io::Error). */
const PAGEFIND_OUT_OF_SPACE = /No space left on device|StorageFull|os error 28\b|Disk quota exceeded|QuotaExceeded|os error 122\b/;

/** Where a build into a folder writes: the output, the staging folder beside it, and what became of the site. */
export interface BuildPlaces {
  out: string;
  staging?: string;
  /** Whether a previous site was there. */
  previous?: boolean;
  /** Whether the new site is in place. */
  swapped?: boolean;
}

/** The disk ran full while something was being written into `folder`. */
export class DiskFullError extends BuildError {
  override name = 'DiskFullError';
  /**
   * @param target the file or folder being written when the disk ran full
   * @param writing what it is, for the message (`Pagefind's search index`)
   */
  constructor(
    readonly target: string,
    readonly writing: string,
    options: { places?: BuildPlaces; cause?: unknown } = {},
  ) {
    super(diskFullProblem(target, writing, options.places), { cause: options.cause });
  }
}

/** Whether a system error says the disk (or the user's quota on it) is full. */
export function isDiskFull(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** Whether Pagefind's error output says it ran out of space. */
export function pagefindOutOfSpace(stderr: string): boolean {
  return PAGEFIND_OUT_OF_SPACE.test(stderr);
}

/**
 * A failed build's error, said as a full disk when it is one (a DiskFullError, or a system error
 * ENOSPC/EDQUOT), naming the disk by the places of the build; any other error as it is.
 */
export function explainDiskFull(error: unknown, places: BuildPlaces): unknown {
  if (error instanceof DiskFullError) return new DiskFullError(error.target, error.writing, { places, cause: error.cause ?? error });
  if (!isDiskFull(error)) return error;
  // A link's or rename's error names its target as `dest`: that is where the space was wanted.
  const file = (error as NodeJS.ErrnoException & { dest?: string }).dest ?? error.path;
  if (!file) return new DiskFullError(places.staging ?? places.out, 'the new site', { places, cause: error });
  return new DiskFullError(file, writingOf(file, places), { places, cause: error });
}

/** What a path being written is, for the message: a file of the new site, or a part of the build's machinery. */
function writingOf(file: string, places: BuildPlaces): string {
  const staging = places.staging;
  if (staging && inside(file, staging)) {
    const relative = path.relative(staging, file).split(path.sep).join('/');
    if (relative.startsWith('.search-')) return "Pagefind's search index";
    return relative ? `the new site (at ${relative})` : 'the new site';
  }
  if (inside(file, buildCache())) return 'the build cache';
  return file;
}

function diskFullProblem(file: string, writing: string, places?: BuildPlaces): string {
  const temporary = os.tmpdir();
  let where: string;
  let remedy = 'make space on that disk and try again';
  if (places && (inside(file, places.staging ?? '\0') || inside(file, places.out))) {
    where = `the disk of the output folder ${places.out}`;
    remedy = 'make space on that disk, or build into a folder on another disk (--out DIR), and build again';
  } else if (inside(file, buildCache())) {
    where = `the disk of the build cache ${buildCache()}`;
  } else if (inside(file, temporary) && sameDisk(file, temporary)) {
    where = `the temporary folder ${temporary}`;
    remedy = 'make space there, or point TMPDIR to a folder on another disk, and try again';
  } else {
    where = `the disk of ${path.dirname(file)}`;
  }
  let site = '';
  if (places?.swapped) site = '; the new site is in place, and the next build starts afresh';
  else if (places) site = places.previous ? `; the previous site in ${places.out} is unchanged` : '; no site was written';
  return `the disk is full: no space left on ${where} for ${writing}; ${remedy}${site}`;
}

function buildCache(): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'krasse-links');
}

/** Whether two paths lie on one file system (a small disk may be mounted inside the temporary folder). */
function sameDisk(file: string, folder: string): boolean {
  const device = (p: string): number | undefined => {
    for (let at = path.resolve(p); ; at = path.dirname(at)) {
      try {
        return fs.statSync(at).dev;
      } catch {
        if (at === path.dirname(at)) return undefined; // gone up to the root: no part of it exists
      }
    }
  };
  return device(file) === device(folder);
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
