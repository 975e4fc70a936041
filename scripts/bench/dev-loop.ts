// The author's loop in the benchmark: `npm run dev` on a synthetic archive, timed from saving an
// issue to the page's reload event and to the event that search is current.

import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { startDevServer } from '../../src/cli/dev.js';
import { defaultBuildOptions } from '../../src/config.js';
import { median, syntheticArchive } from './measure.js';

/** Five saves of one issue: seconds to the reload, and to search being current, each. */
export async function devLoop(root: string, dir: string, n: number, seed: number): Promise<{ reload: number[]; ready: number[] }> {
  const input = path.join(dir, `dev-issues-${n}`);
  const files = await syntheticArchive(root, input, n, seed);
  const dev = await startDevServer({ build: { ...defaultBuildOptions, input, out: path.join(dir, `dev-site-${n}`) }, port: 0, log: () => {} });
  const waiting: { event: string; resolve: () => void }[] = [];
  const stream = http.get(`${dev.url}__dev/events`, (response) =>
    response.on('data', (chunk: Buffer) => {
      for (const [, event] of chunk.toString().matchAll(/^event: (.*)$/gm)) {
        const due = waiting.filter((w) => w.event === event);
        waiting.splice(0, waiting.length, ...waiting.filter((w) => w.event !== event));
        for (const w of due) w.resolve();
      }
    }),
  );
  const next = (event: string) => new Promise<void>((resolve) => waiting.push({ event, resolve }));
  try {
    await next('search-ready');
    const reload: number[] = [];
    const ready: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [reloaded, current] = [next('reload'), next('search-ready')];
      const saved = performance.now();
      await fs.appendFile(files[Math.floor(files.length / 2)]!, `\nEin Absatz, gespeichert für den Benchmark (${i}).\n`);
      await reloaded;
      reload.push((performance.now() - saved) / 1000);
      await current;
      ready.push((performance.now() - saved) / 1000);
    }
    return { reload, ready };
  } finally {
    stream.destroy();
    await dev.close();
  }
}

export const describeRange = (xs: number[]) => `${median(xs).toFixed(2)} s (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
