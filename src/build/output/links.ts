// The link check: every internal `href` and `#anchor` the build emits must resolve to a file the
// build writes and an `id` on that page. A broken one fails the build, naming page and link.

import { ArchiveError } from '../../errors.js';

/** The ids a page defines and the internal links it makes (site-absolute, or `#fragment`). */
export interface PageLinks {
  ids: string[];
  hrefs: string[];
}

/** A tag with its attributes (values in quotes may hold `<`, `>` and `href="` as text), or a comment. */
const TAG = /<!--[\s\S]*?-->|<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s=>"'/]+(?:=(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /\s([^\s=>"'/]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
/** A URL with a scheme (`https:`, `mailto:`) or a protocol-relative one: not the site's. */
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Attributes the link check reads: a tag without any of them is passed over whole. */
const WANTED = /(?:id|href|src)=/i;

/**
 * Reads ids and internal links (`href` and `src`) from a page's HTML.
 * Note: attributes are read tag by tag, so text that looks like markup (`<a href="/x">` written
 * in an issue, or inside an `aria-label`) is never taken for a link.
 */
export function linksOf(html: string): PageLinks {
  const ids: string[] = [];
  const hrefs = new Set<string>();
  // Note: exec loops rather than matchAll, and only the tags that can hold a link read attribute
  // by attribute: half the time, on pages whose tags mostly hold a class or nothing.
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
    const attributes = tag[1];
    if (!attributes || !WANTED.test(attributes)) continue;
    ATTRIBUTE.lastIndex = 0;
    for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
      const raw = match[2] ?? match[3] ?? match[4] ?? '';
      const value = raw.includes('&') ? decodeEntities(raw) : raw;
      const attribute = match[1]!.toLowerCase();
      if (attribute === 'id') ids.push(value);
      else if ((attribute === 'href' || attribute === 'src') && !EXTERNAL.test(value)) hrefs.add(value);
    }
  }
  // Note: the values are slices of the page's HTML, and V8 keeps a whole string alive for as long as
  // any slice of it is; the links outlive the page (they go into the manifest), so they are copied.
  return JSON.parse(JSON.stringify({ ids, hrefs: [...hrefs] })) as PageLinks;
}

/**
 * Checks that each page's internal links resolve.
 * @param pages HTML page path → its links
 * @param files every path the build writes
 * @param unchecked path prefixes of files written by others (Pagefind's)
 * @param unchangedPages pages taken over unchanged from the previous build, whose links within
 *   the page were checked then
 */
export function checkLinks(pages: ReadonlyMap<string, PageLinks>, files: ReadonlySet<string>, basePath: string, unchecked: string[] = [], unchangedPages: ReadonlySet<string> = new Set()): void {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let known = ids.get(file);
    if (!known) ids.set(file, (known = new Set(pages.get(file)!.ids)));
    return known;
  };
  for (const [page, links] of pages) {
    for (const href of links.hrefs) {
      // A page taken over unchanged has the same ids as when its anchors were checked.
      if (href.startsWith('#') && unchangedPages.has(page)) continue;
      const [target = '', fragment] = href.split('#', 2) as [string, string | undefined];
      const file = target === '' ? page : fileOf(sitePath(target, page, basePath), basePath);
      if (unchecked.some((prefix) => file.startsWith(prefix))) continue;
      if (!files.has(file)) throw new ArchiveError(`${page} links to ${href}, but the build writes no ${file}; fix the template or the link`);
      if (fragment && pages.has(file) && !idsOf(file).has(decodeURIComponent(fragment))) {
        throw new ArchiveError(`${page} links to ${href}, but ${file} has no element with id "${fragment}"; fix the template or the link`);
      }
    }
  }
}

/** The site-absolute path of a link on a page: as it is, or resolved from the page's folder (`../57/`), without its query. */
function sitePath(target: string, page: string, basePath: string): string {
  if (target.startsWith(basePath)) return target.replace(/\?.*$/, '');
  return decodeURIComponent(new URL(target, `http://site${basePath}${page.replace(/[^/]*$/, '')}`).pathname);
}

/** The output file a site-absolute URL path is served from (`/issues/56/` → `issues/56/index.html`). */
function fileOf(urlPath: string, basePath: string): string {
  const relative = decodeURIComponent(urlPath.slice(basePath.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" }[e.toLowerCase()]!,
  );
}
