/// <reference lib="dom" />
// The review in the writing loop, in a real browser against `npm run dev`: a click on a paragraph
// or between two writes the marks into the issue file (the words unchanged) and the page reloads
// showing the change; a button marks the issue reviewed; doubtful readings are highlighted; a file
// changed on disk meanwhile is not overwritten; no page of another origin can write; and the
// published site has none of it.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.js';
import { startDevServer, type DevServer } from '../../src/cli/dev.js';
import { startServer } from '../../src/cli/serve.js';
import { defaultBuildOptions } from '../../src/config.js';
import { archiveDir, folderWith, tempDir } from '../helpers/fixtures.js';
import { launchChromium } from './browser.js';

const ISSUE = [
  'Willkommen bei Krasse Links No 9. Setzt euch, heute prüfen wir den Leser.',
  'Die Financial Times hat eine lange Recherche über Rechenzentren in Irland veröffentlicht:',
  'The data centres now use more electricity than all the homes in Ireland combined, and the grid operator has stopped new connections.',
  'Das ist der Moment, in dem man merkt, dass die Cloud aus Beton und Kupfer besteht.',
  'Ganz anderes Thema: Die Bahn hat ihre Pünktlichkeit für das letzte Jahr veröffentlicht.',
  'Es sind 62 Prozent, das ist der schlechteste Wert seit Jahren.',
  'Und die Prognose für dieses Jahr sieht nicht besser aus.',
].join('\n');

let input: Awaited<ReturnType<typeof folderWith>>;
let out: Awaited<ReturnType<typeof tempDir>>;
let dev: DevServer;
let browser: Browser;
const file = () => path.join(input.dir, '009.txt');
/** What marking may change: mark lines, "> " prefixes, blank lines and front matter. */
const words = (text: string) =>
  text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .split('\n')
    .filter((l) => l.trim() && l.trim() !== '---')
    .map((l) => l.replace(/^>\s?/, ''));

beforeAll(async () => {
  input = await folderWith({ '009.txt': `${ISSUE}\n`, '056.txt': (await fs.readFile(path.join(archiveDir, '056.txt'), 'utf8')).replace(/\n\n+/g, '\n') });
  out = await tempDir();
  dev = await startDevServer({ build: { ...defaultBuildOptions, input: input.dir, out: out.dir, search: false }, port: 0, log: () => {} });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await dev?.close();
  await out?.cleanup();
  await input?.cleanup();
});

async function reviewPage(url = `${dev.url}issues/9/`): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' })).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  await page.waitForFunction(() => /Durchsicht von/.test(document.querySelector('.kl-review-bar')?.textContent ?? ''));
  return page;
}

/** Does `act` and waits for the page to reload with the rebuilt page. */
async function andReload(page: Page, act: () => Promise<void>): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 20_000 });
  await act();
  await reloaded;
  await page.waitForFunction(() => /Durchsicht von/.test(document.querySelector('.kl-review-bar')?.textContent ?? ''));
}

describe('the review on an issue page of npm run dev', () => {
  it('turns a paragraph read as a quote into the author’s with one click: the whole reading is written as marks, the words unchanged', async () => {
    const page = await reviewPage();
    const english = page.locator('blockquote p', { hasText: 'The data centres now use' });
    await expect(english.count()).resolves.toBe(1);
    await andReload(page, () => english.click());
    await expect(page.locator('p.commentary', { hasText: 'The data centres now use' }).count()).resolves.toBe(1);
    const text = await fs.readFile(file(), 'utf8');
    expect(text.startsWith('---\nmarked: true\n---\n')).toBe(true);
    expect(text).not.toMatch(/^> /m);
    expect(words(text)).toEqual(ISSUE.split('\n'));
    await expect(page.locator('.kl-review-bar').textContent()).resolves.toContain('markiert, noch nicht durchgesehen');
    await page.context().close();
  }, 60_000);

  it('starts a section with a click between two paragraphs and joins it again with a click at its top', async () => {
    const page = await reviewPage();
    const sections = () => page.locator('section.topic').count();
    const before = await sections();
    const lineOf = (text: string) => page.locator('p', { hasText: text }).getAttribute('data-review-line');
    const gap = async (action: string, text: string) => page.locator(`.kl-review-gap[data-review-action="${action}"][data-review-line="${await lineOf(text)}"]`);
    await andReload(page, async () => (await gap('start', 'Und die Prognose')).click());
    expect(await sections()).toBe(before + 1);
    expect(await fs.readFile(file(), 'utf8')).toContain('seit Jahren.\n---\nUnd die Prognose');
    await andReload(page, async () => (await gap('join', 'Und die Prognose')).click());
    expect(await sections()).toBe(before);
    expect(words(await fs.readFile(file(), 'utf8'))).toEqual(ISSUE.split('\n'));
    await page.context().close();
  }, 60_000);

  it('marks the issue reviewed with its button', async () => {
    const page = await reviewPage();
    await andReload(page, () => page.getByRole('button', { name: 'Ausgabe als durchgesehen markieren' }).click());
    const text = await fs.readFile(file(), 'utf8');
    expect(text.startsWith('---\nreviewed: true\n---\n')).toBe(true);
    await expect(page.getByRole('button', { name: 'Durchgesehen ✓' }).isDisabled()).resolves.toBe(true);
    await page.context().close();
  }, 60_000);

  it('highlights the doubtful readings', async () => {
    const page = await reviewPage(`${dev.url}issues/56/`);
    const state = await page.evaluate(async () => (await fetch('/__review/state?issue=56')).json());
    const doubtful = (state.sections as { line: number; doubtful: boolean }[][])
      .flat()
      .filter((p) => p.doubtful)
      .map((p) => String(p.line));
    expect(doubtful.length).toBeGreaterThan(0);
    const highlighted = await page.locator('.kl-review-doubtful').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.reviewLine));
    expect(highlighted).toEqual(doubtful);
    await page.context().close();
  }, 60_000);

  it('does not overwrite a file changed on disk since the page was shown, and says so', async () => {
    const page = await reviewPage();
    // The page stays as it was: no reload event reaches it.
    await page.route('**/__dev/events', (route) => route.abort());
    await page.reload();
    await page.waitForFunction(() => /Durchsicht von/.test(document.querySelector('.kl-review-bar')?.textContent ?? ''));
    const changed = (await fs.readFile(file(), 'utf8')).replace('Es sind 62 Prozent', 'Es sind nur 62 Prozent');
    await fs.writeFile(file(), changed);
    await page.locator('p', { hasText: 'Das ist der Moment' }).click();
    await page.waitForFunction(() => /changed on disk/.test(document.querySelector('.kl-review-bar [role="alert"]')?.textContent ?? ''));
    expect(await fs.readFile(file(), 'utf8')).toBe(changed);
    await page.context().close();
  }, 60_000);

  it('refuses to write for a page of another origin', async () => {
    const before = await fs.readFile(file(), 'utf8');
    const evil = http.createServer((_, response) => response.end('<!doctype html><title>Andere Seite</title>'));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const port = (evil.address() as { port: number }).port;
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const outcome = await page.evaluate(
      async (target) => {
        const attempts = [
          // A simple request (no preflight), without the secret it cannot read.
          fetch(`${target}__review/marks`, {
            method: 'POST',
            mode: 'no-cors',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ issue: 9, version: '0'.repeat(64), action: 'quote', line: 9 }),
          }),
          // With a guessed secret: the browser asks first (preflight), and the server allows nothing.
          fetch(`${target}__review/marks`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-review-secret': 'guess' }, body: '{}' }),
          // Reading the secret: the browser keeps the answer from another origin.
          fetch(`${target}__review/state?issue=9`).then((r) => r.text()),
        ];
        return Promise.all(
          attempts.map((a) =>
            a.then(
              () => 'answered',
              () => 'blocked',
            ),
          ),
        );
      },
      dev.url.replace('localhost', '127.0.0.1'),
    );
    expect(outcome.slice(1)).toEqual(['blocked', 'blocked']);
    expect(await fs.readFile(file(), 'utf8')).toBe(before);
    await page.context().close();
    await new Promise((resolve) => evil.close(resolve));
  }, 60_000);
});

describe('the published site', () => {
  it('has none of the review: no script, no endpoint', async () => {
    const site = await tempDir();
    await build({ ...defaultBuildOptions, input: input.dir, out: site.dir, search: false });
    const server = await startServer(site.dir, 0);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/issues/9/`);
    await expect(page.locator('p', { hasText: 'Das ist der Moment' }).count()).resolves.toBe(1);
    await expect(page.locator('.kl-review-bar, .kl-review-gap, .kl-review-p').count()).resolves.toBe(0);
    const response = await page.request.get(`http://127.0.0.1:${(server.address() as { port: number }).port}/__review/client.js`);
    expect(response.status()).toBe(404);
    const html = await fs.readFile(path.join(site.dir, 'issues', '9', 'index.html'), 'utf8');
    expect(html).not.toMatch(/__review|kl-review/);
    await page.context().close();
    await new Promise((resolve) => server.close(resolve));
    await site.cleanup();
  }, 60_000);
});
