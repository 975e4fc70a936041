// What pages say of an issue in words and dates: German dates, titles and descriptions cut at a
// word, reading time, the share image's URL.

import type { SiteConfig } from '../../config.js';
import { sectionParagraphs, type Issue } from '../../model.js';
import { issueName } from './feeds.js';

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

const dateLabels = new Map<string, string>();

/** `2024-07-20` → `20. Juli 2024`. */
export function germanDate(iso: string): string {
  // Note: formatting is slow next to a look-up, and related sections repeat the same dates.
  let label = dateLabels.get(iso);
  if (label === undefined) dateLabels.set(iso, (label = dateFormat.format(new Date(`${iso}T00:00:00Z`))));
  return label;
}

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
  const text = first
    ? sectionParagraphs(first)
        .map((p) => p.text)
        .join(' ')
    : '';
  return cutAtWord(text || issue.title, DESCRIPTION_LENGTH);
}

/** The absolute URL of a share image (a path in public/ or an http(s) URL). */
export function imageUrl(image: string, site: SiteConfig): string {
  return /^https?:\/\//i.test(image) ? image : `${site.baseUrl}${image}`;
}

/** Reading time in whole minutes at 200 words a minute (essayistic German prose), at least 1. */
export const readingMinutes = (issue: Issue) => Math.max(1, Math.round(issue.words / 200));
