// The pipeline: read inputs → load (decode, split) → parse → archive → pages (mdast → HTML →
// templates) → write → search index. What the last build made is reused where its key (see
// incremental/keys.ts) is the same: models are not parsed again, pages not rendered or rewritten,
// an unchanged search index not rebuilt.

import type { BuildOptions, SiteConfig } from '../config.js';
import type { Issue } from '../model.js';
import { copyOf, loadFile, pickCopies, type IssueSource } from '../reader/load/index.js';
import { createArchive, type Archive } from '../site/archive/index.js';
import { searchRecords, type SearchRecord } from '../site/search/index.js';
import { fileKey, modelKey } from './incremental/keys.js';
import type { CachedSource, FileEntry, Manifest } from './incremental/manifest.js';
import { ModelStore, shareTexts } from './incremental/models.js';
import { inputBytes, readInputs, type InputFile, type Inputs } from './inputs.js';
import type { PageLinks } from './output/links.js';
import type { Writer } from './output/writer.js';
import { writeSite, type WrittenPages } from './pages.js';
import { silentProgress, type Progress, type Stage } from './progress.js';
import { startSearchIndex } from './search-index.js';
import { isLocalUrl } from './site-config.js';
import { workerFiles } from './threads/files.js';
import { parseSources, type ParsedModels } from './threads/parse.js';

export interface BuildReport {
  issues: Issue[];
  /** Number of pages (HTML, feed, sitemap). */
  pages: number;
  /** Files written besides the pages (static files, search index). */
  otherFiles: number;
  warnings: string[];
  /** Seconds per stage, in order. */
  timings: [stage: string, seconds: number][];
  /** Processor seconds per stage of the pipeline, every thread of the process counted (the budgets of `npm run bench`). */
  processorTimes?: [stage: string, seconds: number][];
  /** Threads that parsed the issues (two for large archives, when run from the bundle). */
  threads?: number;
  /** Threads that rendered the pages (two for many, when run from the bundle). */
  renderThreads?: number;
  /** The archive the build made (a build with nothing to do reports it only to a caller that keeps a memory, see build.ts). */
  archive?: Archive;
  /**
   * The search records of the archive, made when called: after the pages, which a build without
   * search index makes and swaps in first (the dev server then indexes them in the background).
   */
  searchRecords?: () => SearchRecord[];
  /** True when nothing had changed since the last build, so nothing was done. */
  unchanged?: boolean;
  /** Files taken over unchanged from the previous output, and files written. */
  kept?: number;
  written?: number;
}

/** What a build into a folder brings along (see build.ts); a build into memory has none of it. */
export interface BuildState {
  /** The inputs, read already. */
  inputs?: Inputs;
  /** What the last build knew of its input files (their models are keyed by content: valid whatever became of its output). */
  known?: Record<string, FileEntry>;
  /** The last build's manifest, when its output is intact: files whose keys are the same are taken over. */
  previous?: Manifest;
  /** Where models are kept between builds. */
  models?: ModelStore;
  /** A folder for temporary files (Pagefind's), on the output's file system (default: the system's). */
  tempDir?: string;
}

/** Builds the site from `options.input` through `writer` (memory or a folder). */
export async function buildSite(
  options: Omit<BuildOptions, 'out'>,
  writer: Writer,
  siteConfig?: SiteConfig,
  progress: Progress = silentProgress,
  state: BuildState = {},
): Promise<BuildReport & { files: Record<string, FileEntry>; links: Record<string, PageLinks> }> {
  const stage = stageTimer(progress);
  const inputs = state.inputs ?? (await stage('read', () => readInputs(options, siteConfig)));
  const { site } = inputs;
  const warnings = [...inputs.warnings];
  const workers = workerFiles(options.threads);
  // Load and parse only the files whose models are not stored; each issue's model is keyed by its text.
  const { files, models, threads } = await loadModels(inputs.files, state.known ?? {}, state.models ?? new ModelStore(undefined), stage, progress, workers.parse);
  warnings.push(...Object.values(files).flatMap((entry) => entry.warnings));
  const copies = pickCopies(
    Object.values(files).flatMap((entry) => entry.sources),
    warnings,
  );
  const issues = copies.map((copy) => models.get(copy.model)!);
  const issueKeys = new Map(copies.map((copy, i) => [issues[i]!, copy.model]));
  const archive = createArchive(issues);
  // The search index is made from the models by Pagefind, in a process of its own: started now,
  // it indexes on the other core while the pages are rendered and written.
  const search = options.search ? startSearchIndex(archive, site, writer, state.previous, state.tempDir) : undefined;
  let written: WrittenPages;
  try {
    written = await writeSite(archive, inputs, options, { writer, previous: state.previous, issueKeys, worker: workers.render, warnings, stage, progress });
  } catch (error) {
    await search?.cancel();
    throw error;
  }
  const indexFiles = search ? await stage('search', () => search.done) : 0;
  progress.end();
  warnings.push(...siteWarnings(archive, site));
  const { pages, links, staticFiles, threads: renderThreads } = written;
  const [timings, processorTimes] = [stage.timings, stage.processorTimes];
  return {
    issues: archive.issues,
    archive,
    searchRecords: () => searchRecords(archive, site),
    pages,
    otherFiles: staticFiles + indexFiles,
    warnings,
    timings,
    processorTimes,
    files,
    links,
    threads,
    renderThreads,
  };
}

/** Runs each stage, telling `progress` and timing it: seconds, and processor seconds of every thread of the process. */
function stageTimer(progress: Progress): Stage & { timings: BuildReport['timings']; processorTimes: BuildReport['timings'] } {
  const timings: BuildReport['timings'] = [];
  const processorTimes: BuildReport['timings'] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, total?: number): Promise<T> => {
    progress.stage(name, total);
    const [start, startCpu] = [performance.now(), process.cpuUsage()];
    const result = await work();
    const cpu = process.cpuUsage(startCpu);
    timings.push([name, (performance.now() - start) / 1000]);
    processorTimes.push([name, (cpu.user + cpu.system) / 1e6]);
    return result;
  };
  return Object.assign(stage, { timings, processorTimes });
}

/** What the author should know of a site that was built: issues left out of the feed, a base URL still this machine's. */
function siteWarnings(archive: Archive, site: SiteConfig): string[] {
  const warnings: string[] = [];
  const undated = archive.issues.filter((issue) => !issue.date).map((issue) => issue.number);
  if (undated.length) {
    warnings.push(
      `${undated.length} issue(s) have no date (No ${undated.slice(0, 5).join(', No ')}${undated.length > 5 ? ', …' : ''}) and are left out of the feed` +
        `${undated.length === archive.issues.length ? ', so the site has no feed (feed.xml) yet' : ''}: ` +
        'add "date: YYYY-MM-DD" to their front matter (or import with --date YYYY-MM-DD)',
    );
  }
  if (isLocalUrl(site.baseUrl))
    warnings.push(`baseUrl is still ${site.baseUrl}: canonical links, the feed and the sitemap point at this machine; set "baseUrl" in the site config to the address the site is published at`);
  return warnings;
}

/**
 * The load and parse stages: what each input file holds, and the model of every issue in it,
 * read from the store when known, else parsed (on two threads for many) and stored.
 * Note: the sources' text lives only in here: once parsed, it is garbage.
 */
async function loadModels(
  inputFiles: InputFile[],
  known: Record<string, FileEntry>,
  store: ModelStore,
  stage: Stage,
  progress: Progress,
  worker: string | undefined,
): Promise<{ files: Record<string, FileEntry>; models: Map<string, Issue>; threads: number }> {
  const { files, models, unparsed } = await stage('load', () => loadFiles(inputFiles, known, store));
  const keys = [...unparsed.keys()];
  const sources = [...unparsed.values()];
  unparsed.clear(); // parseSources lets go of each source once it is parsed
  // A parsing thread writes each model it makes to the store itself (or sends it back to be held), read back once the threads have ended.
  const parsed: ParsedModels = {
    parsed: (index, model) => {
      models.set(keys[index]!, shareTexts(model));
      store.write(keys[index]!, model);
    },
    fileFor: (index) => store.fileFor(keys[index]!),
    sent: (index, json) => store.hold(keys[index]!, json),
    sentAll: async () => (await store.takeHeld(keys)).forEach((model, index) => models.set(keys[index]!, model)),
  };
  const threads = await stage('parse', () => parseSources(sources, parsed, () => progress.advance(), worker), sources.length);
  return { files, models, threads };
}

/**
 * What each input file holds, with the stored models of its issues; a file the last build read is
 * not decoded again when every model of it is stored. The sources still to parse, by model key.
 */
function loadFiles(inputFiles: InputFile[], known: Record<string, FileEntry>, store: ModelStore): { files: Record<string, FileEntry>; models: Map<string, Issue>; unparsed: Map<string, IssueSource> } {
  const files: Record<string, FileEntry> = {};
  const models = new Map<string, Issue>();
  const unparsed = new Map<string, IssueSource>();
  const stored = (key: string) => {
    const model = models.get(key) ?? store.read(key);
    if (model) models.set(key, model);
    return model !== undefined;
  };
  for (const file of inputFiles) {
    const key = fileKey(file);
    const entry = known[key];
    if (entry?.sources.every((source) => stored(source.model))) {
      files[key] = entry;
      continue;
    }
    const { sources, warnings } = loadFile(file.name, inputBytes(file));
    // Note: the bytes are not needed again (the sources hold the text): 16 MB less for the rest of a build at 1000 issues.
    delete file.bytes;
    files[key] = {
      warnings,
      sources: sources.map((source): CachedSource => {
        const model = modelKey(source);
        if (!stored(model)) unparsed.set(model, source);
        return { ...copyOf(source), model };
      }),
    };
  }
  return { files, models, unparsed };
}
