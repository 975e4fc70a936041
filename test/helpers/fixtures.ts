// Paths to the fixtures (copies of the real corpus exports) and small helpers for temp folders.

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export const root = path.resolve(import.meta.dirname, '../..');
export const exportsDir = path.join(root, 'test/fixtures/exports');
export const labelsDir = path.join(root, 'test/fixtures/labels');
// Note: a copy of the corpus issues, not issues/: the author's archive grows, and the tests must
// not fail when he adds or marks an issue there.
export const archiveDir = path.join(root, 'test/fixtures/archive');
export const templatesDir = path.join(root, 'templates');
export const publicDir = path.join(root, 'public');

/** The corpus exports: No 56 (flat), No 21 (flat), and No 23, 22, 21 in one blank-line export. */
export const exportFiles = {
  no56: path.join(exportsDir, '000_e5cd75bd704be07b.txt'),
  no21Flat: path.join(exportsDir, '001_7a65e94cd2641eb1.txt'),
  threeIssues: path.join(exportsDir, '003_d2627eff2b33e6b0.txt'),
};

/** A fresh temporary folder, removed by the returned cleanup function. */
export async function tempDir(prefix = 'kl-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  // Retries: a previous output being removed in the background (src/build/output/swap.ts) may still be there for a moment.
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true, maxRetries: 5 }) };
}

/** Edits a text file in place: the first occurrence of `from` becomes `to`. */
export async function replaceInFile(file: string, from: string, to: string): Promise<void> {
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(from, to));
}

/** Writes files (name → text) into a new temporary folder. */
export async function folderWith(files: Record<string, string | Uint8Array>): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await tempDir();
  for (const [name, content] of Object.entries(files)) await fs.writeFile(path.join(temp.dir, name), content);
  return temp;
}

const run = promisify(execFile);

/**
 * Gives the project in `dir` a node_modules of its own holding this checkout's installed packages,
 * linked one by one, and no cache: its command bundle and build cache never touch this checkout's
 * (which other test files are running from).
 */
export async function linkPackages(dir: string): Promise<void> {
  await fs.mkdir(path.join(dir, 'node_modules'));
  for (const name of await fs.readdir(path.join(root, 'node_modules'))) {
    if (name !== '.cache') await fs.symlink(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
}

/** Runs the command line (`build`, `check`, …) as `npm run …` does, from the command bundle; never throws. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return bundledCli({}, ...args);
}

/** The command that starts the command line as `npm run …` does: node and scripts/run.mjs, which runs the bundle (with the worker threads). */
export const cliCommand = [process.execPath, path.join(root, 'scripts/run.mjs')];

/** Runs the command line as `npm run …` does, from the bundle scripts/run.mjs makes (with the worker threads), with more environment variables. */
export async function bundledCli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts/run.mjs'), ...args], { cwd: root, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Path → content hash of every file below a folder, leaving out the paths in `skip`. */
export async function snapshot(dir: string, skip: string[] = []): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (!skip.includes(relative))
      result[relative] = createHash('sha256')
        .update(await fs.readFile(path.join(dir, relative)))
        .digest('hex');
  }
  return result;
}
