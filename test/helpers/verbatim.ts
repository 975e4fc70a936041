// The verbatim property: every paragraph of an input issue appears, whitespace collapsed, on
// the built pages. Same rules as ../shared/tools/verbatim.mjs: markdown-style links reduced to
// their text, backslash escapes removed, list markers dropped, title lines skipped.

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export function expectedParagraph(line: string): string {
  return collapse(
    line
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([$*_[\]()#\\`])/g, '$1')
      .replace(/^\s*(?:[-•*–]|\d+[.)])\s+/, ''),
  );
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** A comment, a tag (attribute values may hold `<`, `>` and `<!--` as text), or text. */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*"|='[^']*')?)*)\s*\/?>|[^<]+|</g;
const BLOCK = /^(?:p|div|li|ul|ol|h[1-6]|blockquote|figure|figcaption|section|article|aside|header|footer|nav|main|br|details|summary)$/i;
const HIDDEN = /^(?:script|style|template)$/i;

/** The text a reader sees on a page (block elements separate words). */
export function pageText(html: string): string {
  let text = '';
  let hidden: string | undefined;
  for (const [token, closing, tag] of html.matchAll(TOKEN)) {
    if (tag) {
      if (HIDDEN.test(tag)) hidden = closing ? undefined : tag;
      else if (BLOCK.test(tag)) text += ' ';
    } else if (!hidden && !token.startsWith('<!--')) text += token;
  }
  return collapse(
    text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e.toLowerCase()] ?? m),
    ),
  );
}

/** Paragraphs of `inputText` that appear on none of the pages. */
export function missingParagraphs(inputText: string, pagesHtml: string[]): string[] {
  const pages = pagesHtml.map(pageText);
  return inputText
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(expectedParagraph)
    .filter((t) => t && !/^Krasse Links No\.?\s*\d+\.?$/.test(t))
    .filter((t) => !pages.some((page) => page.includes(t)));
}

/**
 * Paragraphs of `lines` that are not on the page in reading order (at most 10). Searching on from
 * where the previous paragraph was found keeps the check linear for very large pages.
 */
export function missingInOrder(lines: string[], html: string): string[] {
  const page = pageText(html);
  const missing: string[] = [];
  let from = 0;
  for (const line of lines) {
    const text = expectedParagraph(line);
    if (!text || /^Krasse Links No\.?\s*\d+\.?$/.test(text)) continue;
    const at = page.indexOf(text, from);
    if (at < 0) missing.push(text.slice(0, 100));
    else from = at + text.length;
    if (missing.length >= 10) break;
  }
  return missing;
}
