// The manifest: what the last build into an output read and wrote (input files and their issues,
// output files and their keys, each page's links), kept in node_modules/.cache, never in the site.

import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config.js';
import type { InputStats } from '../inputs.js';
import { hash } from './keys.js';
import type { PageLinks } from '../output/links.js';

/** What a build remembers of one input file. */
export interface FileEntry {
  warnings: string[];
  sources: CachedSource[];
}

/** One issue found in an input file: what tells copies apart, and the key of its model (see models.ts). */
export interface CachedSource {
  number: number;
  file: string;
  firstLine: number;
  /** Hash of the words (no blank lines, no title line): equal for copies of one issue. */
  essential: string;
  /** Section breaks, to prefer the richer of two copies. */
  breaks: number;
  model: string;
}

export interface Manifest {
  version: 3;
  /** Hash of all inputs together: equal means nothing to do. */
  inputs: string;
  /** Written to the output as `.build-id` (see keys.ts), to notice an output changed behind the build's back. */
  buildId: string;
  /** Input file key → what it holds. */
  files: Record<string, FileEntry>;
  /** Output path → the key of what was written there. */
  outputs: Record<string, string>;
  /** HTML page path → its ids and the links to other pages, for the link check of pages kept unchanged. */
  links: Record<string, PageLinks>;
  /** What the build saw of its input files (so the next one need not read unchanged files). */
  inputStats?: InputStats;
}

/** The part of the manifest an unchanged build needs, kept in a small file of its own (read in milliseconds). */
export type BuildState = Pick<Manifest, 'version' | 'inputs' | 'buildId' | 'inputStats'>;

export const BUILD_ID_FILE = '.build-id';

/** Where the caches of all outputs live, one folder each. */
const BUILDS_DIR = path.join(projectRoot, 'node_modules', '.cache', 'krasse-links', 'builds');
/** In each cache folder: the BuildState, the manifest, the output folder it belongs to (see outputName), the models. */
const STATE_FILE = 'state.json';
const MANIFEST_FILE = 'manifest.json';
const OUTPUT_FILE = 'output';
const MODELS_DIR = 'models';

/** The cache of builds into one output folder. */
export interface Cache {
  dir: string;
  /** What the last build saw and made; undefined when there is no usable cache. */
  state: BuildState | undefined;
}

/** The cache for builds into `out`, with the last build's state when it can be read. */
export function openCache(out: string): Cache {
  const dir = path.join(BUILDS_DIR, hash(outputName(out)));
  const read = readJson<BuildState>(path.join(dir, STATE_FILE));
  return { dir, state: read?.version === 3 ? read : undefined };
}

/** The folder of the cache's model store. */
export function modelsDir(cache: Cache): string {
  return path.join(cache.dir, MODELS_DIR);
}

/**
 * The last build's manifest, when it is the one the state vouches for.
 * Note: without it, or with an output whose `.build-id` is not the manifest's, the build is a full one.
 */
export function readManifest(cache: Cache): Manifest | undefined {
  if (!cache.state) return undefined;
  const manifest = readJson<Manifest>(path.join(cache.dir, MANIFEST_FILE));
  return manifest?.buildId === cache.state.buildId ? manifest : undefined; // else written by another build
}

/** Saves the manifest of a finished build, and forgets the caches of outputs that no longer exist. */
export function saveManifest(cache: Cache, manifest: Manifest, out: string): void {
  fs.mkdirSync(cache.dir, { recursive: true });
  fs.writeFileSync(path.join(cache.dir, OUTPUT_FILE), outputName(out));
  pruneCaches(cache.dir, out);
  // Links within a page need no second look while the page stays the same (see checkLinks), and
  // the input file stats live in the state file.
  const { inputStats, links, ...rest } = manifest;
  const stored = { ...rest, links: Object.fromEntries(Object.entries(links).map(([page, { ids, hrefs }]) => [page, { ids, hrefs: hrefs.filter((href) => !href.startsWith('#')) }])) };
  // The manifest first, then the state that vouches for it: a build stopped in between leaves
  // a state naming the older build id, which the output no longer has, so the next build is full.
  replace(path.join(cache.dir, MANIFEST_FILE), JSON.stringify(stored));
  const state: BuildState = { version: manifest.version, inputs: manifest.inputs, buildId: manifest.buildId, ...(inputStats ? { inputStats } : {}) };
  replace(path.join(cache.dir, STATE_FILE), JSON.stringify(state));
}

/** The model keys a manifest's input files use. */
export function modelKeys(manifest: Manifest): Set<string> {
  return new Set(Object.values(manifest.files).flatMap((entry) => entry.sources.map((source) => source.model)));
}

/**
 * The output folder as its cache knows it: relative to the project when it lies inside (`dist`),
 * else its absolute path.
 * Note: a project copied or moved with its node_modules keeps its cache for its own output
 * (whose `.build-id` says whether it is still what the cache describes), and never takes the
 * cache of the folder it came from for its own.
 */
function outputName(out: string): string {
  const absolute = path.resolve(out);
  const relative = path.relative(projectRoot, absolute);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : absolute;
}

/**
 * Removes the caches of outputs that no longer exist (temporary builds, renamed folders), and
 * other caches of this output (kept under an earlier kind of name).
 */
function pruneCaches(keep: string, out: string): void {
  for (const name of fs.readdirSync(BUILDS_DIR)) {
    const dir = path.join(BUILDS_DIR, name);
    if (dir === keep) continue;
    let where: string | undefined;
    try {
      where = path.resolve(projectRoot, fs.readFileSync(path.join(dir, OUTPUT_FILE), 'utf8'));
    } catch {
      where = undefined; // a cache from before this file existed, or one being written
    }
    if (where !== undefined && (where === path.resolve(out) || !fs.existsSync(where))) fs.rmSync(dir, { recursive: true, force: true });
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined; // no cache yet, or an unreadable one: build everything
  }
}

/** Replaces a file in one step (a temporary file renamed over it). */
function replace(file: string, content: string): void {
  const temporary = `${file}.${process.pid}`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
}
