// The build as a command: one summary line on success; one line naming the file and a non-zero
// exit on failure, with the previous output left untouched.
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveDir, cli, folderWith, tempDir } from './helpers/fixtures.js';

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.map((c) => c()));
  cleanups = [];
});

describe('npm run build', () => {
  it('prints one summary line with issues, pages and seconds per stage', async () => {
    const temp = await tempDir();
    cleanups.push(temp.cleanup);
    const result = await cli('build', '--input', archiveDir, '--out', path.join(temp.dir, 'site'), '--no-search');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout.trim()).toMatch(
      /^Built 4 issues, \d+ pages into .+ in \d+\.\d\d s \(check \d+\.\d\d s, start \d+\.\d\d s, load \d+\.\d\d s, parse \d+\.\d\d s, plan \d+\.\d\d s, render \d+\.\d\d s, finish \d+\.\d\d s\)$/,
    );
    // The index, four issues, the source index, search, 404, sitemap and robots.txt, and a page per
    // source (no feed: no issue in issues/ has a date).
    const sourcePages = (await fs.readdir(path.join(temp.dir, 'site', 'quellen'), { withFileTypes: true })).filter((e) => e.isDirectory()).length;
    expect(sourcePages).toBeGreaterThan(30);
    expect(result.stdout).toContain(`Built 4 issues, ${10 + sourcePages} pages`);
  }, 30_000);

  it('says so in one line when nothing changed since the last build', async () => {
    const temp = await tempDir();
    cleanups.push(temp.cleanup);
    const out = path.join(temp.dir, 'site');
    await cli('build', '--input', archiveDir, '--out', out, '--no-search');
    const again = await cli('build', '--input', archiveDir, '--out', out, '--no-search');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toMatch(/^Nothing changed since the last build of .+ \(checked in \d+\.\d\d s\)$/);
  }, 30_000);

  it('fails with one line naming the file, and leaves the previous site untouched', async () => {
    const temp = await tempDir();
    cleanups.push(temp.cleanup);
    const out = path.join(temp.dir, 'site');
    await fs.mkdir(out);
    await fs.writeFile(path.join(out, 'index.html'), 'previous site');
    const input = await folderWith({ '030.txt': '---\nnumber: [30\n---\nWillkommen bei Krasse Links No 30. Hallo, heute X.\n' });
    cleanups.push(input.cleanup);

    const result = await cli('build', '--input', input.dir, '--out', out, '--no-search');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: 030\.txt:\d+: front matter cannot be read/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).toBe('previous site');
    expect((await fs.readdir(temp.dir)).sort()).toEqual(['site']); // no staging folder left behind
  }, 30_000);

  it('shows the stack with --verbose', async () => {
    const input = await folderWith({ 'notiz.txt': 'Ein Text ohne Nummer.\n' });
    cleanups.push(input.cleanup);
    const result = await cli('build', '--input', input.dir, '--out', path.join(input.dir, 'out'), '--no-search', '--verbose');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: notiz\.txt:1: has no issue number/);
    expect(result.stderr).toMatch(/\n\s+at /);
  }, 30_000);
});

describe('npm run check', () => {
  it('shows for every corpus file how each paragraph is read, and lists the doubtful ones', async () => {
    const result = await cli('check', 'test/fixtures/exports');
    expect(result.code).toBe(0);
    for (const n of [56, 21, 23, 22]) expect(result.stdout).toContain(`· Krasse Links No ${n} ·`);
    expect(result.stdout).toMatch(/^\s+6 {2}quote en +§2 +1\.00 {2}The United Arab Emirates is spending/m);
    expect(result.stdout).toMatch(/↳ section "M\. Gessen \(New York Times\) über [^"]+" · source: M\. Gessen, New York Times · #m-gessen-new-york-times/);
    expect(result.stdout).toMatch(/Doubtful( \(\d+\))?:/);
  }, 30_000);
});

describe('npm run serve', () => {
  it('on a port another server uses, fails with one line saying so', async () => {
    const site = await folderWith({ 'index.html': '<!doctype html><title>Krasse Links</title>' });
    cleanups.push(site.cleanup);
    const other = http.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      const result = await cli('serve', '--dir', site.dir, '--port', String(port));
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: port ${port} is in use: stop the server that uses it, or choose another port with --port N\n`);
    } finally {
      other.close();
    }
  }, 30_000);

  it('before a build (a folder without a site), fails with one line saying to build first, and serves nothing', async () => {
    const empty = await tempDir();
    cleanups.push(empty.cleanup);
    for (const dir of [path.join(empty.dir, 'dist'), empty.dir, archiveDir]) {
      const result = await cli('serve', '--dir', dir, '--port', '0');
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: ${dir} holds no built site (no index.html): run npm run build first, or name the site's folder with --dir DIR\n`);
      expect(result.stdout).toBe('');
    }
  }, 30_000);
});
