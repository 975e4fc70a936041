// The build command's exit codes and messages: 0 on success; 1 on any error, with one line on
// stderr that names the file (and line) and says what to do, and no stack unless --verbose.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, root } from './helpers/fixtures.js';

const cases = path.join(root, 'test/fixtures/input');
// Made when the file loads: the table below names paths inside it.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kl-exit-'));
fs.writeFileSync(path.join(work, 'a-file'), 'not a folder');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const out = (name: string) => path.join(work, name);
const issues = (name: string) => path.join(cases, name, 'issues');

describe.concurrent('npm run build', () => {
  it('exits 0 and prints warnings as "warning:" lines on stderr', async () => {
    const result = await cli('build', '--input', issues('encoding-nul-bytes'), '--out', out('ok'), '--no-search');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Built 1 issues, /);
    expect(result.stderr).toMatch(/^warning: 010\.txt:2: 4 control character\(s\) removed/m);
  }, 30_000);

  it.each([
    ['an input error', ['--input', issues('encoding-windows-1252')], /^error: 007\.txt:2: is not valid UTF-8 .*: save it as UTF-8 and build again$/],
    ['an archive error', ['--input', issues('archive-same-number-different-text')], /^error: a\.txt:1 and b\.txt:1 both hold issue No 29 with different text; keep one of them$/],
    ['a missing input folder', ['--input', out('nowhere')], /^error: cannot read the input folder .*nowhere: there is no such file or folder; check --input, or make the folder$/],
    [
      'an output folder that cannot be made',
      ['--input', issues('encoding-utf8-bom'), '--out', path.join(out('a-file'), 'site')],
      /^error: cannot \w+ .*a-file.*: (?:a file of that name is in the way|a part of the path is a file, not a folder); check the path and try again$/,
    ],
    ['an unknown option', ['--input', issues('encoding-utf8-bom'), '--frobnicate'], /^error: Unknown option '--frobnicate'/],
  ])(
    'exits 1 with one line and no stack on %s',
    async (_, args, message) => {
      const result = await cli('build', ...(args.includes('--out') ? [] : ['--out', out('unused')]), ...args, '--no-search');
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    },
    30_000,
  );

  it('shows the stack with --verbose', async () => {
    const result = await cli('build', '--input', issues('shape-empty-file'), '--out', out('unused'), '--no-search', '--verbose');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: 015\.txt: is empty; add the issue text or remove the file\n/);
    expect(result.stderr).toMatch(/\n\s+at /);
  }, 30_000);
});

describe.concurrent('other commands', () => {
  it('exit 1 with one line on an unknown command', async () => {
    const result = await cli('bild');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: unknown command "bild": use build, import, check, serve or dev (npm run build -- --help shows the options)');
  }, 30_000);

  it.each([
    ['serve', 'abc'],
    ['serve', '70000'],
    ['dev', '-1'],
    ['dev', '80.5'],
  ])(
    '%s --port %s: exits 1 with one line naming the option, no stack',
    async (command, port) => {
      const result = await cli(command, `--port=${port}`);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`error: --port takes a port number from 0 to 65535, not "${port}"\n`);
    },
    30_000,
  );

  it('exit 0 for --help', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage:/);
  }, 30_000);
});
