// A synthetic archive in the corpus's plain-text shape, for the benchmark: N issues built from
// the corpus's own sections (commentary, quotes, lists), with intro lines, a support block,
// cross-references to earlier issues, varied numbers and dates. Deterministic from a seed.

import fs from 'node:fs/promises';
import path from 'node:path';
import { loadFile } from '../src/reader/load/index.js';

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pool {
  intros: string[];
  sections: string[][];
  support: string[];
}

/** Reads the archive's issues and cuts them into reusable pieces. */
async function corpusPool(archiveDir: string): Promise<Pool> {
  const pool: Pool = { intros: [], sections: [], support: [] };
  for (const name of (await fs.readdir(archiveDir)).filter((n) => n.endsWith('.txt')).sort()) {
    const [source] = loadFile(name, await fs.readFile(path.join(archiveDir, name), 'utf8')).sources;
    const lines = source!.lines.map((l) => l.trim());
    const text = lines.filter(Boolean).filter((l) => !/^Krasse Links No\.? ?\d+\.?$/.test(l));
    pool.intros.push(text[0]!.replace(/^.*?Krasse Links No\.? ?\d+\.\s*/, ''));
    const supportAt = text.findIndex((l) => l.startsWith('Vielen dank'));
    if (supportAt >= 0 && !pool.support.length) pool.support.push(...text.slice(supportAt, supportAt + 4));
    // Sections: the author's breaks where the file has them, else runs of about six paragraphs.
    let current: string[] = [];
    let blanks = 0;
    for (const line of lines.slice(lines.findIndex((l) => l === text[1]))) {
      if (!line) {
        blanks++;
        continue;
      }
      if (pool.support.includes(line)) continue;
      if ((blanks >= 2 || (current.length >= 6 && !/:\s*$/.test(current[current.length - 1]!) && !line.startsWith('-'))) && current.length) {
        pool.sections.push(current);
        current = [];
      }
      current.push(line);
      blanks = 0;
    }
    if (current.length) pool.sections.push(current);
  }
  return pool;
}

/** Writes `count` issue files into `dir`; returns their paths. */
export async function writeSyntheticArchive(dir: string, count: number, options: { seed?: number; archiveDir: string }): Promise<string[]> {
  const pool = await corpusPool(options.archiveDir);
  const next = random(options.seed ?? 42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  let number = 0;
  const start = Date.UTC(2015, 0, 4);
  for (let i = 0; i < count; i++) {
    number += 1 + (next() < 0.05 ? 1 : 0); // an occasional gap in the numbering
    const date = new Date(start + i * 7 * 86_400_000 + Math.floor(next() * 3) * 86_400_000).toISOString().slice(0, 10);
    const sectionCount = 6 + Math.floor(next() * 6);
    const sections = Array.from({ length: sectionCount }, () => pick(pool.sections));
    if (number > 1) {
      const earlier = 1 + Math.floor(next() * (number - 1));
      sections[0] = [...sections[0]!, `In Krasse Links No ${earlier} schrieb ich bereits darüber, und das gilt weiter.`];
    }
    const blankLines = next() < 0.5;
    const body = sections.map((lines) => lines.join(blankLines ? '\n\n' : '\n'));
    body.splice(Math.floor(sectionCount / 2), 0, pool.support.join(blankLines ? '\n\n' : '\n'));
    const text = [`---\ndate: ${date}\n---`, `Krasse Links No ${number}`, '', `Willkommen bei Krasse Links No ${number}. ${pick(pool.intros)}`, body.join(blankLines ? '\n\n\n' : '\n'), ''].join('\n');
    const file = path.join(dir, `${String(number).padStart(5, '0')}.txt`);
    await fs.writeFile(file, text);
    files.push(file);
  }
  return files;
}
