// The build cache: what earlier builds learned, keyed by content hashes, so a rebuild only does
// the work its changes require. It lives in node_modules/.cache, never in the published site.
// Note: every key includes the generator's own version (a hash of src/ and package.json), so a
// changed generator can never serve stale results; a missing or unreadable cache means a full build.

import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';
import { hash, type InputStats } from '../load/inputs.js';
import type { PageLinks } from '../output/links.js';
import type { Issue } from '../model.js';


/** What a build remembers of one input file. */
export interface FileEntry {
  warnings: string[];
  sources: CachedSource[];
}

/** One issue found in an input file, light enough to keep for every file. */
export interface CachedSource {
  number: number;
  file: string;
  firstLine: number;
  /** Hash of the words (no blank lines, no title line): equal for copies of one issue. */
  essential: string;
  /** Section breaks, to prefer the richer of two copies. */
  breaks: number;
  /** Key of the parsed model. */
  model: string;
  /** The model without its sections' blocks: all that pages of other issues need of it. */
  digest?: Issue;
}

export interface Manifest {
  version: 2;
  /** Hash of all inputs together: equal means nothing to do. */
  inputs: string;
  /**
   * Written to the output as `.build-id`, to notice an output changed behind the build's back: a
   * hash of all inputs, so equal ids mean equal outputs.
   */
  buildId: string;
  /** Input file content hash → what it holds. */
  files: Record<string, FileEntry>;
  /** Output path → the key of what was written there. */
  outputs: Record<string, string>;
  /** HTML page path → its ids and internal links, for the link check of pages kept unchanged. */
  links: Record<string, PageLinks>;
  /** The output this build replaced, now kept beside it as the next build's starting point. */
  spare?: { buildId: string; outputs: Record<string, string> };
  /** What the build saw of its input files (so the next one need not read unchanged files). */
  inputStats?: InputStats;
  /** Model key → where its serialised model lies: pack file (in models/), offset, length. */
  models?: Record<string, ModelLocation>;
}

export type ModelLocation = [pack: string, offset: number, length: number];

/**
 * The manifest as saved: the spare output's files only where they differ from the output's
 * (a rebuild changes few files, so the two lists are nearly the same; `null`: not in the spare);
 * of each page's links only those to other pages.
 */
type StoredManifest = Omit<Manifest, 'spare'> & { spare?: { buildId: string; changes: Record<string, string | null> } };

function toStored({ spare, inputStats: _inState, links, ...rest }: Manifest): StoredManifest {
  // Links within a page need no second look while the page stays the same (see checkLinks), and
  // the input file stats live in the state file.
  const manifest = { ...rest, links: Object.fromEntries(Object.entries(links).map(([page, { ids, hrefs }]) => [page, { ids, hrefs: hrefs.filter((href) => !href.startsWith('#')) }])) };
  if (!spare) return manifest;
  const changes: Record<string, string | null> = {};
  for (const [file, key] of Object.entries(spare.outputs)) if (manifest.outputs[file] !== key) changes[file] = key;
  for (const file of Object.keys(manifest.outputs)) if (!(file in spare.outputs)) changes[file] = null;
  return { ...manifest, spare: { buildId: spare.buildId, changes } };
}

function fromStored({ spare, ...manifest }: StoredManifest): Manifest {
  if (!spare) return manifest;
  const outputs = { ...manifest.outputs };
  for (const [file, key] of Object.entries(spare.changes)) {
    if (key === null) delete outputs[file];
    else outputs[file] = key;
  }
  return { ...manifest, spare: { buildId: spare.buildId, outputs } };
}

/** The part of the manifest an unchanged build needs, kept in a small file of its own (read in milliseconds). */
export type BuildState = Pick<Manifest, 'version' | 'inputs' | 'buildId' | 'inputStats'>;

export const BUILD_ID_FILE = '.build-id';

/** Where the caches of all outputs live, one folder each. */
const BUILDS_DIR = path.join(projectRoot, 'node_modules', '.cache', 'krasse-links', 'builds');
/** In each cache folder: the BuildState. */
const STATE_FILE = 'state.json';
/** In each cache folder: the output folder it belongs to (see outputName). */
const OUTPUT_FILE = 'output';

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

export class BuildCache {
  private loaded: { manifest: Manifest | undefined } | undefined;
  private readonly models = new Map<string, Issue>();
  private readonly digests = new Map<string, Issue>();
  /** Where each model on disk lies (from the manifest, and the models this build stored). */
  private readonly locations = new Map<string, ModelLocation>();
  /** The pack this build appends its freshly parsed models to. */
  private pack: { name: string; fd: number; size: number } | undefined;
  private readonly openPacks = new Map<string, number>();

  private constructor(
    /** Folder of this output's cache, or undefined for an in-memory cache. */
    readonly dir: string | undefined,
    /** What the last build saw and made; undefined when there is no usable cache. */
    readonly state: BuildState | undefined,
  ) {}

  /** An empty cache that lives only for one build (memory builds, tests). */
  static inMemory(): BuildCache {
    return new BuildCache(undefined, undefined);
  }

  /** The cache for builds into `out`. */
  static forOutput(out: string): BuildCache {
    const dir = path.join(BUILDS_DIR, hash(outputName(out)));
    let state: BuildState | undefined;
    try {
      const read = JSON.parse(fs.readFileSync(path.join(dir, STATE_FILE), 'utf8')) as BuildState;
      if (read.version === 2) state = read;
    } catch {
      state = undefined; // no cache yet, or an unreadable one: build everything
    }
    return new BuildCache(dir, state);
  }

  /** The last build's manifest, read when first asked for (a build with nothing to do never reads it). */
  get manifest(): Manifest | undefined {
    return this.read().manifest;
  }

  /** Reads the manifest once, and with it where the models lie and their digests. */
  private read(): { manifest: Manifest | undefined } {
    if (this.loaded) return this.loaded;
    let manifest: Manifest | undefined;
    try {
      if (this.dir && this.state) manifest = fromStored(JSON.parse(fs.readFileSync(path.join(this.dir, 'manifest.json'), 'utf8')) as StoredManifest);
    } catch {
      manifest = undefined;
    }
    if (manifest?.buildId !== this.state?.buildId) manifest = undefined; // written by another build
    for (const [key, location] of Object.entries(manifest?.models ?? {})) this.locations.set(key, location);
    for (const entry of Object.values(manifest?.files ?? {})) for (const source of entry.sources) if (source.digest) this.digests.set(source.model, source.digest);
    return (this.loaded = { manifest });
  }

  /** Whether the model with this key is known (in memory or on disk). */
  has(key: string): boolean {
    this.read();
    return this.models.has(key) || this.locations.has(key);
  }

  /**
   * The parsed model with this key. A model kept from an earlier build comes as its digest, whose
   * sections load their blocks from disk when something (a page being rendered, the search
   * index) asks for them: most rebuilds never read most models.
   */
  model(key: string): Issue | undefined {
    this.read();
    const known = this.models.get(key);
    if (known || !this.dir) return known;
    const digest = this.digests.get(key);
    if (digest) return this.lazy(key, digest);
    return this.load(key);
  }

  /**
   * Keeps a freshly parsed model; returns its digest for the manifest. On disk, the models a
   * build parses go into one pack file (one file made instead of one per issue).
   */
  storeModel(key: string, issue: Issue, serialised?: string): Issue {
    this.models.set(key, issue);
    if (this.dir) {
      if (!this.pack) {
        fs.mkdirSync(path.join(this.dir, 'models'), { recursive: true });
        const name = `${Date.now().toString(36)}-${process.pid}.pack`;
        this.pack = { name, fd: fs.openSync(path.join(this.dir, 'models', name), 'w'), size: 0 };
      }
      // Note: JSON in UTF-8 is half the size of v8.serialize's output for German text (which
      // V8 stores as UTF-16) and parses as fast.
      const bytes = Buffer.from(serialised ?? JSON.stringify(issue));
      fs.writeSync(this.pack.fd, bytes);
      this.locations.set(key, [this.pack.name, this.pack.size, bytes.byteLength]);
      this.pack.size += bytes.byteLength;
    }
    return this.storeDigest(issue);
  }

  /** The digest of a model (for a file whose model is known under another file's content). */
  storeDigest(issue: Issue): Issue {
    // The intro and support block, like the sections' blocks, only the issue's own page needs.
    const { intro: _intro, ...rest } = issue;
    return { ...rest, support: [], sections: issue.sections.map((section) => ({ ...section, blocks: [] })) };
  }

  private load(key: string): Issue | undefined {
    const location = this.locations.get(key);
    if (!location || !this.dir) return undefined;
    const [pack, offset, length] = location;
    try {
      let fd = this.openPacks.get(pack);
      if (fd === undefined) this.openPacks.set(pack, (fd = fs.openSync(path.join(this.dir, 'models', pack), 'r')));
      const bytes = Buffer.alloc(length);
      if (fs.readSync(fd, bytes, 0, length, offset) !== length) return undefined;
      const issue = JSON.parse(bytes.toString('utf8')) as Issue;
      this.models.set(key, issue);
      return issue;
    } catch {
      return undefined;
    }
  }

  private lazy(key: string, digest: Issue): Issue {
    let full: Issue | undefined;
    const loadFull = () => {
      full ??= this.load(key);
      if (!full) throw new Error(`the build cache lost a model (${key}); delete node_modules/.cache/krasse-links and build again`);
      return full;
    };
    const sections = digest.sections.map((section, index) => {
      const lazySection = { ...section };
      Object.defineProperty(lazySection, 'blocks', { enumerable: true, get: () => loadFull().sections[index]!.blocks });
      return lazySection;
    });
    const issue = { ...digest, sections };
    for (const field of ['intro', 'support'] as const) Object.defineProperty(issue, field, { enumerable: true, get: () => loadFull()[field] });
    this.models.set(key, issue);
    return issue;
  }

  /** Closes the pack files (a failed build's pack is removed by the next successful one). */
  close(): void {
    if (this.pack) fs.closeSync(this.pack.fd);
    this.pack = undefined;
    for (const fd of this.openPacks.values()) fs.closeSync(fd);
    this.openPacks.clear();
  }

  /** Saves the manifest of a finished build and drops the packs whose models no input uses any more. */
  save(manifest: Manifest, out: string): void {
    if (!this.dir) return;
    this.close();
    const used = new Set(Object.values(manifest.files).flatMap((f) => f.sources.map((s) => s.model)));
    const models = Object.fromEntries([...this.locations].filter(([key]) => used.has(key)));
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, OUTPUT_FILE), outputName(out));
    pruneCaches(this.dir, out);
    // The manifest first, then the state that vouches for it: a build stopped in between leaves
    // a state naming the older build id, which the output no longer has, so the next build is full.
    const replace = (name: string, content: string) => {
      const temporary = path.join(this.dir!, `${name}.${process.pid}`);
      fs.writeFileSync(temporary, content);
      fs.renameSync(temporary, path.join(this.dir!, name));
    };
    replace('manifest.json', JSON.stringify(toStored({ ...manifest, models })));
    const state: BuildState = { version: manifest.version, inputs: manifest.inputs, buildId: manifest.buildId, ...(manifest.inputStats ? { inputStats: manifest.inputStats } : {}) };
    replace(STATE_FILE, JSON.stringify(state));
    // Note: a pack stays while any of its models is used; one issue changed leaves the rest of
    // its pack in use, so the dead part of a pack is at most what changed since it was written.
    const livePacks = new Set(Object.values(models).map(([pack]) => pack));
    const modelsDir = path.join(this.dir, 'models');
    for (const name of fs.existsSync(modelsDir) ? fs.readdirSync(modelsDir) : []) {
      if (!livePacks.has(name)) fs.rmSync(path.join(modelsDir, name), { force: true });
    }
  }
}
