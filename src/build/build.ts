// The orchestrator for builds into a folder: decide from the input hashes whether there is
// anything to do, run the pipeline into a staging folder next to the output, and swap it in only
// when everything succeeded. Files the previous build wrote and this one would write alike are
// taken over as hard links.

import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildId } from './incremental/keys.js';
import { BUILD_ID_FILE, modelKeys, modelsDir, openCache, readManifest, saveManifest, type Manifest } from './incremental/manifest.js';
import { ModelStore } from './incremental/models.js';
import type { BuildOptions, SiteConfig } from '../config.js';
import { readInputs } from './inputs.js';
import type { Issue } from '../model.js';
import type { BuildReport } from './pipeline.js';
import { silentProgress, type Progress } from './progress.js';
import { explainDiskFull } from './output/disk-full.js';
import { makeStagingFolder, pausePoint, removeStagingFolder, restoreInterruptedSwap, swapIntoPlace } from './output/swap.js';
import { DiskWriter } from './output/writer.js';

export type { BuildReport } from './pipeline.js';

/** What a process that builds again and again (the dev server) keeps between its builds. */
export interface BuildMemory {
  /** The parsed models, by model key (see incremental/keys.ts): read from here instead of the build cache's files. */
  models: Map<string, Issue>;
}

/**
 * Builds into a staging folder next to `options.out` and swaps it in only when everything
 * succeeded. With nothing changed since the last build, it does nothing at all.
 * @param memory what the caller keeps between its builds (none: everything is read from the build cache)
 */
export async function build(options: BuildOptions, site?: SiteConfig, progress: Progress = silentProgress, memory?: BuildMemory): Promise<BuildReport> {
  let mark = performance.now();
  const timings: BuildReport['timings'] = [];
  const lap = (name: string) => {
    const now = performance.now();
    timings.push([name, (now - mark) / 1000]);
    mark = now;
  };
  await restoreInterruptedSwap(options.out);
  const cache = openCache(options.out);
  const last = cache.state;
  const inputs = await readInputs(options, site, last?.inputStats);
  const lastIntact = last !== undefined && (await readBuildId(options.out)) === last.buildId;
  lap('check');
  if (lastIntact && last.inputs === inputs.key) {
    return { issues: [], pages: 0, otherFiles: 0, warnings: [], timings, unchanged: true, kept: 0, written: 0 };
  }
  // Note: the pipeline and its dependencies load only when there is something to build.
  const { buildSite } = await import('./pipeline.js');
  const manifest = readManifest(cache);
  const previous = lastIntact ? manifest : undefined;
  lap('start');
  const previousSite = fsSync.existsSync(options.out);
  const staging = await makeStagingFolder(options.out).catch((error: unknown) => Promise.reject(explainDiskFull(error, { out: options.out, previous: previousSite })));
  let swapped = false;
  try {
    const writer = new DiskWriter(staging, previous && { dir: options.out, outputs: previous.outputs });
    const models = new ModelStore(modelsDir(cache), memory?.models);
    const report = await buildSite(options, writer, inputs.site, progress, { inputs, known: manifest?.files, previous, models, tempDir: staging });
    const id = buildId(inputs.key);
    await fs.writeFile(path.join(staging, BUILD_ID_FILE), `${id}\n`);
    await models.flush();
    mark = performance.now();
    pausePoint('before-swap');
    await swapIntoPlace(staging, options.out);
    swapped = true;
    const made: Manifest = { version: 3, inputs: inputs.key, buildId: id, files: report.files, outputs: writer.outputs, links: report.links, inputStats: inputs.stats };
    saveManifest(cache, made, options.out);
    models.keepOnly(modelKeys(made));
    lap('finish');
    return { ...report, timings: [...timings.slice(0, 2), ...report.timings, ...timings.slice(2)], kept: writer.kept, written: writer.written };
  } catch (error) {
    progress.end();
    await removeStagingFolder(staging);
    // A full disk is named with the place it happened, and what became of the site.
    throw explainDiskFull(error, { out: options.out, staging, previous: previousSite, swapped });
  }
}

async function readBuildId(out: string): Promise<string | undefined> {
  return fs.readFile(path.join(out, BUILD_ID_FILE), 'utf8').then((text) => text.trim(), () => undefined);
}
