// The source index: every person and outlet the archive quotes or presents, one entry each, with
// the sections that quote them (newest first) and the quotes themselves. Spellings of one name are
// merged: the same name in any case, with or without accents or article (`Atlantic`, `The
// Atlantic`), a surname alone where the archive names exactly one person so (`Tooze`), and names
// one or two letters apart (`Charley`/`Charlie Warzel`, `Andreessen`/`Andreesson & Horowitz`).
// The entry shows its commonest spelling and lists the others.

import type { Archive } from './index.js';
import { slugify, type Block, type Issue, type Section } from '../../model.js';

export type QuoteBlock = Extract<Block, { kind: 'quote' }>;

/** A section that quotes or presents a source. */
export interface SourceRef {
  issue: Issue;
  section: Section;
  /** The name as this section writes it. */
  written: string;
  /** The quote blocks of the section that are this source's. */
  quotes: QuoteBlock[];
}

export interface SourceEntry {
  /** The commonest spelling (`Adam Tooze`, `New York Times`). */
  name: string;
  kind: 'person' | 'outlet';
  /** The other spellings found, sorted. */
  variants: string[];
  /** Sort key: a person's surname first (`Tooze Adam`), an outlet without article. */
  sortKey: string;
  /** Anchor id on the source index page. */
  id: string;
  /** URL segment of the source's page: `quellen/<slug>/`. */
  slug: string;
  /** The sections quoting or presenting it, newest issue first, in page order within an issue. */
  sections: SourceRef[];
  /** How many issues quote it. */
  issues: number;
}

/** One name as a section writes it. */
interface Occurrence {
  name: string;
  kind: 'person' | 'outlet';
  issue: Issue;
  section: Section;
  /** Index of the source in the section's `sources`. */
  source: number;
  /** The section's place in the archive: newest issue first, then page order. */
  rank: number;
}

/** German collation (as `localeCompare(…, 'de')`), made once rather than on every comparison. */
const german = new Intl.Collator('de').compare;

/** A name for comparing: lower case, no accents, no leading article, single spaces. */
export function canonicalName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(?:the|der|die|das)\s+/, '')
    .replace(/[‘’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collects the sources of all sections, one entry per person or outlet, sorted by name. */
export function buildSourceIndex(archive: Archive): SourceEntry[] {
  const occurrences: Occurrence[] = [];
  let rank = 0;
  for (const issue of archive.issues) {
    for (const section of issue.sections) {
      section.sources.forEach((source, index) => {
        if (source.person) occurrences.push({ name: source.person, kind: 'person', issue, section, source: index, rank });
        if (source.outlet) occurrences.push({ name: source.outlet, kind: 'outlet', issue, section, source: index, rank });
      });
      rank++;
    }
  }
  // Note: thousands of occurrences spell a few hundred names; each is made canonical once.
  const canonical = new Map<string, string>();
  const canonicalOf = (name: string) => canonical.get(name) ?? canonical.set(name, canonicalName(name)).get(name)!;
  const groups = mergeSpellings(occurrences, canonicalOf);
  const entries = groups.map((group) => toEntry(group, canonicalOf)).sort((a, b) => german(a.sortKey, b.sortKey) || german(a.name, b.name) || a.kind.localeCompare(b.kind));
  const ids = new Set<string>();
  const slugs = new Set<string>();
  const unique = (used: Set<string>, base: string) => {
    let value = base;
    for (let n = 2; used.has(value); n++) value = `${base}-${n}`;
    used.add(value);
    return value;
  };
  for (const entry of entries) {
    const base = slugify(entry.name) || 'quelle';
    entry.id = unique(ids, `${entry.kind === 'person' ? 'p' : 'o'}-${base}`);
    entry.slug = unique(slugs, base);
  }
  return entries;
}

/**
 * Groups the occurrences of one name. Note: names are compared only within blocks (same kind and
 * first letter of the surname or name), so merging stays fast for thousands of names.
 */
function mergeSpellings(occurrences: Occurrence[], canonicalOf: (name: string) => string): Occurrence[][] {
  // Exact spellings first (case, accents and article aside).
  const byName = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    const key = canonicalOf(o.name);
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(o);
  }
  const names = [...byName.keys()];
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => {
    let root = n;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(n, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  const kinds = new Map([...byName].map(([name, list]) => [name, majorityKind(list)]));
  const kindOf = (name: string) => kinds.get(name)!;
  const words = (name: string) => name.split(' ');

  // Names a letter or two apart, within blocks of the same kind and initial of the last word.
  const blocks = new Map<string, string[]>();
  for (const name of names) {
    const block = `${kindOf(name)}:${words(name).length > 1 ? words(name).length : 1}:${words(name).pop()![0]}`;
    (blocks.get(block) ?? blocks.set(block, []).get(block)!).push(name);
  }
  for (const block of blocks.values()) {
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) if (sameName(block[i]!, block[j]!, kindOf(block[i]!))) union(block[i]!, block[j]!);
    }
  }

  // A surname alone (or an outlet's last word alone): the one full name that ends with it.
  const byLast = new Map<string, Set<string>>();
  for (const name of names) {
    if (words(name).length < 2) continue;
    const key = `${kindOf(name)}:${words(name).pop()}`;
    (byLast.get(key) ?? byLast.set(key, new Set()).get(key)!).add(find(name));
  }
  for (const name of names) {
    if (words(name).length > 1) continue;
    const full = byLast.get(`${kindOf(name)}:${name}`);
    if (full?.size === 1) union(name, [...full][0]!);
  }

  const groups = new Map<string, Occurrence[]>();
  for (const name of names) {
    const root = find(name);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(...byName.get(name)!);
  }
  return [...groups.values()];
}

function majorityKind(occurrences: Occurrence[]): 'person' | 'outlet' {
  const persons = occurrences.filter((o) => o.kind === 'person').length;
  return persons * 2 >= occurrences.length ? 'person' : 'outlet';
}

/**
 * Whether two canonical names of one kind are spellings of one name: a person's with the same
 * number of words, each word at most two letters apart (one in short words), the first letters
 * alike, three letters apart at most in all; an outlet's at most one letter apart (two from
 * twelve letters on).
 */
function sameName(a: string, b: string, kind: 'person' | 'outlet'): boolean {
  if (kind === 'outlet') {
    const limit = Math.min(a.length, b.length) >= 12 ? 2 : Math.min(a.length, b.length) >= 6 ? 1 : 0;
    return limit > 0 && editDistance(a, b, limit) <= limit;
  }
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length || wa.length < 2) return false;
  let total = 0;
  for (let i = 0; i < wa.length; i++) {
    const x = wa[i]!;
    const y = wb[i]!;
    if (x === y) continue;
    if (x[0] !== y[0] || Math.min(x.length, y.length) < 4) return false;
    const limit = Math.min(x.length, y.length) >= 6 ? 2 : 1;
    const d = editDistance(x, y, limit);
    if (d > limit) return false;
    total += d;
  }
  return total > 0 && total <= 3 && wa.some((w, i) => w === wb[i]);
}

/** Damerau–Levenshtein distance (adjacent transpositions count one), cut off above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = [new Array<number>(b.length + 1).fill(0)];
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    rows.push(row);
    if (best > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

function toEntry(occurrences: Occurrence[], canonicalOf: (name: string) => string): SourceEntry {
  const kind = majorityKind(occurrences);
  // The commonest spelling; among equals the longest (a full name over a surname), then the newest.
  const counts = new Map<string, number>();
  for (const o of occurrences) counts.set(o.name, (counts.get(o.name) ?? 0) + 1);
  const name = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
  const variants = [...counts.keys()].filter((v) => v !== name && canonicalOf(v) !== canonicalOf(name)).sort(german);
  const ranked: { rank: number; ref: SourceRef }[] = [];
  const seen = new Map<Section, SourceRef>();
  for (const o of occurrences) {
    const ref = seen.get(o.section);
    if (ref) {
      for (const quote of quotesOf(o.section, o.source)) if (!ref.quotes.includes(quote)) ref.quotes.push(quote);
      continue;
    }
    const created = { issue: o.issue, section: o.section, written: o.name, quotes: quotesOf(o.section, o.source) };
    seen.set(o.section, created);
    ranked.push({ rank: o.rank, ref: created });
  }
  // Newest issue first (the archive's order), sections in page order.
  const sections = ranked.sort((a, b) => a.rank - b.rank).map(({ ref }) => ref);
  for (const ref of sections) if (ref.quotes.length > 1) ref.quotes.sort((a, b) => ref.section.blocks.indexOf(a) - ref.section.blocks.indexOf(b));
  return { name, kind, variants, sortKey: sortKeyOf(name, kind), id: '', slug: '', sections, issues: new Set(sections.map((r) => r.issue)).size };
}

/** The quote blocks a section attributes to its source number `index`. */
function quotesOf(section: Section, index: number): QuoteBlock[] {
  return section.blocks.filter((b): b is QuoteBlock => b.kind === 'quote' && b.source === index);
}

function sortKeyOf(name: string, kind: SourceEntry['kind']): string {
  if (kind === 'outlet') return name.replace(/^(?:The|Der|Die|Das)\s+/, '');
  const words = name.split(/\s+/);
  return words.length > 1 && !name.includes('&') ? `${words[words.length - 1]} ${words.slice(0, -1).join(' ')}` : name;
}
