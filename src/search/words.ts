// Stage 7, search: the archive's own words, for the search page's "Meinten Sie …?" when a search
// finds nothing. Each distinct word of four letters or more, once, in its most frequent spelling,
// in one small file per first letter (as the search page folds it: `Überwachung` under u), most
// frequent first. The page loads the one file a misspelt word needs, and only when a search found
// nothing (public/suggest.js), so the first search costs nothing more.

/** The folder of the word files in the search index (`pagefind/words/f.txt`). */
export const WORDS_DIR = 'words/';
/** Shorter words are too many alike to tell a misspelling from another word. */
const MIN_LETTERS = 4;

/** A word as the search page compares it (public/search-hits.js foldWord): lower case, no diacritics. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '');
}

/** The file a folded word is in: its first letter, `_` for any other first character. */
export function wordFile(folded: string): string {
  return /^[a-z]/.test(folded) ? folded[0]! : '_';
}

/** Counts the words of texts, by folded form and spelling; `words()` gives the files. */
export class WordCounter {
  /** Folded form → spelling → how often. */
  private readonly counts = new Map<string, Map<string, number>>();

  /** Adds a record's HTML (as Pagefind reads it): the words of its indexed body, not its filters. */
  addRecord(html: string): void {
    const body = /<main data-pagefind-body>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    this.addText(decodeEntities(body.replace(/<[^>]*>/g, ' ')));
  }

  addText(text: string): void {
    for (const token of text.split(/[^\p{L}\p{M}\p{N}-]+/u)) {
      // A compound as written (Tech-Faschismus) and each of its parts, as the search finds them.
      const parts = token.split('-').filter(Boolean);
      for (const word of parts.length > 1 ? [parts.join('-'), ...parts] : parts) this.add(word);
    }
  }

  /** The word files: first letter → the words, most frequent first (ties alphabetical), one a line. */
  files(): Map<string, string> {
    const byFile = new Map<string, { word: string; count: number }[]>();
    for (const spellings of this.counts.values()) {
      let count = 0;
      let best: [string, number] = ['', 0];
      for (const [spelling, n] of spellings) {
        count += n;
        if (n > best[1] || (n === best[1] && spelling < best[0])) best = [spelling, n];
      }
      const file = wordFile(foldWord(best[0]));
      const list = byFile.get(file) ?? byFile.set(file, []).get(file)!;
      list.push({ word: best[0], count });
    }
    const files = new Map<string, string>();
    for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
      list.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
      files.set(file, `${list.map((entry) => entry.word).join('\n')}\n`);
    }
    return files;
  }

  private add(word: string): void {
    if (/\p{N}/u.test(word)) return; // numbers and codes (COVID-19, 2024) are not misspelt words
    const folded = foldWord(word);
    if ([...folded].length < MIN_LETTERS) return;
    const spellings = this.counts.get(folded) ?? this.counts.set(folded, new Map()).get(folded)!;
    spellings.set(word, (spellings.get(word) ?? 0) + 1);
  }
}

/** The entities the records' escaping writes (see render/feeds.ts escapeXml), back to their characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[name]!);
}
