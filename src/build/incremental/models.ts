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

  /**
   * Stores a model, in the background (see `flush`).
   * @param json the model's JSON if it is at hand (UTF-8, as JSON.stringify makes it), else made when the write starts
   */
  write(key: string, issue: Issue, json?: Buffer): void {
    this.memory?.set(key, issue);
    if (!this.dir) return;
    if (!this.made) fs.mkdirSync(this.dir, { recursive: true });
    this.made = true;
    // Note: a temporary name first, so that a build stopped meanwhile leaves no half model; the
    // JSON is made only when its write starts, so that few are in memory at once.
    const file = this.file(key);
    const temporary = `${file}.${process.pid}`;
    this.writes
      .add(async () => {
        await fs.promises.writeFile(temporary, json ?? JSON.stringify(issue));
        await fs.promises.rename(temporary, file);
      })
      .catch(() => {}); // a failure is reported by flush
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
