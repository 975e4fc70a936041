// Build integrity: a build killed at any moment leaves the previous site complete and unchanged.
// (That clean builds are byte-identical is in deterministic.test.ts.)
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticArchive } from '../scripts/synthetic.js';
import { build } from '../src/build/build.js';
import { defaultBuildOptions } from '../src/config.js';
import { archiveDir, root, snapshot, tempDir } from './helpers/fixtures.js';

let work: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir('kl-integrity-');
  work = temp.dir;
  cleanup = temp.cleanup;
});
afterAll(() => cleanup?.());

describe('a build killed at any moment', () => {
  it('leaves the previous site complete and unchanged', async () => {
    const input = path.join(work, 'issues');
    const out = path.join(work, 'site');
    // Note: 200 issues, so that a build of them all outlasts the longest wait below (700 ms) with room to spare.
    const files = await writeSyntheticArchive(input, 200, { seed: 7, archiveDir });
    await build({ ...defaultBuildOptions, input, out, search: false });
    const before = await snapshot(out);
    // Change every issue, so that the next build has real work to do.
    for (const file of files) await fs.appendFile(file, '\nNachtrag für den Test.\n');

    for (const delay of [30, 100, 200, 350, 500, 700]) {
      const child = spawn(process.execPath, [path.join(root, 'scripts/run.mjs'), 'build', '--input', input, '--out', out, '--no-search'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const code = await exited;
      expect(code, `the build finished before it was killed after ${delay} ms; the test needs a longer build`).toBeNull();
      expect(await snapshot(out), `killed after ${delay} ms`).toEqual(before);
    }
    // The next build completes and cleans up after the killed ones.
    const report = await build({ ...defaultBuildOptions, input, out, search: false });
    expect(report.issues).toHaveLength(200);
    const leftovers = (await fs.readdir(work)).filter((name) => name.startsWith('.site-build-'));
    expect(leftovers).toEqual([]);
  }, 120_000);
});
