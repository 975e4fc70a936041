// `npm run bench -- [--issues N] [--rounds R] [--dev-issues M] [--dir DIR] [--keep]` (`--issues 0`: the dev figure alone): builds a synthetic archive of
// N issues (default 1000) from nothing, side by side with Hugo, Eleventy and the Pagefind CLI on
// the same archive, and prints what the author waits for: full builds with and without search,
// rebuilds with nothing or one issue changed, peak memory, the parser's time per issue, and the
// author's loop: `npm run dev` at M issues (default 300; 0: left out), from a save to the reload.
// Every build from nothing starts with the output and the build cache removed; each figure is the
// median of R paired rounds (each contender once per round, the order rotated), each ratio the
// median of the rounds' ratios. Only ratios measured in one run compare: this machine's speed
// drifts by a factor of two from day to day. It ends with every budget of issue 22 and its bar
// (scripts/bench/budgets.ts).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFile } from '../src/reader/load/index.js';
import { parseIssue } from '../src/reader/parse/index.js';
import { eleventy, hugo, type Anchor } from './bench/anchors.js';
import { Budgets } from './bench/budgets.js';
import { describeRange, devLoop } from './bench/dev-loop.js';
import { buildCli, median, paired, pairedRatio, syntheticArchive, time, type BuildStats } from './bench/measure.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    dir: { type: 'string' },
    'dev-issues': { type: 'string', default: '300' },
  },
});
const n = Number(values.issues);
const rounds = Number(values.rounds);
const buildCache = path.join(root, 'node_modules', '.cache', 'krasse-links', 'builds');

// Note: by default the archive is built inside the project, as the author's is (dist/ next to
// issues/): on this machine /tmp is a folder where making folders and files is several times slower.
const parent = values.dir ?? path.join(root, 'node_modules', '.cache', 'krasse-links');
await fs.mkdir(parent, { recursive: true });
const work = await fs.mkdtemp(path.join(parent, 'bench-'));
const s = (x: number) => `${x.toFixed(2)} s`;
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const x = (r: { median: number; min: number; max: number }) => `${r.median.toFixed(2)} × (${r.min.toFixed(2)}–${r.max.toFixed(2)})`;
const budgets = new Budgets();

console.log(`Benchmark on ${os.cpus().length} cores, Node ${process.version}: ${n} synthetic issues (seed ${values.seed}), ${rounds} paired rounds, in ${work}`);
try {
  // `--issues 0`: only the author's loop.
  if (n > 0) {
    const input = path.join(work, 'issues');
    const files = await syntheticArchive(root, input, n, Number(values.seed));
    const anchors = [await hugo(files, work), await eleventy(files, work)];
    for (const anchor of anchors.filter((a) => a.missing)) console.log(`  (${anchor.name} ${anchor.missing}: left out)`);
    const timed = anchors.filter((a): a is Required<Anchor> => Boolean(a.build));

    // Builds from nothing: output and build cache removed before each (untimed).
    const site = path.join(work, 'site');
    const siteNoSearch = path.join(work, 'site-no-search');
    const stats: Record<string, BuildStats[]> = { ours: [], oursSearch: [] };
    const fromNothing =
      (out: string, key: string, ...flags: string[]) =>
      () => {
        rmSync(out, { recursive: true, force: true });
        rmSync(buildCache, { recursive: true, force: true });
        const run = buildCli(root, input, out, ...flags);
        stats[key]!.push(run.stats);
        return run.wall;
      };
    const pagefindCli = () => {
      rmSync(path.join(siteNoSearch, '_pagefind_cli'), { recursive: true, force: true });
      return time(() =>
        spawnSync(path.join(root, 'node_modules/.bin/pagefind'), ['--site', siteNoSearch, '--output-subdir', '_pagefind_cli', '--force-language', 'de', '--quiet'], { stdio: 'ignore' }),
      );
    };
    // The first round's own build makes the pages Pagefind's CLI reads: it runs after ours.
    const withoutSearch = paired(rounds, { ours: fromNothing(siteNoSearch, 'ours', '--no-search'), ...Object.fromEntries(timed.map((a) => [a.name, () => time(a.build)])) });
    const withSearch = paired(rounds, { ours: fromNothing(site, 'oursSearch'), pagefind: pagefindCli });

    console.log(`\nFull build from nothing (median of ${rounds})`);
    const ours = median(withoutSearch.ours!);
    const stage = (runs: BuildStats[], name: string, of: 'stages' | 'processor' = 'stages') => median(runs.map((r) => r[of][name] ?? 0));
    const stages = (runs: BuildStats[]) =>
      Object.keys(runs[0]!.stages)
        .map((k) => `${k} ${stage(runs, k).toFixed(2)}`)
        .join(', ');
    const processor = (runs: BuildStats[]) =>
      Object.keys(runs[0]!.processor)
        .map((k) => `${k} ${stage(runs, k, 'processor').toFixed(2)}`)
        .join(', ');
    const peak = Math.max(...stats.ours!.map((r) => r.maxRssKb)) / 1024;
    console.log(`  this project, no search   ${s(ours)}  peak memory ${mb(median(stats.ours!.map((r) => r.maxRssKb)))}; ${stats.ours![0]!.pages} pages`);
    console.log(`                            stages: ${stages(stats.ours!)}`);
    console.log(`                            processor seconds (every thread): ${processor(stats.ours!)}`);
    for (const anchor of timed) {
      const ratio = pairedRatio(withoutSearch.ours!, withoutSearch[anchor.name]!);
      console.log(`  ${anchor.name.padEnd(25)} ${s(median(withoutSearch[anchor.name]!))}  → this project ${x(ratio)}`);
      if (anchor.name.startsWith('Eleventy')) budgets.add('from nothing, no search, × Eleventy', ratio.median, 1.2, ' ×', `range ${x(ratio)}`);
    }
    const searchRatio = pairedRatio(withSearch.ours!, withSearch.pagefind!);
    console.log(`  this project, with search ${s(median(withSearch.ours!))}  peak memory ${mb(median(stats.oursSearch!.map((r) => r.maxRssKb)))} (Pagefind's process not counted)`);
    console.log(`                            stages: ${stages(stats.oursSearch!)}`);
    console.log(`  Pagefind CLI on our pages ${s(median(withSearch.pagefind!))}  → this project with search ${x(searchRatio)}`);
    budgets.add('from nothing, with search, × Pagefind CLI', searchRatio.median, 1.6, ' ×', `range ${x(searchRatio)}`);
    const pages = stats.ours![0]!.pages;
    const atBar = n === 1000 ? '' : ' (the bar is for 1000 issues)';
    budgets.add(
      'render and write, per page',
      (1000 * stage(stats.ours!, 'render')) / pages,
      2,
      ' ms',
      `wall clock, ${stats.ours![0]!.renderThreads} threads; ${((1000 * stage(stats.ours!, 'render', 'processor')) / pages).toFixed(2)} ms of processor time`,
    );
    budgets.add(`plan at ${n} issues, from nothing`, stage(stats.ours!, 'plan'), 0.3, ' s', `${stage(stats.ours!, 'plan', 'processor').toFixed(2)} s of processor time${atBar}`);
    budgets.add(`peak memory at ${n} issues`, peak, 300, ' MB', `the largest of ${rounds} builds without search${atBar}`);

    // Rebuilds, each after the one before, as the author's are (the output and cache of a build from nothing first).
    console.log(`\nRebuilds at ${n} issues (median of ${rounds})`);
    const changedFile = files[Math.floor(files.length / 2)]!;
    const rebuilds = (out: string, change: boolean, ...flags: string[]) => {
      buildCli(root, input, out, ...flags);
      const runs = Array.from({ length: rounds }, (_, i) => {
        if (change) appendFileSync(changedFile, `\nEin neuer Absatz, Durchgang ${i}.\n`);
        return buildCli(root, input, out, ...flags);
      });
      return { seconds: median(runs.map((run) => run.wall)), plan: median(runs.map((run) => run.stats.stages.plan ?? 0)) };
    };
    const unchanged = rebuilds(site, false).seconds;
    const changedOne = rebuilds(siteNoSearch, true, '--no-search');
    console.log(`  nothing changed           ${s(unchanged)}`);
    console.log(`  one issue changed         ${s(changedOne.seconds)} without search (plan ${s(changedOne.plan)}), ${s(rebuilds(site, true).seconds)} with search`);
    budgets.add('nothing changed', unchanged, 0.3, ' s');
    budgets.add(`plan at ${n} issues, one issue changed`, changedOne.plan, 0.3, ' s', atBar.trim());

    // The parser alone, in this process: processor time per issue after a warm-up.
    const sources = files.slice(0, 300).flatMap((file) => loadFile(path.basename(file), readFileSync(file)).sources);
    for (const source of sources.slice(0, 50)) parseIssue(source);
    const cpu = process.cpuUsage();
    for (const source of sources) parseIssue(source);
    const used = process.cpuUsage(cpu);
    const perIssue = (used.user + used.system) / 1000 / sources.length;
    console.log(`\nParser: ${perIssue.toFixed(2)} ms of processor time per issue (${sources.length} issues, one thread)`);
    budgets.add('parse, processor time per issue', perIssue, 4, ' ms', `${sources.length} issues, one thread, after a warm-up`);
  }

  const devIssues = Number(values['dev-issues']);
  if (devIssues > 0) {
    const { reload, ready } = await devLoop(root, work, devIssues, Number(values.seed));
    console.log(`\nAuthor's loop, npm run dev at ${devIssues} issues (median of 5 saves, with the server's 50 ms wait for a burst of saves)`);
    console.log(`  save → page reloaded      ${describeRange(reload)}`);
    console.log(`  save → search current     ${describeRange(ready)}`);
    budgets.add(`dev save → reload at ${devIssues} issues`, median(reload), 0.5, ' s', `range ${describeRange(reload)}${devIssues === 300 ? '' : ' (the bar is for 300 issues)'}`);
  }
  budgets.print();
} finally {
  if (!values.keep) await fs.rm(work, { recursive: true, force: true });
  else console.log(`\nkept ${work}`);
}
