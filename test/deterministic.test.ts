// Deterministic output beyond one machine's settings: two clean builds of the same input, run in
// different time zones and locales, from files written in a different order and at different
// times, give byte-identical files, every one of them: search index and build id included (a deploy
// of an unchanged site uploads nothing). The two builds are made once and checked by every test.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_ID_FILE } from '../src/build/incremental/manifest.js';
import { archiveDir, cliCommand, root, snapshot, tempDir } from './helpers/fixtures.js';

const run = promisify(execFile);
let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir('kl-deterministic-');
});
afterAll(() => work?.cleanup());

/** Copies the archive and a hostile input case into `dir`, writing the files in the given order and with the given modification time. */
async function writeInput(dir: string, order: 'forward' | 'backward', mtime: Date): Promise<void> {
  await fs.mkdir(dir);
  const sources = [
    ...(await fs.readdir(archiveDir)).map((name) => path.join(archiveDir, name)),
    path.join(root, 'test/fixtures/input/hostile-html-in-text/issues/037.txt'),
    path.join(root, 'test/fixtures/input/encoding-nbsp-and-zero-width/issues/012.txt'),
  ];
  for (const source of order === 'forward' ? sources : sources.reverse()) {
    const target = path.join(dir, path.basename(source));
    await fs.copyFile(source, target);
    await fs.utimes(target, mtime, mtime);
  }
}

function buildIn(input: string, out: string, env: Record<string, string>) {
  return run(cliCommand[0]!, [...cliCommand.slice(1), 'build', '--input', input, '--out', out], { cwd: root, env: { ...process.env, ...env } });
}

/** The two builds, each file's content hash by path: made once, for every test below. */
let first: Record<string, string>;
let second: Record<string, string>;
beforeAll(async () => {
  const [a, b] = [path.join(work.dir, 'a'), path.join(work.dir, 'b')];
  await writeInput(path.join(work.dir, 'in-a'), 'forward', new Date('2001-01-01T00:00:00Z'));
  await writeInput(path.join(work.dir, 'in-b'), 'backward', new Date());
  await Promise.all([
    buildIn(path.join(work.dir, 'in-a'), a, { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' }),
    buildIn(path.join(work.dir, 'in-b'), b, { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }),
  ]);
  [first, second] = [await snapshot(a), await snapshot(b)];
}, 60_000);

describe('two clean builds of the same input', () => {
  it('are byte-identical, every file, across time zones, locales, file order and modification times', () => {
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['index.html', 'issues/56/index.html', 'issues/37/index.html', 'pagefind/pagefind-entry.json', BUILD_ID_FILE]));
    expect(second).toEqual(first);
  });

  it('give byte-identical pages, sitemap, search index and build id', () => {
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['index.html', 'sitemap.xml', 'issues/56/index.html', 'pagefind/pagefind-entry.json', BUILD_ID_FILE]));
    expect(second).toEqual(first);
  });
});
