// Timing for the benchmark: paired runs (every contender once per round, the order rotated so that
// none always runs first or on a warmer machine), medians, and the ratio of each pair.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { writeSyntheticArchive } from '../synthetic.js';

export interface BuildStats {
  seconds: number;
  /** Seconds per stage, wall clock. */
  stages: Record<string, number>;
  /** Processor seconds per stage of the pipeline, every thread of the build counted. */
  processor: Record<string, number>;
  maxRssKb: number;
  pages: number;
  unchanged: boolean;
  kept: number;
  written: number;
  /** Threads that parsed, and that rendered. */
  threads: number;
  renderThreads: number;
}

/**
 * A synthetic archive of `n` issues made from the project's issues/, dated a day back: a real
 * archive's files were written long before the build, and fresh ones would all be read again by
 * every rebuild (see RACY_MS in src/build/inputs.ts). Returns the issue files.
 */
export async function syntheticArchive(root: string, dir: string, n: number, seed: number): Promise<string[]> {
  const files = await writeSyntheticArchive(dir, n, { seed, archiveDir: path.join(root, 'issues') });
  const dayAgo = new Date(Date.now() - 86_400_000);
  for (const file of files) await fs.utimes(file, dayAgo, dayAgo);
  return files;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Seconds a function takes, wall clock. */
export function time(action: () => void): number {
  const started = performance.now();
  action();
  return (performance.now() - started) / 1000;
}

/** Runs our build command as the author does (`npm run build` without npm's own start-up). */
export function buildCli(root: string, input: string, out: string, ...flags: string[]): { wall: number; stats: BuildStats } {
  let stdout = '';
  const wall = time(() => {
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), 'build', '--input', input, '--out', out, '--stats', ...flags], { encoding: 'utf8', cwd: root });
    if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
    stdout = result.stdout;
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{"stats"'));
  return { wall, stats: JSON.parse(line!).stats as BuildStats };
}

/**
 * Runs each contender once per round, `rounds` times, rotating the order; returns each one's
 * times. A contender is a function that prepares (clears) untimed and returns its timed seconds.
 */
export function paired(rounds: number, contenders: Record<string, () => number>): Record<string, number[]> {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length]!;
      times[name]!.push(contenders[name]!());
    }
  }
  return times;
}

/** The median of the per-round ratios a / b (a paired comparison), and its range. */
export function pairedRatio(a: number[], b: number[]): { median: number; min: number; max: number } {
  const ratios = a.map((x, i) => x / b[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
