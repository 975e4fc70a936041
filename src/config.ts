// Options with their defaults in one place: the build's (folders, search) and the site's
// (title, description, language, base path). Types and defaults only: the build reads the
// site config file (build/site-config.ts).

import path from 'node:path';

export interface BuildOptions {
  /** Folder holding the plain-text issues. */
  input: string;
  /** Output folder; replaced as a whole when the build succeeds. */
  out: string;
  /** Folder of the Liquid page templates. */
  templates: string;
  /** Folder of static files (CSS, icons) copied to the output as they are. */
  public: string;
  /** Build the Pagefind search index after writing the pages. */
  search: boolean;
  /** The site's config file (title, author, language, base URL, description). */
  config: string;
  /**
   * At most this many threads parse and render (default 2: a second thread for large archives,
   * when run from the bundle that `npm run …` starts); 1 keeps the build on one thread.
   */
  threads?: number;
}

export interface SiteConfig {
  /** Site name, shown in the header and in page titles. */
  title: string;
  /** One sentence about the newsletter, for the index page and meta tags. */
  description: string;
  /** Author of the newsletter. */
  author: string;
  /** Language of the pages (`<html lang>`), also the search index's language. */
  lang: string;
  /** Absolute URL the site is published at, with trailing slash; canonical URLs, feed and sitemap use it. */
  baseUrl: string;
  /** URL path the site is served under, with leading and trailing slash (`/` or `/archiv/`); from baseUrl. */
  basePath: string;
  /** The share image of every page (og:image; an issue's front matter `image:` overrides it): a file in public/ or an http(s) URL. */
  image?: string;
}

export const projectRoot = path.resolve(import.meta.dirname, '..');

export const defaultBuildOptions: BuildOptions = {
  input: path.join(projectRoot, 'issues'),
  out: path.join(projectRoot, 'dist'),
  templates: path.join(projectRoot, 'templates'),
  public: path.join(projectRoot, 'public'),
  search: true,
  config: path.join(projectRoot, 'templates', 'site.json'),
};

export const defaultSiteConfig: SiteConfig = {
  title: 'Krasse Links',
  description: 'Das Archiv des Newsletters Krasse Links von Michael Seemann: Links, Zitate und Kommentar zu Technologie, Macht und Öffentlichkeit.',
  author: 'Michael Seemann',
  lang: 'de',
  baseUrl: 'http://localhost:8080/',
  basePath: '/',
  image: 'og-image.png',
};
