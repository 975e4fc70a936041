// The pages of the site: archive index, one page per issue, the source index, search, 404, and
// the feed, sitemap and robots.txt. Each page's data is plain values for the templates; issue
// bodies are rendered through unified beforehand.

import type { Archive } from './archive.js';
import type { SiteConfig } from './config.js';
import { atomFeed, robotsTxt, sitemap } from './feeds.js';
import { mdastToHtml } from './html.js';
import { issueToMdast } from './mdast.js';
import type { Issue } from './model.js';
import { buildSourceIndex } from './source-index.js';
import type { PageRenderer } from './templates.js';

export interface Page {
  /** Output path relative to the site root (`issues/56/index.html`). */
  path: string;
  /** The file's text (HTML, XML or plain text). */
  content: string;
}

/** What the templates know of an issue in lists and navigation. */
export interface IssueSummary {
  number: number;
  title: string;
  url: string;
  date?: string;
  dateLabel?: string;
  sectionCount: number;
  readingMinutes: number;
}

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

/** `2024-07-20` → `20. Juli 2024`. */
export function germanDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

export const SOURCES_PATH = 'quellen/';
export const SEARCH_PATH = 'search/';

export async function renderSite(archive: Archive, renderer: PageRenderer, site: SiteConfig): Promise<Page[]> {
  const url = (sitePath: string) => `${site.basePath}${sitePath}`;
  const rendered = new Map(
    archive.issues.map((issue) => {
      const tree = issueToMdast(issue, { issueUrl: (n) => { const p = archive.issuePath(n); return p && url(p); } });
      return [issue, mdastToHtml(tree, issue.file)] as const;
    }),
  );
  const summary = (issue: Issue): IssueSummary => ({
    number: issue.number,
    title: issue.title,
    url: url(archive.issuePath(issue.number)!),
    ...(issue.date ? { date: issue.date, dateLabel: germanDate(issue.date) } : {}),
    sectionCount: issue.sections.length,
    readingMinutes: rendered.get(issue)!.readingMinutes,
  });
  const common = {
    site,
    base: site.basePath,
    homeUrl: site.basePath,
    searchUrl: url(SEARCH_PATH),
    sourcesUrl: url(SOURCES_PATH),
    feedUrl: url('feed.xml'),
  };
  const page = (sitePath: string, title: string, description: string, type = 'website') => ({
    title,
    description,
    type,
    canonical: `${site.baseUrl}${sitePath}`,
  });

  const pages: Page[] = [];
  pages.push({
    path: 'index.html',
    content: renderer.render('index', {
      ...common,
      page: page('', site.title, site.description),
      years: groupByYear(archive.issues.map(summary)),
      issueCount: archive.issues.length,
    }),
  });
  for (const issue of archive.issues) {
    const { previous, next } = archive.neighbours(issue);
    const issuePath = archive.issuePath(issue.number)!;
    pages.push({
      path: `${issuePath}index.html`,
      content: renderer.render('issue', {
        ...common,
        page: page(issuePath, `${site.title} No ${issue.number}: ${issue.title}`, issue.title, 'article'),
        issue: summary(issue),
        body: rendered.get(issue)!.html,
        sections: issue.sections.map((section) => ({ id: section.id, heading: section.heading })),
        previous: previous && summary(previous),
        next: next && summary(next),
        mentionedBy: archive.mentionedBy(issue).map(summary),
      }),
    });
  }
  const sources = buildSourceIndex(archive).map((entry) => ({
    name: entry.name,
    id: entry.id,
    kind: entry.kind,
    sections: entry.sections.map(({ issue, section }) => ({
      number: issue.number,
      heading: section.heading,
      url: `${url(archive.issuePath(issue.number)!)}#${section.id}`,
    })),
  }));
  pages.push({
    path: `${SOURCES_PATH}index.html`,
    content: renderer.render('sources', {
      ...common,
      page: page(SOURCES_PATH, `Quellen – ${site.title}`, `Alle Personen und Medien, die ${site.title} zitiert.`),
      people: sources.filter((s) => s.kind === 'person'),
      outlets: sources.filter((s) => s.kind === 'outlet'),
    }),
  });
  pages.push({
    path: `${SEARCH_PATH}index.html`,
    content: renderer.render('search', { ...common, page: page(SEARCH_PATH, `Suche – ${site.title}`, `Volltextsuche im Archiv von ${site.title}`) }),
  });
  pages.push({
    path: '404.html',
    content: renderer.render('404', {
      ...common,
      page: { ...page('404.html', `Nicht gefunden – ${site.title}`, site.description), canonical: undefined },
      issues: archive.issues.slice(0, 5).map(summary),
    }),
  });
  pages.push({ path: 'feed.xml', content: atomFeed(archive, site, new Map([...rendered].map(([issue, body]) => [issue, body.html]))) });
  pages.push({
    path: 'sitemap.xml',
    content: sitemap(site, [
      { path: '' },
      ...archive.issues.map((issue) => ({ path: archive.issuePath(issue.number)!, ...(issue.date ? { date: issue.date } : {}) })),
      { path: SOURCES_PATH },
    ]),
  });
  pages.push({ path: 'robots.txt', content: robotsTxt(site) });
  return pages;
}

/** Issues grouped by year, newest first; issues without a date come last, under `null`. */
function groupByYear(issues: IssueSummary[]): { year: string | null; issues: IssueSummary[] }[] {
  const groups: { year: string | null; issues: IssueSummary[] }[] = [];
  for (const issue of issues) {
    const year = issue.date?.slice(0, 4) ?? null;
    const group = groups.find((g) => g.year === year) ?? groups[groups.push({ year, issues: [] }) - 1]!;
    group.issues.push(issue);
  }
  return groups.sort((a, b) => (a.year === null ? 1 : b.year === null ? -1 : b.year.localeCompare(a.year)));
}
