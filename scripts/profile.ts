// `npx tsx scripts/profile.ts PROFILE.cpuprofile [--top N] [--under TEXT]`: where a CPU profile
// (`node --cpu-prof`) spent its time, as self time by file and by function, and as total time
// (self and callees) by file of this project. Used to find where a stage's time goes before
// changing it; `--under` keeps only the samples under a function whose name contains TEXT.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' }, under: { type: 'string' } } });
const profile = JSON.parse(fs.readFileSync(positionals[0]!, 'utf8')) as Profile;
const top = Number(values.top);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/** A file's name as it reads best: inside node_modules the package, else the path from src/ or scripts/. */
const fileOf = (url: string): string => {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const modules = clean.lastIndexOf('node_modules/');
  if (modules >= 0)
    return clean
      .slice(modules + 13)
      .split('/')
      .slice(0, clean.slice(modules + 13).startsWith('@') ? 2 : 1)
      .join('/');
  const project = clean.match(/\/((?:src|scripts|test)\/.*)$/);
  return project ? project[1]! : path.basename(clean);
};
/** The source file of a place in a bundle, from its linked source map (`file.mjs.map`); undefined without one. */
const sourceMaps = new Map<string, ((line: number, column: number) => string | undefined) | undefined>();
const mappedFile = (url: string, line: number, column: number): string | undefined => {
  if (!url.startsWith('file://')) return undefined;
  if (!sourceMaps.has(url)) sourceMaps.set(url, readSourceMap(`${url.slice(7)}.map`));
  return sourceMaps.get(url)?.(line, column);
};
const frameFile = (frame: ProfileNode['callFrame']): string => {
  const mapped = mappedFile(frame.url, frame.lineNumber, frame.columnNumber);
  return mapped ? fileOf(`file://${mapped}`) : fileOf(frame.url);
};
const ancestors = (id: number): ProfileNode[] => {
  const chain: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at)!);
  return chain;
};

const selfByFile = new Map<string, number>();
const selfByFunction = new Map<string, number>();
const totalByProjectFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  const chain = ancestors(id);
  if (values.under && !chain.some((node) => node.callFrame.functionName.includes(values.under!))) return;
  const { functionName, lineNumber } = chain[0]!.callFrame;
  total += ms;
  const file = frameFile(chain[0]!.callFrame);
  selfByFile.set(file, (selfByFile.get(file) ?? 0) + ms);
  const fn = `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + ms);
  // Each project file once per sample, however deep it recurs.
  for (const name of new Set(chain.map((node) => frameFile(node.callFrame)).filter((f) => /^(src|scripts)\//.test(f)))) totalByProjectFile.set(name, (totalByProjectFile.get(name) ?? 0) + ms);
});

const print = (title: string, table: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${name}`);
};
console.log(`${total.toFixed(0)} ms sampled${values.under ? ` under ${values.under}` : ''}`);
print('Self time by file (packages by name)', selfByFile);
print('Self time by function', selfByFunction);
print('Total time by project file (self and callees)', totalByProjectFile);

/**
 * A source map's look-up: generated line and column (0-based) → the source file's path.
 * Note: only the file is needed, so of each segment only the column and source index are decoded.
 */
function readSourceMap(file: string): ((line: number, column: number) => string | undefined) | undefined {
  if (!fs.existsSync(file)) return undefined;
  const map = JSON.parse(fs.readFileSync(file, 'utf8')) as { sources: string[]; mappings: string };
  const sources = map.sources.map((source) => path.resolve(path.dirname(file), source));
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines: { columns: number[]; sources: number[] }[] = [];
  let source = 0;
  for (const text of map.mappings.split(';')) {
    const line = { columns: [] as number[], sources: [] as number[] };
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      for (let i = 0, value = 0, shift = 0; i < segment.length && fields.length < 2; i++) {
        const digit = digits.indexOf(segment[i]!);
        value += (digit & 31) << shift;
        shift += 5;
        if (!(digit & 32)) {
          fields.push(value & 1 ? -(value >> 1) : value >> 1);
          value = shift = 0;
        }
      }
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      line.columns.push(column);
      line.sources.push(source);
    }
    lines.push(line);
  }
  return (lineNumber, columnNumber) => {
    const line = lines[lineNumber];
    if (!line?.columns.length) return undefined;
    let at = 0;
    while (at + 1 < line.columns.length && line.columns[at + 1]! <= columnNumber) at++;
    return sources[line.sources[at]!];
  };
}
