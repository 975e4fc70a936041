// Stage 3, to mdast: the issue model as an mdast tree. Text goes into `text` nodes as it is, so no
// markdown syntax in the prose (`Journalist*innen`, `1.`, `Q*`) can ever change it. Elements
// mdast has no node for (section, aside) are containers whose `data.hName` names the element.

import type { BlockContent, Heading, Link, List, ListItem, Paragraph as MdParagraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { sourceHeading, type Block, type Inline, type Issue, type Paragraph, type Section, type Source, type SupportBlock } from '../../model.js';

export interface ToMdastOptions {
  /** The page URL of an issue in the archive, or undefined when the archive does not have it. */
  issueUrl: (number: number) => string | undefined;
  /** Whether the body starts with the intro paragraph (the issue page shows it as its lead instead). Default true. */
  intro?: boolean;
  /** Sections of other issues on the same subject, listed under each section ("Mehr dazu im Archiv"). */
  related?: (section: Section) => RelatedLink[];
}

/** A related section as the page links to it. */
export interface RelatedLink {
  url: string;
  number: number;
  heading: string;
  date?: string;
  dateLabel?: string;
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
  if (issue.intro && options.intro !== false) children.push(paragraphNode(phrasing(issue.intro), { className: ['intro'] }));
  // Support blocks in order of the section they precede (one pass, however many there are).
  const supports = [...issue.support].sort((a, b) => a.beforeSection - b.beforeSection);
  let next = 0;
  issue.sections.forEach((section, index) => {
    for (; next < supports.length && supports[next]!.beforeSection <= index; next++) children.push(supportNode(supports[next]!, phrasing));
    children.push(sectionNode(section, phrasing, options.related?.(section) ?? []));
  });
  for (; next < supports.length; next++) children.push(supportNode(supports[next]!, phrasing));
  return { type: 'root', children: children as RootContent[] };
}

/** The intro paragraph alone (the issue page's lead), or undefined when the issue has none. */
export function introToMdast(issue: Issue, options: ToMdastOptions): Root | undefined {
  if (!issue.intro) return undefined;
  return { type: 'root', children: [paragraphNode(inlineToMdast(issue.intro.content, issue.number, options), { className: ['intro', 'lead'] })] };
}

type Phrasing = (paragraph: Paragraph) => PhrasingContent[];

function sectionNode(section: Section, phrasing: Phrasing, related: RelatedLink[]): ElementNode {
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
    children: [heading, ...section.blocks.map((block) => blockNode(block, phrasing, section.sources)), ...(related.length ? [relatedNode(related)] : [])],
  };
}

/** "Mehr dazu im Archiv": the related sections of other issues, each with number, heading and date. */
function relatedNode(related: RelatedLink[]): ElementNode {
  const element = (hName: string, children: ElementNode['children'], hProperties?: ElementNode['data']['hProperties']): ElementNode => ({
    type: 'element',
    data: { hName, ...(hProperties ? { hProperties } : {}) },
    children,
  });
  const text = (value: string): Text => ({ type: 'text', value });
  return element(
    'div',
    [
      paragraphNode([text('Mehr dazu im Archiv')], { className: ['related-title'] }),
      element(
        'ul',
        related.map((link) =>
          element('li', [
            { type: 'link', url: link.url, children: [element('span', [text(`No ${link.number}`)], { className: ['related-no'] }) as unknown as PhrasingContent, text(` ${link.heading}`)] },
            ...(link.date && link.dateLabel ? [text(' '), element('time', [text(link.dateLabel)], { dateTime: link.date, className: ['related-date'] })] : []),
          ]),
        ),
      ),
    ],
    { className: ['related'], dataPagefindIgnore: 'all' },
  );
}

function blockNode(block: Block, phrasing: Phrasing, sources: Source[]): BlockContent {
  switch (block.kind) {
    case 'commentary':
      return paragraphNode(phrasing(block.paragraph), { className: ['commentary'], ...(block.lang ? { lang: block.lang } : {}) });
    case 'heading':
      return { type: 'heading', depth: 3, children: phrasing(block.paragraph) };
    case 'quote':
      return attributed(block, sources, {
        type: 'blockquote',
        children: block.paragraphs.map((p) => paragraphNode(phrasing(p))),
        data: { hProperties: block.lang === 'de' ? {} : { lang: block.lang } },
      });
    case 'list': {
      const list = listNode(block, phrasing);
      if (!block.inQuote) return list;
      return attributed(block, sources, { type: 'blockquote', children: [list], data: { hProperties: block.lang && block.lang !== 'de' ? { lang: block.lang } : {} } });
    }
  }
}

/** A quote with its source named above it (`<figure><figcaption>`), or the bare quote when its source is unknown. */
function attributed(block: Extract<Block, { kind: 'quote' | 'list' }>, sources: Source[], quote: BlockContent): BlockContent {
  const source = block.source === undefined ? undefined : sources[block.source];
  if (!source) return quote;
  const caption: ElementNode = { type: 'element', data: { hName: 'figcaption' }, children: [{ type: 'text', value: sourceHeading(source) }] };
  return { type: 'element', data: { hName: 'figure', hProperties: { className: ['quote'] } }, children: [caption, quote] } as unknown as BlockContent;
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

function paragraphNode(children: PhrasingContent[], properties?: Record<string, string | string[]>): MdParagraph {
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
