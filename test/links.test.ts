// The link check: every internal link and anchor the build emits resolves, or the build fails
// naming the page and the link.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultBuildOptions } from '../src/config.js';
import { ArchiveError } from '../src/errors.js';
import { checkLinks, linksOf } from '../src/build/output/links.js';
import { buildSite } from '../src/build/pipeline.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { archiveDir, tempDir } from './helpers/fixtures.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** Builds the corpus with one template changed. */
async function buildWithTemplate(name: string, change: (text: string) => string) {
  const temp = await tempDir('kl-links-');
  cleanup = temp.cleanup;
  const templates = path.join(temp.dir, 'templates');
  await fs.cp(defaultBuildOptions.templates, templates, { recursive: true });
  const file = path.join(templates, name);
  await fs.writeFile(file, change(await fs.readFile(file, 'utf8')));
  return buildSite({ ...defaultBuildOptions, input: archiveDir, templates, config: path.join(templates, 'site.json'), search: false }, new MemoryWriter());
}

describe('the link check', () => {
  it('passes on the archive as built', async () => {
    await expect(buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, new MemoryWriter())).resolves.toBeDefined();
  });

  it('fails the build naming the page and a link to a page the build does not write', async () => {
    const attempt = buildWithTemplate('issue.liquid', (t) => t.replace('<summary>In dieser Ausgabe', '<summary><a href="{{ base }}archiv/">Archiv</a> In dieser Ausgabe'));
    await expect(attempt).rejects.toThrow(ArchiveError);
    await expect(attempt).rejects.toThrow(/^issues\/56\/index\.html links to \/archiv\/, but the build writes no archiv\/index\.html/);
  });

  it('fails the build on an anchor that is not on the page', async () => {
    await expect(buildWithTemplate('index.liquid', (t) => t.replace('<h1>Alle Ausgaben</h1>', '<h1><a href="#nirgends">Alle Ausgaben</a></h1>'))).rejects.toThrow(
      /^index\.html links to #nirgends, but index\.html has no element with id "nirgends"/,
    );
  });

  it('checks anchors on other pages too', () => {
    const pages = new Map([
      ['quellen/index.html', linksOf('<a href="/issues/5/#da">x</a><a href="/issues/5/#weg">y</a>')],
      ['issues/5/index.html', linksOf('<section id="da"></section>')],
    ]);
    expect(() => checkLinks(pages, new Set(pages.keys()), '/')).toThrow(/quellen\/index\.html links to \/issues\/5\/#weg, but issues\/5\/index\.html has no element with id "weg"/);
  });

  it('leaves external links alone', () => {
    expect(linksOf('<a href="https://example.org/x">x</a><a href="mailto:a@b.c">m</a><a href="/a/">a</a>').hrefs).toEqual(['/a/']);
  });

  it('checks relative links and src attributes too, resolved from the page', () => {
    const pages = new Map([
      ['issues/5/index.html', linksOf('<a href="../6/">6</a><img src="bild.png"><a href="//example.org/x">x</a>')],
      ['issues/6/index.html', linksOf('<a href="../5/#oben">5</a>')],
    ]);
    expect(pages.get('issues/5/index.html')!.hrefs).toEqual(['../6/', 'bild.png']);
    expect(() => checkLinks(pages, new Set([...pages.keys(), 'issues/5/bild.png']), '/')).toThrow(
      /issues\/6\/index\.html links to \.\.\/5\/#oben, but issues\/5\/index\.html has no element with id "oben"/,
    );
    expect(() => checkLinks(pages, new Set(pages.keys()), '/')).toThrow(/issues\/5\/index\.html links to bild\.png, but the build writes no issues\/5\/bild\.png/);
  });

  it('still checks the links of a page kept from the previous build to other pages', () => {
    const pages = new Map([
      ['index.html', linksOf('<a href="#inhalt">Inhalt</a><main id="inhalt"><a href="/issues/9/">9</a></main>')],
      ['issues/5/index.html', linksOf('<p id="oben">5</p>')],
    ]);
    const kept = new Set(['index.html']);
    expect(() => checkLinks(pages, new Set(pages.keys()), '/', [], kept)).toThrow(/index\.html links to \/issues\/9\/, but the build writes no issues\/9\/index\.html/);
    pages.set('index.html', linksOf('<a href="#inhalt">Inhalt</a><main id="inhalt"><a href="/issues/5/#oben">5</a></main>'));
    expect(() => checkLinks(pages, new Set(pages.keys()), '/', [], kept)).not.toThrow();
  });
});
