// Every rebuild key, in one place: a key is a hash of everything a result depends on, and a
// result whose key is the one the last build recorded is reused instead of made again.
//
// | What is …                         | rebuilt when …                                                   | key |
// | --- | --- | --- |
// | the whole build                   | any input changed (else nothing is done)                         | `Inputs.key` (load/inputs.ts) |
// | an input file, decoded and split  | its name or bytes, or the generator, changed                     | fileKey |
// | an issue's model, parsed          | its text, number, front matter or place in its file, or the generator, changed | modelKey |
// | a page, rendered and written      | the site key (generator, templates, config: `Inputs.siteKey`) or what the page shows changed | pageKey |
// | the search index (Pagefind)       | the text of a search record, or the generator, changed           | searchKey |
// | a static file, or any other file  | its bytes changed                                                | contentKey |
//
// An output file whose key equals the one in the last build's manifest (manifest.ts, `outputs`)
// is taken over from the previous output as a hard link: not rewritten, its modification time kept.
// Note: every key but the content's includes the generator's own version (`generatorKey`: its
// sources and dependencies), so a changed generator never serves a stale result.

import { generatorKey, hash, type InputFile } from '../load/inputs.js';
import type { IssueSource } from '../load/index.js';
import type { Issue } from '../model.js';

/** An input file's key: what it holds (its sources) is known while it stays the same. */
export function fileKey(file: InputFile): string {
  return hash(generatorKey(), file.name, file.contentHash);
}

/** An issue's model key: everything the parser reads of it. */
export function modelKey(source: IssueSource): string {
  return hash(generatorKey(), source.file, String(source.firstLine), String(source.number), JSON.stringify(source.frontMatter), source.lines.join('\n'));
}

/** What page keys are made of: each issue's model key, and everything else pages depend on (generator, templates, config). */
export interface PageKeys {
  issue(issue: Issue): string;
  /** The site-wide key: generator, templates, config and share image (see pageSiteKey). */
  siteKey: string;
}

/**
 * What every page key starts with: the generator, templates and config as written (`Inputs.siteKey`),
 * and the share image the pages name (the config's, when public/ has it).
 */
export function pageSiteKey(inputsSiteKey: string, shareImage: string | undefined): string {
  return hash(inputsSiteKey, shareImage ?? '');
}

/**
 * A page's key: the site key and what the page shows besides (`parts`: its data for the templates, or
 * the model keys of the issues it renders); '' without keys (builds into memory keep nothing).
 */
export function pageKey(keys: PageKeys | undefined, ...parts: unknown[]): string {
  return keys ? hash(keys.siteKey, JSON.stringify(parts)) : '';
}

/** The search index's key: the records Pagefind indexes (each file of the index carries it). */
export function searchKey(records: { html: string }[]): string {
  return hash(generatorKey(), ...records.map((record) => record.html));
}

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
