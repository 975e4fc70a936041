/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// A reader in a real browser: reads on a phone and a desktop (the search: search.test.ts).
import { createRequire } from 'node:module';
import path from 'node:path';
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

describe('accessibility', () => {
  const pages = [
    ['the archive index', '/'],
    ['an issue page', '/issues/56/'],
    ['the source index', '/quellen/'],
    ['a source’s page', '/quellen/adam-tooze/'],
    ['the search page with results', '/search/?q=Tooze'],
  ] as const;

  it.each(pages)('axe-core finds no violations on %s', { timeout: 30_000 }, async (_, url) => {
    const page = await site.page();
    await page.goto(`${site.origin}${url}`);
    if (url.startsWith('/search/')) await page.locator('.search-issue').first().waitFor();
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
    for (const [name, url] of [
      ['index', '/'],
      ['issue', '/issues/56/'],
      ['sources', '/quellen/'],
      ['source', '/quellen/adam-tooze/'],
      ['search', '/search/?q=Tooze'],
    ] as const) {
      const page = await site.page(width);
      await page.goto(`${site.origin}${url}`);
      if (name === 'search') await page.locator('.search-issue').first().waitFor();
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
