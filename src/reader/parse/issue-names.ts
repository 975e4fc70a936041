// What an issue says about its names as a whole, shared by its sections: the full names of people
// (to read a surname alone; the text is searched only when one needs it).

import { isCommonNoun, isFunctionWord, isOutletWord, isRole } from './lexicon.js';

export class IssueNames {
  private readonly fullNames = new Map<string, string | undefined>();

  constructor(private readonly texts: readonly string[]) {}

  /** The full name the issue gives a surname (`Tooze` → `Adam Tooze`), the commonest if several. */
  fullName(surname: string): string | undefined {
    if (!this.fullNames.has(surname)) this.fullNames.set(surname, findFullName(this.texts, surname));
    return this.fullNames.get(surname);
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
      const words = part
        .slice(Math.max(0, at - 80), at - 1)
        .split(' ')
        .slice(-3);
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
