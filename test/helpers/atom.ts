// Checks an Atom feed (RFC 4287) as a feed reader needs it: well-formed XML, and the elements the
// RFC requires of the feed and of each entry, with RFC 3339 dates. Returns the problems found.

/** One element of the parsed feed: its name, attributes, children and text. */
interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The feed's problems (none: a valid feed for what this checks). */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const root = parse(xml, problems);
  if (!root) return problems;
  if (root.name !== 'feed' || root.attributes.xmlns !== 'http://www.w3.org/2005/Atom') problems.push('the root is not an Atom <feed>');
  const one = (parent: Element, name: string, where: string) => {
    const found = parent.children.filter((child) => child.name === name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}> (must have exactly one)`);
    return found[0];
  };
  const dated = (element: Element | undefined, where: string) => {
    if (element && !DATE.test(element.text)) problems.push(`${where}: <updated> is not an RFC 3339 date: ${element.text}`);
  };
  one(root, 'id', 'the feed');
  one(root, 'title', 'the feed');
  dated(one(root, 'updated', 'the feed'), 'the feed');
  const entries = root.children.filter((child) => child.name === 'entry');
  if (!entries.length) problems.push('the feed has no entry');
  const feedAuthor = root.children.some((child) => child.name === 'author');
  for (const [i, entry] of entries.entries()) {
    const where = `entry ${i + 1}`;
    one(entry, 'id', where);
    one(entry, 'title', where);
    dated(one(entry, 'updated', where), where);
    if (!feedAuthor && !entry.children.some((child) => child.name === 'author')) problems.push(`${where} has no author, nor has the feed`);
    const content = entry.children.some((child) => child.name === 'content');
    const alternate = entry.children.some((child) => child.name === 'link' && (child.attributes.rel ?? 'alternate') === 'alternate');
    if (!content && !alternate) problems.push(`${where} has neither <content> nor a link rel="alternate"`);
  }
  return problems;
}

/** A minimal XML reader for the feeds the build writes: elements, attributes, text and entities; no CDATA. */
function parse(xml: string, problems: string[]): Element | undefined {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) problems.push('no XML declaration');
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: Element[] = [{ name: '#document', attributes: {}, children: [], text: '' }];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of body.matchAll(token)) {
    const [, closing, name, attributeText = '', selfClosing, text, stray] = match;
    if (stray) return void problems.push(`a stray < at ${match.index}`);
    if (text !== undefined) {
      for (const entity of text.match(/&[^;\s]*;?/g) ?? []) {
        if (!/^&(lt|gt|amp|apos|quot|#\d+|#x[0-9a-fA-F]+);$/.test(entity)) problems.push(`an undefined entity ${entity}`);
      }
      const decoded = text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
      stack[stack.length - 1]!.text += decoded;
      continue;
    }
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name) return void problems.push(`</${name}> closes <${open.name}>`);
      open.text = open.text.trim();
      continue;
    }
    const attributes = Object.fromEntries([...attributeText.matchAll(/([\w:.-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const element: Element = { name: name!, attributes, children: [], text: '' };
    stack[stack.length - 1]!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) return void problems.push(`<${stack[stack.length - 1]!.name}> is never closed`);
  const [root, ...more] = stack[0]!.children;
  if (!root || more.length) return void problems.push('the document must hold exactly one root element');
  if (stack[0]!.text.trim()) problems.push('text outside the root element');
  return root;
}
