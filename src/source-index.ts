// The source index: every person and outlet the archive quotes, with the sections quoting them,
// across issues. Built once from the model in linear time.

import type { Archive } from './archive.js';
import type { Issue, Section, Source } from './model.js';
import { slugify } from './parse/sections.js';

export interface SourceEntry {
  /** The name as written (`Adam Tooze`, `New York Times`). */
  name: string;
  kind: 'person' | 'outlet';
  /** Sort key: a person's surname first (`Tooze Adam`), an outlet without article. */
  sortKey: string;
  /** Anchor id on the source index page. */
  id: string;
  sections: { issue: Issue; section: Section }[];
}

/** Collects the sources of all sections, persons and outlets apart, sorted by name. */
export function buildSourceIndex(archive: Archive): SourceEntry[] {
  const entries = new Map<string, SourceEntry>();
  const add = (name: string, kind: SourceEntry['kind'], issue: Issue, section: Section) => {
    const key = `${kind}:${name.toLowerCase()}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = { name, kind, sortKey: sortKeyOf(name, kind), id: '', sections: [] };
      entries.set(key, entry);
    }
    if (entry.sections[entry.sections.length - 1]?.section !== section) entry.sections.push({ issue, section });
  };
  for (const issue of archive.issues) {
    for (const section of issue.sections) {
      for (const source of section.sources) {
        if (source.person) add(source.person, 'person', issue, section);
        if (source.outlet) add(source.outlet, 'outlet', issue, section);
      }
    }
  }
  const sorted = [...entries.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'de') || a.name.localeCompare(b.name, 'de'));
  const used = new Set<string>();
  for (const entry of sorted) {
    const base = `${entry.kind === 'person' ? 'p' : 'o'}-${slugify(entry.name) || 'quelle'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    entry.id = id;
  }
  return sorted;
}

/** The names of a source, for search filters. */
export function sourceNames(source: Source): string[] {
  return [source.person, source.outlet].filter((n): n is string => Boolean(n));
}

function sortKeyOf(name: string, kind: SourceEntry['kind']): string {
  if (kind === 'outlet') return name.replace(/^(?:The|Der|Die|Das)\s+/, '');
  const words = name.split(/\s+/);
  return words.length > 1 && !name.includes('&') ? `${words[words.length - 1]} ${words.slice(0, -1).join(' ')}` : name;
}
