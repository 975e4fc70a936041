// The model store: each parsed issue as plain JSON in a file of its own, named by its model key
// (see keys.ts), so a rebuild reads the models of unchanged issues instead of parsing them again.

import fs from 'node:fs';
import path from 'node:path';
import { blockParagraphs, type Issue, type Paragraph } from '../../model.js';
import { BackgroundWrites } from '../output/queue.js';

/**
 * Models by key, in a folder of the build cache; without a folder (builds into memory) it stores
 * nothing. A process that builds again and again (the dev server) can keep them in memory too.
 */
export class ModelStore {
  private readonly writes = new BackgroundWrites();
  private made = false;
  /** Models' JSON taken with `hold` by a store without a folder. */
  private readonly held = new Map<string, Buffer>();
  /**
   * @param memory models kept between builds by the caller, by key: read before the folder, and
   *   given every model read or written
   */
  constructor(
    private readonly dir: string | undefined,
    private readonly memory?: Map<string, Issue>,
  ) {}

  /** The model with this key; undefined when it is not stored, or no longer readable. */
  read(key: string): Issue | undefined {
    const kept = this.memory?.get(key);
    if (kept || !this.dir) return kept;
    try {
      const issue = shareTexts(JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as Issue);
      this.memory?.set(key, issue);
      return issue;
    } catch {
      return undefined; // parsed again
    }
  }

  /** Stores a model, in the background (see `flush`). */
  write(key: string, issue: Issue): void {
    this.memory?.set(key, issue);
    const file = this.fileFor(key);
    if (!file) return;
    // Note: a temporary name first, so that a build stopped meanwhile leaves no half model; the
    // JSON is made only when its write starts, so that few are in memory at once.
    const temporary = `${file}.${process.pid}`;
    this.writes
      .add(async () => {
        await fs.promises.writeFile(temporary, JSON.stringify(issue));
        await fs.promises.rename(temporary, file);
      })
      .catch(() => {}); // a failure is reported by flush
  }

  /**
   * Where a parsing thread is to store the model with this key (then taken with `takeHeld`): the
   * file it writes the model's JSON to, under a temporary name first (the file's name and a suffix
   * of its own) and renamed; undefined without a folder (the JSON is then given to `hold`).
   * Note: written by the parsing thread and read back once they have ended, the JSON of the models
   * never passes through this thread's memory beside the parsing threads (35 MB at 1000 issues, at
   * the peak of a build's memory).
   */
  fileFor(key: string): string | undefined {
    if (!this.dir) return undefined;
    if (!this.made) fs.mkdirSync(this.dir, { recursive: true });
    this.made = true;
    return this.file(key);
  }

  /** Takes a model as its JSON (UTF-8, as JSON.stringify makes it), made a model by `takeHeld`. */
  hold(key: string, json: Buffer): void {
    this.held.set(key, json);
  }

  /** The models with these keys, written to `fileFor` or taken with `hold`; fails with the store's first failed write. */
  async takeHeld(keys: string[]): Promise<Issue[]> {
    await this.flush();
    return keys.map((key) => {
      const json = this.held.get(key);
      this.held.delete(key);
      const issue = json ? shareTexts(JSON.parse(json.toString()) as Issue) : this.read(key);
      if (!issue) throw new Error(`the parsed model ${key} could not be read back from the build cache (${this.dir})`);
      this.memory?.set(key, issue);
      return issue;
    });
  }

  /** Waits until every model is stored. */
  flush(): Promise<void> {
    return this.writes.flush();
  }

  /** Removes every stored model but those with the given keys (and what stopped builds left). */
  keepOnly(keys: Set<string>): void {
    for (const key of this.memory?.keys() ?? []) if (!keys.has(key)) this.memory!.delete(key);
    if (!this.dir) return;
    for (const name of fs.existsSync(this.dir) ? fs.readdirSync(this.dir) : []) {
      if (!keys.has(name.replace(/\.json$/, ''))) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private file(key: string): string {
    return path.join(this.dir!, `${key}.json`);
  }
}

/**
 * The model with each paragraph that is one run of text holding that text once: a model read from
 * JSON (the store's, the parsing thread's) holds the string twice, as the paragraph's text and as
 * its run's value. Returns the model itself.
 * Note: most paragraphs are such; at 1000 issues a fifth of the models' memory.
 */
export function shareTexts(issue: Issue): Issue {
  const share = (paragraph: Paragraph) => {
    const [run, more] = paragraph.content;
    if (run?.type === 'text' && !more && run.value === paragraph.text) run.value = paragraph.text;
  };
  if (issue.intro) share(issue.intro);
  for (const section of issue.sections) for (const block of section.blocks) blockParagraphs(block).forEach(share);
  for (const support of issue.support) support.paragraphs.forEach(share);
  return issue;
}
