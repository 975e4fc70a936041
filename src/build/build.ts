// The orchestrator for builds into a folder: decide from the input hashes whether there is
// anything to do, run the pipeline into a staging folder next to the output, and swap it in only
// when everything succeeded. Files the previous build wrote and this one would write alike are
// taken over as hard links.

import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, SiteConfig } from '../config.js';
import type { Issue } from '../model.js';
import type { Archive } from '../site/archive/index.js';
import { buildId } from './incremental/keys.js';
import { BUILD_ID_FILE, modelKeys, modelsDir, openCache, readManifest, saveManifest, type Cache, type Manifest } from './incremental/manifest.js';
import { ModelStore } from './incremental/models.js';
import { readInputs, type Inputs } from './inputs.js';
import { explainDiskFull } from './output/disk-full.js';
import { makeStagingFolder, removeStagingFolder, restoreInterruptedSwap, swapIntoPlace, type Pause } from './output/swap.js';
import { DiskWriter } from './output/writer.js';
import type { BuildReport } from './pipeline.js';
import { silentProgress, type Progress } from './progress.js';

export type { BuildReport } from './pipeline.js';
export type { Pause, PausePoint } from './output/swap.js';

/** What a process that builds again and again (the dev server) keeps between its builds. */
export interface BuildMemory {
  /** The parsed models, by model key (see incremental/keys.ts): read from here instead of the build cache's files. */
  models: Map<string, Issue>;
  /** The archive of the last build: what a build with nothing to do reports. */
  archive?: Archive;
}

/** What the caller of a build brings besides its options; all of it optional. */
export interface BuildContext {
  /** The site config, read already (default: read from `options.config`). */
  site?: SiteConfig;
  /** Told of each stage and item, for a progress display (default: nothing). */
  progress?: Progress;
  /** What the caller keeps between its builds (none: everything is read from the build cache). */
  memory?: BuildMemory;
  /** Told of each point where a stop must leave a whole site (see PausePoint): the integrity tests stop the build there. */
  pause?: Pause;
}

/**
 * Builds into a staging folder next to `options.out` and swaps it in only when everything
 * succeeded. With nothing changed since the last build, it does nothing at all (and reports the
 * archive only when the caller keeps a memory).
 */
export async function build(options: BuildOptions, context: BuildContext = {}): Promise<BuildReport> {
  const lap = stopwatch();
  await restoreInterruptedSwap(options.out);
  const cache = openCache(options.out);
  const last = cache.state;
  const inputs = await readInputs(options, context.site, last?.inputStats);
  const lastIntact = last !== undefined && (await readBuildId(options.out)) === last.buildId;
  lap('check');
  if (lastIntact && last.inputs === inputs.key) {
    const unchanged: BuildReport = { issues: [], pages: 0, otherFiles: 0, warnings: [], timings: lap.timings, unchanged: true, kept: 0, written: 0 };
    if (!context.memory) return unchanged;
    const archive = await keptArchive(cache, context.memory);
    if (archive) {
      const { searchRecords } = await import('../site/search/index.js');
      return { ...unchanged, issues: archive.issues, archive, searchRecords: () => searchRecords(archive, inputs.site) };
    }
  }
  const manifest = readManifest(cache);
  const previous = lastIntact ? manifest : undefined;
  lap('start');
  const report = await buildIntoStaging(options, inputs, cache, { manifest, previous }, context, lap);
  if (context.memory) context.memory.archive = report.archive;
  return report;
}

/** Runs the pipeline into a staging folder and swaps it into place; on failure, the output is left as it was. */
async function buildIntoStaging(options: BuildOptions, inputs: Inputs, cache: Cache, last: { manifest?: Manifest; previous?: Manifest }, context: BuildContext, lap: Stopwatch): Promise<BuildReport> {
  const { progress = silentProgress, memory, pause } = context;
  // Note: the pipeline and its dependencies load only when there is something to build.
  const { buildSite } = await import('./pipeline.js');
  const previousSite = fsSync.existsSync(options.out);
  const staging = await makeStagingFolder(options.out, pause).catch((error: unknown) => Promise.reject(explainDiskFull(error, { out: options.out, previous: previousSite })));
  let swapped = false;
  try {
    const writer = new DiskWriter(staging, last.previous && { dir: options.out, outputs: last.previous.outputs }, pause);
    const models = new ModelStore(modelsDir(cache), memory?.models);
    const report = await buildSite(options, writer, inputs.site, progress, { inputs, known: last.manifest?.files, previous: last.previous, models, tempDir: staging });
    const id = buildId(inputs.key);
    await fs.writeFile(path.join(staging, BUILD_ID_FILE), `${id}\n`);
    await models.flush();
    lap.restart();
    pause?.('before-swap');
    await swapIntoPlace(staging, options.out, pause);
    swapped = true;
    const made: Manifest = { version: 3, inputs: inputs.key, buildId: id, files: report.files, outputs: writer.outputs, links: report.links, inputStats: inputs.stats };
    saveManifest(cache, made, options.out);
    models.keepOnly(modelKeys(made));
    lap('finish');
    const [check, start, finish] = lap.timings;
    return { ...report, timings: [check!, start!, ...report.timings, finish!], kept: writer.kept, written: writer.written };
  } catch (error) {
    progress.end();
    await removeStagingFolder(staging);
    // A full disk is named with the place it happened, and what became of the site.
    throw explainDiskFull(error, { out: options.out, staging, previous: previousSite, swapped });
  }
}

/**
 * The archive of an output that is current: the one kept in memory, else made from the models the
 * last build stored; undefined when one of them is no longer stored (the build then runs).
 */
async function keptArchive(cache: Cache, memory: BuildMemory): Promise<Archive | undefined> {
  if (memory.archive) return memory.archive;
  const manifest = readManifest(cache);
  if (!manifest) return undefined;
  const { pickCopies } = await import('../reader/load/index.js');
  const { createArchive } = await import('../site/archive/index.js');
  const store = new ModelStore(modelsDir(cache), memory.models);
  const issues: Issue[] = [];
  for (const copy of pickCopies(
    Object.values(manifest.files).flatMap((entry) => entry.sources),
    [],
  )) {
    const model = store.read(copy.model);
    if (!model) return undefined;
    issues.push(model);
  }
  return (memory.archive = createArchive(issues));
}

type Stopwatch = ((name: string) => void) & { timings: [stage: string, seconds: number][]; restart(): void };

/** Seconds between laps, each named. */
function stopwatch(): Stopwatch {
  let mark = performance.now();
  const timings: [stage: string, seconds: number][] = [];
  const lap = (name: string) => {
    const now = performance.now();
    timings.push([name, (now - mark) / 1000]);
    mark = now;
  };
  return Object.assign(lap, { timings, restart: () => (mark = performance.now()) });
}

async function readBuildId(out: string): Promise<string | undefined> {
  return fs.readFile(path.join(out, BUILD_ID_FILE), 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
}
