// Stage 3, to hast: the issue model as the hast tree of its article body. Text goes into `text`
// nodes as it is, so no markup or markdown syntax in the prose (`Journalist*innen`, `1.`, `<b>`)
// can ever change it; rehype-stringify escapes it (html.ts).
// Note: the tree is the one remark-rehype made of the mdast tree this module built before (the
// same elements, properties in the same order, the same line breaks between blocks, links'
// URLs normalised and text's line ends trimmed alike), so the pages did not change; building it
// directly saves a third of the body's time and its garbage. test/render.test.ts pins the markup.

import type { Element, ElementContent, Properties, Root, Text } from 'hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';
import { sourceHeading, type Block, type Inline, type Issue, type Paragraph, type Section, type Source, type SupportBlock } from '../../model.js';

export interface ToHastOptions {
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

type Phrasing = (paragraph: Paragraph) => ElementContent[];

/** Builds the hast tree of an issue's article body (intro, sections, support block). */
export function issueToHast(issue: Issue, options: ToHastOptions): Root {
  const phrasing = (paragraph: Paragraph) => inlineToHast(paragraph.content, issue.number, options);
  const children: Element[] = [];
  if (issue.intro && options.intro !== false) children.push(element('p', phrasing(issue.intro), { className: ['intro'] }));
  // Support blocks in order of the section they precede (one pass, however many there are).
  const supports = [...issue.support].sort((a, b) => a.beforeSection - b.beforeSection);
  let next = 0;
  issue.sections.forEach((section, index) => {
    for (; next < supports.length && supports[next]!.beforeSection <= index; next++) children.push(supportElement(supports[next]!, phrasing));
    children.push(sectionElement(section, phrasing, options.related?.(section) ?? []));
  });
  for (; next < supports.length; next++) children.push(supportElement(supports[next]!, phrasing));
  return { type: 'root', children: lines(children) };
}

/** The intro paragraph alone (the issue page's lead), or undefined when the issue has none. */
export function introToHast(issue: Issue, options: ToHastOptions): Root | undefined {
  if (!issue.intro) return undefined;
  return { type: 'root', children: [element('p', inlineToHast(issue.intro.content, issue.number, options), { className: ['intro', 'lead'] })] };
}

/** Inline runs to hast: links stay links, mentions link to the issue when the archive has it. */
export function inlineToHast(runs: Inline[], ownNumber: number, options: ToHastOptions): ElementContent[] {
  return runs.map((run): ElementContent => {
    const value = text(run.type === 'text' ? run.value : run.text);
    if (run.type === 'link') return link(run.url, [value]);
    if (run.type === 'issueRef' && run.number !== ownNumber) {
      const url = options.issueUrl(run.number);
      if (url) return link(url, [value], { className: ['issue-ref'] });
    }
    return value;
  });
}

function sectionElement(section: Section, phrasing: Phrasing, related: RelatedLink[]): Element {
  const headingId = `${section.id}-titel`;
  const heading = element(
    'h2',
    [
      text(section.heading),
      // The visible permalink a reader can copy. Its `#` comes from the stylesheet, so it is not
      // part of the heading's text in search results.
      link(`#${section.id}`, [], { className: ['permalink'], ariaLabel: `Link zu diesem Abschnitt: ${section.heading}` }),
    ],
    { id: headingId },
  );
  const blocks = section.blocks.map((block) => blockElement(block, phrasing, section.sources));
  return element('section', [heading, ...blocks, ...(related.length ? [relatedElement(related)] : [])], { id: section.id, ariaLabelledBy: [headingId], className: ['topic'] });
}

/** "Mehr dazu im Archiv": the related sections of other issues, each with number, heading and date. */
function relatedElement(related: RelatedLink[]): Element {
  const items = related.map((item) =>
    element('li', [
      link(item.url, [element('span', [text(`No ${item.number}`)], { className: ['related-no'] }), text(` ${item.heading}`)]),
      ...(item.date && item.dateLabel ? [text(' '), element('time', [text(item.dateLabel)], { dateTime: item.date, className: ['related-date'] })] : []),
    ]),
  );
  // Note: the list is a `ul` element of its own (not a markdown list), so its items are not spaced by line breaks.
  return element('div', [element('p', [text('Mehr dazu im Archiv')], { className: ['related-title'] }), element('ul', items)], { className: ['related'], dataPagefindIgnore: 'all' });
}

function blockElement(block: Block, phrasing: Phrasing, sources: Source[]): Element {
  switch (block.kind) {
    case 'commentary':
      return element('p', phrasing(block.paragraph), { className: ['commentary'], ...(block.lang ? { lang: block.lang } : {}) });
    case 'heading':
      return element('h3', phrasing(block.paragraph));
    case 'quote':
      return attributed(block, sources, element('blockquote', looseLines(block.paragraphs.map((p) => element('p', phrasing(p)))), block.lang === 'de' ? {} : { lang: block.lang }));
    case 'list': {
      const list = listElement(block, phrasing);
      if (!block.inQuote) return list;
      return attributed(block, sources, element('blockquote', looseLines([list]), block.lang && block.lang !== 'de' ? { lang: block.lang } : {}));
    }
  }
}

/** A quote with its source named above it (`<figure><figcaption>`), or the bare quote when its source is unknown. */
function attributed(block: Extract<Block, { kind: 'quote' | 'list' }>, sources: Source[], quote: Element): Element {
  const source = block.source === undefined ? undefined : sources[block.source];
  if (!source) return quote;
  return element('figure', [element('figcaption', [text(sourceHeading(source))]), quote], { className: ['quote'] });
}

function listElement(block: Extract<Block, { kind: 'list' }>, phrasing: Phrasing): Element {
  const items = block.items.map((item) => element('li', phrasing(item)));
  return element(block.ordered ? 'ol' : 'ul', looseLines(items), block.ordered && block.start !== undefined && block.start !== 1 ? { start: block.start } : {});
}

function supportElement(support: SupportBlock, phrasing: Phrasing): Element {
  // Note: kept out of the search index, it is the same in every issue.
  return element(
    'aside',
    support.paragraphs.map((p) => element('p', phrasing(p))),
    { className: ['support'], dataPagefindIgnore: 'all', ariaLabel: 'Unterstützen' },
  );
}

function element(tagName: string, children: ElementContent[], properties: Properties = {}): Element {
  return { type: 'element', tagName, properties, children };
}

/** A link; its URL normalised (non-ASCII characters and spaces percent-encoded) as markdown's links are. */
function link(url: string, children: ElementContent[], properties: Properties = {}): Element {
  return element('a', children, { href: normalizeUri(url), ...properties });
}

/** A text node; spaces and tabs around a line break inside it are dropped, as markdown does. */
function text(value: string): Text {
  return { type: 'text', value: value.includes('\n') || value.includes('\r') ? trimLines(value) : value };
}

const lineBreak = (): Text => ({ type: 'text', value: '\n' });

/** Blocks one to a line: a line break between each two. */
function lines(blocks: Element[]): ElementContent[] {
  return blocks.flatMap((block, index) => (index ? [lineBreak(), block] : [block]));
}

/** Blocks one to a line inside a container (a quote, a list): a line break also before the first and after the last. */
function looseLines(blocks: Element[]): ElementContent[] {
  return blocks.length ? [lineBreak(), ...lines(blocks), lineBreak()] : [lineBreak()];
}
