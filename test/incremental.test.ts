// Incremental builds: a rebuild does only what its changes require, and never shows stale
// content: after each change the output equals a clean build of the same inputs, byte for byte.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build/build.js';
import { BUILD_ID_FILE } from '../src/build/incremental/manifest.js';
import { defaultBuildOptions, type BuildOptions } from '../src/config.js';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { archiveDir, replaceInFile, tempDir } from './helpers/fixtures.js';

let work: string;
let cleanup: () => Promise<void>;
let options: BuildOptions;
let clean = 0;

beforeAll(async () => {
  const temp = await tempDir('kl-incremental-');
  work = temp.dir;
  cleanup = temp.cleanup;
  const input = path.join(work, 'issues');
  const templates = path.join(work, 'templates');
  const publicDir = path.join(work, 'public');
  await fs.cp(archiveDir, input, { recursive: true });
  await fs.cp(defaultBuildOptions.templates, templates, { recursive: true });
  await fs.cp(defaultBuildOptions.public, publicDir, { recursive: true });
  options = { ...defaultBuildOptions, input, templates, public: publicDir, config: path.join(templates, 'site.json'), out: path.join(work, 'site'), search: false };
  await build(options);
});
afterAll(() => cleanup?.());

/** Every file of a built site (but the build id), path → content. */
async function files(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name === BUILD_ID_FILE) continue;
    const full = path.join(entry.parentPath, entry.name);
    result.set(path.relative(dir, full), await fs.readFile(full, 'utf8'));
  }
  return result;
}

/** Rebuilds incrementally and checks the output against a clean build of the same inputs. */
async function rebuildAndCompare() {
  const report = await build(options);
  const fresh = { ...options, out: path.join(work, `clean-${clean++}`) };
  await build(fresh);
  expect(await files(options.out)).toEqual(await files(fresh.out));
  return report;
}

const mtime = async (file: string) => (await fs.stat(path.join(options.out, file))).mtimeMs;

describe('a rebuild', () => {
  it('does nothing when nothing changed', async () => {
    const before = await mtime('issues/56/index.html');
    const report = await build(options);
    expect(report.unchanged).toBe(true);
    expect(await mtime('issues/56/index.html')).toBe(before);
  });

  it('after one issue changed, rewrites that page and the pages derived from it, and keeps the others', async () => {
    const untouched = await mtime('issues/22/index.html');
    const file = path.join(options.input, '056.txt');
    await replaceInFile(file, 'Laut Heise will Merz', 'Laut Heise will Kanzler Merz');
    const report = await rebuildAndCompare();
    expect(report.written).toBeGreaterThanOrEqual(1);
    expect(report.kept).toBeGreaterThan(0);
    expect(await mtime('issues/22/index.html')).toBe(untouched);
    expect(await fs.readFile(path.join(options.out, 'issues/56/index.html'), 'utf8')).toContain('Laut Heise will Kanzler Merz');
  });

  it('after a source was renamed in one issue, moves its page and updates the source index', async () => {
    const file = path.join(options.input, '056.txt');
    await replaceInFile(file, 'M. Gessen analysiert in der New York Times', 'Masha Gessen analysiert in der New York Times');
    await rebuildAndCompare();
    await expect(fs.stat(path.join(options.out, 'quellen/m-gessen/index.html'))).rejects.toThrow();
    expect(await fs.readFile(path.join(options.out, 'quellen/masha-gessen/index.html'), 'utf8')).toContain('<h1>Masha Gessen</h1>');
    // The New York Times page lists the renamed section under its new heading.
    expect(await fs.readFile(path.join(options.out, 'quellen/new-york-times/index.html'), 'utf8')).toContain('No 56 · Masha Gessen (New York Times)');
  });

  it('after a quote changed in one issue, shows it on the source’s page', async () => {
    const file = path.join(options.input, '056.txt');
    await replaceInFile(file, 'We humans are stability-seeking creatures.', 'We humans are stability-loving creatures.');
    await rebuildAndCompare();
    expect(await fs.readFile(path.join(options.out, 'quellen/masha-gessen/index.html'), 'utf8')).toContain('We humans are stability-loving creatures.');
  });

  it('after the motto of an issue changed, updates its neighbours and the index too', async () => {
    const file = path.join(options.input, '022.txt');
    await replaceInFile(file, 'wir projizieren das Ende des Westens', 'wir projizieren das Ende des Ostens');
    await rebuildAndCompare();
    expect(await fs.readFile(path.join(options.out, 'issues/23/index.html'), 'utf8')).toContain('das Ende des Ostens');
    expect(await fs.readFile(path.join(options.out, 'index.html'), 'utf8')).toContain('das Ende des Ostens');
  });

  it('after a template changed, renders every page with it', async () => {
    const template = path.join(options.templates, 'issue.liquid');
    await replaceInFile(template, '<summary>In dieser Ausgabe', '<summary>Inhalt');
    await rebuildAndCompare();
    expect(await fs.readFile(path.join(options.out, 'issues/21/index.html'), 'utf8')).toContain('<summary>Inhalt');
  });

  it('after a config value changed, uses it everywhere', async () => {
    await fs.writeFile(options.config, JSON.stringify({ title: 'Krasse Links Archiv', baseUrl: 'https://example.org/' }));
    await rebuildAndCompare();
    expect(await fs.readFile(path.join(options.out, 'issues/21/index.html'), 'utf8')).toContain('<link rel="canonical" href="https://example.org/issues/21/">');
  });

  it('after an issue was added, updates the related sections of the others, and only the pages that show them', async () => {
    const no23 = path.join(options.out, 'issues/23/index.html');
    expect(await fs.readFile(no23, 'utf8')).not.toContain('No 99');
    const untouched = await mtime('issues/21/index.html');
    // A new issue on the subject of one of No 23's sections (Lea Ypi on freedom); No 23 is no
    // neighbour of it, so only its related sections change.
    const ypi = (await fs.readFile(path.join(options.input, '023.txt'), 'utf8'))
      .split('\n')
      .filter((line) => /Ypi|Albanien|Unfreiheit/.test(line))
      .join('\n\n');
    await fs.writeFile(path.join(options.input, '099.txt'), `Willkommen bei Krasse Links No 99. Hallo, heute noch einmal Lea Ypi.\n\n${ypi}\n`);
    await rebuildAndCompare();
    expect(await fs.readFile(no23, 'utf8')).toMatch(/<div class="related"[\s\S]*?<a href="\/issues\/99\/#[^"]+"><span class="related-no">No 99<\/span>/);
    expect(await mtime('issues/21/index.html')).toBe(untouched);
  });

  it('after an issue was deleted, removes its page and every link to it', async () => {
    await fs.rm(path.join(options.input, '023.txt'));
    await rebuildAndCompare();
    await expect(fs.access(path.join(options.out, 'issues/23/index.html'))).rejects.toThrow();
    expect(await fs.readFile(path.join(options.out, 'issues/22/index.html'), 'utf8')).toMatch(/rel="next" href="\/issues\/56\/"/);
  });

  it('after a static file changed, copies it', async () => {
    await fs.appendFile(path.join(options.public, 'style.css'), '\n/* changed */\n');
    await rebuildAndCompare();
    expect(await fs.readFile(path.join(options.out, 'style.css'), 'utf8')).toContain('/* changed */');
  });
});

describe('the first rebuild after a build from nothing', () => {
  it('gives what a clean build gives', async () => {
    // Note: 40 issues, more than the build cache writes at once (its models go to disk 32 at a time).
    const input = path.join(work, 'many-issues');
    await writeSyntheticArchive(input, 40, { seed: 9, archiveDir });
    const many = { ...options, input, out: path.join(work, 'many-site') };
    await build(many);
    const changed = (await fs.readdir(input)).sort()[20]!;
    await fs.appendFile(path.join(input, changed), '\nEin neuer Absatz für den ersten Umbau.\n');
    await build(many);
    const fresh = { ...many, out: path.join(work, 'many-clean') };
    await build(fresh);
    expect(await files(many.out)).toEqual(await files(fresh.out));
  }, 60_000);
});

describe('the check for changed input files', () => {
  it('reads only files whose size or times changed, and sees a change even when a tool set the modification time back', async () => {
    const file = path.join(options.input, '022.txt');
    const hourAgo = new Date(Date.now() - 3_600_000);
    // Files last changed long before a build are trusted unchanged by the next one unless their stat differs.
    await fs.appendFile(path.join(options.input, '021.txt'), '\nEin Absatz mehr.\n');
    for (const name of await fs.readdir(options.input)) await fs.utimes(path.join(options.input, name), hourAgo, hourAgo);
    await build(options); // a real change: this build records what it saw of every file
    expect((await build(options)).unchanged).toBe(true);
    // Same size, modification time restored: only the change time tells, and it is enough.
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/Tooze/, 'TOOZE'));
    await fs.utimes(file, hourAgo, hourAgo);
    expect((await fs.stat(file)).size).toBe(Buffer.byteLength(text));
    const report = await rebuildAndCompare();
    expect(report.unchanged).toBeFalsy();
    expect(await fs.readFile(path.join(options.out, 'issues/22/index.html'), 'utf8')).toContain('TOOZE');
  });
});

describe('the search index', () => {
  it('is rebuilt when the text changed and kept when nothing did', async () => {
    const withSearch = { ...options, out: path.join(work, 'site-search'), search: true };
    await build(withSearch);
    const entry = path.join(withSearch.out, 'pagefind/pagefind-entry.json');
    const first = (await fs.stat(entry)).mtimeMs;
    // A change that touches no searchable text (a template) keeps the index.
    const template = path.join(options.templates, 'index.liquid');
    await replaceInFile(template, '<h1>Alle Ausgaben</h1>', '<h1>Alle Ausgaben des Newsletters</h1>');
    await build(withSearch);
    expect((await fs.stat(entry)).mtimeMs).toBe(first);
    // New text rebuilds it.
    await fs.appendFile(path.join(options.input, '021.txt'), '\nEin ganz neuer Absatz über Quantencomputer.\n');
    const report = await build(withSearch);
    expect(report.timings.map(([name]) => name)).toContain('search');
    expect((await fs.readFile(entry, 'utf8')).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the build cache', () => {
  it('forgets outputs that no longer exist', async () => {
    const { openCache } = await import('../src/build/incremental/manifest.js');
    const gone = path.join(work, 'gone');
    await build({ ...options, out: gone });
    const goneCache = openCache(gone).dir;
    await expect(fs.access(goneCache)).resolves.toBeUndefined();
    await fs.rm(gone, { recursive: true });
    await build({ ...options, out: path.join(work, 'another') });
    await expect(fs.access(goneCache)).rejects.toThrow();
  });

  it('keeps each issue’s model as plain JSON of its own, stores only a changed issue’s anew, and drops a model once no input uses it', async () => {
    const { modelsDir, openCache } = await import('../src/build/incremental/manifest.js');
    const out = path.join(work, 'models');
    const models = async () => (await fs.readdir(modelsDir(openCache(out)))).sort();
    const { issues } = await build({ ...options, out });
    const first = await models();
    expect(first).toHaveLength(issues.length);
    const stored = JSON.parse(await fs.readFile(path.join(modelsDir(openCache(out)), first[0]!), 'utf8'));
    expect(issues.map((issue) => issue.number)).toContain(stored.number);
    await fs.appendFile(path.join(options.input, '021.txt'), '\nEin Absatz für das Modell.\n');
    await build({ ...options, out });
    const second = await models();
    expect(second).toHaveLength(issues.length); // the outdated model is gone
    expect(second.filter((model) => !first.includes(model))).toHaveLength(1);
    expect(await fs.readFile(path.join(out, 'issues/21/index.html'), 'utf8')).toContain('Ein Absatz für das Modell.');
  });

  it('parses an issue again when its stored model was lost', async () => {
    const { modelsDir, openCache } = await import('../src/build/incremental/manifest.js');
    const out = path.join(work, 'lost-model');
    await build({ ...options, out });
    for (const model of await fs.readdir(modelsDir(openCache(out)))) await fs.rm(path.join(modelsDir(openCache(out)), model));
    await fs.appendFile(path.join(options.input, '022.txt'), '\nEin Absatz nach dem Verlust.\n');
    const fresh = { ...options, out: path.join(work, `clean-${clean++}`) };
    await build({ ...options, out });
    await build(fresh);
    expect(await files(out)).toEqual(await files(fresh.out));
  });
});
