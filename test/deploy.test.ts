// Safe to deploy: what an operator relies on when publishing the output. Its folders and files
// get the modes a plain mkdir and writeFile give under the user's umask, so that a web server
// running as another user can read them, in the first build and in every rebuild. Symbolic links
// in issues/ and public/ are followed when they point into the project, and refused with a
// warning naming them when they point elsewhere on the machine.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildReport } from '../src/build/build.js';
import { defaultBuildOptions, type BuildOptions } from '../src/config.js';
import { archiveDir, cliCommand, root, tempDir } from './helpers/fixtures.js';

const run = promisify(execFile);
let work: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  work = await tempDir('kl-deploy-');
});
afterAll(() => work?.cleanup());

/** Runs the build command as a shell with this umask runs it. */
function buildWithUmask(umask: string, input: string, out: string) {
  const command = [...cliCommand, 'build', '--input', input, '--out', out];
  return run('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, ...command], { cwd: root });
}

/** The permission bits of a folder and of everything below it: `path/` for folders, `path` for files → octal. */
async function modes(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = { './': ((await fs.stat(dir)).mode & 0o777).toString(8) };
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full) + (entry.isDirectory() ? '/' : '');
    found[relative] = ((await fs.lstat(full)).mode & 0o777).toString(8);
  }
  return found;
}

/** What `modes` should find: every folder `folder`, every file `file`. */
const expectedModes = (found: Record<string, string>, folder: string, file: string) => Object.fromEntries(Object.keys(found).map((p) => [p, p.endsWith('/') ? folder : file]));

describe('the published folder', () => {
  it.each([
    ['022', '755', '644'],
    ['027', '750', '640'],
  ])(
    'under umask %s has folders %s and files %s, itself included, after the first build and after rebuilds',
    async (umask, folder, file) => {
      const input = path.join(work.dir, `issues-${umask}`);
      const out = path.join(work.dir, `site-${umask}`);
      await fs.cp(archiveDir, input, { recursive: true });
      const check = async (when: string) => {
        const found = await modes(out);
        expect(Object.keys(found)).toEqual(expect.arrayContaining(['./', 'issues/', 'issues/56/', 'issues/56/index.html', 'pagefind/', 'pagefind/pagefind-entry.json', '.build-id']));
        expect(found, when).toEqual(expectedModes(found, folder, file));
      };
      await buildWithUmask(umask, input, out);
      await check('after the first build');
      // Each rebuild makes a new staging folder and takes unchanged files over as hard links.
      for (const note of ['Ein Nachtrag.', 'Noch ein Nachtrag.']) {
        await fs.appendFile(path.join(input, '056.txt'), `\n${note}\n`);
        await buildWithUmask(umask, input, out);
        await check(`after the rebuild with "${note}"`);
      }
    },
    90_000,
  );

  it('is readable again after the next rebuilds when an earlier version left it private', async () => {
    const input = path.join(work.dir, 'issues-private');
    const out = path.join(work.dir, 'site-private');
    await fs.cp(archiveDir, input, { recursive: true });
    const rebuild = async (note: string) => {
      await fs.appendFile(path.join(input, '021.txt'), `\n${note}\n`);
      await buildWithUmask('022', input, out);
    };
    await buildWithUmask('022', input, out);
    await rebuild('Ein Nachtrag.');
    // Earlier versions made the output from a temporary folder (mode 0700).
    await fs.chmod(out, 0o700);
    for (const note of ['Noch ein Nachtrag.', 'Ein letzter Nachtrag.']) {
      await rebuild(note);
      const found = await modes(out);
      expect(found, `after the rebuild with "${note}"`).toEqual(expectedModes(found, '755', '644'));
    }
  }, 90_000);
});

describe('symbolic links in issues/ and public/', () => {
  let options: BuildOptions;
  let report: BuildReport;
  let elsewhere: string;
  const outFile = (file: string) => path.join(options.out, file);

  beforeAll(async () => {
    const project = path.join(work.dir, 'links');
    const input = path.join(project, 'issues');
    const publicDir = path.join(project, 'public');
    elsewhere = path.join(work.dir, 'elsewhere');
    await fs.mkdir(input, { recursive: true });
    await fs.cp(defaultBuildOptions.public, publicDir, { recursive: true });
    await fs.mkdir(path.join(elsewhere, 'keys'), { recursive: true });
    await fs.writeFile(path.join(elsewhere, 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    await fs.writeFile(path.join(elsewhere, 'keys', 'id_rsa'), '-----BEGIN RSA PRIVATE KEY-----\n');
    await fs.writeFile(path.join(elsewhere, '099.txt'), 'Willkommen bei Krasse Links No 99. Hallo, heute ein Geheimnis.\nDas stand nur in einer Datei außerhalb des Projekts.\n');
    await fs.copyFile(path.join(archiveDir, '021.txt'), path.join(input, '021.txt'));
    await fs.mkdir(path.join(publicDir, 'bilder-original'));
    await fs.writeFile(path.join(publicDir, 'bilder-original', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');

    const link = (target: string, at: string) => fs.symlink(target, at);
    // Inside the project: a file of this repository, a folder of it, a folder next to the link.
    await link(path.join(root, 'test/fixtures/input/hostile-html-in-text/issues/037.txt'), path.join(input, '037.txt'));
    await link(path.join(root, 'test/e2e/screenshots'), path.join(publicDir, 'screenshots'));
    await link('bilder-original', path.join(publicDir, 'bilder'));
    // Outside: a file and a folder of keys, an issue file.
    await link(path.join(elsewhere, 'id_ed25519'), path.join(publicDir, 'id_ed25519'));
    await link(path.join(elsewhere, 'keys'), path.join(publicDir, 'keys'));
    await link(path.join(elsewhere, '099.txt'), path.join(input, '099.txt'));
    // Broken: to nothing, to itself, and two loops back to a folder they are in.
    await link(path.join(elsewhere, 'gone.txt'), path.join(input, '098.txt'));
    await link('selbst', path.join(publicDir, 'selbst'));
    await link('.', path.join(publicDir, 'schleife'));
    await link('..', path.join(publicDir, 'bilder-original', 'hoch'));

    options = { ...defaultBuildOptions, input, public: publicDir, out: path.join(project, 'dist'), search: false };
    report = await build(options);
  }, 60_000);

  it('follows a link to an issue file inside the project', async () => {
    expect(report.issues.map((issue) => issue.number).sort()).toEqual([21, 37]);
    expect(await fs.readFile(outFile('issues/37/index.html'), 'utf8')).toContain('Krasse Links No 37');
  });

  it('publishes linked files and folders inside the project', async () => {
    const [published, original] = [await fs.readFile(outFile('screenshots/issue.png')), await fs.readFile(path.join(root, 'test/e2e/screenshots/issue.png'))];
    expect(published.equals(original), 'screenshots/issue.png is the linked file').toBe(true);
    expect(await fs.readFile(outFile('bilder/logo.svg'), 'utf8')).toContain('<svg');
    expect(await fs.readFile(outFile('bilder-original/logo.svg'), 'utf8')).toContain('<svg');
  });

  it('refuses links that point outside the project, with a warning naming each and saying why', async () => {
    await expect(fs.access(outFile('id_ed25519'))).rejects.toThrow();
    await expect(fs.access(outFile('keys'))).rejects.toThrow();
    await expect(fs.access(outFile('issues/99/index.html'))).rejects.toThrow();
    for (const name of ['public/id_ed25519', 'public/keys', 'issues/099.txt']) {
      const warning = report.warnings.find((w) => w.startsWith(`${name}: `));
      expect(warning, `a warning about ${name} in ${JSON.stringify(report.warnings)}`).toBeDefined();
      expect(warning).toMatch(/symbolic link to .*elsewhere.*outside the project/);
      expect(warning).toMatch(/files from elsewhere on this machine, such as keys/);
    }
  });

  it('warns about a link to nothing and about loops, and the build finishes', async () => {
    for (const name of ['issues/098.txt', 'public/selbst', 'public/schleife', 'public/bilder-original/hoch']) {
      expect(
        report.warnings.some((w) => w.startsWith(`${name}: `)),
        `a warning about ${name} in ${JSON.stringify(report.warnings)}`,
      ).toBe(true);
    }
    await expect(fs.access(outFile('schleife'))).rejects.toThrow();
    await expect(fs.access(outFile('bilder-original/hoch'))).rejects.toThrow();
  });

  it('sees a change to a linked file in the next build', async () => {
    await fs.writeFile(path.join(options.public, 'bilder-original', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><title>neu</title></svg>\n');
    const rebuilt = await build(options);
    expect(rebuilt.unchanged).toBeFalsy();
    expect(await fs.readFile(outFile('bilder/logo.svg'), 'utf8')).toContain('<title>neu</title>');
  }, 30_000);
});
