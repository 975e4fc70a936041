/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A reader in a real browser: searches, filters, clicks a result, reads on a phone and a desktop.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshotsDir, type Site } from './browser.js';

const require = createRequire(import.meta.url);
let site: Site;

beforeAll(async () => {
  site = await openSite();
}, 120_000);
afterAll(async () => {
  await site?.close();
});

async function searchFor(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site.origin}/search/`);
  const input = page.locator('.pagefind-ui__search-input');
  await input.fill(query);
  await page.locator('.pagefind-ui__result').first().waitFor();
  return page.locator('.pagefind-ui__result-title').allInnerTexts();
}

describe('searching', () => {
  it('finds No 56’s section about sovereign AI for "Souveränität"', async () => {
    const page = await site.page();
    await searchFor(page, 'Souveränität');
    expect(await page.locator('.pagefind-ui__result-title').first().innerText()).toMatch(/^No 56: Rendert eure KIs souverän/);
    // Sub-results are the sections, named by their headings (source and subject).
    expect(await page.locator('.pagefind-ui__result-nested .pagefind-ui__result-link').allInnerTexts()).toContainEqual(expect.stringMatching(/^Nathan Benaich \(Fortune\) über /));
    // The hit leads to the issue page, with the terms to highlight.
    expect(await page.locator('.pagefind-ui__result-title a').first().getAttribute('href')).toMatch(/^\/issues\/56\/\?(?:art=zitat&)?highlight=souver/i);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Souveränität'); // shareable
  });

  it('finds sections in more than one issue for "Tooze"', async () => {
    const titles = await searchFor(await site.page(), 'Tooze');
    const issues = new Set(titles.map((t) => t.split(':')[0]));
    expect(issues.size).toBeGreaterThan(1);
  });

  it('lands on the section anchor with the term highlighted when a result is clicked', async () => {
    const page = await site.page();
    await searchFor(page, 'Gigafabrik');
    await page.locator('.pagefind-ui__result-nested .pagefind-ui__result-link', { hasText: 'Heise' }).first().click();
    await page.waitForURL(/\/issues\/56\/\?(?:art=zitat&)?highlight=.*#heise-titel$/);
    const mark = page.locator('section#heise mark').first();
    await mark.waitFor();
    expect((await mark.innerText()).toLowerCase()).toContain('gigafabrik');
    expect(await page.evaluate(() => document.getElementById('heise')!.getBoundingClientRect().top)).toBeLessThan(900);
  });

  it('narrows the results with a filter', async () => {
    const page = await site.page();
    const all = await searchFor(page, 'Tooze');
    await page.locator('.pagefind-ui__filter-checkbox[id$="Zitat"], label:has-text("Zitat") input').first().check();
    // The results settle on quotes only, and fewer of them.
    await page.waitForFunction((count) => {
      const tags = [...document.querySelectorAll('.pagefind-ui__result-tag')].map((tag) => tag.textContent ?? '');
      return tags.length > 0 && tags.length < count && tags.every((tag) => tag.includes('Zitat'));
    }, all.length);
    expect((await page.locator('.pagefind-ui__result-title').allInnerTexts()).length).toBeLessThan(all.length);
  });

  it('starts from the search box on any page and keeps the query in the URL', async () => {
    const page = await site.page();
    await page.goto(`${site.origin}/issues/22/`);
    await page.locator('header .search-form input[name="q"]').fill('Interregnum');
    await page.locator('header .search-form button').click();
    await page.waitForURL(/\/search\/\?q=Interregnum$/);
    await page.locator('.pagefind-ui__result').first().waitFor();
    expect(await page.locator('.pagefind-ui__result-title').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^No 22: /)]));
  });
});

describe('accessibility', () => {
  const pages = [
    ['the archive index', '/'],
    ['an issue page', '/issues/56/'],
    ['the source index', '/quellen/'],
    ['the search page with results', '/search/?q=Tooze'],
  ] as const;

  it.each(pages)('axe-core finds no violations on %s', { timeout: 30_000 }, async (_, url) => {
    const page = await site.page();
    await page.goto(`${site.origin}${url}`);
    if (url.startsWith('/search/')) await page.locator('.pagefind-ui__result').first().waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});

describe('reading on a phone and a desktop', () => {
  it.each([360, 1280])('fits %i px without sideways scrolling (screenshots saved)', { timeout: 30_000 }, async (width) => {
    for (const [name, url] of [['index', '/'], ['issue', '/issues/56/'], ['sources', '/quellen/'], ['search', '/search/?q=Tooze']] as const) {
      const page = await site.page(width);
      await page.goto(`${site.origin}${url}`);
      if (name === 'search') await page.locator('.pagefind-ui__result').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(screenshotsDir, `${name}-${width}.png`), fullPage: name !== 'issue' });
    }
  });

  it('follows the system’s dark mode', async () => {
    const page = await site.page(1280, { colorScheme: 'dark' });
    await page.goto(`${site.origin}/issues/56/`);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(23, 22, 20)');
    await page.screenshot({ path: path.join(screenshotsDir, 'issue-dark-1280.png') });
  });
});
