// Safe to move: a project copied (`cp -a`, its node_modules and their cache included) or moved
// to another folder builds its own issues, templates and output in its new place, as `npm run
// build` runs it (from the command bundle kept in node_modules/.cache), and never touches the
// folder it came from. The bundle itself is made whole even when commands start together.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveDir, linkPackages, root, snapshot, tempDir } from './helpers/fixtures.js';

const run = promisify(execFile);
let work: Awaited<ReturnType<typeof tempDir>>;
let original: string;
let originalSite: Record<string, string>;

/** The inode of every file below a folder: files shared by hard links have the same one. */
async function inodes(dir: string): Promise<Set<number>> {
  const found = new Set<number>();
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.add((await fs.stat(path.join(entry.parentPath, entry.name))).ino);
  }
  return found;
}

/** Runs `npm run build` (scripts/run.mjs) in a project folder; throws with its output when it fails. */
async function npmRunBuild(project: string): Promise<string> {
  const { stdout, stderr } = await run(process.execPath, [path.join(project, 'scripts/run.mjs'), 'build', '--no-search'], { cwd: project });
  return stdout + stderr;
}

/**
 * A project as a user has it: the generator's sources and scripts, issues, templates, static
 * files, and node_modules with the packages (linked from this checkout: the same installed
 * packages) and a cache folder of its own.
 */
async function makeProject(dir: string): Promise<void> {
  await fs.mkdir(dir);
  for (const name of ['src', 'scripts', 'templates', 'public', 'package.json', 'package-lock.json']) await fs.cp(path.join(root, name), path.join(dir, name), { recursive: true });
  await fs.mkdir(path.join(dir, 'issues'));
  for (const name of ['021.txt', '022.txt']) await fs.copyFile(path.join(archiveDir, name), path.join(dir, 'issues', name));
  await linkPackages(dir);
}

beforeAll(async () => {
  work = await tempDir('kl-portable-');
  original = path.join(work.dir, 'project');
  await makeProject(original);
  await npmRunBuild(original);
  // A rebuild, so that the copy's cache describes an output that replaced another.
  await fs.appendFile(path.join(original, 'issues', '021.txt'), '\nEin Nachtrag im Original.\n');
  await npmRunBuild(original);
  // The output it replaced is removed in the background (`.dist-trash-…`): copied meanwhile, its
  // files would vanish under `cp`.
  const trash = async () => (await fs.readdir(original)).some((name) => name.startsWith('.dist-trash-'));
  for (const started = Date.now(); (await trash()) && Date.now() - started < 10_000;) await new Promise((resolve) => setTimeout(resolve, 50));
  originalSite = await snapshot(path.join(original, 'dist'));
}, 120_000);
afterAll(() => work?.cleanup());

describe('a copied project', () => {
  it('builds its own new issue and changed template into its own output, and leaves the original as it was', async () => {
    const copy = path.join(work.dir, 'project-test');
    await run('cp', ['-a', original, copy]);
    await fs.writeFile(path.join(copy, 'issues', '077.txt'), 'Willkommen bei Krasse Links No 77. Hallo, heute nur in der Kopie.\nLaut Heise gibt es diese Ausgabe nur in der Kopie.\n');
    const template = path.join(copy, 'templates', 'issue.liquid');
    await fs.writeFile(template, (await fs.readFile(template, 'utf8')).replace('<summary>In dieser Ausgabe ', '<summary>Inhalt der Kopie '));

    const said = await npmRunBuild(copy);
    // Its cache came along: only what changed is built, from its own previous output.
    expect(said).toMatch(/^Built 3 issues, \d+ pages into dist .*; \d+ files written, \d+ unchanged$/m);
    expect(await fs.readFile(path.join(copy, 'dist/issues/77/index.html'), 'utf8')).toContain('Laut Heise gibt es diese Ausgabe nur in der Kopie.');
    expect(await fs.readFile(path.join(copy, 'dist/issues/22/index.html'), 'utf8')).toContain('<summary>Inhalt der Kopie ');
    expect(await fs.readFile(path.join(copy, 'dist/issues/21/index.html'), 'utf8')).toContain('Ein Nachtrag im Original.');
    expect(await snapshot(path.join(original, 'dist'))).toEqual(originalSite);

    // Its next build changes its own output again, and only that.
    await fs.appendFile(path.join(copy, 'issues', '022.txt'), '\nEin Nachtrag in der Kopie.\n');
    expect(await npmRunBuild(copy)).toMatch(/^Built 3 issues/m);
    expect(await fs.readFile(path.join(copy, 'dist/issues/22/index.html'), 'utf8')).toContain('Ein Nachtrag in der Kopie.');
    expect(await npmRunBuild(copy)).toMatch(/^Nothing changed since the last build of dist /m);
    expect(await snapshot(path.join(original, 'dist'))).toEqual(originalSite);
    // No file of the copy's output is a hard link into the original's.
    const theOriginals = await inodes(path.join(original, 'dist'));
    expect([...(await inodes(path.join(copy, 'dist')))].filter((ino) => theOriginals.has(ino))).toEqual([]);
  }, 120_000);

  it('without its build cache (node_modules installed anew) builds from nothing, and drops the tree it brought along beside the output', async () => {
    const copy = path.join(work.dir, 'project-fresh');
    await run('cp', ['-a', original, copy]);
    await fs.rm(path.join(copy, 'node_modules/.cache'), { recursive: true });
    // Earlier versions kept the output before the last one beside it, as the next rebuild's starting point.
    await fs.cp(path.join(copy, 'dist'), path.join(copy, '.dist-spare'), { recursive: true });
    await fs.appendFile(path.join(copy, 'issues', '022.txt'), '\nEin Nachtrag in der frischen Kopie.\n');
    expect(await npmRunBuild(copy)).toMatch(/^Built 2 issues, \d+ pages into dist /m);
    expect(await fs.readFile(path.join(copy, 'dist/issues/22/index.html'), 'utf8')).toContain('Ein Nachtrag in der frischen Kopie.');
    await expect
      .poll(
        () =>
          fs.access(path.join(copy, '.dist-spare')).then(
            () => 'there',
            () => 'gone',
          ),
        { timeout: 5000 },
      )
      .toBe('gone');
    await fs.appendFile(path.join(copy, 'issues', '022.txt'), '\nNoch ein Nachtrag.\n');
    expect(await npmRunBuild(copy)).toMatch(/^Built 2 issues/m);
    expect(await fs.readFile(path.join(copy, 'dist/issues/22/index.html'), 'utf8')).toContain('Noch ein Nachtrag.');
    expect(await snapshot(path.join(original, 'dist'))).toEqual(originalSite);
  }, 120_000);
});

describe('a moved project', () => {
  it('builds in its new place', async () => {
    const before = path.join(work.dir, 'archive');
    const moved = path.join(work.dir, 'elsewhere', 'archive');
    // A copy of the project built above, its output, cache and command bundle included.
    await run('cp', ['-a', original, before]);
    await npmRunBuild(before);
    await fs.mkdir(path.dirname(moved));
    await run('mv', [before, moved]);
    await fs.appendFile(path.join(moved, 'issues', '022.txt'), '\nEin Nachtrag nach dem Umzug.\n');
    expect(await npmRunBuild(moved)).toMatch(/^Built 2 issues, \d+ pages into dist .*; \d+ files written, \d+ unchanged$/m);
    expect(await fs.readFile(path.join(moved, 'dist/issues/22/index.html'), 'utf8')).toContain('Ein Nachtrag nach dem Umzug.');
    await expect(fs.access(before)).rejects.toThrow();
  }, 120_000);
});

describe('the command bundle', () => {
  it('is whole for commands that start together, and after one that was stopped while making it', async () => {
    const project = path.join(work.dir, 'bundling');
    await makeProject(project);
    for (const delay of [100, 250, 400]) {
      const child = spawn(process.execPath, [path.join(project, 'scripts/run.mjs'), '--help'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      await exited;
    }
    const builds = ['a', 'b', 'c', 'd', 'e'].map((out) => run(process.execPath, [path.join(project, 'scripts/run.mjs'), 'build', '--no-search', '--out', `dist-${out}`], { cwd: project }));
    for (const { stdout } of await Promise.all(builds)) expect(stdout).toMatch(/^Built 2 issues, \d+ pages into dist-\w /m);
    const bundles = (await fs.readdir(path.join(project, 'node_modules/.cache/krasse-links/bin'))).filter((name) => !name.includes('.partial-'));
    expect(bundles).toHaveLength(1);
  }, 120_000);
});

describe('a project whose generator changes', () => {
  it('builds anew after a change of a source file, not after an edit of the code README', async () => {
    const project = path.join(work.dir, 'project-generator');
    await run('cp', ['-a', original, project]);
    await npmRunBuild(project);
    await fs.appendFile(path.join(project, 'src', 'README.md'), '\nEine Notiz zum Code.\n');
    expect(await npmRunBuild(project)).toMatch(/^Nothing changed since the last build of dist/m);
    await fs.appendFile(path.join(project, 'src', 'model.ts'), '\n// Eine Änderung des Generators.\n');
    expect(await npmRunBuild(project)).toMatch(/^Built 2 issues, \d+ pages into dist/m);
  }, 60_000);
});

describe('a fresh install (npm ci)', () => {
  it('has every install script of a dependency reviewed in package.json, so npm warns about none: esbuild’s is not needed and stays off', async () => {
    const pkg = JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const lock = JSON.parse(await fs.readFile(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.replace(/^.*node_modules\//, ''));
    expect(withScripts.filter((name) => pkg.allowScripts?.[name] === undefined)).toEqual([]);
    // esbuild's script only checks its platform binary, which npm installs as its own package.
    expect(pkg.allowScripts?.esbuild).toBe(false);
  });
});
