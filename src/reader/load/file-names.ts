// Which files of an input folder are issues: text and markdown files, not what editors and
// operating systems leave behind.

import path from 'node:path';

const ISSUE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown']);

/** Whether a file name is an issue file; editor leftovers and hidden files are not. */
export function isIssueFileName(name: string): boolean {
  return !isLeftover(name) && ISSUE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Hidden files and what editors and operating systems leave behind: ignored without a word. */
export function isLeftover(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.startsWith('#') || /\.(?:swp|swo|bak|orig|tmp)$/i.test(name) || /^(?:Thumbs\.db|desktop\.ini)$/i.test(name);
}
