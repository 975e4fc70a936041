// Reading a built page as a reader and as an attacker would: the blocks of the article in reading
// order, its links, and every place where input could have turned into markup.

import fs from 'node:fs';
import path from 'node:path';
import { defaultBuildOptions } from '../../src/config.js';
import { articleBody } from './issues.js';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references rehype-stringify and LiquidJS write. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e.toLowerCase()] ?? m),
  );
}

/**
 * The article's blocks as a reader sees them, one string each, marked like plain text:
 * `## ` section heading, `### ` heading, `> ` quoted paragraph, `- ` list item.
 */
export function articleBlocks(html: string): string[] {
  const blocks: string[] = [];
  let quoteDepth = 0;
  let open: { tag: string; quoted: boolean; text: string } | undefined;
  for (const token of articleBody(html).matchAll(/<(\/?)([a-z0-9]+)\b[^>]*>|[^<]+/gi)) {
    const [whole, closing, tag] = token;
    if (!tag) {
      if (open) open.text += whole;
      continue;
    }
    const name = tag.toLowerCase();
    if (name === 'blockquote') quoteDepth += closing ? -1 : 1;
    else if (['p', 'li', 'h2', 'h3'].includes(name)) {
      if (!closing) open = { tag: name, quoted: quoteDepth > 0, text: '' };
      else if (open?.tag === name) {
        const text = decodeEntities(open.text).replace(/\s+/g, ' ').trim();
        const mark = { h2: '## ', h3: '### ', li: '- ', p: '' }[name]!;
        blocks.push(`${open.quoted ? '> ' : ''}${mark}${text}`);
        open = undefined;
      }
    }
  }
  return blocks;
}

/** The article's links as `text → href (rel)`, leaving out the section permalinks. */
export function articleLinks(html: string): string[] {
  return [...articleBody(html).matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)]
    .filter(([, attributes]) => !/class="permalink"/.test(attributes!))
    .map(([, attributes, text]) => {
      const href = decodeEntities(/href="([^"]*)"/.exec(attributes!)?.[1] ?? '');
      const rel = /rel="([^"]*)"/.exec(attributes!)?.[1];
      return `${decodeEntities(text!.replace(/<[^>]+>/g, ''))} → ${href}${rel ? ` (${rel})` : ''}`;
    });
}

/** Elements the article body is made of (mdast → hast); anything else in it came from input. */
export const BODY_ELEMENTS = new Set(['div', 'p', 'section', 'h2', 'h3', 'a', 'blockquote', 'figure', 'figcaption', 'ul', 'ol', 'li', 'aside', 'span', 'time']);

/** Elements the templates write, with those of the article body: all a page may hold. */
export function allowedElements(templatesDir = defaultBuildOptions.templates): Set<string> {
  const templates = fs.readdirSync(templatesDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.liquid'));
  const names = templates.flatMap((file) => [...fs.readFileSync(path.join(templatesDir, file), 'utf8').matchAll(/<([a-z][a-z0-9-]*)/g)].map((m) => m[1]!));
  return new Set([...BODY_ELEMENTS, ...names]);
}

/**
 * Every way input could have become markup on a page: an element neither the templates nor the
 * body renderer make, an event handler attribute, a script without a site-local `src`, a
 * `javascript:` (or `data:`, `vbscript:`) URL, a style attribute, an HTML comment in the body.
 * Returns what was found: an empty list means the page is clean.
 * @param allowed elements the page may hold (those of the templates and of the body)
 */
export function injectedMarkup(html: string, allowed: Set<string>): string[] {
  const found: string[] = [];
  const body = articleBody(html);
  // Attribute values may hold `<` and `>` as text: tags are read attribute by attribute.
  const tags = (text: string) => text.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g);
  for (const [tag, name, attributes] of tags(html)) {
    const element = name!.toLowerCase();
    if (!allowed.has(element)) found.push(`element <${element}>`);
    for (const [, attribute, value] of attributes!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)) {
      if (/^on/i.test(attribute!)) found.push(`event handler ${attribute} in ${tag}`);
      if (/^(?:href|src|action|formaction)$/i.test(attribute!) && /^\s*(?:javascript|data|vbscript):/i.test(decodeEntities(value ?? ''))) found.push(`${attribute}="${value}"`);
      if (/^style$/i.test(attribute!)) found.push(`style attribute in ${tag}`);
    }
    if (element === 'script' && !/\ssrc="\//.test(attributes!)) found.push(`script without a site-local src: ${tag}`);
  }
  for (const [, name] of tags(body)) if (!BODY_ELEMENTS.has(name!.toLowerCase())) found.push(`element <${name}> in the article`);
  if (/<!--/.test(body)) found.push('an HTML comment in the article');
  return found;
}
