// A reviewed issue says everything: its marks are complete, and it is built exactly as marked.
// `npm run check -- --mark FILE` writes the current reading into the file as those marks.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevServer } from '../src/cli/dev.js';
import { marksOf, singleSource, withMarks } from '../src/cli/marks.js';
import { defaultBuildOptions } from '../src/config.js';
import { parseIssueWithReport } from '../src/reader/parse/index.js';
import { cli, folderWith, tempDir } from './helpers/fixtures.js';
import { articleBody, issueWith, parseOne, renderIssuePages } from './helpers/issues.js';
import { pageText } from './helpers/verbatim.js';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

/** Each section's paragraphs, by kind. */
const kinds = (text: string) => {
  const { issue, paragraphs } = parseIssueWithReport(singleSource('009.txt', text));
  return issue.sections.map((_, i) => paragraphs.filter((p) => p.section === i).map((p) => p.kind));
};

// The reader takes the English paragraph after a lead-in ending in ":" for a quote.
const body = [
  'Die Financial Times hat eine lange Recherche über Rechenzentren in Irland veröffentlicht:',
  'The data centres now use more electricity than all the homes in Ireland combined, and the grid operator has stopped new connections.',
  'Das ist mein eigener Satz, kein Zitat, auch wenn er so klingt: „gesagt ist gesagt“.',
  '> Ich habe diesen Satz markiert, also ist er ein Zitat.',
  '---',
  'Ganz anderes Thema: Die Bahn hat ihre Pünktlichkeit für das letzte Jahr veröffentlicht.',
  'Es sind 62 Prozent, das ist der schlechteste Wert seit Jahren.',
];

describe('an issue with "reviewed: true"', () => {
  it('is built exactly as marked: quotes the "> " paragraphs, section starts the "---" lines', async () => {
    expect(
      kinds(issueWith(9, ...body))
        .flat()
        .slice(0, 2),
    ).toEqual(['commentary', 'quote']);
    const reviewed = `---\nreviewed: true\n---\n${issueWith(9, ...body)}`;
    expect(kinds(reviewed)).toEqual([
      ['commentary', 'commentary', 'commentary', 'quote'],
      ['commentary', 'commentary'],
    ]);
    const html = articleBody((await renderIssuePages([parseOne(reviewed)])).get(9)!);
    expect(html).toMatch(/<p class="commentary" lang="en">The data centres now use more electricity/);
    expect(pageText(html)).not.toMatch(/---|> Ich/);
  });

  it('starts no section but at a "---" line, however new the subject looks', () => {
    const lines = ['Laut Heise will die Regierung Rechenzentren fördern.', 'Adam Tooze erklärt im Podcast Jung und Naiv die Weltwirtschaft.', 'Derweil streikt die Bahn.'];
    expect(parseOne(issueWith(9, ...lines)).sections.length).toBeGreaterThan(1);
    expect(parseOne(`---\nreviewed: true\n---\n${issueWith(9, ...lines)}`).sections).toHaveLength(1);
  });

  it('in a blank-line export, starts sections exactly at two blank lines', () => {
    const text = `---\nreviewed: true\n---\n${issueWith(9, '', 'Erster Absatz.', '', 'Zweiter Absatz:', '', 'An English passage that reads like a quote from an article.', '', '', 'Neuer Abschnitt.')}`;
    expect(kinds(text)).toEqual([['commentary', 'commentary', 'commentary'], ['commentary']]);
  });

  it('refuses anything but true or false, naming file and line', () => {
    for (const value of ['yes', '"true"', '1', 'ja']) {
      expect(() => parseOne(`---\ntitle: Test\nreviewed: ${value}\n---\n${issueWith(9, 'Text.')}`, '009.txt')).toThrow(/^009\.txt:3: front matter: "reviewed" must be true or false/);
    }
    expect(kinds(`---\nreviewed: false\n---\n${issueWith(9, ...body)}`)).toEqual(kinds(issueWith(9, ...body)));
  });
});

describe('npm run check -- --mark FILE', () => {
  // What marking may change in a file: mark lines, "> " prefixes, blank lines and the front matter.
  const withoutMarks = (text: string) =>
    text
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split('\n')
      .filter((l) => l.trim() && !/^(?:---|\*\*\*)$/.test(l.trim()))
      .map((l) => l.replace(/^\s*>\s?/, ''));

  it('writes the current reading as marks, the words unchanged, and the page stays as it was read', async () => {
    const original = `Krasse Links No 56\n${(await fs.readFile(path.join('issues', '056.txt'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .slice(1)
      .join('\n')}\n`;
    const input = await folderWith({ '056.txt': original });
    cleanups.push(input.cleanup);
    const file = path.join(input.dir, '056.txt');
    const before = parseOne(original, '056.txt');

    const result = await cli('check', '--mark', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `056.txt: marked as read: ${before.sections.flatMap((s) => s.blocks).reduce((n, b) => n + (b.kind === 'quote' ? b.paragraphs.length : 0), 0)} quotes ("> "), ${before.sections.length} section starts ("---"), the words unchanged`,
    );
    expect(result.stdout).toMatch(/Look at these first[^\n]*\n {2}056\.txt:\d+ /);
    const marked = await fs.readFile(file, 'utf8');
    expect(marked.startsWith('---\nmarked: true\n---\nKrasse Links No 56\n')).toBe(true);
    expect(withoutMarks(marked)).toEqual(withoutMarks(original));
    expect(marked.split('\n').filter((l) => l.startsWith('> ')).length).toBe(before.sections.flatMap((s) => s.blocks).reduce((n, b) => n + (b.kind === 'quote' ? b.paragraphs.length : 0), 0));

    const after = parseOne(marked, '056.txt');
    expect(after.sections.map((s) => [s.heading, s.blocks.map((b) => b.kind)])).toEqual(before.sections.map((s) => [s.heading, s.blocks.map((b) => b.kind)]));
    expect(pageText(articleBody((await renderIssuePages([after])).get(56)!))).toBe(pageText(articleBody((await renderIssuePages([before])).get(56)!)));
  }, 30_000);

  it('on an issue already reviewed, says so and writes nothing: its marks are the reading', async () => {
    // "reviewed: true" before another key: writing the marks again would move it.
    const reviewed = `---\nreviewed: true\ntitle: Ein Titel\n---\n${issueWith(9, ...body)}\n`;
    const input = await folderWith({ '009.txt': reviewed });
    cleanups.push(input.cleanup);
    const file = path.join(input.dir, '009.txt');
    const { mtimeMs } = await fs.stat(file);

    const result = await cli('check', '--mark', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('009.txt: reviewed, read exactly as marked: 1 quotes ("> "), 2 section starts ("---"), the words unchanged.');
    expect(result.stdout).toContain('Nothing was written');
    expect(result.stdout).not.toContain('write "reviewed: true"');
    expect(await fs.readFile(file, 'utf8')).toBe(reviewed);
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
  }, 30_000);

  it('removes a "> " and a "---" the reading does not have, and keeps the author’s front matter and line endings', () => {
    const text = `---\r\ntitle: Ein Titel\r\n---\r\n${issueWith(9, 'Erster Absatz.', '---', 'Noch im ersten Abschnitt.', '> Kein Zitat.', 'Schluss.').replace(/\n/g, '\r\n')}\r\n`;
    const source = singleSource('009.txt', text);
    const marks = marksOf(parseIssueWithReport(source).paragraphs);
    for (const line of marks.keys()) if (line > 5) marks.set(line, { quote: false, start: false });
    const marked = withMarks('009.txt', text, marks, 'marked');
    expect(marked).toBe(`---\r\ntitle: Ein Titel\r\nmarked: true\r\n---\r\n${issueWith(9, 'Erster Absatz.', 'Noch im ersten Abschnitt.', 'Kein Zitat.', 'Schluss.').replace(/\n/g, '\r\n')}\r\n`);
    expect(withMarks('009.txt', marked, marks, 'reviewed')).toContain('title: Ein Titel\r\nreviewed: true\r\n---');
  });

  it('refuses a mark that would remove the author’s heading or change a paragraph', () => {
    const text = issueWith(9, 'Erster Absatz.', '--- Meine Überschrift', 'Zweiter Absatz.');
    const marks = marksOf(parseIssueWithReport(singleSource('009.txt', text)).paragraphs);
    marks.set(4, { quote: false, start: false });
    expect(() => withMarks('009.txt', text, marks, 'marked')).toThrow(/009\.txt:4: the section starting here has your heading "Meine Überschrift"/);
    // Without its first "> ", the line would still be marked, and its words would lose the second.
    const twice = issueWith(9, 'Ein Absatz.', '> > ein Zitat im Zitat');
    const twiceMarks = marksOf(parseIssueWithReport(singleSource('009.txt', twice)).paragraphs);
    twiceMarks.set(3, { quote: false, start: false });
    expect(() => withMarks('009.txt', twice, twiceMarks, 'marked')).toThrow(/009\.txt: the marks would change the paragraphs; nothing was written/);
  });
});

describe('the review endpoint of npm run dev', () => {
  /** A request to the dev server with the given headers and body. */
  const request = (url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(options.body);
    });

  it('writes marks only for a request from its own page with the secret of this run, and takes no text', async () => {
    const input = await folderWith({ '009.txt': `${issueWith(9, ...body.filter((l) => !/^(?:>|---)/.test(l)))}\n` });
    const out = await tempDir();
    const dev = await startDevServer({ build: { ...defaultBuildOptions, input: input.dir, out: out.dir, search: false }, port: 0, log: () => {} });
    cleanups.push(async () => {
      await dev.close();
      await out.cleanup();
      await input.cleanup();
    });
    const origin = dev.url.replace(/\/$/, '');
    const file = path.join(input.dir, '009.txt');
    const original = await fs.readFile(file, 'utf8');
    const state = JSON.parse((await request(`${dev.url}__review/state?issue=9`, { headers: { origin } })).body);
    expect(state.secret).toMatch(/^[\w-]{40,}$/);
    const change = JSON.stringify({ issue: 9, version: state.version, action: 'commentary', line: 3 });
    const post = (headers: Record<string, string>, payload = change) =>
      request(`${dev.url}__review/marks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });

    expect((await post({ origin: 'http://evil.example', 'x-review-secret': state.secret })).status).toBe(403);
    expect((await post({ origin })).status).toBe(403);
    expect((await post({ origin, 'x-review-secret': 'x'.repeat(state.secret.length) })).status).toBe(403);
    expect((await post({ origin, host: `evil.example:${new URL(dev.url).port}`, 'x-review-secret': state.secret })).status).toBe(403);
    expect((await request(`${dev.url}__review/state?issue=9`, { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const withText = JSON.stringify({ issue: 9, version: state.version, action: 'commentary', line: 3, text: 'Neue Worte' });
    expect((await post({ origin, 'x-review-secret': state.secret }, withText)).status).toBe(400);
    expect(await fs.readFile(file, 'utf8')).toBe(original);

    const written = await post({ origin, 'x-review-secret': state.secret });
    expect(written).toEqual({ status: 200, body: JSON.stringify({ written: '009.txt' }) });
    expect(await fs.readFile(file, 'utf8')).toMatch(/^---\nmarked: true\n---\n/);
    // The version is the file's: the same change again is refused, the file having changed.
    expect((await post({ origin, 'x-review-secret': state.secret })).status).toBe(409);
  }, 30_000);
});
