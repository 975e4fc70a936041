// The import command splits the corpus exports into one file per issue.
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveError, BuildError, unreadableFile } from '../src/errors.js';
import { importExports } from '../src/cli/import.js';
import { loadFile } from '../src/reader/load/index.js';
import { archiveDir, cli, exportFiles, tempDir } from './helpers/fixtures.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function freshArchive() {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  return temp.dir;
}

describe('npm run import', () => {
  it('writes one file per issue found in the corpus: No 21, 22, 23 and 56', async () => {
    const into = await freshArchive();
    await importExports(Object.values(exportFiles), into);
    expect((await fs.readdir(into)).sort()).toEqual(['021.txt', '022.txt', '023.txt', '056.txt']);
  });

  it('splits the three-issue export at its title lines, each issue starting with its own title', async () => {
    const into = await freshArchive();
    await importExports([exportFiles.threeIssues], into);
    const no22 = await fs.readFile(path.join(into, '022.txt'), 'utf8');
    expect(no22.split('\n')[0]).toBe('Krasse Links No. 22');
    expect(no22).toContain('Willkommen bei Krasse Links No. 22.');
    expect(no22).not.toContain('Krasse Links No 21\n');
    expect(no22).not.toContain('Willkommen bei Krasse Links No. 23.');
  });

  it('keeps the richer copy of No 21 (the one with section breaks), whichever comes first', async () => {
    for (const order of [
      [exportFiles.no21Flat, exportFiles.threeIssues],
      [exportFiles.threeIssues, exportFiles.no21Flat],
    ]) {
      const into = await freshArchive();
      const result = await importExports(order, into);
      const no21 = await fs.readFile(path.join(into, '021.txt'), 'utf8');
      expect(no21).toContain('\n\n\nTrotz Spanien! Deutschland atmet auf!');
      expect(result.log.join('\n')).toMatch(/No 21/);
      await cleanup?.();
      cleanup = undefined;
    }
  });

  it('drops an issue it already has with the same text', async () => {
    const into = await freshArchive();
    await importExports(Object.values(exportFiles), into);
    const again = await importExports(Object.values(exportFiles), into);
    expect(again.written).toEqual([]);
    expect(again.log.every((line) => line.startsWith('skipped'))).toBe(true);
  });

  it('refuses an issue whose text differs from the archived one, naming both files, and writes nothing', async () => {
    const into = await freshArchive();
    await importExports([exportFiles.no56], into);
    const changed = path.join(into, '..', `${path.basename(into)}-changed.txt`);
    await fs.writeFile(changed, (await fs.readFile(exportFiles.no56, 'utf8')).replace('Laut Heise', 'Laut Golem'));
    try {
      const attempt = importExports([changed], into);
      await expect(attempt).rejects.toThrow(ArchiveError);
      await expect(attempt).rejects.toThrow(/changed\.txt:1 holds issue No 56 with other text than .*056\.txt/);
    } finally {
      await fs.rm(changed);
    }
  });

  it('produced the archive in issues/: its files are what importing the corpus gives', async () => {
    const into = await freshArchive();
    await importExports(Object.values(exportFiles), into);
    for (const name of await fs.readdir(into)) {
      expect(await fs.readFile(path.join(archiveDir, name), 'utf8'), name).toBe(await fs.readFile(path.join(into, name), 'utf8'));
    }
  });

  it('dates what it imports with --date: front matter the build reads', async () => {
    const into = await freshArchive();
    const result = await importExports([exportFiles.no56], into, { date: '2025-06-20' });
    const text = await fs.readFile(path.join(into, '056.txt'), 'utf8');
    expect(text.startsWith('---\ndate: 2025-06-20\n---\n')).toBe(true);
    expect(result.log).toEqual([expect.stringMatching(/^added No 56 from .* → 056\.txt, dated 2025-06-20$/)]);
    const [source] = loadFile('056.txt', text).sources;
    expect(source!.frontMatter.date).toBe('2025-06-20');
    expect(source!.number).toBe(56);
  });

  it('refuses --date for exports holding several issues, or a date that is none', async () => {
    const into = await freshArchive();
    await expect(importExports([exportFiles.threeIssues], into, { date: '2024-07-20' })).rejects.toThrow(
      /^--date gives one issue its date, but the exports hold 3 issues \(No 23, No 22, No 21\); import them one at a time$/,
    );
    await expect(importExports([exportFiles.no56], into, { date: '2025-02-30' })).rejects.toThrow(
      /^--date 2025-02-30 is not a day of the calendar \(February 2025 has 28 days\); write the day as YYYY-MM-DD, e\.g\. 2025-06-20$/,
    );
    await expect(importExports([exportFiles.no56], into, { date: '20.06.2025' })).rejects.toThrow(/^--date 20\.06\.2025 is written day first; .*: write 2025-06-20$/);
    expect(await fs.readdir(into)).toEqual([]);
  });
});

describe('npm run import with an export it cannot read', () => {
  it('names a missing file, in one line, and writes nothing', async () => {
    const into = await freshArchive();
    const missing = path.join(into, '..', 'ausgabe-57.txt');
    const result = await cli('import', exportFiles.no56, missing, '--into', into);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`error: the export ${missing} does not exist; check the name and the folder`);
    expect(await fs.readdir(into)).toEqual([]);
  }, 30_000);

  it('says so when the name is a folder', async () => {
    const into = await freshArchive();
    const result = await cli('import', path.dirname(exportFiles.no56), '--into', into);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`error: the export ${path.dirname(exportFiles.no56)} is a folder, not a file; name the files in it (${path.join(path.dirname(exportFiles.no56), '*.txt')})`);
  }, 30_000);

  it('says so when the file may not be read', () => {
    // Made by hand: the tests run as root in CI, who may read any file.
    const denied = Object.assign(new Error("EACCES: permission denied, open '/exports/57.txt'"), { code: 'EACCES', path: '/exports/57.txt' });
    const error = unreadableFile(denied, '/exports/57.txt', 'the export');
    expect(error).toBeInstanceOf(BuildError);
    expect((error as Error).message).toBe('the export /exports/57.txt cannot be read: permission denied; check its permissions (ls -l)');
  });
});
