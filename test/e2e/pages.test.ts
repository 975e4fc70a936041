/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Pages a reader stays on, in a real browser: the first section on the first screen of a phone,
// headings that say something, related sections across the archive, quotes as legible as the
// commentary, short titles, a share image, honest feed dates, and no accessibility violations.
// The archive is issues/ with dates for No 21, 22 and 23 (No 56 stays undated).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveDir, tempDir } from '../helpers/fixtures.js';
import { openSite, screenshotsDir, type Site } from './browser.js';

const require = createRequire(import.meta.url);
const DATES: Record<string, string> = { '021.txt': '2024-06-30', '022.txt': '2024-07-24', '023.txt': '2024-08-02' };
const ISSUES = [21, 22, 23, 56];

let site: Site;
let input: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  input = await tempDir('kl-e2e-dated-');
  for (const name of await fs.readdir(archiveDir)) {
    const text = await fs.readFile(path.join(archiveDir, name), 'utf8');
    await fs.writeFile(path.join(input.dir, name), DATES[name] ? `---\ndate: ${DATES[name]}\n---\n${text}` : text);
  }
  site = await openSite(input.dir);
}, 180_000);
afterAll(async () => {
  await site?.close();
  await input?.cleanup();
}, 30_000);

async function open(url: string, width = 1280, options: { height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const page = await site.page(width, options);
  await page.goto(`${site.origin}${url}`);
  return page;
}

describe('on a phone (390 × 844)', () => {
  it.each(ISSUES)('No %i shows the first section’s text within the first screen, the contents folded', { timeout: 30_000 }, async (number) => {
    const page = await open(`/issues/${number}/`, 390, { height: 844 });
    const top = await page.evaluate(() => document.querySelector('section.topic > :not(h2)')!.getBoundingClientRect().top);
    expect(top).toBeLessThan(844 - 40); // a line of it, at least
    expect(await page.locator('nav.toc details').getAttribute('open')).toBeNull();
    expect(await page.locator('nav.toc ol').isVisible()).toBe(false);
    await page.locator('nav.toc summary').click();
    expect(await page.locator('nav.toc ol').isVisible()).toBe(true);
  });

  it('shows the intro once, as the lead under the heading, not the motto twice', { timeout: 30_000 }, async () => {
    const page = await open('/issues/56/', 390, { height: 844 });
    expect(await page.locator('h1').innerText()).toBe('Krasse Links No 56');
    const motto = 'heute plappern wir die Machtvergessenheit des Tech-Faschismus';
    const text = await page.locator('main').innerText();
    expect(text.split(motto).length - 1).toBe(1);
    expect(await page.locator('.issue-header .lead').innerText()).toMatch(/^Willkommen zu Krasse Links No 56\./);
  });

  it.each(['/issues/22/', '/issues/56/', '/quellen/'])('on %s 360 px wide, lists its links a row of at least 24 px apart, so a thumb hits the one it means', { timeout: 30_000 }, async (url) => {
    const page = await open(url, 360, { height: 740 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
    // From the last line of each listed link to the first line of the next one below it.
    const rows = await page.evaluate(() => {
      const links = [...document.querySelectorAll('main li a[href]')].filter((a) => !a.closest('p') && a.getClientRects().length);
      return links.slice(1).flatMap((link, i) => {
        const above = [...links[i]!.getClientRects()].at(-1)!;
        const below = link.getClientRects()[0]!;
        return below.top > above.top + 1 ? [{ link: link.textContent!.trim(), pitch: below.top - above.top }] : [];
      });
    });
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.filter((row) => row.pitch < 24)).toEqual([]);
  });

  it('opens the contents on a wide screen', { timeout: 30_000 }, async () => {
    const page = await open('/issues/56/');
    expect(await page.locator('nav.toc ol').isVisible()).toBe(true);
  });
});

describe('section headings', () => {
  it.each(ISSUES)('in No %i end in no ellipsis and never repeat the first sentence of their section', { timeout: 30_000 }, async (number) => {
    const page = await open(`/issues/${number}/`);
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll('section.topic')].map((section) => ({
        heading: section.querySelector('h2')!.textContent!.trim(),
        first: (section.querySelector('h2 ~ p, h2 ~ blockquote, h2 ~ figure blockquote, h2 ~ ul') as HTMLElement).innerText.trim(),
      })),
    );
    expect(sections.length).toBeGreaterThan(3);
    for (const { heading, first } of sections) {
      expect(heading).not.toMatch(/…$|\.\.\.$/);
      const firstSentence = first.split(/(?<=[.!?:])\s/)[0]!;
      expect(firstSentence.startsWith(heading), `${heading} / ${firstSentence}`).toBe(false);
    }
  });
});

describe('related sections across the archive', () => {
  /** The issues a section about Tooze links to under "Mehr dazu im Archiv". */
  async function toozeLinks(number: number): Promise<string[]> {
    const page = await open(`/issues/${number}/`);
    return page.evaluate(() =>
      [...document.querySelectorAll('section.topic')]
        .filter((section) => /Tooze/.test(section.querySelector('h2')!.textContent!))
        .flatMap((section) => [...section.querySelectorAll('.related a')].filter((a) => /Tooze/.test(a.textContent!)).map((a) => a.getAttribute('href')!)),
    );
  }

  it('link the Tooze sections of No 21, 22 and 23 to each other', { timeout: 60_000 }, async () => {
    for (const [from, others] of [
      [21, [22, 23]],
      [22, [21, 23]],
      [23, [21, 22]],
    ] as const) {
      const links = await toozeLinks(from);
      for (const other of others)
        expect(
          links.some((href) => href.startsWith(`/issues/${other}/#`)),
          `No ${from} → No ${other}: ${links.join(' ')}`,
        ).toBe(true);
    }
  });

  it('lead to the related section, and show its issue’s number and date', { timeout: 30_000 }, async () => {
    const page = await open('/issues/21/');
    const link = page.locator('section.topic .related li', { hasText: 'No 22' }).first();
    expect(await link.innerText()).toMatch(/^No 22 .+ 24\. Juli 2024$/);
    await link.locator('a').click();
    await page.waitForURL(/\/issues\/22\/#[a-z0-9-]+$/);
    const id = new URL(page.url()).hash.slice(1);
    expect(await page.evaluate((target) => document.getElementById(target)!.getBoundingClientRect().top, id)).toBeLessThan(100);
  });

  it('are listed per issue at the end of the page', { timeout: 30_000 }, async () => {
    const page = await open('/issues/22/');
    const aside = page.locator('aside.related-issues');
    expect(await aside.locator('h2').innerText()).toBe('Mehr dazu im Archiv');
    expect(await aside.locator(':scope > ul > li > a').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^No 21 /), expect.stringMatching(/^No 23 /)]));
  });
});

describe('quotes', () => {
  /** Font size and contrast ratio (against the page background) of the first paragraph matching a selector. */
  async function legibility(page: Page, selector: string): Promise<{ size: number; contrast: number; style: string } | undefined> {
    return page.evaluate((sel) => {
      const element = document.querySelector(sel) as HTMLElement | null;
      if (!element) return undefined;
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      let background: HTMLElement | null = element;
      while (background && (getComputedStyle(background).backgroundColor === 'rgba(0, 0, 0, 0)' || getComputedStyle(background).backgroundColor === 'transparent'))
        background = background.parentElement;
      const style = getComputedStyle(element);
      const [a, b] = [luminance(rgb(style.color)), luminance(rgb(getComputedStyle(background ?? document.body).backgroundColor))].sort((x, y) => y - x);
      return { size: parseFloat(style.fontSize), contrast: (a! + 0.05) / (b! + 0.05), style: style.fontStyle };
    }, selector);
  }

  it.each(['light', 'dark'] as const)('read as easily as the commentary (%s): as large, as dark, upright in English too', { timeout: 30_000 }, async (colorScheme) => {
    const checked = new Set<string>();
    for (const number of [22, 23]) {
      const page = await open(`/issues/${number}/`, 1280, { colorScheme });
      const commentary = (await legibility(page, 'section.topic p.commentary'))!;
      // English and German quotes, and a quoted list.
      for (const selector of ['blockquote[lang="en"] p', 'blockquote:not([lang]) p', 'blockquote li']) {
        const quote = await legibility(page, selector);
        if (!quote) continue;
        checked.add(selector);
        expect(quote.size, selector).toBeGreaterThanOrEqual(commentary.size);
        expect(quote.contrast, selector).toBeGreaterThanOrEqual(commentary.contrast - 0.01);
        expect(quote.style, selector).toBe('normal');
      }
    }
    expect(checked.size).toBe(3);
  });

  it('are set apart by a rule and, where the lead-in names one, the source’s name', { timeout: 30_000 }, async () => {
    const page = await open('/issues/23/');
    const figure = page.locator('section#lea-ypi-taz figure.quote').first();
    expect(await figure.locator('figcaption').innerText()).toMatch(/^Lea Ypi(, taz)?$/i);
    expect(await figure.evaluate((el) => parseFloat(getComputedStyle(el).borderLeftWidth))).toBeGreaterThan(0);
  });

  it('mark every foreign block with its language, lists in quotes included', { timeout: 30_000 }, async () => {
    const page = await open('/issues/22/');
    const unmarked = await page.evaluate(() =>
      [...document.querySelectorAll('blockquote')]
        .filter((quote) => !quote.closest('[lang="en"]') && /\b(?:the|and|of|is)\b/.test(quote.textContent!) && !/[äöüß]/.test(quote.textContent!))
        .map((q) => q.textContent!.slice(0, 60)),
    );
    expect(unmarked).toEqual([]);
  });
});

describe('meta', () => {
  it.each(['/', '/issues/21/', '/issues/22/', '/issues/23/', '/issues/56/', '/quellen/', '/search/', '/nicht-da/'])(
    '%s has a title of at most 70 characters and a share image',
    { timeout: 30_000 },
    async (url) => {
      const page = await open(url);
      const title = await page.title();
      expect(title.length, title).toBeLessThanOrEqual(70);
      expect(await page.locator('meta[property="og:image"]').getAttribute('content')).toBe('http://localhost:8080/og-image.png');
      const image = await page.request.get(`${site.origin}/og-image.png`);
      expect(image.headers()['content-type']).toMatch(/^image\/png/);
    },
  );

  it('the feed dates every entry from its issue, and leaves the undated one out', { timeout: 30_000 }, async () => {
    const page = await open('/');
    const feed = await (await page.request.get(`${site.origin}/feed.xml`)).text();
    const entries = [...feed.matchAll(/<entry>[\s\S]*?<id>[^<]*\/issues\/(\d+)\/<\/id>\s*<updated>([^<]+)<\/updated>/g)].map((m) => [m[1], m[2]]);
    expect(entries).toEqual([
      ['23', '2024-08-02T00:00:00Z'],
      ['22', '2024-07-24T00:00:00Z'],
      ['21', '2024-06-30T00:00:00Z'],
    ]);
    expect(feed).not.toContain('1970');
    // Chromium's XML parser reads it, and finds what RFC 4287 requires of a feed and its entries.
    const problems = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return [`not well-formed: ${doc.querySelector('parsererror')!.textContent}`];
      const feedElement = doc.documentElement;
      const found: string[] = [];
      const exactlyOne = (parent: Element, name: string) => [...parent.children].filter((child) => child.localName === name).length === 1;
      if (feedElement.namespaceURI !== 'http://www.w3.org/2005/Atom' || feedElement.localName !== 'feed') found.push('no Atom feed');
      for (const name of ['id', 'title', 'updated', 'author']) if (!exactlyOne(feedElement, name)) found.push(`the feed needs one <${name}>`);
      for (const entry of feedElement.querySelectorAll(':scope > entry')) {
        for (const name of ['id', 'title', 'updated', 'content']) if (!exactlyOne(entry, name)) found.push(`an entry needs one <${name}>`);
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(entry.querySelector(':scope > updated')?.textContent ?? '')) found.push('an entry’s <updated> is no RFC 3339 date');
      }
      return found;
    }, feed);
    expect(problems).toEqual([]);
    // The index shows the dates it knows.
    expect(await page.locator('time[datetime="2024-07-24"]').innerText()).toBe('24. Juli 2024');
  });
});

describe('accessibility', () => {
  it.each([
    ['the archive index', '/'],
    ['an issue page', '/issues/22/'],
    ['the source index', '/quellen/'],
    ['the search page with results', '/search/?q=Tooze'],
    ['the 404 page', '/nicht-da/'],
  ])('axe-core finds no violations on %s, light and dark', { timeout: 60_000 }, async (_, url) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open(url, 1280, { colorScheme });
      if (url.startsWith('/search/')) await page.locator('.search-section').first().waitFor();
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });
});

describe('screenshots', () => {
  it('at 390 and 1280 px, light and dark (saved in test-results/screenshots/)', { timeout: 300_000 }, async () => {
    for (const width of [390, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [name, url] of [
          ['index', '/'],
          ['issue', '/issues/22/'],
          ['related', '/issues/21/#adam-tooze-jung-und-naiv'],
          ['sources', '/quellen/'],
          ['404', '/nicht-da/'],
        ] as const) {
          const page = await open(url, width, { height: width < 500 ? 844 : 900, colorScheme });
          if (name === 'related') await page.locator('#adam-tooze-jung-und-naiv .related').scrollIntoViewIfNeeded();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} at ${width}px`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: path.join(screenshotsDir, `${name}-${width}-${colorScheme}.png`) });
        }
      }
    }
  });
});
