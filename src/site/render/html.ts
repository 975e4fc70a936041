// Stage 4, to HTML: hast → HTML with one frozen unified processor for every issue (its plugins,
// then rehype-stringify, which escapes every text).

import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import rehypeExternalLinks from './plugins/rehype-external-links.js';

const processor = unified().use(rehypeExternalLinks).use(rehypeStringify).freeze();

/** Renders an issue's hast tree to an HTML fragment. */
export function hastToHtml(tree: Root, path?: string): string {
  const file = new VFile(path ? { path } : undefined);
  return processor.stringify(processor.runSync(tree, file) as Root, file);
}
