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
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '');
}

/** The file a folded word is in: its first letter, `_` for any other first character. */
export function wordFile(folded: string): string {
  return /^[a-z]/.test(folded) ? folded[0]! : '_';
}

/** Counts the words of texts; `files()` gives the word files. */
export class WordCounter {
  /**
   * Each token between spaces as written (`Faschismus.`) → how often.
   * Note: a token is read (entities, punctuation, parts, folding) once, in files(), however often
   * it occurs: reading every occurrence took 3 s of processor time at 1000 issues, this 0.3 s.
   */
  private readonly tokens = new Map<string, number>();

  /** Adds a record's HTML (as Pagefind reads it): the words of its indexed body, not its filters. */
  addRecord(html: string): void {
    const start = html.indexOf('<main data-pagefind-body>');
    if (start < 0) return;
    this.addText(html.slice(start + '<main data-pagefind-body>'.length, html.lastIndexOf('</main>')).replace(/<[^>]*>/g, ' '));
  }

  /** Adds text (escaped as in the records: `&amp;`). */
  addText(text: string): void {
    for (const token of text.split(/\s+/)) if (token) this.tokens.set(token, (this.tokens.get(token) ?? 0) + 1);
  }

  /** The word files: first letter → the words, most frequent first (ties alphabetical), one a line. */
  files(): Map<string, string> {
    // Folded form → spelling → how often; a compound and its parts each count, as the search finds both.
    const counts = new Map<string, Map<string, number>>();
    for (const [token, n] of this.tokens) {
      for (const word of wordsOf(token)) {
        if (/\p{N}/u.test(word)) continue; // numbers and codes (COVID-19, 2024) are not misspelt words
        const folded = foldWord(word);
        if ([...folded].length < MIN_LETTERS) continue;
        const spellings = counts.get(folded) ?? counts.set(folded, new Map()).get(folded)!;
        spellings.set(word, (spellings.get(word) ?? 0) + n);
      }
    }
    const byFile = new Map<string, { word: string; count: number }[]>();
    for (const spellings of counts.values()) {
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
}

/** The words of a token between spaces: a compound as written (Tech-Faschismus) and each of its parts. */
function wordsOf(token: string): string[] {
  const words: string[] = [];
  for (const run of decodeEntities(token).split(/[^\p{L}\p{M}\p{N}-]+/u)) {
    const parts = run.split('-').filter(Boolean);
    words.push(...(parts.length > 1 ? [parts.join('-'), ...parts] : parts));
  }
  return words;
}

/** The entities the records' escaping writes (see render/feeds.ts escapeXml), back to their characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[name]!);
}
