// The site config file (templates/site.json): read and checked before a build, each problem
// named with the file; a missing key keeps its default (config.ts).

import fs from 'node:fs/promises';
import { defaultSiteConfig, type SiteConfig } from '../config.js';
import { InputError } from '../errors.js';
import { imageReference } from '../reader/load/share-image.js';

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
