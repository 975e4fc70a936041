// The link check: every internal `href` and `#anchor` the build emits must resolve to a file the
// build writes and an `id` on that page. A broken one fails the build, naming page and link.

import { ArchiveError } from './errors.js';

/** The ids a page defines and the internal links it makes (site-absolute, or `#fragment`). */
export interface PageLinks {
  ids: string[];
  hrefs: string[];
}

const ID = /\sid="([^"]*)"/g;
const HREF = /\shref="([^"]*)"/g;

/** Reads ids and internal links from a page's HTML (as the build writes it: quoted attributes). */
export function linksOf(html: string, basePath: string): PageLinks {
  const ids = [...html.matchAll(ID)].map((m) => decodeEntities(m[1]!));
  const hrefs = [...html.matchAll(HREF)]
    .map((m) => decodeEntities(m[1]!))
    .filter((href) => href.startsWith('#') || href.startsWith(basePath));
  return { ids, hrefs: [...new Set(hrefs)] };
}

/**
 * Checks that each page's internal links resolve.
 * @param pages HTML page path → its links
 * @param files every path the build writes
 * @param unchecked path prefixes of files written by others (Pagefind's)
 */
export function checkLinks(pages: ReadonlyMap<string, PageLinks>, files: ReadonlySet<string>, basePath: string, unchecked: string[] = []): void {
  const idsOf = new Map([...pages].map(([path, links]) => [path, new Set(links.ids)]));
  for (const [page, links] of pages) {
    for (const href of links.hrefs) {
      const [target = '', fragment] = href.split('#', 2) as [string, string | undefined];
      const file = target === '' ? page : fileOf(target.replace(/\?.*$/, ''), basePath);
      if (unchecked.some((prefix) => file.startsWith(prefix))) continue;
      if (!files.has(file)) throw new ArchiveError(`${page} links to ${href}, but the build writes no ${file}; fix the template or the link`);
      if (fragment && idsOf.has(file) && !idsOf.get(file)!.has(decodeURIComponent(fragment))) {
        throw new ArchiveError(`${page} links to ${href}, but ${file} has no element with id "${fragment}"; fix the template or the link`);
      }
    }
  }
}

/** The output file a site-absolute URL path is served from (`/issues/56/` → `issues/56/index.html`). */
function fileOf(urlPath: string, basePath: string): string {
  const relative = decodeURIComponent(urlPath.slice(basePath.length));
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" })[e.toLowerCase()]!,
  );
}
