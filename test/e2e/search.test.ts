/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A reader searching the corpus archive in Chromium: types, filters, shares and reloads a URL, goes
// back, opens a result; on a phone and a desktop, light and dark; the main rows of the query table
// (test/fixtures/search-queries.json) again, as the page shows them.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { root } from '../helpers/fixtures.js';
import { openSite, screenshotsDir, type Site } from './browser.js';

const require = createRequire(import.meta.url);
const table = JSON.parse(fs.readFileSync(path.join(root, 'test/fixtures/search-queries.json'), 'utf8')) as {
  queries: {
    query: string;
    filters?: Record<string, string>;
    issues: number[];
    first?: number;
    sections?: string[];
    onlySections?: string[];
    unknown?: string[];
    suggestion?: string;
    browser?: boolean;
  }[];
};
const PARAMS: Record<string, string> = { Quelle: 'quelle', Art: 'art', Jahr: 'jahr' };
// Each test loads Pagefind into a fresh browser context; on a busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

let site: Site;

beforeAll(async () => {
  site = await openSite();
}, 120_000);
afterAll(async () => {
  await site?.close();
});

/** Waits until the page shows the results of its search. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const results = document.querySelector('.search-results');
    return results?.getAttribute('aria-busy') === 'false' && document.querySelector('.search-status')?.textContent !== '';
  });
}

async function open(url: string, width = 1280, colorScheme: 'light' | 'dark' = 'light') {
  const page = await site.page(width, { colorScheme });
  await page.goto(`${site.origin}${url}`);
  return page;
}

/** What the page shows: issue numbers, and sections as `56#anchor` (`56#` for the title and intro). */
async function shown(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.search-issue')].map((issue) => ({
      number: Number(issue.querySelector('.search-issue-no')?.textContent?.replace('No ', '')),
      sections: [...issue.querySelectorAll('.search-section h3 a')].map((a) => {
        const url = new URL((a as HTMLAnchorElement).href);
        return `${url.pathname.split('/')[2]}#${url.hash.slice(1)}`;
      }),
      sources: [...issue.querySelectorAll('.search-section')].map((section) => section.querySelector('.search-sources')?.textContent ?? section.querySelector('h3')?.textContent ?? ''),
    })),
  );
}

async function type(page: Page, query: string) {
  const box = page.locator('#suche');
  await box.fill(query);
  await settled(page);
}

describe('the query table in the browser', () => {
  const rows = table.queries.filter((row) => row.browser);
  it.each(rows.map((row) => [`${row.query}${row.filters ? ` ${JSON.stringify(row.filters)}` : ''}`, row] as const))('%s', async (_, row) => {
    const params = new URLSearchParams({ q: row.query });
    for (const [name, value] of Object.entries(row.filters ?? {})) params.set(PARAMS[name]!, value);
    const page = await open(`/search/?${params}`);
    await settled(page);
    const issues = await shown(page);
    expect(issues.map((issue) => issue.number).sort()).toEqual([...row.issues].sort());
    const sections = issues.flatMap((issue) => issue.sections);
    if (row.sections) expect(sections).toEqual(expect.arrayContaining(row.sections));
    if (row.onlySections) expect([...sections].sort()).toEqual([...row.onlySections].sort());
    if (row.first !== undefined) expect(issues[0]?.number).toBe(row.first);
    if (!row.issues.length) {
      const hints = page.locator('.search-empty');
      // The words as typed that the archive does not have, each named.
      const typed = row.query.split(/\s+/).filter((term) => row.unknown?.includes(term.toLowerCase()));
      if (typed.length) expect(await hints.innerText()).toContain(`${typed.map((term) => `„${term}“`).join(', ')} ${typed.length === 1 ? 'kommt' : 'kommen'} im Archiv nicht vor.`);
      if (row.suggestion) expect(await page.locator('.search-suggestion-link').innerText()).toBe(row.suggestion);
    }
    await page.context().close();
  });
});

describe('searching', () => {
  it('lists every issue once, with its matching sections, and counts issues', async () => {
    const page = await open('/search/');
    await type(page, 'Tooze');
    const issues = await shown(page);
    expect(issues.map((issue) => issue.number)).toHaveLength(new Set(issues.map((issue) => issue.number)).size);
    expect(issues.map((issue) => issue.number).sort()).toEqual([21, 22, 23]);
    expect(await page.locator('.search-status').innerText()).toBe('3 Ausgaben mit 4 Abschnitten für „Tooze“');
    // Each section with its kind of text and its source.
    const section = page.locator('.search-section', { has: page.locator('a[href*="/issues/23/"][href$="#adam-tooze"]') });
    expect(await section.locator('.search-kind').allInnerTexts()).toEqual(['Kommentar']);
    expect(await section.locator('.search-sources').innerText()).toContain('Adam Tooze');
    expect(await section.locator('.search-excerpt mark').allInnerTexts()).toEqual(['Tooze']);
    expect(new URL(page.url()).search).toBe('?q=Tooze'); // shareable
    await page.context().close();
  });

  it('shows three sections of an issue and the others on request', async () => {
    const page = await open('/search/?q=souver%C3%A4n');
    await settled(page);
    const sections = page.locator('.search-section');
    expect(await sections.count()).toBe(4);
    expect(await page.locator('.search-section:visible').count()).toBe(3);
    await page.getByRole('button', { name: '1 weiterer Abschnitt' }).click();
    expect(await page.locator('.search-section:visible').count()).toBe(4);
    expect(await page.evaluate(() => document.activeElement?.closest('.search-section') !== null)).toBe(true);
    await page.context().close();
  });

  it('finds nothing for words the archive does not have, and says what to try', async () => {
    for (const query of ['Xylophon', 'Quantencomputer', 'qwertz']) {
      const page = await open('/search/');
      await type(page, query);
      expect(await page.locator('.search-issue').count()).toBe(0);
      expect(await page.locator('.search-status').innerText()).toBe(`Keine Treffer für „${query}“.`);
      const hints = page.locator('.search-empty');
      expect(await hints.innerText()).toContain(`„${query}“ kommt im Archiv nicht vor.`);
      expect(await hints.getByRole('link', { name: 'Quellenverzeichnis' }).getAttribute('href')).toBe('/quellen/');
      expect(await hints.getByRole('link', { name: 'Übersicht' }).getAttribute('href')).toBe('/');
      await page.context().close();
    }
  });

  it('offers the archive’s own word for a misspelt one, loading the word list only then, and searches for it on a click', async () => {
    const page = await open('/search/');
    const words: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().includes('/pagefind/words/')) words.push(new URL(request.url()).pathname);
    });
    await type(page, 'Tooze');
    expect(words).toEqual([]); // a search that finds something loads no word list
    await type(page, 'Faschimus');
    const offer = page.locator('.search-suggestion');
    await offer.waitFor();
    expect(await offer.innerText()).toBe('Meinten Sie „Faschismus“? (2 Ausgaben)');
    expect(words).toEqual(['/pagefind/words/f.txt']);
    expect(await page.locator('.search-status').innerText()).toBe('Keine Treffer für „Faschimus“. Meinten Sie „Faschismus“?');
    expect(await page.locator('.search-empty').innerText()).toContain('„Faschimus“ kommt im Archiv nicht vor.');
    await offer.getByRole('link', { name: 'Faschismus' }).click();
    await page.waitForURL(/\?q=Faschismus$/);
    await settled(page);
    expect(await page.locator('#suche').inputValue()).toBe('Faschismus');
    expect((await shown(page)).map((issue) => issue.number).sort()).toEqual([22, 56]);
    expect(await page.locator('.search-suggestion').count()).toBe(0);
    await page.goBack();
    await page.waitForURL(/\?q=Faschimus$/);
    await page.locator('.search-suggestion').waitFor();
    await page.context().close();
  });

  it('says which words the archive does not have every time nothing is found, and when known words never meet', async () => {
    for (const [query, says] of [
      ['Nvida', '„Nvida“ kommt im Archiv nicht vor.'],
      ['Faschimus Xylophon', '„Faschimus“, „Xylophon“ kommen im Archiv nicht vor.'],
      ['Tooze Gessen', '„Tooze“, „Gessen“ kommen im Archiv vor, aber in keinem Abschnitt zusammen.'],
    ]) {
      const page = await open('/search/');
      await type(page, query!);
      expect(await page.locator('.search-issue').count()).toBe(0);
      expect(await page.locator('.search-empty').innerText()).toContain(says);
      await page.context().close();
    }
  });

  it('searches for words typed before the page’s script arrived, rather than wiping them out', async () => {
    const page = await site.page(390);
    // A slow connection: the box shows while the search script is still on its way.
    await page.route('**/search.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${site.origin}/search/`, { waitUntil: 'commit' });
    await page.locator('#suche').fill('Tooze');
    await page.waitForURL(/\?q=Tooze$/);
    await settled(page);
    expect(await page.locator('#suche').inputValue()).toBe('Tooze');
    expect(await page.locator('.search-issue').count()).toBe(3);
    await page.context().close();
  });

  it('shows that it is searching at once, while Pagefind is still loading', async () => {
    const page = await site.page(390);
    // A slow connection: Pagefind's script arrives a second late.
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${site.origin}/search/`);
    await page.locator('#suche').fill('Tooze');
    expect(await page.locator('.search-status').innerText()).toBe('Suche läuft …');
    expect(await page.locator('.search-results').getAttribute('aria-busy')).toBe('true');
    await settled(page);
    expect(await page.locator('.search-issue').count()).toBe(3);
    await page.context().close();
  });
});

describe('filtering', () => {
  it('by source returns only that source’s sections, and the URL says so', async () => {
    const page = await open('/search/?q=Faschismus');
    await settled(page);
    expect((await shown(page)).flatMap((issue) => issue.sections).length).toBe(6);
    await page
      .locator('.search-filter-quelle')
      .getByLabel(/^Raul Zelik/)
      .check();
    await page.waitForURL(/quelle=Raul\+Zelik/);
    await settled(page);
    const issues = await shown(page);
    expect(issues.flatMap((issue) => issue.sections)).toEqual(['56#raul-zelik-analyse-und-kritik']);
    expect(issues.flatMap((issue) => issue.sources).every((sources) => sources.includes('Raul Zelik'))).toBe(true);
    expect(await page.locator('.search-status').innerText()).toBe('1 Ausgabe mit 1 Abschnitt für „Faschismus“ (Quelle: Raul Zelik)');
    await page.context().close();
  });

  it('by kind shows only sections where the words are in text of that kind', async () => {
    const page = await open('/search/?q=Faschismus');
    await settled(page);
    await page
      .locator('.search-filter-art')
      .getByLabel(/^Zitat/)
      .check();
    await page.waitForURL(/art=Zitat/);
    await settled(page);
    expect((await shown(page)).flatMap((issue) => issue.sections).sort()).toEqual(['56#alberto-toscano-nd', '56#dylan-rodriguez', '56#raul-zelik-analyse-und-kritik']);
    for (const section of await page.locator('.search-section').all()) expect(await section.locator('.search-kind').allInnerTexts()).toContain('Zitat');
    await page.context().close();
  });

  it('restores the same results from a shared URL, on reload, and going back and forward', async () => {
    const page = await open('/search/?q=Tooze');
    await settled(page);
    const unfiltered = await shown(page);
    await page
      .locator('.search-filter-quelle')
      .getByLabel(/^Adam Tooze/)
      .check();
    await page.waitForURL(/quelle=Adam\+Tooze/);
    await settled(page);
    const filtered = await shown(page);
    expect(filtered.flatMap((issue) => issue.sections).sort()).toEqual(['21#adam-tooze-jung-und-naiv', '22#adam-tooze', '22#adam-tooze-2', '23#adam-tooze']);
    const shared = page.url();

    const other = await site.page(390);
    await other.goto(shared);
    await settled(other);
    expect(await shown(other)).toEqual(filtered);
    expect(await other.locator('#suche').inputValue()).toBe('Tooze');
    await other.reload();
    await settled(other);
    expect(await shown(other)).toEqual(filtered);
    expect(await other.locator('.search-filter-quelle input:checked').getAttribute('value')).toBe('Adam Tooze');
    await other.context().close();

    await page.goBack();
    await page.waitForURL(/\?q=Tooze$/);
    await settled(page);
    expect(await shown(page)).toEqual(unfiltered);
    expect(await page.locator('.search-filter-quelle input:checked').getAttribute('value')).toBe('');
    await page.goForward();
    await page.waitForURL(/quelle=Adam\+Tooze/);
    await settled(page);
    expect(await shown(page)).toEqual(filtered);
    await page.context().close();
  });

  it('hides values with no matching section, and narrows the sources to what is typed', async () => {
    const page = await open('/search/?q=KI');
    await settled(page);
    const counts = await page.locator('.search-filter-count').allInnerTexts();
    expect(counts.length).toBeGreaterThan(8);
    expect(counts.every((count) => Number(count) > 0)).toBe(true);
    const sources = page.locator('.search-filter-quelle .search-filter-option:visible');
    const before = await sources.count();
    await page.locator('.search-filter-narrow').fill('ben');
    const labels = await page.locator('.search-filter-quelle .search-filter-option:visible .search-filter-label').allInnerTexts();
    expect(labels.length).toBeLessThan(before);
    expect(labels).toEqual(expect.arrayContaining(['Alle Quellen', 'Nathan Benaich']));
    expect(labels.filter((label) => label !== 'Alle Quellen').every((label) => label.toLowerCase().includes('ben'))).toBe(true);
    await page.context().close();
  });

  it('are folded on a phone and open beside the results on a desktop', async () => {
    for (const [width, open_] of [
      [390, false],
      [1280, true],
    ] as const) {
      const page = await open('/search/?q=Tooze', width);
      await settled(page);
      expect(await page.locator('.search-filters').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(open_);
      await page.context().close();
    }
  });
});

describe('a result', () => {
  it('leads to its section, with the words marked and the first of them in view', async () => {
    const page = await open('/search/?q=Gigafabriken');
    await settled(page);
    await page.locator('.search-section h3 a', { hasText: 'Heise' }).click();
    await page.waitForURL(/\/issues\/56\/\?highlight=Gigafabriken#heise$/);
    const mark = page.locator('section#heise mark.suchtreffer').first();
    await mark.waitFor();
    expect(await mark.innerText()).toBe('KI-Gigafabrik');
    expect(await page.locator('section#heise mark.suchtreffer').count()).toBe(4); // the heading, the lead-in and twice in the quote
    const top = await mark.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    await page.context().close();
  });

  it('of the intro leads to the first match on the page', async () => {
    const page = await open('/search/?q=Machtvergessenheit');
    await settled(page);
    await page.locator('.search-section h3 a', { hasText: 'Titel und Einleitung' }).click();
    await page.waitForURL(/\/issues\/56\/\?highlight=Machtvergessenheit$/);
    await page.locator('.issue-header .intro mark.suchtreffer').first().waitFor();
    expect(await page.locator('.issue-header .intro mark.suchtreffer').innerText()).toBe('Machtvergessenheit');
    await page.context().close();
  });
});

describe('the search box', () => {
  it('in the header of every page leads to the search page, which has only its own', async () => {
    const page = await open('/issues/22/');
    await page.locator('header .search-form input[name="q"]').fill('Interregnum');
    await page.locator('header .search-form button').click();
    await page.waitForURL(/\/search\/\?q=Interregnum$/);
    await settled(page);
    expect((await shown(page)).map((issue) => issue.number)).toEqual([22]);
    expect(await page.locator('input[type="search"][name="q"]').count()).toBe(1);
    expect(await page.locator('#suche').inputValue()).toBe('Interregnum');
    await page.context().close();
  });

  it('is reached with / or Ctrl-K from any page', async () => {
    const page = await open('/issues/56/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suche-kopf');
    await page.locator('body').click();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suche-kopf');
    await page.goto(`${site.origin}/search/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suche');
    await page.context().close();
  });

  it('is said to be reached with / only where there is a keyboard: not on a phone’s touch screen', async () => {
    for (const [options, tip] of [
      [{ viewport: { width: 1280, height: 900 } }, /Die Taste \/ führt auf jeder Seite ins Suchfeld\.$/],
      [{ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, /\(souverän findet auch Souveränität\)\.$/],
    ] as const) {
      const context = await site.browser.newContext({ ...options, locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${site.origin}/search/`);
      expect((await page.locator('.search-tip').innerText()).trim()).toMatch(tip);
      await context.close();
    }
  });

  it('without JavaScript leads to a page that says the search needs it, with the ways to browse', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 900 }, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    await page.locator('header .search-form input[name="q"]').fill('Tooze');
    await page.locator('header .search-form button').click();
    await page.waitForURL(/\/search\/\?q=Tooze$/);
    const note = page.locator('.search-note');
    expect(await note.innerText()).toContain('Die Suche braucht JavaScript');
    expect(await note.getByRole('link', { name: 'Übersicht' }).getAttribute('href')).toBe('/');
    expect(await note.getByRole('link', { name: 'Quellenverzeichnis' }).getAttribute('href')).toBe('/quellen/');
    expect(await page.locator('.search-box').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshotsDir, 'search-no-javascript-390.png') });
    await context.close();
  });
});

describe('the page', () => {
  it('transfers less than 60 KB (compressed) before the first search, and no Pagefind until the box has the focus', async () => {
    const page = await site.page(390);
    const loaded: string[] = [];
    page.on('requestfinished', (request) => loaded.push(request.url()));
    await page.goto(`${site.origin}/search/`);
    await page.waitForLoadState('networkidle');
    let compressed = 0;
    for (const url of loaded) compressed += zlib.gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    expect(loaded.some((url) => url.includes('/pagefind/'))).toBe(false);
    expect(compressed).toBeLessThan(60 * 1024);
    // Nothing blocks rendering: the scripts are modules (deferred).
    expect(await page.locator('head script:not([type="module"])').count()).toBe(0);
    await page.locator('#suche').focus();
    await page.waitForRequest((request) => request.url().endsWith('.pagefind'));
    expect(loaded.some((url) => url.endsWith('/pagefind/pagefind-ui.js'))).toBe(false);
    await page.context().close();
  });

  it.each([390, 1280])('has no accessibility violations with results and filters at %i px, light and dark (screenshots saved)', { timeout: 120_000 }, async (width) => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, url] of [
        ['search', '/search/?q=souver%C3%A4n'],
        ['search-filtered', '/search/?q=Faschismus&quelle=Raul+Zelik'],
        ['search-none', '/search/?q=Xylophon'],
        ['search-suggestion', '/search/?q=Faschimus'],
      ] as const) {
        const page = await open(url, width, scheme);
        await settled(page);
        if (name === 'search-suggestion') await page.locator('.search-suggestion').waitFor();
        if (width < 600 && name === 'search-filtered') await page.locator('.search-filters summary').click();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
        await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
          return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `${name} ${scheme} ${width}`).toEqual([]);
        await page.screenshot({ path: path.join(screenshotsDir, `${name}-${scheme}-${width}.png`), fullPage: true });
        await page.context().close();
      }
    }
  });
});
