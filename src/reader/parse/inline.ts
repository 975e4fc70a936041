// Inline content of a paragraph: markdown-style links (the only markdown some exports contain),
// bare URLs and mentions of other issues. Everything else is text, kept exactly as written.

import type { Link, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Inline } from '../../model.js';

/** `[text](url)` or `[text](url "title")`, with one level of nested brackets/parentheses. */
const MARKDOWN_LINK = /\[((?:[^[\]\\]|\\.|\[[^[\]]*\])*)\]\((\s*(?:<[^<>\n]*>|(?:[^()\s\\]|\\.|\([^()\s]*\))*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*)\)/g;
/** A bare http(s) URL; trailing sentence punctuation is not part of it. */
const BARE_URL = /\bhttps?:\/\/[^\s<>"„“”»«‚‘’]+/g;
/** A mention of an issue: `Krasse Links No 27`, `Krasse Links No. 27`, `Krasse Links 25`. */
const ISSUE_MENTION = /\bKrasse\s+Links\s+(?:No\.?\s*)?(\d{1,4})\b/g;
/** Backslash escapes written by markdown exporters (`\$20`, `\*`); the reader sees the character. */
const BACKSLASH_ESCAPE = /\\([$*_[\]()#\\`])/g;

const markdownParser = unified().use(remarkParse).freeze();

/** Whether a URL may become a link: web and mail addresses only, never script or data URLs. */
export function isSafeUrl(url: string): boolean {
  return /^(?:https?:\/\/|mailto:)/i.test(url.trim());
}

/**
 * Splits a paragraph's raw text into inline runs.
 * @param restoredLinks link text → URL from front matter; each phrase links its first occurrence
 *   and is then removed from the map, so the caller passes one map per issue.
 */
export function parseInline(raw: string, restoredLinks?: Map<string, string>): Inline[] {
  // Note: most paragraphs have no link and mention no issue; a look for the characters each needs skips the patterns.
  if (!raw.includes('](')) return mergeText(plainRuns(raw, restoredLinks));
  const runs: Inline[] = [];
  let last = 0;
  for (const match of raw.matchAll(MARKDOWN_LINK)) {
    const url = markdownLinkUrl(match[0]);
    if (url === undefined) continue; // not a link to a markdown parser either: stays text
    runs.push(...plainRuns(raw.slice(last, match.index), restoredLinks));
    const text = unescape(match[1]!);
    if (isSafeUrl(url)) runs.push({ type: 'link', url: url.trim(), text });
    else runs.push(...plainRuns(text, restoredLinks)); // `#` placeholders and unsafe schemes: text only
    last = match.index + match[0].length;
  }
  runs.push(...plainRuns(raw.slice(last), restoredLinks));
  return mergeText(runs);
}

/** The text a reader sees for inline runs. */
export function inlineText(runs: Inline[]): string {
  return runs.map((run) => (run.type === 'text' ? run.value : run.text)).join('');
}

/** Parses one `[text](url)` span with remark-parse and returns its URL, if it is a link. */
function markdownLinkUrl(span: string): string | undefined {
  const tree = markdownParser.parse(span) as Root;
  const paragraph = tree.children[0];
  if (tree.children.length !== 1 || paragraph?.type !== 'paragraph' || paragraph.children.length !== 1) return undefined;
  const link = paragraph.children[0];
  return link?.type === 'link' ? (link as Link).url : undefined;
}

function plainRuns(raw: string, restoredLinks?: Map<string, string>): Inline[] {
  const text = unescape(raw);
  const runs: Inline[] = [];
  const found: { index: number; length: number; run: Inline }[] = [];
  for (const match of text.includes('http') ? text.matchAll(BARE_URL) : []) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, (tail) => trailingKept(match[0], tail));
    found.push({ index: match.index, length: url.length, run: { type: 'link', url, text: url } });
  }
  // URLs come in order and never overlap, so one pointer walks them alongside the mentions
  // (linear in the paragraph, however many URLs and mentions a long line holds).
  const urls = found.length;
  let url = 0;
  for (const match of text.includes('Krasse') ? text.matchAll(ISSUE_MENTION) : []) {
    while (url < urls && found[url]!.index + found[url]!.length <= match.index) url++;
    if (url < urls && found[url]!.index < match.index + match[0].length) continue;
    found.push({ index: match.index, length: match[0].length, run: { type: 'issueRef', number: Number(match[1]), text: match[0] } });
  }
  if (restoredLinks) {
    for (const [phrase, url] of restoredLinks) {
      const index = phrase ? text.indexOf(phrase) : -1;
      if (index < 0 || found.some((f) => index < f.index + f.length && f.index < index + phrase.length)) continue;
      restoredLinks.delete(phrase);
      if (isSafeUrl(url)) found.push({ index, length: phrase.length, run: { type: 'link', url: url.trim(), text: phrase } });
    }
  }
  found.sort((a, b) => a.index - b.index);
  let last = 0;
  for (const f of found) {
    if (f.index > last) runs.push({ type: 'text', value: text.slice(last, f.index) });
    runs.push(f.run);
    last = f.index + f.length;
  }
  if (last < text.length) runs.push({ type: 'text', value: text.slice(last) });
  return runs;
}

/** Keeps a closing parenthesis that balances one inside the URL (Wikipedia-style URLs). */
function trailingKept(url: string, tail: string): string {
  const body = url.slice(0, url.length - tail.length);
  const open = (body.match(/\(/g) ?? []).length - (body.match(/\)/g) ?? []).length;
  return open > 0 && tail.startsWith(')') ? ')' : '';
}

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(BACKSLASH_ESCAPE, '$1') : text;
}

function mergeText(runs: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (run.type === 'text' && previous?.type === 'text') previous.value += run.value;
    else if (run.type !== 'text' || run.value) merged.push(run.type === 'text' ? { ...run } : run);
  }
  return merged;
}
