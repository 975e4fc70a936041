// The command line: `build`, `import`, `check`, `serve` and `dev`. User errors print one line naming the file
// and exit 1; `--verbose` adds the stack.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from './build.js';
import { defaultBuildOptions } from './config.js';
import { BuildError } from './errors.js';
import { terminalProgress } from './progress.js';

const usage = `usage:
  npm run build -- [--input DIR] [--out DIR] [--no-search] [--stats] [--verbose]
  npm run import -- EXPORT.txt... [--into DIR]
  npm run check -- [FILE|DIR...]
  npm run serve -- [--dir DIR] [--port N]
  npm run dev -- [--input DIR] [--out DIR] [--port N]`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      out: { type: 'string' },
      'no-search': { type: 'boolean', default: false },
      stats: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      into: { type: 'string' },
      dir: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !command || command === '--help') {
    console.log(usage);
    return;
  }
  switch (command) {
    case 'build': {
      const options = {
        ...defaultBuildOptions,
        ...(values.input ? { input: path.resolve(values.input) } : {}),
        ...(values.out ? { out: path.resolve(values.out) } : {}),
        search: !values['no-search'],
      };
      const started = performance.now();
      const report = await build(options, undefined, terminalProgress());
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
        const stats = { seconds: Number(seconds), stages: Object.fromEntries(report.timings), maxRssKb: process.resourceUsage().maxRSS, issues: report.issues.length, pages: report.pages, unchanged: Boolean(report.unchanged), kept: report.kept ?? 0, written: report.written ?? 0 };
        console.log(JSON.stringify({ stats }));
      }
      return;
    }
    case 'import': {
      if (!positionals.length) throw new BuildError(`name the export files to import\n${usage}`);
      const { importExports } = await import('./import.js');
      const result = await importExports(positionals.map((p) => path.resolve(p)), path.resolve(values.into ?? defaultBuildOptions.input));
      for (const line of result.log) console.log(line);
      return;
    }
    case 'check': {
      const { checkFiles } = await import('./check.js');
      console.log(await checkFiles(positionals.length ? positionals.map((p) => path.resolve(p)) : [defaultBuildOptions.input]));
      return;
    }
    case 'dev': {
      const options = {
        ...defaultBuildOptions,
        ...(values.input ? { input: path.resolve(values.input) } : {}),
        ...(values.out ? { out: path.resolve(values.out) } : {}),
      };
      const { startDevServer } = await import('./dev.js');
      const dev = await startDevServer({ build: options, port: Number(values.port ?? 8080) });
      console.log(`Serving ${path.relative(process.cwd(), options.out) || '.'} at ${dev.url}, rebuilding on changes to issues/, templates/, public/ and the config (Ctrl+C stops)`);
      return;
    }
    case 'serve': {
      const { serve } = await import('./serve.js');
      await serve(path.resolve(values.dir ?? defaultBuildOptions.out), Number(values.port ?? 8080));
      return;
    }
    default:
      throw new BuildError(`unknown command "${command}"\n${usage}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const verbose = process.argv.includes('--verbose');
  if (error instanceof BuildError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`error: ${(error as Error).message}`);
    if (verbose) console.error(error);
  } else {
    console.error(`error: ${error instanceof Error ? error.message : String(error)} (an unexpected failure; run again with --verbose and report it)`);
    if (verbose) console.error(error);
  }
  process.exitCode = 1;
});
