// Stage 4, to HTML: mdast → hast → HTML with one frozen unified processor for every issue.

import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeExternalLinks from './plugins/rehype-external-links.js';
import rehypeReadingStats from './plugins/rehype-reading-stats.js';

const processor = unified()
  .use(remarkRehype)
  .use(rehypeExternalLinks)
  .use(rehypeReadingStats)
  .use(rehypeStringify)
  .freeze();

export interface RenderedBody {
  html: string;
  words: number;
  readingMinutes: number;
}

/** Renders an issue's mdast tree to an HTML fragment. */
export function mdastToHtml(tree: Root, path?: string): RenderedBody {
  const file = new VFile(path ? { path } : undefined);
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);
  return { html, words: file.data.words ?? 0, readingMinutes: file.data.readingMinutes ?? 1 };
}
