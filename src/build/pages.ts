// The plan, render and write stages: the site plans its pages, each page whose key changed is
// rendered (on two threads for many) and written at once, the static files are copied, and every
// internal link must resolve before anything is published.

import path from 'node:path';
import type { BuildOptions, SiteConfig } from '../config.js';
import { InputError } from '../errors.js';
import type { Issue } from '../model.js';
import type { Archive } from '../site/archive/index.js';
import { planPages, type Page } from '../site/render/pages.js';
import { createPageRenderer } from '../site/render/templates.js';
import { pageKeys, pageSiteKey } from './incremental/keys.js';
import type { Manifest } from './incremental/manifest.js';
import type { Inputs } from './inputs.js';
import { checkLinks, type PageLinks } from './output/links.js';
import { checkOutputPaths } from './output/paths.js';
import { copyFiles } from './output/static.js';
import type { Writer } from './output/writer.js';
import type { Progress, Stage } from './progress.js';
import { SEARCH_INDEX } from './search-index.js';
import { renderPages } from './threads/render.js';

/** What the pages' stages wrote: how many pages, the links of every HTML page, the static files, the threads that rendered. */
export interface WrittenPages {
  pages: number;
  links: Record<string, PageLinks>;
  staticFiles: number;
  threads: number;
}

/** How the pages are written: through which writer, keeping what the previous build wrote alike. */
export interface PageWriting {
  writer: Writer;
  previous: Manifest | undefined;
  /** Each issue's model key, for the page keys. */
  issueKeys: Map<Issue, string>;
  /** The rendering thread's script, if any. */
  worker: string | undefined;
  warnings: string[];
  stage: Stage;
  progress: Progress;
}

/** Plans, renders and writes the pages, copies the static files, and checks every internal link. */
export async function writeSite(archive: Archive, inputs: Inputs, options: Pick<BuildOptions, 'templates' | 'public'>, how: PageWriting): Promise<WrittenPages> {
  const { writer, previous, stage, progress } = how;
  const { site } = inputs;
  const publicFiles = inputs.publicFiles.map((file) => file.name);
  const pageSite = withShareImages(site, archive, new Set(publicFiles), options.public, how.warnings);
  const keys = pageKeys(pageSiteKey(inputs.siteKey, pageSite.image), (issue) => how.issueKeys.get(issue)!);
  const pages = await stage('plan', () => planPages(archive, createPageRenderer(options.templates), pageSite, keys));
  checkOutputPaths(
    pages.map((page) => page.path),
    publicFiles,
    options.public,
  );
  // Rendering happens here: each page whose key changed is rendered and written at once.
  const [{ links, unchanged, threads }, staticFiles] = await stage(
    'render',
    async () => {
      const written = await writePages(pages, writer, previous?.links, options.templates, progress, how.worker);
      const copied = await copyFiles(inputs.publicFiles, writer);
      await writer.flush();
      return [written, copied] as const;
    },
    pages.length,
  );
  // Every internal link must resolve, or the build fails before anything is published.
  // Note: links into pagefind/ are Pagefind's own files (only the search page uses them, and a
  // build with --no-search leaves them out on purpose); the search tests check them.
  const written = new Set([...pages.map((p) => p.path), ...publicFiles]);
  checkLinks(new Map(Object.entries(links)), written, site.basePath, [SEARCH_INDEX], unchanged);
  return { pages: pages.length, links, staticFiles, threads };
}

/**
 * Keeps the pages whose keys did not change and renders and writes the others (on two threads for
 * many); the links of every HTML page in page order, which pages were kept, and how many threads rendered.
 */
async function writePages(
  pages: Page[],
  writer: Writer,
  previousLinks: Record<string, PageLinks> | undefined,
  templatesDir: string,
  progress: Progress,
  worker: string | undefined,
): Promise<{ links: Record<string, PageLinks>; unchanged: Set<string>; threads: number }> {
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
  const threads = await renderPages(
    changed,
    templatesDir,
    async (page, content, links) => {
      await writer.write(page.path, content, page.key);
      if (links) found.set(page.path, links);
      progress.advance();
    },
    worker,
  );
  const links = Object.fromEntries(pages.flatMap((page) => (found.has(page.path) ? [[page.path, found.get(page.path)!]] : [])));
  return { links, unchanged, threads };
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
