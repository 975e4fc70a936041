// Broken and hostile input, one folder per case in test/fixtures/input/<case>/: the files an
// author might drop into issues/ (and, for some cases, a public/ folder), and what the build must
// make of them:
// - expected.json: the issue pages as a reader sees them (title, blocks, links) and the warnings;
// - expected-error.txt: the one line the build stops with.
// A missing expected file is written from the build (check it before committing); UPDATE=1
// rewrites them all. Every page of every case is also checked for markup that came from input.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultBuildOptions } from '../src/config.js';
import { BuildError } from '../src/errors.js';
import { buildSite } from '../src/build/pipeline.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { root } from './helpers/fixtures.js';
import { allowedElements, articleBlocks, articleLinks, decodeEntities, injectedMarkup } from './helpers/page.js';

const casesDir = path.join(root, 'test/fixtures/input');
const cases = fs.readdirSync(casesDir).sort();
const update = Boolean(process.env.UPDATE);

const allowed = allowedElements();

interface Outcome {
  warnings: string[];
  issues: { page: string; title: string; blocks: string[]; links: string[] }[];
}

/** Builds a case in memory; returns what a reader sees, or the error. */
async function buildCase(dir: string): Promise<{ outcome?: Outcome; error?: unknown; writer: MemoryWriter }> {
  const writer = new MemoryWriter();
  const publicDir = path.join(dir, 'public');
  const options = { ...defaultBuildOptions, input: path.join(dir, 'issues'), search: false, ...(fs.existsSync(publicDir) ? { public: publicDir } : {}) };
  try {
    const report = await buildSite(options, writer);
    const issues = report.issues.map((issue) => {
      const page = `issues/${issue.slug}/index.html`;
      const html = writer.text(page);
      const title = decodeEntities(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, ''))
        .replace(/\s+/g, ' ')
        .trim();
      return { page, title, blocks: articleBlocks(html), links: articleLinks(html) };
    });
    // The warnings about undated issues and the local baseUrl are the same for every case; they are tested elsewhere.
    return { outcome: { warnings: report.warnings.filter((w) => !/have no date|^baseUrl is still/.test(w)), issues }, writer };
  } catch (error) {
    return { error, writer };
  }
}

afterAll(() => {
  expect((globalThis as Record<string, unknown>).frontMatterRan, 'a front matter block ran').toBeUndefined();
});

describe('every input case builds to its expected pages, or stops with its expected message', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(casesDir, name);
    const expectedFile = path.join(dir, 'expected.json');
    const errorFile = path.join(dir, 'expected-error.txt');
    const { outcome, error, writer } = await buildCase(dir);

    if (error !== undefined) {
      // A user error: one line, shown without a stack (the CLI prints BuildErrors that way).
      expect(error, String((error as Error).stack)).toBeInstanceOf(BuildError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      if (update || (!fs.existsSync(errorFile) && !fs.existsSync(expectedFile))) fs.writeFileSync(errorFile, `${message}\n`);
      expect(fs.existsSync(expectedFile), `${name} should build, but failed: ${message}`).toBe(false);
      expect(message).toBe(fs.readFileSync(errorFile, 'utf8').trim());
      return;
    }

    for (const [file, content] of writer.files) {
      if (file.endsWith('.html')) expect(injectedMarkup(typeof content === 'string' ? content : Buffer.from(content).toString('utf8'), allowed), file).toEqual([]);
    }
    if (update || (!fs.existsSync(expectedFile) && !fs.existsSync(errorFile))) fs.writeFileSync(expectedFile, `${JSON.stringify(outcome, null, 2)}\n`);
    expect(fs.existsSync(errorFile), `${name} should fail with: ${fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8').trim() : ''}`).toBe(false);
    expect(outcome).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  });
});
