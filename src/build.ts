// The orchestrator: the build reads like its data flow.
// load → parse → archive → render (mdast → HTML → templates) → write → search index.

import { rm } from 'node:fs/promises';
import { createArchive } from './archive.js';
import { loadSiteConfig, type BuildOptions, type SiteConfig } from './config.js';
import { loadIssues } from './load.js';
import type { Issue } from './model.js';
import { parseIssue } from './parse/index.js';
import { silentProgress, type Progress } from './progress.js';
import { searchRecords, writeSearchIndex } from './search.js';
import { renderSite } from './site.js';
import { createPageRenderer } from './templates.js';
import { copyFolder, DiskWriter, makeStagingFolder, swapIntoPlace, type Writer } from './write.js';

export interface BuildReport {
  issues: Issue[];
  /** Number of pages written (HTML, feed, sitemap). */
  pages: number;
  /** Files written besides the pages (static files, search index). */
  otherFiles: number;
  warnings: string[];
  /** Seconds per stage, in order. */
  timings: [stage: string, seconds: number][];
}

/** Builds the site from `options.input` through `writer` (memory or a folder). */
export async function buildSite(
  options: Omit<BuildOptions, 'out'>,
  writer: Writer,
  siteConfig?: SiteConfig,
  progress: Progress = silentProgress,
): Promise<BuildReport> {
  const timings: BuildReport['timings'] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, total?: number): Promise<T> => {
    progress.stage(name, total);
    const start = performance.now();
    const result = await work();
    timings.push([name, (performance.now() - start) / 1000]);
    return result;
  };

  const site = siteConfig ?? (await loadSiteConfig(options.config));
  const { sources, warnings } = await stage('load', () => loadIssues(options.input));
  const issues = await stage('parse', () => sources.map((source) => (progress.advance(), parseIssue(source))), sources.length);
  const archive = createArchive(issues);
  const pages = await stage('render', () => renderSite(archive, createPageRenderer(options.templates), site));
  const staticFiles = await stage('write', async () => {
    for (const page of pages) {
      await writer.write(page.path, page.content);
      progress.advance();
    }
    return copyFolder(options.public, writer);
  }, pages.length);
  const indexFiles = options.search
    ? await stage('search', () => writeSearchIndex(searchRecords(archive, site), writer, { lang: site.lang }))
    : 0;
  progress.end();
  const undated = archive.issues.filter((issue) => !issue.date).map((issue) => issue.number);
  if (undated.length) warnings.push(`${undated.length} issue(s) have no date (No ${undated.slice(0, 5).join(', No ')}${undated.length > 5 ? ', …' : ''}): add "date: YYYY-MM-DD" to their front matter for the year grouping and the feed`);
  return { issues: archive.issues, pages: pages.length, otherFiles: staticFiles + indexFiles, warnings, timings };
}

/** Builds into a staging folder next to `options.out` and swaps it in only when everything succeeded. */
export async function build(options: BuildOptions, site?: SiteConfig, progress: Progress = silentProgress): Promise<BuildReport> {
  const staging = await makeStagingFolder(options.out);
  try {
    const report = await buildSite(options, new DiskWriter(staging), site, progress);
    await swapIntoPlace(staging, options.out);
    return report;
  } catch (error) {
    progress.end();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
