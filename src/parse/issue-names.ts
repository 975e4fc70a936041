// What an issue says about its names as a whole: who it names in full, and which outlets its
// sections named so far. Read once per issue, shared by the sections' source readings.

import { isCommonNoun, isFunctionWord, isOutletWord, isRole } from './lexicon.js';

/**
 * What an issue says about its names as a whole: the full names of people (to read a surname
 * alone) and the outlets its sections have named so far (to read `Prospect` after `The American
 * Prospect`). Made once per issue; the text is searched only when a single name needs it.
 */
export class IssueNames {
  /** Full names found for a surname, asked once each. */
  private readonly fullNames = new Map<string, string | undefined>();
  /** Outlets named so far, by their name and by each of its words (lower case). */
  private readonly outlets = new Map<string, string>();
  private readonly outletWords = new Map<string, string>();
  /** The keys of the names the section before named. */
  private lastSection = new Set<string>();

  constructor(private readonly texts: readonly string[]) {}

  /** The full name the issue gives a surname (`Tooze` → `Adam Tooze`), the commonest if several. */
  fullName(surname: string): string | undefined {
    if (!this.fullNames.has(surname)) this.fullNames.set(surname, findFullName(this.texts, surname));
    return this.fullNames.get(surname);
  }

  /** An outlet named before whose name ends with (or is) this one (`Prospect` → `The American Prospect`). */
  outlet(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.outlets.get(lower) ?? this.outletWords.get(lower);
  }

  /** Whether the section before named this name (by its key). */
  inLastSection(key: string): boolean {
    return this.lastSection.has(key);
  }

  endSection(keys: string[]): void {
    this.lastSection = new Set(keys);
  }

  noteOutlet(name: string): void {
    const lower = name.toLowerCase();
    if (this.outlets.has(lower)) return;
    this.outlets.set(lower, name);
    for (const word of lower.split(/\s+/)) if (!this.outletWords.has(word)) this.outletWords.set(word, name);
  }
}

/**
 * The commonest full name the issue writes before a surname: one to three capitalised words right
 * before it, without roles, function words and common nouns (`Der Google KI-Forscher Francois Chollet`).
 * Note: found by searching for the surname, and bounded like the name reader, so that a huge issue stays cheap.
 */
function findFullName(texts: readonly string[], surname: string): string | undefined {
  const counts = new Map<string, number>();
  let budget = 300_000;
  for (const text of texts) {
    if (budget <= 0) break;
    const part = text.slice(0, Math.min(20_000, budget));
    budget -= part.length;
    for (let at = part.indexOf(surname); at >= 0; at = part.indexOf(surname, at + surname.length)) {
      const next = part[at + surname.length];
      if (at === 0 || part[at - 1] !== ' ' || (next && /[\p{L}\d]/u.test(next) && !/^[’']s\b/.test(part.slice(at + surname.length)))) continue;
      const words = part.slice(Math.max(0, at - 80), at - 1).split(' ').slice(-3);
      const first = words.findLastIndex((w) => !NAME_WORD.test(w) || isRole(w) || isFunctionWord(w) || (isCommonNoun(w) && !w.includes('.')));
      const given = words.slice(first + 1);
      if (!given.length || given[0] === 'The' || given.some((w) => w.includes('&') || isOutletWord(w))) continue;
      const full = [...given, surname].join(' ');
      counts.set(full, (counts.get(full) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** A capitalised word of a name, or an initial (`M.`, `J.D.`). */
const NAME_WORD = /^(?:(?:\p{Lu}\.)+|\p{Lu}[\p{L}'’-]+)$/u;
