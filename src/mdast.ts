// Stage 3, to mdast: the issue model as an mdast tree. Text goes into `text` nodes as it is, so no
// markdown syntax in the prose (`Journalist*innen`, `1.`, `Q*`) can ever change it. Elements
// mdast has no node for (section, aside) are containers whose `data.hName` names the element.

import type { BlockContent, Heading, Link, List, ListItem, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Block, Inline, Issue, Paragraph, Section, SupportBlock } from './model.js';

export interface ToMdastOptions {
  /** The page URL of an issue in the archive, or undefined when the archive does not have it. */
  issueUrl: (number: number) => string | undefined;
}

/** A container rendered as the element named in `data.hName`. */
interface ElementNode {
  type: 'element';
  data: { hName: string; hProperties?: Record<string, string | number | boolean | string[]> };
  children: Array<RootContent | ElementNode>;
}

/** Builds the mdast tree of an issue's article body (intro, sections, support block). */
export function issueToMdast(issue: Issue, options: ToMdastOptions): Root {
  const phrasing = (paragraph: Paragraph) => inlineToMdast(paragraph.content, issue.number, options);
  const children: Array<RootContent | ElementNode> = [];
  if (issue.intro) children.push(paragraphNode(phrasing(issue.intro), { className: ['intro'] }));
  // Support blocks in order of the section they precede (one pass, however many there are).
  const supports = [...issue.support].sort((a, b) => a.beforeSection - b.beforeSection);
  let next = 0;
  issue.sections.forEach((section, index) => {
    for (; next < supports.length && supports[next]!.beforeSection <= index; next++) children.push(supportNode(supports[next]!, phrasing));
    children.push(sectionNode(section, phrasing));
  });
  for (; next < supports.length; next++) children.push(supportNode(supports[next]!, phrasing));
  return { type: 'root', children: children as RootContent[] };
}

type Phrasing = (paragraph: Paragraph) => PhrasingContent[];

function sectionNode(section: Section, phrasing: Phrasing): ElementNode {
  const headingId = `${section.id}-titel`;
  const heading: Heading = {
    type: 'heading',
    depth: 2,
    children: [
      { type: 'text', value: section.heading },
      // The visible permalink a reader can copy. Its `#` comes from the stylesheet, so it is not
      // part of the heading's text in search results.
      {
        type: 'link',
        url: `#${section.id}`,
        children: [],
        data: { hProperties: { className: ['permalink'], ariaLabel: `Link zu diesem Abschnitt: ${section.heading}` } },
      },
    ],
    data: { hProperties: { id: headingId } },
  };
  return {
    type: 'element',
    data: { hName: 'section', hProperties: { id: section.id, ariaLabelledBy: headingId, className: ['topic'] } },
    children: [heading, ...section.blocks.map((block) => blockNode(block, phrasing))],
  };
}

function blockNode(block: Block, phrasing: Phrasing): BlockContent {
  switch (block.kind) {
    case 'commentary':
      return paragraphNode(phrasing(block.paragraph), { className: ['commentary'] });
    case 'heading':
      return { type: 'heading', depth: 3, children: phrasing(block.paragraph) };
    case 'quote':
      return {
        type: 'blockquote',
        children: block.paragraphs.map((p) => paragraphNode(phrasing(p))),
        data: { hProperties: block.lang === 'de' ? {} : { lang: block.lang } },
      };
    case 'list': {
      const list = listNode(block, phrasing);
      if (!block.inQuote) return list;
      return { type: 'blockquote', children: [list], data: { hProperties: {} } };
    }
  }
}

function listNode(block: Extract<Block, { kind: 'list' }>, phrasing: Phrasing): List {
  return {
    type: 'list',
    ordered: block.ordered,
    ...(block.ordered && block.start !== undefined && block.start !== 1 ? { start: block.start } : {}),
    spread: false,
    // Note: items are `li` elements rather than mdast `listItem`s, whose conversion to hast looks
    // at every sibling of every item (quadratic in a list of thousands of lines).
    children: block.items.map((item): ElementNode => ({ type: 'element', data: { hName: 'li' }, children: phrasing(item) })) as unknown as ListItem[],
  };
}

function supportNode(support: SupportBlock, phrasing: Phrasing): ElementNode {
  return {
    type: 'element',
    // Note: kept out of the search index, it is the same in every issue.
    data: { hName: 'aside', hProperties: { className: ['support'], dataPagefindIgnore: 'all', ariaLabel: 'Unterstützen' } },
    children: support.paragraphs.map((p) => paragraphNode(phrasing(p))),
  };
}

function paragraphNode(children: PhrasingContent[], properties?: Record<string, string[]>): MdParagraph {
  return { type: 'paragraph', children, ...(properties ? { data: { hProperties: properties } } : {}) };
}

/** Inline runs to mdast: links stay links, mentions link to the issue when the archive has it. */
export function inlineToMdast(runs: Inline[], ownNumber: number, options: ToMdastOptions): PhrasingContent[] {
  return runs.map((run): PhrasingContent => {
    const text: Text = { type: 'text', value: run.type === 'text' ? run.value : run.text };
    if (run.type === 'link') return { type: 'link', url: run.url, children: [text] } satisfies Link;
    if (run.type === 'issueRef' && run.number !== ownNumber) {
      const url = options.issueUrl(run.number);
      if (url) return { type: 'link', url, children: [text], data: { hProperties: { className: ['issue-ref'] } } };
    }
    return text;
  });
}
