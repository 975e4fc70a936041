// The command line: `build`, `import`, `check`, `serve` and `dev`. User errors print one line naming the file
// and exit 1; `--verbose` adds the stack.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build/build.js';
import { defaultBuildOptions } from '../config.js';
import { BuildError, SYSTEM_ERRORS } from '../errors.js';
import { terminalProgress } from './progress.js';
import { abandonStagingFolders, restoreInterruptedSwap } from '../build/output/swap.js';

const usage = `usage:
  npm run build -- [--input DIR] [--out DIR] [--no-search] [--threads N] [--stats] [--verbose]
  npm run import -- EXPORT.txt... [--into DIR] [--date YYYY-MM-DD]
  npm run check -- [FILE|DIR...] [--mark FILE...]
  npm run serve -- [--dir DIR] [--port N]
  npm run dev -- [--input DIR] [--out DIR] [--port N]`;

const optionTypes = {
  input: { type: 'string' },
  out: { type: 'string' },
  'no-search': { type: 'boolean', default: false },
  stats: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  into: { type: 'string' },
  date: { type: 'string' },
  dir: { type: 'string' },
  port: { type: 'string' },
  mark: { type: 'boolean', default: false },
  threads: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof optionTypes; allowPositionals: true }>>['values'];

/** Each command: what it does with the options and the positional arguments. */
const commands: Record<string, (values: Values, positionals: string[]) => Promise<void>> = {
  build: runBuild,
  async import(values, positionals) {
    if (!positionals.length) throw new BuildError('name the export files to import: npm run import -- EXPORT.txt…');
    const { importExports } = await import('./import.js');
    const result = await importExports(
      positionals.map((p) => path.resolve(p)),
      path.resolve(values.into ?? defaultBuildOptions.input),
      values.date === undefined ? {} : { date: values.date },
    );
    for (const line of result.log) console.log(line);
  },
  async check(values, positionals) {
    const { checkFiles, markFiles } = await import('./check.js');
    if (values.mark) {
      if (!positionals.length) throw new BuildError('name the issue files to mark: npm run check -- --mark issues/057.txt');
      console.log(await markFiles(positionals.map((p) => path.resolve(p))));
      return;
    }
    console.log(await checkFiles(positionals.length ? positionals.map((p) => path.resolve(p)) : [defaultBuildOptions.input]));
  },
  async dev(values) {
    const options = { ...defaultBuildOptions, ...folderOptions(values) };
    const { startDevServer } = await import('./dev.js');
    const dev = await startDevServer({ build: options, port: portOption(values.port) });
    console.log(`Serving ${path.relative(process.cwd(), options.out) || '.'} at ${dev.url}, rebuilding on changes to issues/, templates/, public/ and the config (Ctrl+C stops)`);
  },
  async serve(values) {
    const { serve } = await import('./serve.js');
    const dir = path.resolve(values.dir ?? defaultBuildOptions.out);
    await restoreInterruptedSwap(dir); // a build stopped inside its swap left the site beside it
    await serve(dir, portOption(values.port));
  },
};

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: optionTypes });
  if (values.help || !command || command === '--help') {
    console.log(usage);
    return;
  }
  const run = Object.hasOwn(commands, command) ? commands[command] : undefined;
  if (!run) throw new BuildError(`unknown command "${command}": use build, import, check, serve or dev (npm run build -- --help shows the options)`);
  if (command === 'build' || command === 'dev') stopCleanlyOnSignals();
  await run(values, positionals);
}

/** `--input DIR` and `--out DIR`, as absolute paths. */
function folderOptions(values: Values): { input?: string; out?: string } {
  return { ...(values.input ? { input: path.resolve(values.input) } : {}), ...(values.out ? { out: path.resolve(values.out) } : {}) };
}

/** `npm run build`: builds, prints the warnings and one summary line (and with --stats the figures as JSON). */
async function runBuild(values: Values): Promise<void> {
  const options = {
    ...defaultBuildOptions,
    ...folderOptions(values),
    search: !values['no-search'],
    ...(values.threads === undefined ? {} : { threads: threadsOption(values.threads) }),
  };
  const started = performance.now();
  const report = await build(options, { progress: terminalProgress() });
  for (const warning of report.warnings) console.warn(`warning: ${warning}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const stages = report.timings.map(([name, s]) => `${name} ${s.toFixed(2)} s`).join(', ');
  const where = path.relative(process.cwd(), options.out) || '.';
  if (report.unchanged) console.log(`Nothing changed since the last build of ${where} (checked in ${seconds} s)`);
  else {
    const reuse = report.kept ? `; ${report.written} files written, ${report.kept} unchanged` : '';
    console.log(`Built ${report.issues.length} issues, ${report.pages} pages into ${where} in ${seconds} s (${stages})${reuse}`);
  }
  // Machine-readable figures for the benchmark: stage seconds and peak memory of this process.
  if (values.stats) {
    const stats = {
      seconds: Number(seconds),
      stages: Object.fromEntries(report.timings),
      processor: Object.fromEntries(report.processorTimes ?? []),
      maxRssKb: process.resourceUsage().maxRSS,
      issues: report.issues.length,
      pages: report.pages,
      unchanged: Boolean(report.unchanged),
      kept: report.kept ?? 0,
      written: report.written ?? 0,
      threads: report.threads ?? 0,
      renderThreads: report.renderThreads ?? 0,
    };
    console.log(JSON.stringify({ stats }));
  }
}

/** `--threads N`: a whole number, at least 1. */
function threadsOption(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new BuildError(`--threads takes a whole number of threads, 1 or more, not ${JSON.stringify(value)}`);
  return Number(value);
}

/** `--port N`: a port number, 0 for any free one; 8080 without the option. */
function portOption(value = '8080'): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new BuildError(`--port takes a port number from 0 to 65535, not ${JSON.stringify(value)}`);
  return Number(value);
}

/**
 * Ctrl+C, a closing terminal or `kill` during a build: its staging folder is removed and the
 * process stops with 128 + the signal's number. The handler runs between event loop turns,
 * never inside the swap's two renames (see write.ts), so the output is always whole.
 */
function stopCleanlyOnSignals(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    process.once(signal, () => {
      abandonStagingFolders();
      process.exit(code);
    });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const verbose = process.argv.includes('--verbose');
  const system = error as NodeJS.ErrnoException;
  if (error instanceof BuildError || system.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || system.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    console.error(`error: ${(error as Error).message}`);
  } else if (system.code && SYSTEM_ERRORS[system.code]) {
    // A write's error names no file (ENOSPC: "no space left on device, write").
    const what = system.path ? `${system.syscall ?? 'use'} ${system.path}` : (system.syscall ?? 'go on');
    console.error(`error: cannot ${what}: ${SYSTEM_ERRORS[system.code]}; check the path and try again`);
  } else {
    console.error(`error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (an unexpected failure; run again with --verbose and report it)`);
  }
  if (verbose) console.error(error);
  process.exitCode = 1;
});
