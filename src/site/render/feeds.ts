// Machine-readable pages: the Atom feed with full content, sitemap.xml and robots.txt.
// Everything from the input is XML-escaped; dates come from the input only (deterministic).

import type { Archive } from '../archive/index.js';
import type { SiteConfig } from '../../config.js';
import type { Issue } from '../../model.js';

/** An issue's name as the site shows it (heading, page title, feed): `Krasse Links No 56`, from the site's title. */
export function issueName(site: SiteConfig, number: number): string {
  return `${site.title} No ${number}`;
}

/** How many of the newest issues the feed carries. */
export const FEED_ENTRIES = 20;
// Note: Atom requires a date on every entry and on the feed itself. Issues without `date:` in their
// front matter are left out of the feed (the build warns about them): a made-up date would file
// them wrongly in feed readers. An archive with no dated issue has no feed at all (no page links
// to one): a feed without entries, dated by nothing real, would only mislead its subscribers.

/** The issues the feed carries: the newest FEED_ENTRIES with a date. */
export function feedEntries(archive: Archive): Issue[] {
  const entries: Issue[] = [];
  for (const issue of archive.issues) {
    if (entries.length === FEED_ENTRIES) break;
    if (issue.date) entries.push(issue);
  }
  return entries;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

const timestamp = (issue: Issue) => `${issue.date}T00:00:00Z`;

/** An Atom feed of the newest dated issues, each with its full article body; the archive has at least one (see feedEntries). */
export function atomFeed(archive: Archive, site: SiteConfig, body: (issue: Issue) => string): string {
  const entries = feedEntries(archive);
  const updated = entries.map(timestamp).sort().pop();
  if (!updated) throw new Error('an Atom feed needs a dated issue: plan it only when feedEntries finds one');
  const url = (path: string) => escapeXml(`${site.baseUrl}${path}`);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.lang)}">`,
    `  <title>${escapeXml(site.title)}</title>`,
    `  <subtitle>${escapeXml(site.description)}</subtitle>`,
    `  <link href="${url('feed.xml')}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${url('')}" rel="alternate" type="text/html"/>`,
    `  <id>${url('')}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(site.author)}</name></author>`,
  ];
  for (const issue of entries) {
    const link = url(archive.issuePath(issue.number)!);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(`${issueName(site, issue.number)}: ${issue.title}`)}</title>`,
      `    <link href="${link}" rel="alternate" type="text/html"/>`,
      `    <id>${link}</id>`,
      `    <updated>${timestamp(issue)}</updated>`,
      `    <summary>${escapeXml(issue.title)}</summary>`,
      `    <content type="html" xml:base="${link}">${escapeXml(body(issue))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** sitemap.xml: every page a reader lands on, with the issue date where known. */
export function sitemap(site: SiteConfig, pages: { path: string; date?: string }[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const page of pages) {
    lines.push(`  <url><loc>${escapeXml(`${site.baseUrl}${page.path}`)}</loc>${page.date ? `<lastmod>${page.date}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

export function robotsTxt(site: SiteConfig): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}sitemap.xml\n`;
}
