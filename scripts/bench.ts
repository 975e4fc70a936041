// `npm run bench -- [--issues N] [--sizes 100,1000,5000] [--seed S]`: builds a synthetic archive
// of N issues (default 1000) and prints what the author waits for: full builds with and without
// search, the Pagefind CLI alone on the same output, rebuilds with nothing or one issue changed,
// peak memory, output size, and the cost per issue across sizes.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticArchive } from './synthetic.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { issues: { type: 'string' }, sizes: { type: 'string' }, seed: { type: 'string', default: '42' }, keep: { type: 'boolean', default: false }, dir: { type: 'string' } } });
const sizes = values.sizes ? values.sizes.split(',').map(Number) : [Number(values.issues ?? 1000)];

interface Run {
  wall: number;
  stats: { seconds: number; stages: Record<string, number>; maxRssKb: number; pages: number; unchanged: boolean; kept: number; written: number };
}

/** Runs the build CLI as the author would, timing the whole process. */
function buildCli(input: string, out: string, ...flags: string[]): Run {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/run.mjs'), 'build', '--input', input, '--out', out, '--stats', ...flags], { encoding: 'utf8', cwd: root });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
  const line = result.stdout.split('\n').find((l) => l.startsWith('{"stats"'));
  return { wall, stats: JSON.parse(line!).stats };
}

function pagefindCli(site: string): number {
  const started = performance.now();
  execFileSync(path.join(root, 'node_modules/.bin/pagefind'), ['--site', site, '--output-subdir', '_pagefind_cli', '--force-language', 'de', '--quiet'], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const s = (x: number) => `${x.toFixed(3)} s`;
const perIssue: { n: number; ms: number }[] = [];
// Note: by default the archive is built inside the project, as the author's is (dist/ next to
// issues/): on this machine /tmp is a folder where making folders and files is several times slower.
const parent = values.dir ?? path.join(root, 'node_modules', '.cache', 'krasse-links');
await fs.mkdir(parent, { recursive: true });
const work = await fs.mkdtemp(path.join(parent, 'bench-'));
console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}; synthetic archives from issues/ (seed ${values.seed}) in ${work}`);
try {
  for (const n of sizes) {
    const input = path.join(work, `issues-${n}`);
    const files = await writeSyntheticArchive(input, n, { seed: Number(values.seed), archiveDir: path.join(root, 'issues') });
    // A real archive's files were written long before the build; fresh ones would all be read
    // again by every rebuild (see RACY_MS in src/load/inputs.ts).
    const dayAgo = new Date(Date.now() - 86_400_000);
    for (const file of files) await fs.utimes(file, dayAgo, dayAgo);
    const noSearchOut = path.join(work, `site-${n}-nosearch`);
    const noSearch = buildCli(input, noSearchOut, '--no-search');
    const out = path.join(work, `site-${n}`);
    const full = buildCli(input, out);
    const pagefind = pagefindCli(out);
    const unchanged = buildCli(input, out);
    const changedFile = files[Math.floor(files.length / 2)]!;
    const witness = path.join(out, 'issues', '1', 'index.html');
    const witnessTime = (await fs.stat(witness)).mtimeMs;
    await fs.appendFile(changedFile, '\nEin neuer Absatz am Ende, geändert für den Benchmark.\n');
    const oneChangedNoSearch = buildCli(input, noSearchOut, '--no-search');
    const oneChanged = buildCli(input, out);
    // A later rebuild, as the author's follow one another (each makes a new staging folder and
    // takes the unchanged files over from the output as hard links; see src/output/writer.ts).
    await fs.appendFile(changedFile, '\nNoch ein Absatz, für den zweiten Durchgang.\n');
    const laterNoSearch = buildCli(input, noSearchOut, '--no-search');
    const untouchedKept = (await fs.stat(witness)).mtimeMs === witnessTime;
    const size = await folderSize(out);
    perIssue.push({ n, ms: (noSearch.wall * 1000) / n });
    console.log(`\n${n} issues → ${full.stats.pages} pages, ${(size / 1e6).toFixed(1)} MB output`);
    console.log(`  full build, no search   ${s(noSearch.wall)} wall  (${Object.entries(noSearch.stats.stages).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')})`);
    console.log(`                          ${(n / noSearch.wall).toFixed(0)} issues/s, ${(noSearch.stats.pages / noSearch.wall).toFixed(0)} pages/s, peak RSS ${(noSearch.stats.maxRssKb / 1024).toFixed(0)} MB`);
    console.log(`  full build with search  ${s(full.wall)} wall  (waiting ${full.stats.stages.search?.toFixed(3)} s for Pagefind after the pages), peak RSS ${(full.stats.maxRssKb / 1024).toFixed(0)} MB`);
    console.log(`  Pagefind CLI alone      ${s(pagefind)}  → ratio ${(full.wall / pagefind).toFixed(2)} × Pagefind`);
    const stages = (run: Run) => Object.entries(run.stats.stages).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ');
    console.log(`  rebuild, nothing changed ${s(unchanged.wall)} wall${unchanged.stats.unchanged ? ', nothing done, index not rebuilt' : ` (${stages(unchanged)})`}`);
    console.log(`  rebuild, one changed    ${s(laterNoSearch.wall)} wall without search (${stages(laterNoSearch)})`);
    console.log(`                          ${s(oneChangedNoSearch.wall)} wall without search the first time after a full build (${stages(oneChangedNoSearch)})`);
    console.log(`                          ${s(oneChanged.wall)} wall with search, waiting ${(oneChanged.stats.stages.search ?? 0).toFixed(3)} s for the index (${stages(oneChanged)})`);
    console.log(`                          ${oneChanged.stats.written} files written, ${oneChanged.stats.kept} kept; an untouched page ${untouchedKept ? 'kept its modification time' : 'was REWRITTEN'}`);
  }
  if (perIssue.length > 1) {
    // Growth is judged against 1000 issues when that size ran (below it, fixed costs dominate).
    const base = perIssue.find((p) => p.n === 1000) ?? perIssue[0]!;
    console.log('\nCost per issue (full build, no search):');
    for (const { n, ms } of perIssue) console.log(`  ${String(n).padStart(5)} issues: ${ms.toFixed(2)} ms/issue (${(ms / base.ms).toFixed(2)} × the ${base.n}-issue cost)`);
  }
} finally {
  if (!values.keep) await fs.rm(work, { recursive: true, force: true });
  else console.log(`\nkept ${work}`);
}
