// What an issue says about its names as a whole: who it names in full, and which outlets its
// sections named so far. Read once per issue, shared by the sections' source readings.

import { isCommonNoun, isFunctionWord, isOutletWord, isRole } from './lexicon.js';

/**
 * What an issue says about its names as a whole: the full names of people (to read a surname
 * alone) and the outlets its sections have named so far (to read `Prospect` after `The American
 * Prospect`). Made once per issue; the text is searched only when a single name needs it.
 */
export class IssueNames {
  private fullNames?: Map<string, Map<string, number>>;
  /** Outlets named so far, by their name and by each of its words (lower case). */
  private readonly outlets = new Map<string, string>();
  private readonly outletWords = new Map<string, string>();
  /** The keys of the names the section before named. */
  private lastSection = new Set<string>();

  constructor(private readonly texts: readonly string[]) {}

  /** The full name the issue gives a surname (`Tooze` → `Adam Tooze`), the commonest if several. */
  fullName(surname: string): string | undefined {
    this.fullNames ??= collectFullNames(this.texts);
    const names = this.fullNames.get(surname);
    if (!names) return undefined;
    return [...names.entries()].sort((a, b) => b[1] - a[1])[0]![0];
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

/** Runs of two to four capitalised words in the whole issue, by their last word: the people it names in full. */
function collectFullNames(texts: readonly string[]): Map<string, Map<string, number>> {
  const byLast = new Map<string, Map<string, number>>();
  const run = /(?:\p{Lu}\.\s?|\p{Lu}[\p{L}'’-]+\s+){1,4}\p{Lu}[\p{L}'’-]+/gu;
  // Note: bounds on each paragraph and on the whole keep a huge issue cheap; a normal one is read whole.
  let budget = 300_000;
  for (const text of texts) {
    if (budget <= 0) break;
    const part = text.slice(0, Math.min(20_000, budget));
    budget -= part.length;
    for (const match of part.matchAll(run)) {
      if (/^The\s/.test(match[0]) || match[0].includes('&')) continue;
      let words = match[0].split(/\s+/);
      // Roles, common nouns and sentence openers before the name (`Der Google KI-Forscher Francois Chollet`).
      const notName = (w: string) => isRole(w) || isFunctionWord(w) || (isCommonNoun(w) && !w.includes('.'));
      const lastNotName = words.slice(0, -1).findLastIndex(notName);
      words = words.slice(lastNotName + 1);
      if (words.length < 2 || words.some((w) => isOutletWord(w))) continue;
      const last = words[words.length - 1]!.replace(/[’']s$/, '');
      const full = [...words.slice(0, -1), last].join(' ');
      const names = byLast.get(last) ?? byLast.set(last, new Map()).get(last)!;
      names.set(full, (names.get(full) ?? 0) + 1);
    }
  }
  return byLast;
}
