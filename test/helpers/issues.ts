// Building issues and pages from small texts, for tests that check one behaviour at a time.

import { createArchive } from '../../src/site/archive/index.js';
import { defaultSiteConfig } from '../../src/config.js';
import { loadFile } from '../../src/reader/load/index.js';
import type { Issue } from '../../src/model.js';
import { parseIssue } from '../../src/reader/parse/index.js';
import { planPages } from '../../src/site/render/pages.js';
import { createPageRenderer } from '../../src/site/render/templates.js';
import { templatesDir } from './fixtures.js';

/** Parses every issue in a text (a file's content). */
export function parseText(text: string, file = 'test.txt'): Issue[] {
  return loadFile(file, text).sources.map(parseIssue);
}

/** Parses a text holding one issue. */
export function parseOne(text: string, file = 'test.txt'): Issue {
  const issues = parseText(text, file);
  if (issues.length !== 1) throw new Error(`expected one issue, got ${issues.length}`);
  return issues[0]!;
}

/** Renders the pages of the given issues; returns each issue page's HTML by number. */
export async function renderIssuePages(issues: Issue[]): Promise<Map<number, string>> {
  const archive = createArchive(issues);
  const pages = planPages(archive, createPageRenderer(templatesDir), defaultSiteConfig);
  return new Map(archive.issues.map((issue) => [issue.number, pages.find((p) => p.path === `issues/${issue.slug}/index.html`)!.render()]));
}

/** An issue text with an intro line and the given body lines. */
export function issueWith(number: number, ...body: string[]): string {
  return [`Willkommen bei Krasse Links No ${number}. Hallo, heute testen wir.`, ...body].join('\n');
}

/** The HTML of the article body only (between the body markers of the issue template). */
export function articleBody(html: string): string {
  const start = html.indexOf('<div class="issue-body">');
  const end = html.indexOf('</article>');
  return html.slice(start, end);
}
