#!/usr/bin/env node
// Starts the command line from a JavaScript bundle of src/ and its dependencies, so the author's
// commands start in milliseconds instead of compiling TypeScript and loading hundreds of modules
// on every run. The bundle (esbuild) lives in node_modules/.cache and is rebuilt whenever a file in
// src/, this script, package.json or the lock file is newer.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';

// A build makes many large, short-lived strings (pages, bodies). By default V8 lets the heap grow
// in big steps before collecting them; smaller steps and a smaller young generation keep the peak
// memory of a 1000-issue build under 300 MB for about 10 % more time spent collecting garbage.
// Neither caps the heap: larger archives still get the memory they need.
v8.setFlagsFromString('--heap-growing-percent=20');
v8.setFlagsFromString('--max-semi-space-size=8');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const bundleDir = path.join(root, 'node_modules', '.cache', 'krasse-links', 'bin');
const bundle = path.join(bundleDir, 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const bundleTime = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
// The bundle holds the dependencies too: a changed package.json or lock file makes a new one.
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const inputsTime = Math.max(newestSource(src), mtime(fileURLToPath(import.meta.url)), mtime(path.join(root, 'package.json')), mtime(path.join(root, 'package-lock.json')));
if (bundleTime < inputsTime) {
  const { build } = await import('esbuild');
  fs.rmSync(bundleDir, { recursive: true, force: true });
  await build({
    // The parser's worker thread is an entry of its own (see src/parse/parallel.ts).
    entryPoints: [path.join(src, 'cli.ts'), path.join(src, 'parse', 'worker.ts')],
    outbase: src,
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    // Code used only for a real build (parser, unified, templates, Pagefind) loads on demand.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too: one file loads far faster than hundreds of small modules.
    // CommonJS dependencies (gray-matter) require Node's modules through this.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    logLevel: 'error',
    // The bundle lives elsewhere; paths computed from src/ must stay as they were.
    define: { 'import.meta.dirname': JSON.stringify(src), KRASSE_LINKS_PARSE_WORKER: JSON.stringify(path.join(bundleDir, 'parse', 'worker.mjs')) },
    // Imports of dependencies resolve from the project, not from the cache folder.
    absWorkingDir: root,
    nodePaths: [path.join(root, 'node_modules')],
  });
}
await import(pathToFileURL(bundle).href);
