// Hostile input through the whole build, search index included: markup, template syntax and
// script URLs in the text, the title, a source name and a link reach the reader (and the search
// results) as text, and every file the build writes stays inside the output folder.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { checkedRelativePath } from '../src/build/output/paths.js';
import { folderWith, tempDir } from './helpers/fixtures.js';
import { allowedElements, injectedMarkup } from './helpers/page.js';
import { openSiteSearch, type SiteSearch } from './helpers/pagefind.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';

const hostileIssue = [
  '---',
  `title: "Titel ${PAYLOAD} {{ site.author }}"`,
  'date: 2024-07-20',
  'links:',
  '  Gegenstelle: "javascript:alert(2)"',
  '---',
  'Willkommen bei Krasse Links No 66. Hallo, heute testen wir Angriffe.',
  `Der Podcast „${PAYLOAD}“ berichtet über die Gegenstelle und die Zielscheibe:`,
  `The payload ${PAYLOAD} and <script>alert(3)</script> travel inside a quote about the zielscheibe.`,
  'Ein Kommentar mit {{ site.title }}, {% raw %} und der Zielscheibe, [klick](javascript:alert(4)).',
].join('\n');

let work: Awaited<ReturnType<typeof tempDir>>;
let input: Awaited<ReturnType<typeof folderWith>>;
let out: string;
let search: SiteSearch;

beforeAll(async () => {
  work = await tempDir('kl-security-');
  input = await folderWith({ '066.txt': hostileIssue });
  out = path.join(work.dir, 'site');
  await build({ ...defaultBuildOptions, input: input.dir, out });
  search = await openSiteSearch(out);
}, 60_000);

afterAll(async () => {
  await search?.close();
  await input?.cleanup();
  await work?.cleanup();
});

/** Every file the build wrote, relative to the output folder. */
async function writtenFiles(dir: string): Promise<string[]> {
  return (await fs.readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('the search index built from hostile input', () => {
  // The search page puts titles, excerpts and filter values into the page as text (never as HTML),
  // so the index must hold them as the plain text they are: escaped, they would show as `&lt;img`.
  it('gives titles and excerpts as the text they are', async () => {
    const [issue] = (await search.search('zielscheibe')).issues;
    expect(issue!.title).toBe(`Titel ${PAYLOAD} {{ site.author }}`);
    const excerpts = issue!.sections.map((section) => section.excerpt.map((piece) => piece.text).join(''));
    expect(excerpts.join(' ')).toContain(`The payload ${PAYLOAD} and <script>alert(3)</script> travel`);
  });

  it('gives filter values from source names as the text they are', async () => {
    const filters = await search.filters();
    expect(Object.keys(filters.Quelle ?? {})).toContain(PAYLOAD);
    expect(filters.Ausgabe).toEqual({ 'No 66': expect.any(Number) });
    const [section] = (await search.search('Gegenstelle')).issues[0]!.sections;
    expect(section!.sources).toContain(PAYLOAD);
  });
});

describe('the pages built from hostile input', () => {
  it('show markup and template syntax as text and never link a script URL', async () => {
    const page = await fs.readFile(path.join(out, 'issues/66/index.html'), 'utf8');
    expect(page).toContain('Titel &lt;img src=x onerror=alert(1)&gt; {{ site.author }}');
    expect(page).toContain('{{ site.title }}, {% raw %}');
    expect(page).not.toMatch(/<script>alert|href="javascript:/i);
    for (const file of (await writtenFiles(out)).filter((f) => f.endsWith('.html'))) {
      expect(injectedMarkup(await fs.readFile(path.join(out, file), 'utf8'), allowedElements()), file).toEqual([]);
    }
  });

  it('are written inside the output folder only', async () => {
    for (const file of await writtenFiles(out)) expect(checkedRelativePath(file)).toBe(file);
    expect((await fs.readdir(work.dir)).sort()).toEqual(['site']);
  });
});

describe('output paths', () => {
  it.each(['../outside.html', '/etc/passwd', 'issues/../../x', '..\\..\\x', 'a/\0/b', ''])('%j is refused', (relativePath) => {
    expect(() => checkedRelativePath(relativePath)).toThrow(/every output path must stay inside the output folder/);
  });
});
