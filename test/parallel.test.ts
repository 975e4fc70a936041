// Parsing and rendering on two threads (src/build/threads/) are only
// faster: a large archive built by the command with worker threads and with one thread gives
// byte-identical sites.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { archiveDir, bundledCli, replaceInFile, snapshot, tempDir } from './helpers/fixtures.js';

/** Enough issues for the build to start a parsing and a rendering thread (PARALLEL_FROM is 48 in both). */
const ISSUES = 60;

let temp: { dir: string; cleanup: () => Promise<void> };
let input: string;
beforeAll(async () => {
  temp = await tempDir();
  input = path.join(temp.dir, 'issues');
  await writeSyntheticArchive(input, ISSUES, { seed: 7, archiveDir });
});
afterAll(() => temp.cleanup());

const build = (out: string, threads: 'one' | 'two') =>
  bundledCli({}, 'build', '--input', input, '--out', path.join(temp.dir, out), '--no-search', '--stats', ...(threads === 'one' ? ['--threads', '1'] : []));

describe('parsing and rendering on two threads', () => {
  it('builds the same site as one thread', async () => {
    const [one, two] = [await build('one', 'one'), await build('two', 'two')];
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    const stats = (run: { stdout: string }) => JSON.parse(run.stdout.split('\n').find((line) => line.startsWith('{"stats"'))!).stats;
    expect([stats(one).threads, stats(one).renderThreads]).toEqual([1, 1]);
    expect([stats(two).threads, stats(two).renderThreads]).toEqual([2, 2]);
    const [a, b] = [await snapshot(path.join(temp.dir, 'one')), await snapshot(path.join(temp.dir, 'two'))];
    expect(Object.keys(b)).toHaveLength(Object.keys(a).length);
    expect(Object.keys(a).length).toBeGreaterThan(ISSUES);
    for (const [file, content] of Object.entries(a)) expect(b[file], file).toBe(content);
  }, 120_000);

  it('rebuilds from the models the parsing threads stored: after one issue changed, the same site as one thread from nothing', async () => {
    const edited = path.join(temp.dir, 'edited');
    await fs.cp(input, edited, { recursive: true });
    const run = (out: string, ...flags: string[]) => bundledCli({}, 'build', '--input', edited, '--out', path.join(temp.dir, out), '--no-search', '--stats', ...flags);
    const first = await run('rebuilt');
    expect(first.code, first.stderr).toBe(0);
    const file = path.join(edited, (await fs.readdir(edited)).sort()[20]!);
    await fs.appendFile(file, '\nEin neuer letzter Absatz, den nur die zweite Fassung hat.\n');
    const [rebuilt, fresh] = [await run('rebuilt'), await run('fresh', '--threads', '1')];
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(fresh.code, fresh.stderr).toBe(0);
    // Two threads parsed all the issues first; the rebuild parsed the changed one alone (on one thread) and read the others' models.
    const threads = (run: { stdout: string }) => (JSON.parse(run.stdout.split('\n').find((line) => line.startsWith('{"stats"'))!) as { stats: { threads: number } }).stats.threads;
    expect([threads(first), threads(rebuilt)]).toEqual([2, 1]);
    const [a, b] = [await snapshot(path.join(temp.dir, 'fresh')), await snapshot(path.join(temp.dir, 'rebuilt'))];
    expect(Object.keys(b)).toHaveLength(Object.keys(a).length);
    for (const [name, content] of Object.entries(a)) expect(b[name], name).toBe(content);
  }, 180_000);

  it('fails with the first faulty issue in input order, as one thread does, wherever the faults are parsed', async () => {
    // Two issues whose front matter names a section they do not have: the parser refuses both.
    const faulty = path.join(temp.dir, 'faulty');
    await fs.cp(input, faulty, { recursive: true });
    const files = (await fs.readdir(faulty)).sort();
    for (const name of [files[30]!, files[50]!]) await replaceInFile(path.join(faulty, name), '---\n', '---\nsources:\n  999: Heise\n');
    const run = (threads: string[]) => bundledCli({}, 'build', '--input', faulty, '--out', path.join(temp.dir, 'faulty-out'), '--no-search', ...threads);
    const [one, two] = [await run(['--threads', '1']), await run([])];
    expect(two.code).toBe(one.code);
    expect(one.code).not.toBe(0);
    expect(two.stderr.trim()).toBe(one.stderr.trim());
    expect(one.stderr).toContain(`${files[30]}:1: front matter "sources" names section 999`);
  }, 120_000);
});
