// A full disk, for real: on a file system of 1.2 MB the build ends with one line saying the disk
// is full and where, exit code 1, no Pagefind panic or Rust backtrace, and the previous site as it
// was. The test mounts a 1.2 MB tmpfs itself, which needs root (CI runs as root); elsewhere, mount
// one and name it in KRASSE_LINKS_SMALL_DISK. It never skips: without a small disk it fails, saying how to get one.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createArchive } from '../src/site/archive/index.js';
import { defaultBuildOptions, defaultSiteConfig } from '../src/config.js';
import { DiskFullError } from '../src/build/output/disk-full.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { buildSite } from '../src/build/pipeline.js';
import { searchRecords, type SearchRecord } from '../src/site/search/index.js';
import { writeSearchIndex } from '../src/build/search-index.js';
import { archiveDir, bundledCli, folderWith, snapshot } from './helpers/fixtures.js';

const SIZE = '1200k';
let disk: string;
let unmount: (() => void) | undefined;

beforeAll(async () => {
  const given = process.env.KRASSE_LINKS_SMALL_DISK;
  if (given) disk = given;
  else {
    disk = await fs.mkdtemp(path.join(os.tmpdir(), 'kl-small-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${SIZE}`, 'tmpfs', disk], { stdio: 'pipe' });
    } catch (error) {
      await fs.rmdir(disk);
      const reason = String((error as { stderr?: Buffer }).stderr ?? error).trim();
      throw new Error(
        `this test needs a file system of 1.2 MB: run it as root, so that it can mount a tmpfs (CI does), or mount one and name it: mount -t tmpfs -o size=${SIZE} tmpfs /mnt/small; KRASSE_LINKS_SMALL_DISK=/mnt/small npx vitest run test/disk-full.test.ts (mount said: ${reason})`,
      );
    }
    unmount = () => {
      execFileSync('umount', [disk]);
      execFileSync('rmdir', [disk]);
    };
  }
  const { blocks, bsize } = await fs.statfs(disk);
  if (blocks * bsize > 4 * 1024 * 1024) throw new Error(`${disk} holds ${Math.round((blocks * bsize) / 1024)} KB: the test needs a small file system (1.2 MB), which it fills`);
});
afterAll(() => unmount?.());
beforeEach(async () => {
  for (const name of await fs.readdir(disk)) await fs.rm(path.join(disk, name), { recursive: true, force: true });
});

describe('a build onto a full disk', () => {
  it('ends with one line saying the disk of the output folder is full, exit code 1, and leaves the previous site as it was', async () => {
    const out = path.join(disk, 'site');
    const small = await folderWith({ '001.txt': 'Willkommen bei Krasse Links No 1. Hallo, heute ein kleiner Anfang.\nLaut Heise: ein Satz.\n' });
    try {
      const first = await bundledCli({}, 'build', '--input', small.dir, '--out', out, '--no-search');
      expect(first.code, first.stderr).toBe(0);
    } finally {
      await small.cleanup();
    }
    const before = await snapshot(out);

    // The four corpus issues with their search index need about 1.8 MB.
    const result = await bundledCli({}, 'build', '--input', archiveDir, '--out', out);
    expect(result.code).toBe(1);
    const lines = result.stderr
      .trim()
      .split('\n')
      .filter((line) => !line.startsWith('warning:'));
    expect(lines).toHaveLength(1);
    // Pagefind or the pages may meet the full disk first: both are said alike.
    expect(lines[0]).toMatch(
      new RegExp(
        `^error: the disk is full: no space left on the disk of the output folder ${out} for (Pagefind's search index|the new site \\(at [^)]+\\)); make space on that disk, or build into a folder on another disk \\(--out DIR\\), and build again; the previous site in ${out} is unchanged$`,
      ),
    );
    expect(result.stderr).not.toMatch(/panicked|backtrace|os error|ENOSPC|report it/);
    expect(await snapshot(out)).toEqual(before);
    expect(await fs.readdir(disk)).toEqual(['site']); // the staging folder is gone
  }, 120_000);

  it('says so when there was no site before, and leaves nothing behind', async () => {
    const out = path.join(disk, 'site');
    const result = await bundledCli({}, 'build', '--input', archiveDir, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^error: the disk is full: no space left on the disk of the output folder .*; no site was written$/);
    expect(await fs.readdir(disk)).toEqual([]);
  }, 120_000);
});

describe('Pagefind running out of space', () => {
  let records: SearchRecord[];
  beforeAll(async () => {
    const report = await buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, new MemoryWriter());
    records = searchRecords(createArchive(report.issues), defaultSiteConfig);
  });

  /** Fills the disk but for room for the records and `spare` bytes more: Pagefind's index (about 900 KB) does not fit. */
  async function leaveRoom(spare: number): Promise<void> {
    const { bavail, bsize } = await fs.statfs(disk);
    const recordBlocks = records.reduce((sum, record) => sum + Math.ceil(Buffer.byteLength(record.html) / bsize) * bsize, 0);
    await fs.writeFile(path.join(disk, 'filler'), Buffer.alloc(bavail * bsize - recordBlocks - spare));
  }

  it('is said as a full disk where it writes its files, not as its panic', async () => {
    await leaveRoom(200 * 1024);
    const error = await writeSearchIndex([...records], new MemoryWriter(), { lang: 'de', key: 'k', tempDir: disk }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskFullError);
    expect((error as Error).message).toBe(`the disk is full: no space left on the disk of ${disk} for Pagefind's search index; make space on that disk and try again`);
    // Pagefind's own process ran out of space (its panic is kept as the cause, for --verbose).
    expect(String((error as Error).cause)).toMatch(/No space left on device/);
    expect(await fs.readdir(disk)).toEqual(['filler']); // its scratch folder is gone
  }, 60_000);

  it('names the temporary folder when Pagefind works there', async () => {
    await leaveRoom(200 * 1024);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = disk;
    try {
      const error = await writeSearchIndex([...records], new MemoryWriter(), { lang: 'de', key: 'k' }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        `the disk is full: no space left on the temporary folder ${disk} for Pagefind's search index; make space there, or point TMPDIR to a folder on another disk, and try again`,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  }, 60_000);
});
