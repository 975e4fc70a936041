/// <reference lib="dom" />
// Hostile input in a real browser: markup from an issue's text, title and source names never
// runs, on the issue page or in the search page's results and filters (which put everything from
// the index into the page as text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderWith } from '../helpers/fixtures.js';
import { openSite, type Site } from './browser.js';

/** Sets a flag when it runs; the page then shows an alert too. */
const PAYLOAD = '<img src=x onerror=window.injected=1;alert(1)>';

let input: Awaited<ReturnType<typeof folderWith>>;
let site: Site;

beforeAll(async () => {
  input = await folderWith({
    '066.txt': [
      '---',
      `title: 'Titel ${PAYLOAD}'`,
      '---',
      'Willkommen bei Krasse Links No 66. Hallo, heute testen wir Angriffe.',
      `Der Podcast „${PAYLOAD}“ berichtet über die Zielscheibe:`,
      `The payload ${PAYLOAD} and <script>window.injected=2</script> travel inside a quote about the zielscheibe.`,
      'Ein Kommentar mit [klick](javascript:window.injected=3) zur Zielscheibe.',
    ].join('\n'),
  });
  site = await openSite(input.dir);
}, 120_000);
afterAll(async () => {
  await site?.close();
  await input?.cleanup();
});

async function openPage(url: string) {
  const page = await site.page();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${site.origin}${url}`);
  return { page, dialogs };
}

describe('markup from the input never runs', () => {
  it('on the issue page, which shows it as text', async () => {
    const { page, dialogs } = await openPage('/issues/66/');
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('h1').innerText()).toContain(`Titel ${PAYLOAD}`);
    expect(await page.locator('.issue-body').innerText()).toContain(`The payload ${PAYLOAD} and <script>`);
    expect(await page.locator('.issue-body img, .issue-body script, a[href^="javascript:"]').count()).toBe(0);
  });

  it('in the search results and the source filter, which show it as text', async () => {
    const { page, dialogs } = await openPage('/search/?q=zielscheibe');
    await page.locator('.search-issue').first().waitFor();
    const labels = await page.locator('.search-filter-quelle .search-filter-label').allInnerTexts();
    expect(labels).toContain(PAYLOAD);
    expect(await page.locator('.search-section h3').allInnerTexts()).toContain(PAYLOAD); // the section's heading is its source
    expect(await page.locator('.search-excerpt').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(`The payload ${PAYLOAD} and <script>window.injected=2</script>`)]));
    // A source filter with the name works, and its URL restores it.
    await page.locator('.search-filter-quelle').getByLabel(PAYLOAD).check();
    await page.waitForURL(/quelle=/);
    await page.reload();
    await page.locator('.search-issue').first().waitFor();
    await page.waitForTimeout(200); // an image error would fire by now
    expect(await page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('.search-page img, .search-page script').count()).toBe(0);
    expect(await page.locator('.search-issue h2').first().innerText()).toContain(`Titel ${PAYLOAD}`);
  });
});
