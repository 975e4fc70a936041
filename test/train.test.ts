// `npm run train` on a fresh clone whose archive holds reviewed issues: it learns from them and
// the shipped labels, writes the weights the build uses, and prints every held-out issue's
// cross-validated figures before and after.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPackages, root, tempDir } from './helpers/fixtures.js';

const run = promisify(execFile);
let clone: Awaited<ReturnType<typeof tempDir>>;

/** A copy of the files git hands out (no build output, no caches), its packages linked in. */
async function freshClone(): Promise<string> {
  clone = await tempDir('kl-clone-');
  const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
  for (const file of stdout.split('\n').filter(Boolean)) {
    const from = path.join(root, file);
    if (!(await fs.stat(from).catch(() => undefined))?.isFile()) continue; // deleted in the worktree
    await fs.mkdir(path.dirname(path.join(clone.dir, file)), { recursive: true });
    await fs.copyFile(from, path.join(clone.dir, file));
  }
  await linkPackages(clone.dir);
  return clone.dir;
}

describe('npm run train on a fresh clone with reviewed issues', () => {
  let dir: string;
  let output: { stdout: string; stderr: string };
  beforeAll(async () => {
    dir = await freshClone();
    for (const name of await fs.readdir(path.join(root, 'test/fixtures/reviewed'))) {
      await fs.copyFile(path.join(root, 'test/fixtures/reviewed', name), path.join(dir, 'issues', name));
    }
    output = await run('npm', ['run', 'train'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  }, 300_000);
  afterAll(async () => {
    await clone?.cleanup();
  });

  it('prints each held-out issue’s cross-validated figures before and after learning from the reviewed ones', () => {
    expect(output.stdout).toContain('before → after learning from 3 reviewed issues in issues');
    for (const issue of ['021.txt', '022.txt', '023.txt', '056.txt', '801.txt (No 801, reviewed)', '802.txt (No 802, reviewed)', '803.txt (No 803, reviewed)']) {
      expect(output.stdout).toMatch(new RegExp(`\\n  ${issue.replace(/[().]/g, '\\$&')} +quotes F1 \\d\\.\\d{3} → \\d\\.\\d{3} · section starts F1 \\d\\.\\d{3} → \\d\\.\\d{3}\\n`));
    }
    expect(output.stdout).toMatch(/all, before +quotes P [\d.]+ % R [\d.]+ % F1 \d\.\d{3} · section starts P/);
    expect(output.stdout).toMatch(/all, after +quotes P [\d.]+ % R [\d.]+ % F1 \d\.\d{3} · section starts P/);
  });

  it('writes the weights the build uses, trained on the reviewed issues too', async () => {
    const weights = JSON.parse(await fs.readFile(path.join(dir, 'src/reader/parse/weights.json'), 'utf8'));
    expect(weights.trainedOn).toEqual(['No 21', 'No 22', 'No 23', 'No 56', 'No 801 (reviewed)', 'No 802 (reviewed)', 'No 803 (reviewed)']);
    expect(await fs.readFile(path.join(dir, 'src/reader/parse/weights.json'), 'utf8')).not.toBe(await fs.readFile(path.join(root, 'src/reader/parse/weights.json'), 'utf8'));
    expect(output.stdout).toMatch(/wrote src\/reader\/parse\/weights\.json; doubtful list: .*; wrote src\/reader\/parse\/doubt-weights\.json\n$/);
    // The doubt model learned from the reviewed issues' readings too, and its list was measured by nested cross-validation.
    expect(JSON.parse(await fs.readFile(path.join(dir, 'src/reader/parse/doubt-weights.json'), 'utf8')).trainedOn).toEqual(weights.trainedOn);
    expect(output.stdout).toMatch(/doubtful list, nested cross-validation .*: \d+ of \d+ readings flagged \([\d.]+ %\), holding \d+ of \d+ errors\n/);
    // The build reads them: the reviewed issues build exactly as marked, the others with the new weights.
    const check = await run('npm', ['run', '--silent', 'check', '--', 'issues/801.txt'], { cwd: dir });
    expect(check.stdout).toMatch(/801\.txt:\d+ · Krasse Links No 801/);
    expect(check.stdout).toContain('Doubtful: none.');
  }, 60_000);
});
