// The pages of the site: archive index, one page per issue, the source index and a page per
// source, search, 404, and the feed, sitemap and robots.txt. Each page's data is plain values for the templates; issue
// bodies are rendered through unified beforehand.

import type { Archive } from '../archive/index.js';
import type { SiteConfig } from '../../config.js';
import { atomFeed, feedEntries, robotsTxt, sitemap } from './feeds.js';
import { mdastToHtml } from './html.js';
import { issueToMdast, type RelatedLink } from './mdast.js';
import { mentionedNumbers, renderJob, type PageJob } from './page-jobs.js';
import { cutAtWord, germanDate, imageUrl, issueDescription, issuePageTitle, readingMinutes, TITLE_LENGTH } from './page-texts.js';
import { untitled, type Issue, type Section } from '../../model.js';
import { buildSourceIndex, type SourceEntry } from '../archive/source-index.js';
import { SOURCES_PATH, sourcePageData, sourcePath } from './source-pages.js';
import type { PageRenderer, TemplateName } from './templates.js';

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

export const SEARCH_PATH = 'search/';

/** Most related issues listed at the end of an issue page. */
export const RELATED_ISSUES = 5;

/**
 * Plans the site's pages: each page's path, its key and the data it shows, rendered only when
 * `render()` is called. The keys come from the inputs alone, so a rebuild renders only the
 * pages whose inputs changed.
 */
export function planPages(archive: Archive, renderer: PageRenderer, site: SiteConfig, keys?: PageKeys): Page[] {
  const plan = pagePlan(archive, renderer, site, keys);
  const entries = buildSourceIndex(archive);
  return [indexPage(plan), ...issuePages(plan), ...sourcePages(plan, entries), ...searchPages(plan), ...machinePages(plan, entries)];
}

/** What every page's plan uses: URLs, keys, the issues' summaries, the values all templates get. */
interface PagePlan {
  archive: Archive;
  site: SiteConfig;
  renderer: PageRenderer;
  keys: PageKeys | undefined;
  url(sitePath: string): string;
  /** A page's key from what it shows ('' without keys). */
  key(...parts: unknown[]): string;
  issueUrl(number: number): string | undefined;
  sectionUrl(issue: Issue, section: Section): string;
  summary(issue: Issue): IssueSummary;
  /** The issues the feed carries (see feeds.ts). */
  feedIssues: Issue[];
  /** The values every template gets. */
  common: Record<string, unknown>;
  /** A page's title, description, type, canonical URL and share image. */
  meta(sitePath: string, title: string, description: string, type?: string, image?: string): Record<string, unknown>;
  /** A page made from the whole archive with a template: rendered only when its data changed. */
  templatePage(path: string, template: TemplateName, data: Record<string, unknown>): Page;
  /** A page made from the whole archive without a template (feed, sitemap, robots). */
  derivedPage(path: string, data: unknown, render: () => string): Page;
}

function pagePlan(archive: Archive, renderer: PageRenderer, site: SiteConfig, keys: PageKeys | undefined): PagePlan {
  const url = (sitePath: string) => `${site.basePath}${sitePath}`;
  const key = (...parts: unknown[]) => keys?.page(...parts) ?? '';
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
  // Note: a section's URL is asked for by every section and issue that links to it: made once.
  const sectionUrls = new Map<Section, string>();
  const sectionUrl = (issue: Issue, section: Section) => sectionUrls.get(section) ?? sectionUrls.set(section, `${summary(issue).url}#${section.id}`).get(section)!;
  // Undated issues stay out of the feed: a made-up date would file them wrongly in feed readers;
  // with none dated there is no feed, and no page links to one (see feeds.ts).
  const feedIssues = feedEntries(archive);
  const derivedPage = (path: string, data: unknown, render: () => string): Page => ({ path, key: key(data), render });
  return {
    archive,
    site,
    renderer,
    keys,
    url,
    key,
    issueUrl: (n) => (archive.issuePath(n) === undefined ? undefined : url(archive.issuePath(n)!)),
    sectionUrl,
    summary,
    feedIssues,
    common: {
      site,
      base: site.basePath,
      homeUrl: site.basePath,
      searchUrl: url(SEARCH_PATH),
      sourcesUrl: url(SOURCES_PATH),
      ...(feedIssues.length ? { feedUrl: url('feed.xml') } : {}),
    },
    meta: (sitePath, title, description, type = 'website', image = site.image) => ({
      title: cutAtWord(title, TITLE_LENGTH),
      description,
      type,
      canonical: `${site.baseUrl}${sitePath}`,
      ...(image ? { image: imageUrl(image, site) } : {}),
    }),
    derivedPage,
    templatePage: (path, template, data) => ({ ...derivedPage(path, data, () => renderer.render(template, data)), job: () => ({ template, data }) }),
  };
}

/** The archive index: every issue by year. */
function indexPage({ templatePage, common, meta, site, archive, summary }: PagePlan): Page {
  return templatePage('index.html', 'index', {
    ...common,
    page: meta('', site.title, site.description),
    years: groupByYear(archive.issues.map(summary)),
    issueCount: archive.issues.length,
  });
}

/** A page per issue: its body, its neighbours, who mentions it, related sections and issues. */
function issuePages(plan: PagePlan): Page[] {
  const { archive, summary, sectionUrl, renderer, keys } = plan;
  const relatedLinks = (section: Section): RelatedLink[] =>
    archive.related(section).map(({ issue, section: other }) => ({
      url: sectionUrl(issue, other),
      number: issue.number,
      heading: other.heading,
      ...(issue.date ? { date: issue.date, dateLabel: germanDate(issue.date) } : {}),
    }));
  const linkedSections = (issue: Issue, sections: Section[]) => ({ ...summary(issue), sections: sections.map((section) => ({ heading: section.heading, url: sectionUrl(issue, section) })) });
  return archive.issues.map((issue): Page => {
    const { previous, next } = archive.neighbours(issue);
    // What the page shows of other issues; the site config (in the site key) and the issue's own model
    // (its key) decide the rest, which is worked out only when the page is rendered.
    const data = {
      issue: summary(issue),
      previous: previous && summary(previous),
      next: next && summary(next),
      mentionedBy: archive.mentionedBy(issue).map((mention) => linkedSections(mention.issue, mention.sections)),
      related: issue.sections.map(relatedLinks),
      relatedIssues: archive.relatedIssues(issue, RELATED_ISSUES).map((other) => linkedSections(other.issue, other.sections)),
      // Which mentioned issues the archive has decides which mentions become links.
      linkedMentions: [...new Set(issue.sections.flatMap((section) => section.mentions))].filter((n) => archive.issuePath(n)),
    };
    const job = () => issuePageJob(plan, issue, data);
    return { path: `${archive.issuePath(issue.number)!}index.html`, key: plan.key(keys?.issue(issue), data), render: () => renderJob(job(), renderer), job };
  });
}

/** What rendering an issue's page takes: the data of issuePages and what is worked out only when it is rendered. */
function issuePageJob({ common, meta, site, issueUrl, archive }: PagePlan, issue: Issue, data: { related: RelatedLink[][] } & Record<string, unknown>): PageJob {
  return {
    template: 'issue',
    data: {
      ...common,
      ...data,
      page: meta(archive.issuePath(issue.number)!, issuePageTitle(issue, site), issueDescription(issue), 'article', issue.image ?? site.image),
      // The intro holds the motto: the heading shows the title only when the intro does not.
      showTitle: (!issue.intro || !issue.intro.text.includes(issue.title)) && issue.title !== untitled(issue.number),
      sections: issue.sections.map((section) => ({ id: section.id, heading: section.heading })),
    },
    issuePage: { issue, related: data.related, issueUrls: Object.fromEntries([...mentionedNumbers(issue)].flatMap((n) => (issueUrl(n) ? [[n, issueUrl(n)!]] : []))) },
  };
}

/** The source index (people and outlets apart) and a page per source. */
function sourcePages(plan: PagePlan, entries: SourceEntry[]): Page[] {
  const { common, meta, site, url, sectionUrl, summary, renderer, keys } = plan;
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
  const index = plan.templatePage(`${SOURCES_PATH}index.html`, 'sources', {
    ...common,
    page: meta(SOURCES_PATH, `Quellen – ${site.title}`, `Alle Personen und Medien, die ${site.title} zitiert.`),
    people: sources.filter((s) => s.kind === 'person'),
    outlets: sources.filter((s) => s.kind === 'outlet'),
  });
  return [
    index,
    ...entries.map((entry): Page => {
      const path = sourcePath(entry);
      const job = (): PageJob => ({
        template: 'source',
        data: {
          ...common,
          page: meta(path, `${entry.name} – Quellen – ${site.title}`, `Was ${site.title} von ${entry.name} zitiert und vorstellt.`),
          source: sourcePageData(entry, summary, sectionUrl),
        },
      });
      // Note: the key names the sections and their issues' models, not the page's text: a source
      // quoted in hundreds of issues is then keyed without serialising all its quotes on every build.
      const refs = entry.sections.map(({ issue, section, quotes }) => [keys?.issue(issue), issue.number, section.id, quotes.map((q) => section.blocks.indexOf(q))]);
      return { path: `${path}index.html`, key: plan.key(entry.name, entry.kind, entry.slug, entry.variants, refs), render: () => renderJob(job(), renderer), job };
    }),
  ];
}

/** The search page and the 404 page. */
function searchPages({ templatePage, common, meta, site, archive, summary }: PagePlan): Page[] {
  return [
    // The search page has its own search box: the header's would be a second one.
    templatePage(`${SEARCH_PATH}index.html`, 'search', {
      ...common,
      page: meta(SEARCH_PATH, `Suche – ${site.title}`, `Volltextsuche im Archiv von ${site.title}`),
      issueCount: archive.issues.length,
      searchPage: true,
    }),
    templatePage('404.html', '404', {
      ...common,
      page: { ...meta('404.html', `Nicht gefunden – ${site.title}`, site.description), canonical: undefined },
      issues: archive.issues.slice(0, 5).map(summary),
    }),
  ];
}

/** The feed (when an issue has a date), the sitemap and robots.txt. */
function machinePages({ archive, site, feedIssues, keys, summary, issueUrl, derivedPage }: PagePlan, entries: SourceEntry[]): Page[] {
  const pages: Page[] = [];
  // The feed's copy of an issue is its own text, intro first (the page's, see page-jobs.ts, shows
  // the intro as its lead and related sections under each section). Only the feed's issues need
  // their bodies twice (page and feed); the rest are not kept.
  const feedBody = (issue: Issue) => mdastToHtml(issueToMdast(issue, { issueUrl }), issue.file);
  if (feedIssues.length)
    pages.push(
      derivedPage(
        'feed.xml',
        feedIssues.map((issue) => [keys?.issue(issue), summary(issue), issue.sections.flatMap((s) => s.mentions).filter((n) => archive.issuePath(n))]),
        () => atomFeed(archive, site, feedBody),
      ),
    );
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
