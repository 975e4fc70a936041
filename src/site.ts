// The pages of the site: archive index, one page per issue, search and 404. Each page's data is
// plain values for the templates; the issue body is rendered through unified beforehand.

import type { Archive } from './archive.js';
import type { SiteConfig } from './config.js';
import { mdastToHtml } from './html.js';
import { issueToMdast } from './mdast.js';
import type { Issue } from './model.js';
import type { PageRenderer } from './templates.js';

export interface Page {
  /** Output path relative to the site root (`issues/56/index.html`). */
  path: string;
  html: string;
  /** Whether Pagefind indexes the page. */
  searchable: boolean;
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

export async function renderSite(archive: Archive, renderer: PageRenderer, site: SiteConfig): Promise<Page[]> {
  const url = (sitePath: string) => `${site.basePath}${sitePath}`;
  const bodies = new Map(
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
    readingMinutes: bodies.get(issue)!.readingMinutes,
  });
  const common = { site, base: site.basePath, searchUrl: url('search/'), homeUrl: site.basePath };

  const pages: Page[] = [];
  pages.push({
    path: 'index.html',
    html: await renderer.render('index', { ...common, page: { title: site.title, description: site.description }, issues: archive.issues.map(summary) }),
    searchable: false,
  });
  for (const issue of archive.issues) {
    const { previous, next } = archive.neighbours(issue);
    const body = bodies.get(issue)!;
    pages.push({
      path: `${archive.issuePath(issue.number)}index.html`,
      html: await renderer.render('issue', {
        ...common,
        page: { title: `${site.title} No ${issue.number}: ${issue.title}`, description: issue.title },
        issue: summary(issue),
        body: body.html,
        sections: issue.sections.map((section) => ({ id: section.id, heading: section.heading })),
        previous: previous && summary(previous),
        next: next && summary(next),
        mentionedBy: archive.mentionedBy(issue).map(summary),
      }),
      searchable: true,
    });
  }
  pages.push({
    path: 'search/index.html',
    html: await renderer.render('search', { ...common, page: { title: `Suche – ${site.title}`, description: `Volltextsuche im Archiv von ${site.title}` } }),
    searchable: false,
  });
  pages.push({
    path: '404.html',
    html: await renderer.render('404', { ...common, page: { title: `Nicht gefunden – ${site.title}`, description: site.description }, issues: archive.issues.slice(0, 5).map(summary) }),
    searchable: false,
  });
  return pages;
}
