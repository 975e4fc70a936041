// The pipeline: read inputs → load (decode, split) → parse → archive → pages (mdast → HTML →
// templates) → write → search index. What the last build made is reused where its key (see
// incremental/keys.ts) is the same: models are not parsed again, pages not rendered or rewritten,
// an unchanged search index not rebuilt.

import path from 'node:path';
import { createArchive } from '../site/archive/index.js';
import { fileKey, modelKey, pageKeys, pageSiteKey, searchKey } from './incremental/keys.js';
import type { CachedSource, FileEntry, Manifest } from './incremental/manifest.js';
import { ModelStore, shareTexts } from './incremental/models.js';
import type { BuildOptions, SiteConfig } from '../config.js';
import { isLocalUrl } from './site-config.js';
import { InputError } from '../errors.js';
import { inputBytes, readInputs, type InputFile, type Inputs } from './inputs.js';
import { copyOf, loadFile, pickCopies, type IssueSource } from '../reader/load/index.js';
import type { Issue } from '../model.js';
import { parseSources } from './threads/parse.js';
import { silentProgress, type Progress } from './progress.js';
import { searchRecords, type SearchRecord } from '../site/search/index.js';
import { SEARCH_INDEX, writeSearchIndex } from './search-index.js';
import type { Archive } from '../site/archive/index.js';
import { planPages, type Page } from '../site/render/pages.js';
import { renderPages } from './threads/render.js';
import { workerFiles } from './threads/files.js';
import { createPageRenderer } from '../site/render/templates.js';
import { checkLinks, type PageLinks } from './output/links.js';
import { checkOutputPaths } from './output/paths.js';
import { copyFiles } from './output/static.js';
import type { Writer } from './output/writer.js';

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
  const { previous } = state;
  const inputs = state.inputs ?? (await stage('read', () => readInputs(options, siteConfig)));
  const { site } = inputs;
  const warnings = [...inputs.warnings];
  // Load and parse only the files whose models are not stored; each issue's model is keyed by its text.
  const workers = workerFiles(options.threads);
  const { files, models, threads } = await loadModels(inputs.files, state.known ?? {}, state.models ?? new ModelStore(undefined), stage, progress, workers.parse);
  warnings.push(...Object.values(files).flatMap((entry) => entry.warnings));
  const copies = pickCopies(Object.values(files).flatMap((entry) => entry.sources), warnings);
  const issues = copies.map((copy) => models.get(copy.model)!);
  const issueKeys = new Map(copies.map((copy, i) => [issues[i]!, copy.model]));
  const archive = createArchive(issues);

  // The search index is made from the models by Pagefind, in a process of its own: started now,
  // it indexes on the other core while the pages are rendered and written.
  const search = options.search ? startSearchIndex(archive, site, writer, previous, state.tempDir) : undefined;
  let pages: Page[];
  let links: Record<string, PageLinks>;
  let staticFiles: number;
  let renderThreads: number;
  try {
    const publicFiles = inputs.publicFiles.map((file) => file.name);
    const pageSite = withShareImages(site, archive, new Set(publicFiles), options.public, warnings);
    const siteKey = pageSiteKey(inputs.siteKey, pageSite.image);
    pages = await stage('plan', () => planPages(archive, createPageRenderer(options.templates), pageSite, pageKeys(siteKey, (issue) => issueKeys.get(issue)!)));
    checkOutputPaths(pages.map((page) => page.path), publicFiles, options.public);
    let unchanged: Set<string>;
    // Rendering happens here: each page whose key changed is rendered and written at once.
    [{ links, unchanged, threads: renderThreads }, staticFiles] = await stage('render', async () => {
      const written = await writePages(pages, writer, previous?.links, options.templates, progress, workers.render);
      const copied = await copyFiles(inputs.publicFiles, writer);
      await writer.flush();
      return [written, copied] as const;
    }, pages.length);
    // Every internal link must resolve, or the build fails before anything is published.
    // Note: links into pagefind/ are Pagefind's own files (only the search page uses them, and a
    // build with --no-search leaves them out on purpose); the search tests check them.
    const written = new Set([...pages.map((p) => p.path), ...publicFiles]);
    checkLinks(new Map(Object.entries(links)), written, site.basePath, [SEARCH_INDEX], unchanged);
  } catch (error) {
    await search?.cancel();
    throw error;
  }
  const indexFiles = search ? await stage('search', () => search.done) : 0;
  progress.end();
  const undated = archive.issues.filter((issue) => !issue.date).map((issue) => issue.number);
  if (undated.length) {
    warnings.push(
      `${undated.length} issue(s) have no date (No ${undated.slice(0, 5).join(', No ')}${undated.length > 5 ? ', …' : ''}) and are left out of the feed` +
        `${undated.length === archive.issues.length ? ', so the site has no feed (feed.xml) yet' : ''}: ` +
        'add "date: YYYY-MM-DD" to their front matter (or import with --date YYYY-MM-DD)',
    );
  }
  if (isLocalUrl(site.baseUrl)) warnings.push(`baseUrl is still ${site.baseUrl}: canonical links, the feed and the sitemap point at this machine; set "baseUrl" in the site config to the address the site is published at`);
  return { issues: archive.issues, archive, searchRecords: () => searchRecords(archive, site), pages: pages.length, otherFiles: staticFiles + indexFiles, warnings, timings, processorTimes, files, links, threads, renderThreads };
}

type Stage = <T>(name: string, work: () => T | Promise<T>, total?: number) => Promise<T>;

/**
 * The load and parse stages: what each input file holds, and the model of every issue in it,
 * read from the store when known, else parsed (on two threads for many) and stored.
 * Note: the sources' text lives only in here: once parsed, it is garbage.
 */
async function loadModels(inputFiles: InputFile[], known: Record<string, FileEntry>, store: ModelStore, stage: Stage, progress: Progress, worker: string | undefined): Promise<{ files: Record<string, FileEntry>; models: Map<string, Issue>; threads: number }> {
  const { files, models, unparsed } = await stage('load', () => loadFiles(inputFiles, known, store));
  const sources = [...unparsed.values()];
  const parsed = await stage('parse', () => parseSources(sources, () => progress.advance(), worker), sources.length);
  [...unparsed.keys()].forEach((key, i) => {
    const model = shareTexts(parsed.models[i]!);
    models.set(key, model);
    store.write(key, model);
  });
  return { files, models, threads: parsed.threads };
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

/**
 * Keeps the pages whose keys did not change and renders and writes the others (on two threads for
 * many); the links of every HTML page in page order, which pages were kept, and how many threads rendered.
 */
async function writePages(pages: Page[], writer: Writer, previousLinks: Record<string, PageLinks> | undefined, templatesDir: string, progress: Progress, worker: string | undefined): Promise<{ links: Record<string, PageLinks>; unchanged: Set<string>; threads: number }> {
  const found = new Map<string, PageLinks>();
  const unchanged = new Set<string>();
  const changed: Page[] = [];
  for (const page of pages) {
    const known = previousLinks?.[page.path];
    if (known && (await writer.keep(page.path, page.key))) {
      found.set(page.path, known);
      unchanged.add(page.path);
      progress.advance();
    } else changed.push(page);
  }
  const threads = await renderPages(changed, templatesDir, async (page, content, links) => {
    await writer.write(page.path, content, page.key);
    if (links) found.set(page.path, links);
    progress.advance();
  }, worker);
  const links = Object.fromEntries(pages.flatMap((page) => (found.has(page.path) ? [[page.path, found.get(page.path)!]] : [])));
  return { links, unchanged, threads };
}

/**
 * Starts building the search index (unless the previous one holds the same records): `done`
 * gives the number of files written; `cancel` stops Pagefind when the build fails meanwhile.
 */
function startSearchIndex(archive: Archive, site: SiteConfig, writer: Writer, previous: Manifest | undefined, tempDir: string | undefined): { done: Promise<number>; cancel(): Promise<void> } {
  const abort = new AbortController();
  const done = buildSearchIndex(archive, site, writer, previous, { signal: abort.signal, ...(tempDir ? { tempDir } : {}) });
  done.catch(() => {}); // awaited by the caller; a failure meanwhile must not count as unhandled
  return {
    done,
    async cancel() {
      abort.abort();
      await done.catch(() => {});
    },
  };
}

async function buildSearchIndex(archive: Archive, site: SiteConfig, writer: Writer, previous: Manifest | undefined, options: { signal: AbortSignal; tempDir?: string }): Promise<number> {
  const records = searchRecords(archive, site);
  // An archive with no issues yet has nothing to index (Pagefind refuses an empty index); its
  // search page says so instead of showing the search.
  if (!records.length) return 0;
  const key = searchKey(records, site.lang);
  // Every file of the index carries its key: the previous index is kept when all of them can be.
  const index = Object.keys(previous?.outputs ?? {}).filter((file) => file.startsWith(SEARCH_INDEX) && previous!.outputs[file] === key);
  if (index.length && (await allKept(writer, index, key))) return 0;
  return writeSearchIndex(records, writer, { lang: site.lang, key, ...options });
}

async function allKept(writer: Writer, files: string[], key: string): Promise<boolean> {
  for (const file of files) if (!(await writer.keep(file, key))) return false;
  return true;
}

/**
 * The site config as the pages use it: its share image only when public/ has the file (else a
 * warning). An issue's own image must be in public/, or the build stops naming the issue's file.
 */
function withShareImages(site: SiteConfig, archive: Archive, publicFiles: Set<string>, publicDir: string, warnings: string[]): SiteConfig {
  const local = (image: string) => !/^https?:\/\//i.test(image);
  for (const issue of archive.issues) {
    if (issue.image && local(issue.image) && !publicFiles.has(issue.image)) {
      throw new InputError(issue.file, 1, `front matter: "image" names ${issue.image}, which is not in ${path.basename(publicDir)}/; add the file or fix the path`);
    }
  }
  if (site.image && local(site.image) && !publicFiles.has(site.image)) {
    warnings.push(`the share image ${site.image} is not in ${path.basename(publicDir)}/: pages have no og:image; add it, or name another as "image" in the site config`);
    const { image: _missing, ...rest } = site;
    return rest;
  }
  return site;
}
