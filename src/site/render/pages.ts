// The pages of the site: archive index, one page per issue, the source index and a page per
// source, search, 404, and the feed, sitemap and robots.txt. Each page's data is plain values for the templates; issue
// bodies are rendered through unified beforehand.

import type { Archive } from '../archive/index.js';
import type { SiteConfig } from '../../config.js';
import { atomFeed, feedEntries, issueName, robotsTxt, sitemap } from './feeds.js';
import { mdastToHtml } from './html.js';
import { issueToMdast, type RelatedLink } from './mdast.js';
import { mentionedNumbers, renderJob, type PageJob } from './page-jobs.js';
import { sectionParagraphs, untitled, type Issue, type Section } from '../../model.js';
import { buildSourceIndex } from '../archive/source-index.js';
import { SOURCES_PATH, sourcePageData, sourcePath } from './source-pages.js';
import type { PageRenderer } from './templates.js';

export { SOURCES_PATH, sourcePath } from './source-pages.js';

export interface Page {
  /** Output path relative to the site root (`issues/56/index.html`). */
  path: string;
  /** Changes whenever the page's content would: an unchanged key lets a rebuild keep the file (see PageKeys). */
  key: string;
  /** The file's text (HTML, XML or plain text), rendered when asked for. */
  render(): string;
  /** For an HTML page: what rendering it takes, as plain data another thread can render too (see page-jobs.ts). */
  job?: () => PageJob;
}

/**
 * How the pages are keyed: the build passes its keys in (build/incremental/keys.ts); a build
 * into memory passes none, and every page's key is ''.
 */
export interface PageKeys {
  /** The key of an issue's model. */
  issue(issue: Issue): string;
  /** A page's key from what it shows besides the site (its data, the model keys of its issues). */
  page(...parts: unknown[]): string;
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

const dateLabels = new Map<string, string>();

/** `2024-07-20` → `20. Juli 2024`. */
export function germanDate(iso: string): string {
  // Note: formatting is slow next to a look-up, and related sections repeat the same dates.
  let label = dateLabels.get(iso);
  if (label === undefined) dateLabels.set(iso, (label = dateFormat.format(new Date(`${iso}T00:00:00Z`))));
  return label;
}

export const SEARCH_PATH = 'search/';

/** Most related issues listed at the end of an issue page. */
export const RELATED_ISSUES = 5;
/** The longest page title (`<title>`, og:title): search results and tabs cut longer ones anyway. */
export const TITLE_LENGTH = 70;
/** The longest page description (meta description, og:description). */
export const DESCRIPTION_LENGTH = 200;

/**
 * A text cut at a word to at most `max` characters, with `…` when cut (`Krasse Links No 21: Also
 * programmiert Euch das Netzwerk auf den Duden, heute …`).
 */
export function cutAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = (space > max / 3 ? room.slice(0, space) : room).replace(/[\s,;:–—-]+$/u, '');
  return `${cut} …`.length <= max ? `${cut} …` : `${cut}…`;
}

/** An issue's page title: its number and motto, cut at a word to TITLE_LENGTH. */
export function issuePageTitle(issue: Issue, site: SiteConfig): string {
  return cutAtWord(`${issueName(site, issue.number)}: ${issue.title}`, TITLE_LENGTH);
}

/** An issue's description (meta and og:description): the start of its first section, cut at a word. */
export function issueDescription(issue: Issue): string {
  const first = issue.sections[0];
  const text = first ? sectionParagraphs(first).map((p) => p.text).join(' ') : '';
  return cutAtWord(text || issue.title, DESCRIPTION_LENGTH);
}

/** The absolute URL of a share image (a path in public/ or an http(s) URL). */
export function imageUrl(image: string, site: SiteConfig): string {
  return /^https?:\/\//i.test(image) ? image : `${site.baseUrl}${image}`;
}

/** Reading time in whole minutes at 200 words a minute (essayistic German prose), at least 1. */
export const readingMinutes = (issue: Issue) => Math.max(1, Math.round(issue.words / 200));

/**
 * Plans the site's pages: each page's path, its key and the data it shows, rendered only when
 * `render()` is called. The keys come from the inputs alone, so a rebuild renders only the
 * pages whose inputs changed.
 */
export function planPages(archive: Archive, renderer: PageRenderer, site: SiteConfig, keys?: PageKeys): Page[] {
  const url = (sitePath: string) => `${site.basePath}${sitePath}`;
  const pageKey = (...parts: unknown[]) => keys?.page(...parts) ?? '';
  const issueUrl = (n: number) => {
    const p = archive.issuePath(n);
    return p && url(p);
  };
  // Only the feed's issues need their bodies twice (page and feed); the rest are not kept.
  // Undated issues stay out of the feed: a made-up date would file them wrongly in feed readers;
  // with none dated there is no feed, and no page links to one (see feeds.ts).
  const feedIssues = feedEntries(archive);
  const sectionUrl = (issue: Issue, section: Section) => `${url(archive.issuePath(issue.number)!)}#${section.id}`;
  const relatedLinks = (section: Section): RelatedLink[] =>
    archive.related(section).map(({ issue, section: other }) => ({
      url: sectionUrl(issue, other),
      number: issue.number,
      heading: other.heading,
      ...(issue.date ? { date: issue.date, dateLabel: germanDate(issue.date) } : {}),
    }));
  // The feed's copy of an issue is its own text, intro first (the page's, see page-jobs.ts, shows
  // the intro as its lead and related sections under each section).
  const feedBody = (issue: Issue) => mdastToHtml(issueToMdast(issue, { issueUrl }), issue.file);
  const summaries = new Map<Issue, IssueSummary>();
  const summary = (issue: Issue): IssueSummary => {
    let known = summaries.get(issue);
    if (!known) {
      known = {
        number: issue.number,
        title: issue.title,
        url: url(archive.issuePath(issue.number)!),
        ...(issue.date ? { date: issue.date, dateLabel: germanDate(issue.date) } : {}),
        sectionCount: issue.sections.length,
        readingMinutes: readingMinutes(issue),
      };
      summaries.set(issue, known);
    }
    return known;
  };
  // Pages made from the whole archive render only when their data changed.
  const derivedPage = (path: string, data: unknown, render: () => string): Page => ({
    path,
    key: pageKey(data),
    render,
  });
  const templatePage = (path: string, template: Parameters<PageRenderer['render']>[0], data: Record<string, unknown>): Page => ({
    ...derivedPage(path, data, () => renderer.render(template, data)),
    job: () => ({ template, data }),
  });
  const common = {
    site,
    base: site.basePath,
    homeUrl: site.basePath,
    searchUrl: url(SEARCH_PATH),
    sourcesUrl: url(SOURCES_PATH),
    ...(feedIssues.length ? { feedUrl: url('feed.xml') } : {}),
  };
  const page = (sitePath: string, title: string, description: string, type = 'website', image = site.image) => ({
    title: cutAtWord(title, TITLE_LENGTH),
    description,
    type,
    canonical: `${site.baseUrl}${sitePath}`,
    ...(image ? { image: imageUrl(image, site) } : {}),
  });

  const pages: Page[] = [];
  pages.push(templatePage('index.html', 'index', {
      ...common,
      page: page('', site.title, site.description),
      years: groupByYear(archive.issues.map(summary)),
      issueCount: archive.issues.length,
    }));
  for (const issue of archive.issues) {
    const { previous, next } = archive.neighbours(issue);
    const issuePath = archive.issuePath(issue.number)!;
    // What the page shows of other issues; the site config (in the site key) and the issue's own model
    // (its key) decide the rest, which is worked out only when the page is rendered.
    const data = {
      issue: summary(issue),
      previous: previous && summary(previous),
      next: next && summary(next),
      mentionedBy: archive.mentionedBy(issue).map((mention) => ({
        ...summary(mention.issue),
        sections: mention.sections.map((section) => ({ heading: section.heading, url: sectionUrl(mention.issue, section) })),
      })),
      related: issue.sections.map(relatedLinks),
      relatedIssues: archive.relatedIssues(issue).slice(0, RELATED_ISSUES).map((other) => ({
        ...summary(other.issue),
        sections: other.sections.map((section) => ({ heading: section.heading, url: sectionUrl(other.issue, section) })),
      })),
      // Which mentioned issues the archive has decides which mentions become links.
      linkedMentions: [...new Set(issue.sections.flatMap((section) => section.mentions))].filter((n) => archive.issuePath(n)),
    };
    const job = (): PageJob => ({
      template: 'issue',
      data: {
        ...common,
        ...data,
        page: page(issuePath, issuePageTitle(issue, site), issueDescription(issue), 'article', issue.image ?? site.image),
        // The intro holds the motto: the heading shows the title only when the intro does not.
        showTitle: (!issue.intro || !issue.intro.text.includes(issue.title)) && issue.title !== untitled(issue.number),
        sections: issue.sections.map((section) => ({ id: section.id, heading: section.heading })),
      },
      issuePage: { issue, related: data.related, issueUrls: Object.fromEntries([...mentionedNumbers(issue)].flatMap((n) => (issueUrl(n) ? [[n, issueUrl(n)!]] : []))) },
    });
    pages.push({ path: `${issuePath}index.html`, key: pageKey(keys?.issue(issue), data), render: () => renderJob(job(), renderer), job });
  }
  const entries = buildSourceIndex(archive);
  const sources = entries.map((entry) => ({
    name: entry.name,
    id: entry.id,
    kind: entry.kind,
    url: url(sourcePath(entry)),
    variants: entry.variants,
    issueCount: entry.issues,
    sectionCount: entry.sections.length,
    sections: entry.sections.map(({ issue, section }) => ({ number: issue.number, heading: section.heading, url: sectionUrl(issue, section) })),
  }));
  pages.push(templatePage(`${SOURCES_PATH}index.html`, 'sources', {
    ...common,
    page: page(SOURCES_PATH, `Quellen – ${site.title}`, `Alle Personen und Medien, die ${site.title} zitiert.`),
    people: sources.filter((s) => s.kind === 'person'),
    outlets: sources.filter((s) => s.kind === 'outlet'),
  }));
  for (const entry of entries) {
    const path = sourcePath(entry);
    const job = (): PageJob => ({
      template: 'source',
      data: {
        ...common,
        page: page(path, `${entry.name} – Quellen – ${site.title}`, `Was ${site.title} von ${entry.name} zitiert und vorstellt.`),
        source: sourcePageData(entry, summary, sectionUrl),
      },
    });
    // Note: the key names the sections and their issues' models, not the page's text: a source
    // quoted in hundreds of issues is then keyed without serialising all its quotes on every build.
    const refs = entry.sections.map(({ issue, section, quotes }) => [keys?.issue(issue), issue.number, section.id, quotes.map((q) => section.blocks.indexOf(q))]);
    pages.push({ path: `${path}index.html`, key: pageKey(entry.name, entry.kind, entry.slug, entry.variants, refs), render: () => renderJob(job(), renderer), job });
  }
  // The search page has its own search box: the header's would be a second one.
  pages.push(templatePage(`${SEARCH_PATH}index.html`, 'search', { ...common, page: page(SEARCH_PATH, `Suche – ${site.title}`, `Volltextsuche im Archiv von ${site.title}`), issueCount: archive.issues.length, searchPage: true }));
  pages.push(templatePage('404.html', '404', {
    ...common,
    page: { ...page('404.html', `Nicht gefunden – ${site.title}`, site.description), canonical: undefined },
    issues: archive.issues.slice(0, 5).map(summary),
  }));
  if (feedIssues.length) pages.push(derivedPage('feed.xml', feedIssues.map((issue) => [keys?.issue(issue), summary(issue), issue.sections.flatMap((s) => s.mentions).filter((n) => archive.issuePath(n))]), () => atomFeed(archive, site, feedBody)));
  const sitemapPages = [
    { path: '' },
    ...archive.issues.map((issue) => ({ path: archive.issuePath(issue.number)!, ...(issue.date ? { date: issue.date } : {}) })),
    { path: SOURCES_PATH },
    ...entries.map((entry) => ({ path: sourcePath(entry) })),
  ];
  pages.push(derivedPage('sitemap.xml', sitemapPages, () => sitemap(site, sitemapPages)));
  pages.push(derivedPage('robots.txt', [], () => robotsTxt(site)));
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
