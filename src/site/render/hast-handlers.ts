// The mdast → hast handlers for the nodes issueToMdast makes: remark-rehype's own, except that a
// node's `data.hProperties` are copied into its element rather than cloned.
// Note: mdast-util-to-hast deep-clones every hProperties object through a structured-clone
// polyfill, a quarter of the time an issue's body took to render; each tree here is made for one
// render and thrown away, so nothing can share its properties.

import type { Element, ElementContent, Properties } from 'hast';
import type { Nodes, Parents } from 'mdast';
import { defaultHandlers, type Options } from 'remark-rehype';

type Handlers = NonNullable<Options['handlers']>;
type State = Parameters<NonNullable<Handlers['paragraph']>>[0];
type Handler = (state: State, node: Nodes, parent: Parents | undefined) => Element | ElementContent[] | ElementContent | undefined;

/** A container rendered as the element named in `data.hName` (see mdast.ts). */
interface ElementNode {
  type: 'element';
  data: { hName: string; hProperties?: Properties };
  children: Nodes[];
}

/** A default handler, given the node without its data, and the node's properties added to the result. */
function withProperties(handle: Handler): Handler {
  return (state, node, parent) => {
    const properties = node.data && 'hProperties' in node.data ? (node.data.hProperties as Properties | undefined) : undefined;
    if (!properties) return handle(state, node, parent);
    const result = handle(state, { ...node, data: undefined } as Nodes, parent);
    if (result && !Array.isArray(result) && result.type === 'element') Object.assign(result.properties, properties);
    return result;
  };
}

const own = (name: keyof typeof defaultHandlers) => withProperties(defaultHandlers[name] as Handler);

export const hastHandlers = {
  paragraph: own('paragraph'),
  heading: own('heading'),
  link: own('link'),
  blockquote: own('blockquote'),
  list: own('list'),
  // Note: elements mdast has no node for; without a handler they would go through the unknown
  // handler's `div` and be renamed.
  element: (state: State, node: ElementNode): Element => ({
    type: 'element',
    tagName: node.data.hName,
    properties: { ...node.data.hProperties },
    children: state.all(node as unknown as Parents),
  }),
} as unknown as Handlers;
