// The pipeline: read inputs → load (decode, split) → parse → archive → pages (mdast → HTML →
// templates) → write → search index. What the cache knows is reused: unchanged files are not
// parsed again, unchanged pages not rendered or rewritten, an unchanged search index not rebuilt.

import path from 'node:path';
import { createArchive } from './archive/index.js';
import { BuildCache, type CachedSource, type FileEntry } from './incremental/cache.js';
import { isLocalUrl, type BuildOptions, type SiteConfig } from './config.js';
import { InputError } from './errors.js';
import { generatorKey, hash, inputBytes, readInputs, type InputFile, type Inputs } from './load/inputs.js';
import { copyOf, loadFile, pickCopies, type IssueSource } from './load/index.js';
import type { Issue } from './model.js';
import { parseSources } from './parse/parallel.js';
import { silentProgress, type Progress } from './commands/progress.js';
import { searchRecords, writeSearchIndex } from './search/index.js';
import type { Archive } from './archive/index.js';
import { planPages, type Page } from './render/pages.js';
import { createPageRenderer } from './render/templates.js';
import { checkLinks, linksOf, type PageLinks } from './output/links.js';
import { checkOutputPaths, copyFiles, type Writer } from './output/write.js';

export interface BuildReport {
  issues: Issue[];
  /** Number of pages (HTML, feed, sitemap). */
  pages: number;
  /** Files written besides the pages (static files, search index). */
  otherFiles: number;
  warnings: string[];
  /** Seconds per stage, in order. */
  timings: [stage: string, seconds: number][];
  /** Threads that parsed the issues (two for large archives, when run from the bundle). */
  threads?: number;
  /** True when nothing had changed since the last build, so nothing was done. */
  unchanged?: boolean;
  /** Files kept: taken over unchanged from the previous output; and files written. */
  kept?: number;
  written?: number;
}

/** Builds the site from `options.input` through `writer` (memory or a folder). */
export async function buildSite(
  options: Omit<BuildOptions, 'out'>,
  writer: Writer,
  siteConfig?: SiteConfig,
  progress: Progress = silentProgress,
  state: { inputs?: Inputs; cache?: BuildCache } = {},
): Promise<BuildReport & { files: Record<string, FileEntry>; links: Record<string, PageLinks> }> {
  const timings: BuildReport['timings'] = [];
  const stage = async <T>(name: string, work: () => T | Promise<T>, total?: number): Promise<T> => {
    progress.stage(name, total);
    const start = performance.now();
    const result = await work();
    timings.push([name, (performance.now() - start) / 1000]);
    return result;
  };
  const cache = state.cache ?? BuildCache.inMemory();

  const inputs = state.inputs ?? (await stage('read', () => readInputs(options, siteConfig)));
  const { site } = inputs;
  const warnings = [...inputs.warnings];
  // Load and parse only the files the cache does not know; each issue's model is keyed by its text.
  const { files, unparsed } = await stage('load', () => loadFiles(inputs.files, cache));
  inputs.files = []; // decoded and split: the raw bytes are not needed any more
  warnings.push(...Object.values(files).flatMap((entry) => entry.warnings));
  const copies = pickCopies(Object.values(files).flatMap((entry) => entry.sources), warnings);
  const { threads } = await stage('parse', () => parseInto(cache, unparsed, progress), unparsed.size);
  const issues = copies.map((copy) => cache.model(copy.model)!);
  const modelKeys = new Map(copies.map((copy, i) => [issues[i]!, copy.model]));
  const archive = createArchive(issues);

  // The search index is made from the models by Pagefind, in a process of its own: started now,
  // it indexes on the other core while the pages are rendered and written.
  const search = options.search ? startSearchIndex(archive, site, writer) : undefined;
  let pages: Page[];
  let links: Record<string, PageLinks>;
  let staticFiles: number;
  try {
    const { publicFiles } = inputs;
    const pageSite = withShareImages(site, archive, new Set(publicFiles), options.public, warnings);
    // The site key holds the config as written; whether its share image is there decides the pages too.
    const siteKey = hash(inputs.siteKey, pageSite.image ?? '');
    pages = await stage('plan', () => planPages(archive, createPageRenderer(options.templates), pageSite, { issue: (issue) => modelKeys.get(issue)!, siteKey }));
    checkOutputPaths(pages.map((page) => page.path), publicFiles, options.public);
    let unchanged: Set<string>;
    // Rendering happens here: each page whose key changed is rendered and written at once.
    [{ links, unchanged }, staticFiles] = await stage('render', async () => {
      const written = await writePages(pages, writer, cache.manifest?.links, progress);
      const copied = await copyFiles(options.public, publicFiles, writer);
      await writer.flush?.();
      return [written, copied] as const;
    }, pages.length);
    // Every internal link must resolve, or the build fails before anything is published.
    // Note: links into pagefind/ are Pagefind's own files (only the search page uses them, and a
    // build with --no-search leaves them out on purpose); the search tests check them.
    const written = new Set([...pages.map((p) => p.path), ...publicFiles]);
    checkLinks(new Map(Object.entries(links)), written, site.basePath, ['pagefind/'], unchanged);
  } catch (error) {
    await search?.cancel();
    throw error;
  }
  const indexFiles = search ? await stage('search', () => search.done) : 0;
  progress.end();
  const undated = archive.issues.filter((issue) => !issue.date).map((issue) => issue.number);
  if (undated.length) {
    warnings.push(
      `${undated.length} issue(s) have no date (No ${undated.slice(0, 5).join(', No ')}${undated.length > 5 ? ', …' : ''}) and are left out of the feed: ` +
        'add "date: YYYY-MM-DD" to their front matter (or import with --date YYYY-MM-DD)',
    );
  }
  if (isLocalUrl(site.baseUrl)) warnings.push(`baseUrl is still ${site.baseUrl}: canonical links, the feed and the sitemap point at this machine; set "baseUrl" in the site config to the address the site is published at`);
  return { issues: archive.issues, pages: pages.length, otherFiles: staticFiles + indexFiles, warnings, timings, files, links, threads };
}

/** What each input file holds; files the cache knows are not decoded again, their issues not parsed again. */
function loadFiles(files: InputFile[], cache: BuildCache): { files: Record<string, FileEntry>; unparsed: Map<string, { source: IssueSource; copies: CachedSource[] }> } {
  const entries: Record<string, FileEntry> = {};
  const unparsed = new Map<string, { source: IssueSource; copies: CachedSource[] }>();
  for (const file of files) {
    const key = fileKey(file);
    const known = cache.manifest?.files[key];
    if (known && known.sources.every((s) => s.digest && cache.has(s.model))) {
      entries[key] = known;
      continue;
    }
    const { sources, warnings } = loadFile(file.name, inputBytes(file));
    entries[key] = {
      warnings,
      sources: sources.map((source): CachedSource => {
        const model = hash(generatorKey(), source.file, String(source.firstLine), String(source.number), JSON.stringify(source.frontMatter), source.lines.join('\n'));
        const copy: CachedSource = { ...copyOf(source), model };
        const known = cache.model(model);
        if (known) copy.digest = cache.storeDigest(known);
        else (unparsed.get(model) ?? unparsed.set(model, { source, copies: [] }).get(model)!).copies.push(copy);
        return copy;
      }),
    };
  }
  return { files: entries, unparsed };
}

/**
 * Parses the issues the cache did not know (on two threads for many) and stores their models;
 * each copy of an issue gets the model's digest. Empties `unparsed`: the text is in the models now.
 */
async function parseInto(cache: BuildCache, unparsed: Map<string, { source: IssueSource; copies: CachedSource[] }>, progress: Progress): Promise<{ threads: number }> {
  const toParse = [...unparsed];
  unparsed.clear();
  return parseSources(toParse.map(([, { source }]) => source), (index, issue, serialised) => {
    const [model, { copies }] = toParse[index]!;
    const digest = cache.storeModel(model, issue, serialised);
    for (const copy of copies) copy.digest = digest;
    progress.advance();
  });
}

/** Renders and writes the pages whose keys changed, keeping the others; the links of every HTML page, and which were kept. */
async function writePages(pages: Page[], writer: Writer, previousLinks: Record<string, PageLinks> | undefined, progress: Progress): Promise<{ links: Record<string, PageLinks>; unchanged: Set<string> }> {
  const links: Record<string, PageLinks> = {};
  const unchanged = new Set<string>();
  for (const page of pages) {
    const known = previousLinks?.[page.path];
    if (known && (await writer.keep?.(page.path, page.key))) {
      links[page.path] = known;
      unchanged.add(page.path);
    } else {
      const content = page.render();
      await writer.write(page.path, content, page.key);
      if (page.path.endsWith('.html')) links[page.path] = linksOf(content);
    }
    progress.advance();
  }
  return { links, unchanged };
}

/**
 * Starts building the search index (unless the previous one holds the same records): `done`
 * gives the number of files written; `cancel` stops Pagefind when the build fails meanwhile.
 */
function startSearchIndex(archive: Archive, site: SiteConfig, writer: Writer): { done: Promise<number>; cancel(): Promise<void> } {
  const abort = new AbortController();
  const done = buildSearchIndex(archive, site, writer, abort.signal);
  done.catch(() => {}); // awaited by the caller; a failure meanwhile must not count as unhandled
  return {
    done,
    async cancel() {
      abort.abort();
      await done.catch(() => {});
    },
  };
}

async function buildSearchIndex(archive: Archive, site: SiteConfig, writer: Writer, signal: AbortSignal): Promise<number> {
  const records = searchRecords(archive, site);
  // An archive with no issues yet has nothing to index (Pagefind refuses an empty index); its
  // search page says so instead of showing the search.
  if (!records.length) return 0;
  const key = hash(generatorKey(), ...records.map((record) => record.html));
  if (await writer.keepFolder?.('pagefind/', key)) return 0;
  const files = await writeSearchIndex(records, writer, { lang: site.lang, key, signal });
  writer.noteFolder?.('pagefind/', key);
  return files;
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

function fileKey(file: InputFile): string {
  return hash(generatorKey(), file.name, file.contentHash);
}

