// Rendering on two threads (src/build/threads/render.ts) gives every page exactly as one thread does,
// and a template's error in the rendering thread fails the build as it would on this one.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchive } from '../src/site/archive/index.js';
import { defaultSiteConfig } from '../src/config.js';
import { TemplateError } from '../src/errors.js';
import type { Issue } from '../src/model.js';
import type { PageLinks } from '../src/build/output/links.js';
import { planPages } from '../src/site/render/pages.js';
import { renderPages } from '../src/build/threads/render.js';
import { createPageRenderer } from '../src/site/render/templates.js';
import { archiveDir, root, tempDir, templatesDir } from './helpers/fixtures.js';
import { parseText } from './helpers/issues.js';

const workerFile = path.join(root, 'test/helpers/render-worker.mjs');

/** Sixty issues (the corpus's four under new numbers): more pages than one thread renders alone. */
let issues: Issue[];
let temp: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  const corpus: Issue[] = [];
  for (const name of (await fs.readdir(archiveDir)).sort()) corpus.push(...parseText(await fs.readFile(path.join(archiveDir, name), 'utf8'), name));
  issues = Array.from({ length: 60 }, (_, i) => ({ ...structuredClone(corpus[i % corpus.length]!), number: 100 + i, slug: String(100 + i) }));
  temp = await tempDir();
});
afterAll(() => temp.cleanup());

/** Renders the archive's pages with the templates in `dir`; each page's text and links by path, and the threads used. */
async function render(dir: string, worker: string | undefined) {
  const pages = planPages(createArchive(issues), createPageRenderer(dir), defaultSiteConfig);
  const texts = new Map<string, string>();
  const links = new Map<string, PageLinks | undefined>();
  const threads = await renderPages(
    pages,
    dir,
    async (page, content, pageLinks) => {
      texts.set(page.path, content);
      links.set(page.path, pageLinks);
    },
    worker,
  );
  return { pages, texts, links, threads };
}

describe('rendering on two threads', () => {
  it('gives every page and its links exactly as one thread does', async () => {
    const [one, two] = [await render(templatesDir, undefined), await render(templatesDir, workerFile)];
    expect([one.threads, two.threads]).toEqual([1, 2]);
    expect(two.texts.size).toBe(one.pages.length);
    for (const page of one.pages) {
      expect(two.texts.get(page.path), page.path).toBe(one.texts.get(page.path));
      expect(two.links.get(page.path), page.path).toEqual(one.links.get(page.path));
    }
  }, 60_000);

  it('fails with the template and its error when a template breaks in the rendering thread', async () => {
    // The index page is the first page, the first one handed to the rendering thread.
    const broken = path.join(temp.dir, 'templates');
    await fs.cp(templatesDir, broken, { recursive: true });
    await fs.writeFile(path.join(broken, 'index.liquid'), '{{ site.title | no_such_filter }}\n');
    const failure = await render(broken, workerFile).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TemplateError);
    expect((failure as Error).message).toMatch(/^template index\.liquid in .*templates: .*no_such_filter/);
  }, 60_000);
});
