// Options with their defaults in one place: the build's (folders, search) and the site's
// (title, description, language, base path).

import fs from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './errors.js';
import { imageReference } from './site/render/share-image.js';

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

/** An issue's name as the site shows it (heading, page title, feed): `Krasse Links No 56`, from the site's title. */
export function issueName(site: SiteConfig, number: number): string {
  return `${site.title} No ${number}`;
}

/** Whether a base URL is still one of this machine (`localhost`, `127.0.0.1`): canonical links and the feed would point nowhere once published. */
export function isLocalUrl(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || host === '0.0.0.0';
}

/** Reads the site config file (JSON: title, description, author, language, baseUrl); missing keys keep their defaults. */
export async function loadSiteConfig(file: string): Promise<SiteConfig> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch {
    return defaultSiteConfig; // no config file: the defaults
  }
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(raw) as Record<string, unknown>;
  } catch (cause) {
    throw new InputError(file, undefined, `is not valid JSON (${(cause as Error).message}); fix the site config`, { cause });
  }
  const text = (key: string, fallback: string): string => {
    const value = data[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !value.trim()) throw new InputError(file, undefined, `"${key}" must be a non-empty text`);
    return value.trim();
  };
  const known = ['title', 'description', 'author', 'language', 'baseUrl', 'image'];
  for (const key of Object.keys(data)) {
    if (!known.includes(key)) throw new InputError(file, undefined, `unknown key "${key}" (known: ${known.join(', ')})`);
  }
  const baseUrl = text('baseUrl', defaultSiteConfig.baseUrl);
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new InputError(file, undefined, `"baseUrl" must be an absolute http(s) URL such as https://example.org/archiv/, not ${JSON.stringify(baseUrl)}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new InputError(file, undefined, `"baseUrl" must start with http:// or https://`);
  const basePath = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return {
    title: text('title', defaultSiteConfig.title),
    description: text('description', defaultSiteConfig.description),
    author: text('author', defaultSiteConfig.author),
    lang: text('language', defaultSiteConfig.lang),
    baseUrl: `${url.origin}${basePath}`,
    basePath,
    image: data.image === undefined ? defaultSiteConfig.image! : imageReference(data.image, (problem) => new InputError(file, undefined, problem)),
  };
}
