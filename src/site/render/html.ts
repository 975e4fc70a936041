// Stage 4, to HTML: mdast → hast → HTML with one frozen unified processor for every issue.

import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { hastHandlers } from './hast-handlers.js';
import rehypeExternalLinks from './plugins/rehype-external-links.js';

const processor = unified().use(remarkRehype, { handlers: hastHandlers }).use(rehypeExternalLinks).use(rehypeStringify).freeze();

/** Renders an issue's mdast tree to an HTML fragment. */
export function mdastToHtml(tree: Root, path?: string): string {
  const file = new VFile(path ? { path } : undefined);
  return processor.stringify(processor.runSync(tree, file), file);
}
