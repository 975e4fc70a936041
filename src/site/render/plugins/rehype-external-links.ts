// Marks links that leave the archive: `rel="noopener"` so the opened page cannot script the
// archive's window, and a class the stylesheet uses to show the link goes elsewhere.

import type { Element, Root, RootContent } from 'hast';

export interface ExternalLinksOptions {
  /** `rel` tokens for external links. */
  rel?: string[];
}

const defaults: Required<ExternalLinksOptions> = { rel: ['noopener'] };

export default function rehypeExternalLinks(options: ExternalLinksOptions = {}) {
  const rel = options.rel ?? defaults.rel;
  const mark = (node: Element) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return;
    if (!/^(?:https?:)?\/\//i.test(node.properties.href)) return;
    node.properties.rel = rel;
    const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
    node.properties.className = [...classes, 'external'];
  };
  return (tree: Root) => {
    // Note: a plain recursive walk; unist-util-visit's generality costs more than the work here.
    const walk = (nodes: (Root | RootContent)[]) => {
      for (const node of nodes) {
        if (node.type === 'element') mark(node);
        if ('children' in node) walk(node.children);
      }
    };
    walk([tree]);
  };
}
