// The orchestrator for builds into a folder: decide from the input hashes whether there is
// anything to do, run the pipeline into a staging folder next to the output, and swap it in only
// when everything succeeded. Files the previous build wrote and this one would write alike are
// taken over as hard links.

import fs from 'node:fs/promises';
import path from 'node:path';
import { BUILD_ID_FILE, BuildCache, type Manifest } from './incremental/cache.js';
import type { BuildOptions, SiteConfig } from './config.js';
import { hash, readInputs } from './load/inputs.js';
import type { BuildReport } from './pipeline.js';
import { silentProgress, type Progress } from './commands/progress.js';
import { discardSpare, IncrementalWriter, makeSpareInBackground, makeStagingFolder, pausePoint, removeStagingFolder, restoreInterruptedSwap, spareFolder, swapIntoPlace, takeSpareAsStaging } from './output/write.js';

export type { BuildReport } from './pipeline.js';

/**
 * Builds into a staging folder next to `options.out` and swaps it in only when everything
 * succeeded. With nothing changed since the last build, it does nothing at all.
 */
export async function build(options: BuildOptions, site?: SiteConfig, progress: Progress = silentProgress): Promise<BuildReport> {
  let mark = performance.now();
  const timings: BuildReport['timings'] = [];
  const lap = (name: string) => {
    const now = performance.now();
    timings.push([name, (now - mark) / 1000]);
    mark = now;
  };
  await restoreInterruptedSwap(options.out);
  const cache = BuildCache.forOutput(options.out);
  const last = cache.state;
  const inputs = await readInputs(options, site, last?.inputStats);
  const lastIntact = last !== undefined && (await readBuildId(options.out)) === last.buildId;
  lap('check');
  if (lastIntact && last.inputs === inputs.key) {
    return { issues: [], pages: 0, otherFiles: 0, warnings: [], timings, unchanged: true, kept: 0, written: 0 };
  }
  // Note: the pipeline and its dependencies load only when there is something to build.
  const { buildSite } = await import('./pipeline.js');
  const previous = cache.manifest;
  const previousIntact = lastIntact && previous !== undefined;
  lap('start');
  // Start from the output before the previous one when it is still there, else from nothing.
  const reused = previousIntact && previous.spare ? await takeSpareAsStaging(options.out, previous.spare.buildId) : undefined;
  const staging = reused ?? (await makeStagingFolder(options.out));
  try {
    const writer = new IncrementalWriter(staging, previousIntact ? { dir: options.out, outputs: previous.outputs } : undefined, reused ? previous!.spare!.outputs : {});
    const report = await buildSite(options, writer, inputs.site, progress, { inputs, cache });
    writer.removeLeftovers();
    // Note: the id says what was built (issues, templates, static files, config, the generator's
    // sources and dependencies), nothing about when: two builds of the same input publish the
    // same bytes, and a spare tree with the expected id holds what the manifest says it does.
    const buildId = hash('build-id', inputs.key);
    await fs.rm(path.join(staging, BUILD_ID_FILE), { force: true });
    await fs.writeFile(path.join(staging, BUILD_ID_FILE), `${buildId}\n`);
    mark = performance.now();
    pausePoint('before-swap');
    await swapIntoPlace(staging, options.out, previousIntact ? spareFolder(options.out) : undefined);
    const manifest: Manifest = {
      version: 2,
      inputs: inputs.key,
      buildId,
      files: report.files,
      outputs: writer.outputs,
      links: report.links,
      inputStats: inputs.stats,
      // The spare: the output this build replaced, or, after a build from nothing, a copy of this
      // one made in the background.
      spare: previousIntact ? { buildId: previous.buildId, outputs: previous.outputs } : { buildId, outputs: writer.outputs },
    };
    cache.save(manifest, options.out);
    if (!previousIntact) {
      discardSpare(options.out);
      makeSpareInBackground(options.out, Object.keys(writer.outputs).length);
    }
    lap('finish');
    return { ...report, timings: [...timings.slice(0, 2), ...report.timings, ...timings.slice(2)], kept: writer.kept, written: writer.written };
  } catch (error) {
    cache.close();
    progress.end();
    await removeStagingFolder(staging);
    throw error;
  }
}

async function readBuildId(out: string): Promise<string | undefined> {
  return fs.readFile(path.join(out, BUILD_ID_FILE), 'utf8').then((text) => text.trim(), () => undefined);
}

