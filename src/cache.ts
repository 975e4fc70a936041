// The build cache: what earlier builds learned, keyed by content hashes, so a rebuild only does
// the work its changes require. It lives in node_modules/.cache, never in the published site.
// Note: every key includes the generator's own version (a hash of src/ and package.json), so a
// changed generator can never serve stale results; a missing or unreadable cache means a full build.

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import { projectRoot } from './config.js';
import { hash } from './inputs.js';
import type { PageLinks } from './links.js';
import type { Issue } from './model.js';
import { BackgroundWrites } from './write.js';


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
  /** Written to the output as `.build-id`, to notice an output changed behind the build's back. */
  buildId: string;
  /** Input file content hash → what it holds. */
  files: Record<string, FileEntry>;
  /** Output path → the key of what was written there. */
  outputs: Record<string, string>;
  /** HTML page path → its ids and internal links, for the link check of pages kept unchanged. */
  links: Record<string, PageLinks>;
  /** The output this build replaced, now kept beside it as the next build's starting point. */
  spare?: { buildId: string; outputs: Record<string, string> };
}

export const BUILD_ID_FILE = '.build-id';

/** Where the caches of all outputs live, one folder each. */
const BUILDS_DIR = path.join(projectRoot, 'node_modules', '.cache', 'krasse-links', 'builds');
/** In each cache folder: the output folder it belongs to. */
const OUTPUT_FILE = 'output';

/** Removes the caches of outputs that no longer exist (temporary builds, renamed folders). */
function pruneCaches(keep: string): void {
  for (const name of fs.readdirSync(BUILDS_DIR)) {
    const dir = path.join(BUILDS_DIR, name);
    if (dir === keep) continue;
    let out: string | undefined;
    try {
      out = fs.readFileSync(path.join(dir, OUTPUT_FILE), 'utf8');
    } catch {
      out = undefined; // a cache from before this file existed, or one being written
    }
    if (out !== undefined && !fs.existsSync(out)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

export class BuildCache {
  readonly manifest: Manifest | undefined;
  private readonly models = new Map<string, Issue>();
  private readonly digests = new Map<string, Issue>();
  private writes: BackgroundWrites | undefined;

  private constructor(
    /** Folder of this output's cache, or undefined for an in-memory cache. */
    readonly dir: string | undefined,
    manifest: Manifest | undefined,
  ) {
    this.manifest = manifest;
    for (const entry of Object.values(manifest?.files ?? {})) for (const source of entry.sources) if (source.digest) this.digests.set(source.model, source.digest);
  }

  /** An empty cache that lives only for one build (memory builds, tests). */
  static inMemory(): BuildCache {
    return new BuildCache(undefined, undefined);
  }

  /** The cache for builds into `out`. */
  static forOutput(out: string): BuildCache {
    const dir = path.join(BUILDS_DIR, hash(path.resolve(out)));
    let manifest: Manifest | undefined;
    try {
      const read = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
      if (read.version === 2) manifest = read;
    } catch {
      manifest = undefined; // no cache yet, or an unreadable one: build everything
    }
    return new BuildCache(dir, manifest);
  }

  /** Whether the model with this key is known (in memory or on disk). */
  has(key: string): boolean {
    return this.models.has(key) || (this.dir !== undefined && fs.existsSync(this.modelFile(key)));
  }

  /**
   * The parsed model with this key. A model kept from an earlier build comes as its digest, whose
   * sections load their blocks from disk when something (a page being rendered, the search
   * index) asks for them: most rebuilds never read most models.
   */
  model(key: string): Issue | undefined {
    const known = this.models.get(key);
    if (known || !this.dir) return known;
    const digest = this.digests.get(key);
    if (digest) return this.lazy(key, digest);
    return this.load(key);
  }

  /** Keeps a freshly parsed model (written to disk in the background); returns its digest for the manifest. */
  storeModel(key: string, issue: Issue, serialised?: Uint8Array): Issue {
    this.models.set(key, issue);
    if (this.dir) {
      if (!this.writes) {
        this.writes = new BackgroundWrites();
        fs.mkdirSync(path.join(this.dir, 'models'), { recursive: true });
      }
      const file = this.modelFile(key);
      const bytes = serialised ?? v8.serialize(issue);
      this.writes.add(() => fsp.writeFile(file, bytes)).catch(() => {}); // a failure is reported by save()
    }
    return this.storeDigest(issue);
  }

  /** The digest of a model (for a file whose model is known under another file's content). */
  storeDigest(issue: Issue): Issue {
    return { ...issue, sections: issue.sections.map((section) => ({ ...section, blocks: [] })) };
  }

  private modelFile(key: string): string {
    return path.join(this.dir!, 'models', `${key}.bin`);
  }

  private load(key: string): Issue | undefined {
    try {
      const issue = v8.deserialize(fs.readFileSync(this.modelFile(key))) as Issue;
      this.models.set(key, issue);
      return issue;
    } catch {
      return undefined;
    }
  }

  private lazy(key: string, digest: Issue): Issue {
    let full: Issue | undefined;
    const sections = digest.sections.map((section, index) => {
      const lazySection = { ...section };
      Object.defineProperty(lazySection, 'blocks', {
        enumerable: true,
        get: () => {
          full ??= this.load(key);
          if (!full) throw new Error(`the build cache lost a model (${key}); delete node_modules/.cache/krasse-links and build again`);
          return full.sections[index]!.blocks;
        },
      });
      return lazySection;
    });
    const issue = { ...digest, sections };
    this.models.set(key, issue);
    return issue;
  }

  /** Saves the manifest of a finished build (once its models are on disk) and drops models no input uses any more. */
  async save(manifest: Manifest, out: string): Promise<void> {
    if (!this.dir) return;
    try {
      await this.writes?.flush();
    } catch {
      return; // a model could not be saved: without a manifest, the next build parses everything again
    }
    fs.mkdirSync(this.dir, { recursive: true });
    fs.writeFileSync(path.join(this.dir, OUTPUT_FILE), path.resolve(out));
    pruneCaches(this.dir);
    const temporary = path.join(this.dir, `manifest.json.${process.pid}`);
    fs.writeFileSync(temporary, JSON.stringify(manifest));
    fs.renameSync(temporary, path.join(this.dir, 'manifest.json'));
    const used = new Set(Object.values(manifest.files).flatMap((f) => f.sources.map((s) => `${s.model}.bin`)));
    const modelsDir = path.join(this.dir, 'models');
    for (const name of fs.existsSync(modelsDir) ? fs.readdirSync(modelsDir) : []) {
      if (!used.has(name)) fs.rmSync(path.join(modelsDir, name), { force: true });
    }
  }
}
