// Every page the build writes is valid HTML (html-validate, recommended rules, 0 errors).
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../src/build/pipeline.js';
import { defaultBuildOptions } from '../src/config.js';
import { MemoryWriter } from '../src/build/output/writer.js';
import { archiveDir } from './helpers/fixtures.js';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Long German words and links in prose are the content, not markup problems.
    'long-title': 'off',
  },
});

let pages: [string, string][];
beforeAll(async () => {
  const writer = new MemoryWriter();
  await buildSite({ ...defaultBuildOptions, input: archiveDir, search: false }, writer);
  pages = [...writer.files.keys()].filter((path) => path.endsWith('.html')).map((path) => [path, writer.text(path)]);
});

describe('the HTML of every page', () => {
  it('is checked for the index, every issue, the source index and each source page, search and 404', () => {
    const paths = pages.map(([path]) => path).sort();
    expect(paths.filter((path) => !/^quellen\/[^/]+\/index\.html$/.test(path))).toEqual([
      '404.html',
      'index.html',
      'issues/21/index.html',
      'issues/22/index.html',
      'issues/23/index.html',
      'issues/56/index.html',
      'quellen/index.html',
      'search/index.html',
    ]);
    expect(paths).toContain('quellen/adam-tooze/index.html');
    expect(paths).toContain('quellen/new-york-times/index.html');
  });

  it('validates with 0 errors', async () => {
    const problems: string[] = [];
    for (const [path, html] of pages) {
      const report = await validator.validateString(html, path);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${path}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
