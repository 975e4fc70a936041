#!/usr/bin/env node
// Starts the command line from a JavaScript bundle of src/ and its dependencies, so the author's
// commands start in milliseconds instead of compiling TypeScript and loading hundreds of modules
// on every run. The bundle (esbuild) lives in node_modules/.cache and is rebuilt whenever a file in
// src/, this script, package.json or the lock file changes its modification time. It holds no
// absolute path: a copied or moved project runs it from its new place.
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
const binDir = path.join(root, 'node_modules', '.cache', 'krasse-links', 'bin');

/** The newest modification time of the sources in `dir` (its documentation, `*.md`, is none). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name.endsWith('.md')) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

// The bundle holds the dependencies too: a changed package.json or lock file makes a new one.
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
const inputsTime = Math.max(newestSource(src), mtime(fileURLToPath(import.meta.url)), mtime(path.join(root, 'package.json')), mtime(path.join(root, 'package-lock.json')));
// Each bundle has a folder named after the newest of its inputs, and appears there whole: it is
// built under a name of its own and renamed. Commands started at once (tests, a build beside the
// dev server) never load a half-written bundle, and a command stopped while it bundles leaves
// nothing a later one would take for a bundle.
const bundleDir = path.join(binDir, String(Math.round(inputsTime)));
const bundle = path.join(bundleDir, 'cli.mjs');
if (!fs.existsSync(bundle)) {
  const { build } = await import('esbuild');
  const partialDir = `${bundleDir}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await build({
    // The parser's and the renderer's worker threads are entries of their own (see
    // src/build/threads/). Entries and chunks all lie in bundleDir
    // itself, so each finds src/ and the workers from its own location.
    entryPoints: {
      cli: path.join(src, 'cli', 'cli.ts'),
      'parse-worker': path.join(src, 'build', 'threads', 'parse-worker.ts'),
      'render-worker': path.join(src, 'build', 'threads', 'render-worker.ts'),
    },
    outdir: partialDir,
    outExtension: { '.js': '.mjs' },
    // Code used only for a real build (parser, unified, templates, Pagefind) loads on demand.
    splitting: true,
    chunkNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies are bundled too: one file loads far faster than hundreds of small modules.
    // CommonJS dependencies (gray-matter) require Node's modules through `require`.
    // Note: no absolute path goes into the bundle. Paths computed from src/ (import.meta.dirname)
    // and the worker's file are resolved when a command runs, from where the bundle lies: a
    // copied or moved project (node_modules and its cache included) builds its own files.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        `const __krasseLinksSrc = __fileURLToPath(new URL(${JSON.stringify(path.relative(bundleDir, src).split(path.sep).join('/'))}, import.meta.url));`,
        "const __krasseLinksParseWorker = __fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));",
        "const __krasseLinksRenderWorker = __fileURLToPath(new URL('./render-worker.mjs', import.meta.url));",
      ].join(' '),
    },
    sourcemap: 'linked',
    logLevel: 'error',
    define: { 'import.meta.dirname': '__krasseLinksSrc', KRASSE_LINKS_PARSE_WORKER: '__krasseLinksParseWorker', KRASSE_LINKS_RENDER_WORKER: '__krasseLinksRenderWorker' },
    // Imports of dependencies resolve from the project, not from the cache folder.
    absWorkingDir: root,
    nodePaths: [path.join(root, 'node_modules')],
  });
  try {
    fs.renameSync(partialDir, bundleDir);
  } catch (error) {
    // Another command finished the same bundle first: use that one.
    fs.rmSync(partialDir, { recursive: true, force: true });
    if (!fs.existsSync(bundle)) throw error;
  }
  removeOldBundles();
}
await import(pathToFileURL(bundle).href);

/**
 * Removes the bundles of earlier sources, and partial ones left by stopped commands, made an hour
 * ago or more. Note: a command still running from an earlier bundle (a dev server while the code
 * changes) loads parts of it on demand, so a bundle is not removed the moment a newer one appears.
 */
function removeOldBundles() {
  for (const name of fs.readdirSync(binDir)) {
    const full = path.join(binDir, name);
    if (full === bundleDir) continue;
    // A command started at the same time may rename or remove its partial bundle meanwhile.
    const modified = fs.statSync(full, { throwIfNoEntry: false })?.mtimeMs;
    if (modified === undefined || Date.now() - modified < 3_600_000) continue;
    fs.rmSync(full, { recursive: true, force: true });
  }
}
