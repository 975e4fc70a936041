// Every rebuild key, in one place: a key is a hash of everything a result depends on, and a
// result whose key is the one the last build recorded is reused instead of made again.
//
// | What is …                         | rebuilt when …                                                   | key |
// | --- | --- | --- |
// | the whole build                   | any input changed (else nothing is done)                         | inputsKey |
// | an input file, decoded and split  | its name or bytes, or the generator, changed                     | fileKey |
// | an issue's model, parsed          | its text, number, front matter or place in its file, or the generator, changed | modelKey |
// | a page, rendered and written      | the site key (generator, templates, config: siteKeyOf) or what the page shows changed | pageKeys |
// | the search index (Pagefind)       | the text of a search record, its language, or the generator, changed | searchKey |
// | a static file, or any other file  | its bytes changed                                                | contentKey |
//
// An output file whose key equals the one in the last build's manifest (manifest.ts, `outputs`)
// is taken over from the previous output as a hard link: not rewritten, its modification time kept.
// Note: every key but the content's includes the generator's own version (`generatorKey`: its
// sources and dependencies), so a changed generator never serves a stale result.

import { createHash } from 'node:crypto';
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { projectRoot, type SiteConfig } from '../../config.js';
import type { Issue } from '../../model.js';
import type { PageKeys } from '../../site/render/pages.js';

/** A short, stable content hash. */
export function hash(...parts: (string | Uint8Array)[]): string {
  const h = new PartHash();
  for (const part of parts) h.add(part);
  return h.digest();
}

/** A hash taken part by part, the same as `hash` of all the parts: the parts need not be in memory at once. */
export class PartHash {
  private readonly sha = createHash('sha256');

  add(part: string | Uint8Array): this {
    this.sha.update(part);
    this.sha.update('\0');
    return this;
  }

  digest(): string {
    return this.sha.digest('base64url').slice(0, 32);
  }
}

let generator: string | undefined;
/** The generator's own version: a hash of every file in src/ but its documentation (`*.md`), package.json and the lock file. */
export function generatorKey(): string {
  if (generator) return generator;
  const parts: (string | Buffer)[] = [];
  const walk = (dir: string) => {
    for (const entry of fsSync.readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.md')) parts.push(entry.name, fsSync.readFileSync(full));
    }
  };
  walk(path.join(projectRoot, 'src'));
  // The lock file too: a dependency updated within its version range can change the output.
  for (const file of ['package.json', 'package-lock.json']) {
    const full = path.join(projectRoot, file);
    if (fsSync.existsSync(full)) parts.push(file, fsSync.readFileSync(full));
  }
  return (generator = hash(...parts));
}

/** The site key: generator, templates (every file of the folder) and the site config as written. */
export async function siteKeyOf(templatesDir: string, site: SiteConfig): Promise<string> {
  return hash(generatorKey(), await folderKey(templatesDir), JSON.stringify(site));
}

/**
 * The key of all inputs of a build: the site key, the issue files and the static files, and
 * whether the search index is built (not in the site key: no page depends on it).
 */
export function inputsKey(siteKey: string, search: boolean, publicFiles: { name: string; key: string }[], issueFiles: { name: string; contentHash: string }[]): string {
  const publicKey = hash(...publicFiles.flatMap((file) => [file.name, file.key]));
  return hash(siteKey, String(search), publicKey, ...issueFiles.flatMap((f) => [f.name, f.contentHash]));
}

/** An input file's key: what it holds (its sources) is known while it stays the same. */
export function fileKey(file: { name: string; contentHash: string }): string {
  return hash(generatorKey(), file.name, file.contentHash);
}

/** An issue's model key: everything the parser reads of it. */
export function modelKey(source: { file: string; firstLine: number; number: number; frontMatter: unknown; lines: string[] }): string {
  return hash(generatorKey(), source.file, String(source.firstLine), String(source.number), JSON.stringify(source.frontMatter), source.lines.join('\n'));
}

/**
 * What every page key starts with: the generator, templates and config as written (`Inputs.siteKey`),
 * and the share image the pages name (the config's, when public/ has it).
 */
export function pageSiteKey(inputsSiteKey: string, shareImage: string | undefined): string {
  return hash(inputsSiteKey, shareImage ?? '');
}

/**
 * The page keys the site's pages are planned with: a page's key is the site key (generator,
 * templates, config and share image: see pageSiteKey) and what the page shows besides (`parts`:
 * its data for the templates, or the model keys of the issues it renders).
 * @param issueKey each issue's model key
 */
export function pageKeys(siteKey: string, issueKey: (issue: Issue) => string): PageKeys {
  return { issue: issueKey, page: (...parts) => hash(siteKey, JSON.stringify(parts)) };
}

/** The search index's key: the records Pagefind indexes and their language (each file of the index carries it). */
export function searchKey(records: Iterable<{ html: string }>, lang: string): string {
  const key = searchKeyHash(lang);
  for (const record of records) key.add(record.html);
  return key.digest();
}

/** The search index's key taken record by record (each record's HTML added in turn): the same as `searchKey`. */
export const searchKeyHash = (lang: string): PartHash => new PartHash().add(generatorKey()).add(lang);

/** The key of a static file, or of any file written without one. */
export function contentKey(content: string | Uint8Array): string {
  return hash(content);
}

/**
 * The build id, written to the output as `.build-id`: says what was built (all inputs), nothing
 * about when, so two builds of the same input publish the same bytes.
 */
export function buildId(inputsKey: string): string {
  return hash('build-id', inputsKey);
}

/** A hash of every file in a folder (names and contents); the same for a missing folder each time. */
async function folderKey(dir: string): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  const walk = async (current: string, prefix: string) => {
    let entries;
    try {
      entries = await fs.readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort(byName)) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) await walk(path.join(current, entry.name), `${name}/`);
      else if (entry.isFile()) parts.push(name, fsSync.readFileSync(path.join(current, entry.name)));
    }
  };
  await walk(dir, '');
  return hash(...parts);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
