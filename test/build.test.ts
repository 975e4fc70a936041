// Whole-site builds of the corpus archive into a temporary folder, as the author runs them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { archiveDir, exportFiles, tempDir } from './helpers/fixtures.js';
import { missingParagraphs } from './helpers/verbatim.js';

let temp: Awaited<ReturnType<typeof tempDir>>;
let out: string;
let report: BuildReport;

beforeAll(async () => {
  temp = await tempDir('kl-build-');
  out = path.join(temp.dir, 'site');
  report = await build({ ...defaultBuildOptions, input: archiveDir, out });
}, 60_000);

afterAll(async () => {
  await temp?.cleanup();
});

const read = (file: string) => fs.readFile(path.join(out, file), 'utf8');

describe('a build of the archive in issues/', () => {
  it('writes the index, a page per issue at a stable permalink, the search page and a 404 page', async () => {
    expect(report.issues.map((i) => i.number)).toEqual([56, 23, 22, 21]);
    for (const file of ['index.html', 'issues/56/index.html', 'issues/23/index.html', 'issues/22/index.html', 'issues/21/index.html', 'search/index.html', '404.html', 'style.css']) {
      await expect(fs.access(path.join(out, file)), file).resolves.toBeUndefined();
    }
  });

  it('lists the issues newest first on the index, with number, motto and section count', async () => {
    const index = await read('index.html');
    const order = [...index.matchAll(/<span class="issue-no">No (\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(order).toEqual([56, 23, 22, 21]);
    expect(index).toContain('Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.');
    const no21 = report.issues.find((i) => i.number === 21)!;
    expect(index).toContain(`${no21.sections.length} Abschnitte`);
  });

  it('links each issue page to its neighbours', async () => {
    const no22 = await read('issues/22/index.html');
    expect(no22).toMatch(/rel="prev" href="\/issues\/21\/"/);
    expect(no22).toMatch(/rel="next" href="\/issues\/23\/"/);
    expect(await read('issues/21/index.html')).not.toContain('rel="prev"');
  });

  it('shows every paragraph of every corpus export verbatim on the pages', async () => {
    const pages = await Promise.all(report.issues.map((issue) => read(`issues/${issue.slug}/index.html`)));
    for (const file of Object.values(exportFiles)) {
      expect(missingParagraphs(await fs.readFile(file, 'utf8'), pages), path.basename(file)).toEqual([]);
    }
  });

  it('marks the pages German for the search index', async () => {
    expect(await read('issues/56/index.html')).toMatch(/^<!DOCTYPE html>\n<html lang="de">/);
  });
});

describe('a build of an archive with no issues yet', () => {
  it('succeeds, and its search page says there is nothing to search yet', async () => {
    const empty = await tempDir('kl-empty-');
    try {
      const input = path.join(empty.dir, 'issues');
      await fs.mkdir(input);
      const site = path.join(empty.dir, 'site');
      const result = await build({ ...defaultBuildOptions, input, out: site });
      expect(result.issues).toEqual([]);
      const searchPage = await fs.readFile(path.join(site, 'search/index.html'), 'utf8');
      expect(searchPage).toContain('Das Archiv hat noch keine Ausgaben');
      expect(searchPage).not.toMatch(/src="[^"]*\/search\.js"|pagefind/);
      await expect(fs.access(path.join(site, 'pagefind'))).rejects.toThrow();
    } finally {
      await empty.cleanup();
    }
  }, 60_000);
});
