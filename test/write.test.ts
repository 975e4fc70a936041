// Writing in the background (BackgroundWrites, used for pages, search records and models):
// never more than its limit at once, every write done by flush, and a failure never lost; and a
// build stopped while its writes are on their way leaves no staging folder behind.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackgroundWrites } from '../src/build/output/queue.js';
import { abandonStagingFolders, makeStagingFolder } from '../src/build/output/swap.js';
import { DiskWriter } from '../src/build/output/writer.js';
import { tempDir } from './helpers/fixtures.js';

/** A write that finishes when `finish` is called. */
function pendingWrite() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

describe('writing in the background', () => {
  it('runs at most `limit` writes at once, in order, and flush waits for all of them', async () => {
    const writes = new BackgroundWrites(2);
    const started: number[] = [];
    const pending = [0, 1, 2, 3].map(() => pendingWrite());
    const adding = pending.map((write, i) => writes.add(() => (started.push(i), write.work())));
    await Promise.all(adding.slice(0, 2));
    expect(started).toEqual([0, 1]); // the third waits for a free slot
    pending[0]!.finish();
    await adding[2];
    expect(started).toEqual([0, 1, 2]);
    let flushed = false;
    const flushing = writes.flush().then(() => (flushed = true));
    pending[1]!.finish();
    pending[2]!.finish();
    await adding[3];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(flushed).toBe(false); // the fourth still runs
    pending[3]!.finish();
    await flushing;
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('reports the first failure at the next write or at flush', async () => {
    const writes = new BackgroundWrites(4);
    const failing = pendingWrite();
    await writes.add(failing.work);
    failing.fail(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    await expect(writes.flush()).rejects.toThrow('no space left on device');
    await expect(writes.add(async () => {})).rejects.toThrow('no space left on device');
  });
});

describe('a file taken over from the previous output and then written anew', () => {
  it('gets the new content, and the previous output keeps its own', async () => {
    const temp = await tempDir('kl-kept-');
    try {
      const previous = path.join(temp.dir, 'site');
      fs.mkdirSync(path.join(previous, 'pagefind'), { recursive: true });
      const names = Array.from({ length: 50 }, (_, i) => `pagefind/teil-${i}.pf`);
      for (const name of names) fs.writeFileSync(path.join(previous, name), 'vorher');
      const writer = new DiskWriter(await makeStagingFolder(path.join(temp.dir, 'site')), { dir: previous, outputs: Object.fromEntries(names.map((name) => [name, 'k'])) });
      for (const name of names) expect(await writer.keep(name, 'k')).toBe(true);
      for (const name of names) await writer.write(name, 'nachher', 'k');
      await writer.flush();
      for (const name of names) {
        expect(fs.readFileSync(path.join(writer.root, name), 'utf8')).toBe('nachher');
        expect(fs.readFileSync(path.join(previous, name), 'utf8')).toBe('vorher');
      }
    } finally {
      await temp.cleanup();
    }
  });
});

describe('a build stopped while its pages are on their way to disk (Ctrl+C in the write stage)', () => {
  it('removes its staging folder at once, though files are still being created in it', async () => {
    const temp = await tempDir('kl-abandon-');
    try {
      for (let round = 0; round < 30; round++) {
        const staging = await makeStagingFolder(path.join(temp.dir, `site-${round}`));
        const writer = new DiskWriter(staging);
        const writes = Array.from({ length: 64 }, (_, i) => writer.write(`seite-${i}.html`, 'x'.repeat(20_000), `k${i}`));
        // A few turns of the event loop: files being created and written on the thread pool.
        for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
        // The signal handler runs this, then the process exits.
        expect(() => abandonStagingFolders(), `round ${round}`).not.toThrow();
        expect(fs.existsSync(staging), `round ${round}: the staging folder is left`).toBe(false);
        await Promise.allSettled([...writes, writer.flush()]);
      }
    } finally {
      await temp.cleanup();
    }
  }, 20_000);
});
