// The data flows one way through src/: the reader (bytes → Issue) and the site (Issue[] → pages,
// feeds, search records) know nothing of each other or of the build; the build (stages, cache,
// output, threads, Pagefind) uses both; the command layer uses everything, and nothing below it
// uses the command layer. Each row is a rule, checked against the import lines of every file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers/fixtures.js';

const src = path.join(root, 'src');

/** The part of src/ a file belongs to: its top folder (`reader/`) or, for a top file, its name (`model`). */
function unitOf(relative: string): string {
  const [first, ...rest] = relative.split('/');
  return rest.length ? `${first}/` : first!.replace(/\.[^.]+$/, '');
}

/** The relative imports of a file's text (static, dynamic, type-only and re-exports alike). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s(?:[^'"`;]*?\sfrom\s*)?['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push((match[1] ?? match[2])!);
  return found;
}

/** Every import between two parts of src/: the importing file, its unit, and the unit it imports. */
function crossImports(files: Map<string, string>): { file: string; from: string; to: string }[] {
  const edges: { file: string; from: string; to: string }[] = [];
  for (const [file, text] of files) {
    for (const spec of importsOf(text)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      if (target.startsWith('../')) continue; // outside src/ (package.json, say)
      const [from, to] = [unitOf(file), unitOf(target)];
      if (from !== to) edges.push({ file, from, to });
    }
  }
  return edges;
}

/** Who may import what: every unit not listed for a unit is against the flow. */
const RULES: [unit: string, may: string[], why: string][] = [
  ['model', [], 'the typed issue model is the shared leaf'],
  ['errors', [], 'the errors the author sees are a shared leaf'],
  ['config', [], 'options and their defaults, types and values only'],
  ['reader/', ['model', 'errors'], 'the reader knows nothing of the site, the build or the commands'],
  ['site/', ['model', 'errors', 'config'], 'the site knows nothing of the reader, the build or the commands'],
  ['build/', ['model', 'errors', 'config', 'reader/', 'site/'], 'the build never imports the command layer: progress comes in as an object'],
  ['cli/', ['model', 'errors', 'config', 'reader/', 'site/', 'build/'], 'the command layer uses everything below it'],
  ['index', ['model', 'errors', 'config', 'reader/', 'site/', 'build/', 'cli/'], 'the public API, an entry point like the command line'],
];

function violations(files: Map<string, string>, unit: string, may: string[]): string[] {
  return crossImports(files)
    .filter((edge) => edge.from === unit && !may.includes(edge.to))
    .map((edge) => `${edge.file} imports ${edge.to}`);
}

function readSources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:ts|mts|js|mjs)$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(src, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
  }
  return files;
}

describe('the imports of src/', () => {
  const files = readSources();

  it.each(RULES)('%s imports only %j (%s)', (unit, may) => {
    expect(violations(files, unit, may)).toEqual([]);
  });

  it('every part of src/ has a rule, and nothing in src/ imports the public API', () => {
    const units = new Set([...files.keys()].map(unitOf));
    expect([...units].filter((unit) => !RULES.some(([ruled]) => ruled === unit))).toEqual([]);
    expect(
      crossImports(files)
        .filter((edge) => edge.to === 'index')
        .map((edge) => edge.file),
    ).toEqual([]);
  });

  it('are read: the build imports the reader and the site, and the command line the build', () => {
    const edges = new Set(crossImports(files).map((edge) => `${edge.from} ${edge.to}`));
    expect(edges).toContain('build/ reader/');
    expect(edges).toContain('build/ site/');
    expect(edges).toContain('cli/ build/');
  });
});

describe('the check', () => {
  it('names an import against the flow, whatever form it takes', () => {
    const files = new Map([
      ['reader/parse/x.ts', "import type { Page } from '../../site/render/pages.js';"],
      ['reader/load/y.ts', "export { build } from '../../build/build.js';"],
      ['site/z.ts', "const late = await import('../cli/cli.js');"],
      ['build/w.ts', "import {\n  terminalProgress,\n} from '../cli/progress.js';"],
      ['reader/parse/ok.ts', "import { blockParagraphs } from '../../model.js';\nimport './side-effect.js';"],
    ]);
    expect(violations(files, 'reader/', ['model', 'errors'])).toEqual(['reader/parse/x.ts imports site/', 'reader/load/y.ts imports build/']);
    expect(violations(files, 'site/', ['model'])).toEqual(['site/z.ts imports cli/']);
    expect(violations(files, 'build/', ['reader/'])).toEqual(['build/w.ts imports cli/']);
  });
});
