// A build stopped at each point of its work. A build run by test/helpers/paused-build.ts pauses at
// the point it is told (the build's `pause` hook, see PausePoint in src/build/output/swap.ts); the
// test then kills it with SIGKILL, which nothing can catch, and looks at what is left: the previous site, complete and
// unchanged, or (stopped between the swap's two renames) that site beside the output, which the
// next command moves back; never a mixture. Ctrl+C stops a build cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { build, type PausePoint } from '../src/build/build.js';
import { BUILD_ID_FILE } from '../src/build/incremental/manifest.js';
import { defaultBuildOptions } from '../src/config.js';
import { restoreInterruptedSwap } from '../src/build/output/swap.js';
import { archiveDir, cliCommand, root, snapshot, tempDir } from './helpers/fixtures.js';

let work: string;
let cleanup: () => Promise<void>;
let input: string;
let out: string;
/** Content hashes of the previous site, and of a clean build of the changed input. */
let previous: Record<string, string>;
let next: Record<string, string>;

const besideOutput = async (prefix: string) => (await fs.readdir(work)).filter((name) => name.startsWith(prefix));

/**
 * Runs a build that pauses at `point` (or the build command, without one); resolves when it printed
 * "paused at <point>" (then kills it), or when it exits.
 */
function buildUntil(point: PausePoint | undefined): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const [program, ...args] = point
    ? [process.execPath, '--import', 'tsx', path.join(root, 'test/helpers/paused-build.ts'), point, input, out]
    : [...cliCommand, 'build', '--input', input, '--out', out, '--no-search'];
  const child = spawn(program!, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (point && stderr.includes(`paused at ${point}`)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, stderr })));
}

beforeAll(async () => {
  const temp = await tempDir('kl-interrupted-');
  work = temp.dir;
  cleanup = temp.cleanup;
  input = path.join(work, 'issues');
  out = path.join(work, 'site');
  await fs.cp(archiveDir, input, { recursive: true });
  await build({ ...defaultBuildOptions, input, out, search: false });
  previous = await snapshot(out);
  // Change every issue, so that the next build writes a different site.
  for (const name of await fs.readdir(input)) await fs.appendFile(path.join(input, name), '\nNachtrag für den Test.\n');
  const reference = path.join(work, 'reference');
  await build({ ...defaultBuildOptions, input, out: reference, search: false });
  next = await snapshot(reference, [BUILD_ID_FILE]);
  await fs.rm(reference, { recursive: true });
}, 60_000);
afterAll(() => cleanup?.());

describe('a build killed with SIGKILL', () => {
  it.each<PausePoint>(['staging', 'writing', 'before-swap'])(
    'at "%s" leaves the previous site complete and unchanged',
    async (point) => {
      const result = await buildUntil(point);
      expect(result.signal, result.stderr).toBe('SIGKILL');
      expect(await snapshot(out)).toEqual(previous);
    },
    30_000,
  );

  it('between the two renames of the swap leaves the previous site beside the output, and the next command moves it back', async () => {
    const result = await buildUntil('between-renames');
    expect(result.signal, result.stderr).toBe('SIGKILL');
    await expect(fs.access(out)).rejects.toThrow();
    const [aside, ...more] = await besideOutput('site.old-');
    expect(more).toEqual([]);
    expect(await snapshot(path.join(work, aside!))).toEqual(previous);
    await restoreInterruptedSwap(out); // what build, dev and serve do first
    expect(await snapshot(out)).toEqual(previous);
    expect(await besideOutput('site.old-')).toEqual([]);
  }, 30_000);

  it('right after the swap leaves the new site complete, and the previous one is cleared away by the next command', async () => {
    const result = await buildUntil('after-swap');
    expect(result.signal, result.stderr).toBe('SIGKILL');
    expect(await snapshot(out, [BUILD_ID_FILE])).toEqual(next);
    await restoreInterruptedSwap(out);
    expect(await besideOutput('site.old-')).toEqual([]);
    expect(await snapshot(out, [BUILD_ID_FILE])).toEqual(next);
  }, 30_000);

  it('is followed by a build that completes and leaves nothing of the stopped ones behind', async () => {
    await fs.rm(out, { recursive: true });
    await fs.cp(path.join(root, 'public'), out, { recursive: true }); // any previous site
    const result = await buildUntil(undefined);
    expect(result.code, result.stderr).toBe(0);
    expect(await snapshot(out, [BUILD_ID_FILE])).toEqual(next);
    await expect.poll(async () => [...(await besideOutput('.site-')), ...(await besideOutput('site.old-'))], { timeout: 5000 }).toEqual([]);
  }, 30_000);
});

describe('a build stopped with Ctrl+C', () => {
  it('removes its staging folder, exits with 130 and leaves the previous site unchanged', async () => {
    const big = path.join(work, 'big');
    await writeSyntheticArchive(big, 100, { seed: 3, archiveDir });
    input = big;
    const before = await snapshot(out);
    const child = spawn(cliCommand[0]!, [...cliCommand.slice(1), 'build', '--input', big, '--out', out, '--no-search'], { cwd: root, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await expect.poll(() => besideOutput('.site-build-'), { timeout: 20_000, interval: 10 }).not.toEqual([]);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(await besideOutput('.site-build-')).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  }, 60_000);
});

describe('a build stopped while Pagefind indexes', () => {
  // A stand-in for Pagefind's program (the build takes another one from PAGEFIND_BINARY_PATH) that
  // says its process id and waits until it is killed: the stop is sent while the indexer surely
  // runs, however fast or slow the build before it was on a busy machine.
  it('exits with 143 on SIGTERM, and takes Pagefind with it', async () => {
    const started = path.join(work, 'indexer.pid');
    const indexer = path.join(work, 'pagefind-stand-in');
    await fs.writeFile(indexer, `#!/bin/sh\necho $$ > '${started}.partial'\nmv '${started}.partial' '${started}'\nexec sleep 120\n`, { mode: 0o755 });
    const child = spawn(cliCommand[0]!, [...cliCommand.slice(1), 'build', '--input', archiveDir, '--out', path.join(work, 'site-search')], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, PAGEFIND_BINARY_PATH: indexer },
    });
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The indexer's process id once it runs; a build that ends before fails the test at once, with what it said.
    const pid = await new Promise<string>((resolve, reject) => {
      const look = setInterval(() => {
        fs.readFile(started, 'utf8').then(
          (text) => {
            clearInterval(look);
            resolve(text.trim());
          },
          () => {},
        );
      }, 20);
      void exited.then((code) => {
        clearInterval(look);
        reject(new Error(`the build exited with ${code} before the indexer started: ${said}`));
      });
    });
    child.kill('SIGTERM');
    expect(await exited, said).toBe(143);
    const running = () => !/^\s*$|Z/.test(spawnSync('ps', ['-o', 'stat=', '-p', pid], { encoding: 'utf8' }).stdout);
    await expect.poll(running, { timeout: 5_000, interval: 20 }).toBe(false);
    expect(await besideOutput('.site-search-build-')).toEqual([]);
  }, 90_000);
});
