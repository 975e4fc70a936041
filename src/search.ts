// Stage 7, search: a Pagefind index of records made from the issue models (not of the pages).
// Note: each issue gives two records, the author's commentary and the quotes, so that "kind" can
// be a filter (Pagefind filters apply to whole records). Each record holds the issue's sections
// with their headings, so every hit has sub-results that lead to the section.

import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Archive } from './archive.js';
import type { SiteConfig } from './config.js';
import { SearchIndexError } from './errors.js';
import { escapeXml as escapeHtml } from './feeds.js';
import type { Block, Issue, Paragraph } from './model.js';
import { sourceNames } from './source-index.js';
import { BackgroundWrites, filesBelow, makeScratchFolder, removeScratchFolder, type Writer } from './write.js';

/** One record for Pagefind: a small HTML document and the URL a hit leads to. */
export interface SearchRecord {
  url: string;
  html: string;
}

/** Filter names as the search page shows them. */
export const FILTERS = { issue: 'Ausgabe', year: 'Jahr', source: 'Quelle', kind: 'Art' } as const;
export const KINDS = { commentary: 'Kommentar', quote: 'Zitat' } as const;

/** The search records of the archive: per issue, its commentary and its quotes. */
export function searchRecords(archive: Archive, site: SiteConfig): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const issue of archive.issues) {
    const pageUrl = `${site.basePath}${archive.issuePath(issue.number)}`;
    for (const kind of ['commentary', 'quote'] as const) {
      // The quotes' record needs a URL of its own; the page ignores the parameter.
      const url = kind === 'quote' ? `${pageUrl}?art=zitat` : pageUrl;
      const html = recordHtml(issue, kind, site.lang, url);
      if (html) records.push({ url, html });
    }
  }
  return records;
}

/** The record of one kind of text in an issue, or undefined when the issue has none of it. */
function recordHtml(issue: Issue, kind: 'commentary' | 'quote', lang: string, url: string): string | undefined {
  const sections: string[] = [];
  const sources = new Set<string>();
  if (kind === 'commentary' && issue.intro) sections.push(`<p>${escapeHtml(issue.intro.text)}</p>`);
  for (const section of issue.sections) {
    const paragraphs = section.blocks.filter((block) => isKind(block, kind)).flatMap(blockParagraphs);
    if (!paragraphs.length) continue;
    for (const name of section.sources.flatMap(sourceNames)) sources.add(name);
    sections.push(
      `<section><h2 id="${escapeHtml(section.id)}-titel">${escapeHtml(section.heading)}</h2>${paragraphs.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('')}</section>`,
    );
  }
  if (!sections.length) return undefined;
  // Note: Pagefind's UI inserts filter values as HTML (titles, sub-result titles as text), so the
  // index must hold a value escaped once. Pagefind decodes what it captures twice (as HTML, then
  // its entities again), hence three rounds here; test/security.test.ts pins this down.
  const tag = (filter: string, value: string) => `<span data-pagefind-filter="${filter}">${escapeHtml(escapeHtml(escapeHtml(value)))}</span>`;
  return [
    `<html lang="${escapeHtml(lang)}"><body>`,
    // Pagefind indexes the records as files of their own: the URL a hit leads to is metadata.
    `<p data-pagefind-meta="url:${escapeHtml(url)}"></p>`,
    `<h1 data-pagefind-meta="title">No ${issue.number}: ${escapeHtml(issue.title)}</h1>`,
    `<p data-pagefind-meta="number:${issue.number}" data-pagefind-sort="number:${String(issue.number).padStart(6, '0')}">${escapeHtml(KINDS[kind])}</p>`,
    issue.date ? `<p data-pagefind-meta="date:${issue.date}"></p>` : '',
    `<p data-pagefind-meta="kind">${KINDS[kind]}</p>`,
    tag(FILTERS.issue, `No ${issue.number}`),
    issue.date ? tag(FILTERS.year, issue.date.slice(0, 4)) : '',
    [...sources].map((name) => tag(FILTERS.source, name)).join(''),
    tag(FILTERS.kind, KINDS[kind]),
    `<main data-pagefind-body>${sections.join('')}</main>`,
    '</body></html>',
  ].join('');
}

export interface SearchIndexOptions {
  /** Language of the pages: one index for the whole site, English quotes included. */
  lang: string;
  /** Identifies the index (its records and the generator), for the next incremental build. */
  key: string;
  /** Stops Pagefind when the build fails meanwhile. */
  signal?: AbortSignal;
}

/**
 * Indexes the records with the Pagefind program and writes the index (and Pagefind's UI files)
 * to `pagefind/`. Returns the number of files written. Empties `records` once they are saved.
 * Note: Pagefind's program, run on the records saved as small files as its command line is, indexed
 * them 1.5–3× faster here than its Node API (whose service takes each document through a pipe,
 * one at a time), and it runs in a process of its own: the pipeline starts it before rendering,
 * so it indexes on the second core while the pages are written.
 */
export async function writeSearchIndex(records: SearchRecord[], writer: Writer, options: SearchIndexOptions): Promise<number> {
  const scratch = await makeScratchFolder(writer.root ?? os.tmpdir(), 'search');
  try {
    const site = path.join(scratch, 'records');
    const index = path.join(scratch, 'pagefind');
    await fs.mkdir(site);
    // Flat file names (no folders to make); each record carries its real URL as metadata.
    const writes = new BackgroundWrites();
    for (const [i, record] of records.entries()) await writes.add(() => fs.writeFile(path.join(site, `${i}.html`), record.html));
    await writes.flush();
    records.length = 0; // on disk now: the memory is better used while Pagefind runs
    await runPagefind(site, index, options);
    return writer.adoptFolder ? await writer.adoptFolder('pagefind/', index, options.key) : await copyFolder(index, 'pagefind/', writer);
  } finally {
    await removeScratchFolder(scratch);
  }
}

function runPagefind(site: string, output: string, { lang, signal }: SearchIndexOptions): Promise<void> {
  const program = pagefindProgram();
  return new Promise((resolve, reject) => {
    // The working folder is the scratch folder, so no pagefind.yml of the author's project applies.
    const child = spawn(program, ['--site', site, '--output-path', output, '--force-language', lang, '--silent'], { cwd: path.dirname(site), stdio: ['ignore', 'ignore', 'pipe'], ...(signal ? { signal } : {}) });
    // Pagefind must not outlive the build (killed or stopped by a signal, the build exits at once).
    const stop = () => child.kill();
    process.once('exit', stop);
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', (error) => reject(signal?.aborted ? error : new SearchIndexError(`could not start Pagefind (${program}): ${error.message}`)));
    child.on('close', (code, killedBy) => {
      process.off('exit', stop);
      if (code === 0) resolve();
      else reject(new SearchIndexError(`Pagefind failed (${killedBy ?? `exit code ${code}`}): ${errors.trim() || 'no message'}`));
    });
  });
}

/** Pagefind's program for this platform, as the pagefind package finds it (an environment variable may name another). */
function pagefindProgram(): string {
  const names = ['pagefind_extended', 'pagefind'];
  for (const name of names) {
    const fromEnvironment = process.env[`${name.toUpperCase()}_BINARY_PATH`];
    if (fromEnvironment) return fromEnvironment;
  }
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const require = createRequire(import.meta.url);
  for (const name of names) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${platform === 'windows' ? '.exe' : ''}`);
    } catch {
      // not installed under this name; try the next
    }
  }
  throw new SearchIndexError(`Pagefind's program for ${platform}-${process.arch} is not installed: run "npm ci", or set PAGEFIND_BINARY_PATH`);
}

/** Writes every file below `dir` through the writer (for writers that cannot take a folder over). */
async function copyFolder(dir: string, prefix: string, writer: Writer): Promise<number> {
  const files = await filesBelow(dir);
  for (const file of files) await writer.write(`${prefix}${file}`, await fs.readFile(path.join(dir, file)));
  return files.length;
}

function isKind(block: Block, kind: 'commentary' | 'quote'): boolean {
  const quoted = block.kind === 'quote' || (block.kind === 'list' && block.inQuote);
  return kind === 'quote' ? quoted : !quoted;
}

function blockParagraphs(block: Block): Paragraph[] {
  return block.kind === 'quote' ? block.paragraphs : block.kind === 'list' ? block.items : [block.paragraph];
}
