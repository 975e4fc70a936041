// Words in the search, without an index: what counts as a hit for a query word, how a query is
// read, the excerpt; the archive's word files (src/site/search/words.ts) and the suggestions made from
// them for words the archive does not have (public/suggest.js).
import { describe, expect, it } from 'vitest';
import { excerptOf, foldWord, isRealHit, matchesWord, queryWords } from '../public/search-core.js';
import { closestWord, editDistance, suggestQuery, wordFile } from '../public/suggest.js';
import { WordCounter, foldWord as buildFold, wordFile as buildWordFile } from '../src/site/search/words.js';

describe('what counts as a hit', () => {
  it('a word of the text that shares most of a query word from its start, or one of its parts does', () => {
    expect(matchesWord('souveran', 'Souveränität')).toBe(true);
    expect(matchesWord('souveranitat', '„souveräne“')).toBe(true); // the stem, 8 of 12 letters
    expect(matchesWord('faschismus', 'Tech-Faschismus.')).toBe(true);
    expect(matchesWord('techfaschismus', 'Tech-Faschismus')).toBe(true);
    expect(matchesWord('xylophon', 'X')).toBe(false);
    expect(matchesWord('quantencomputer', 'Q*')).toBe(false);
    expect(matchesWord('quantencomputer', 'Quanten')).toBe(false); // 7 of 15
    expect(matchesWord('qwertz', 'Quelle')).toBe(false);
  });

  it('a result where every query word is matched', () => {
    expect(isRealHit(queryWords('Adam Tooze'), ['Adam', 'Tooze,'])).toBe(true);
    expect(isRealHit(queryWords('Tooze Xylophon'), ['Tooze', 'X'])).toBe(false);
  });

  it('reads a query as Pagefind does', () => {
    expect(queryWords(' Tech-Faschismus  „Souveränität“ ')).toEqual(['techfaschismus', 'souveranitat']);
    expect(queryWords('…')).toEqual([]);
  });

  it('shows an excerpt of at most 30 words around the most marked words', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const excerpt = excerptOf(words, 2, [50, 52, 90], new Set([50, 52, 90]));
    expect(excerpt[0]).toEqual({ text: '… w44 w45 w46 w47 w48 w49 ', mark: false });
    expect(excerpt.filter((piece) => piece.mark).map((piece) => piece.text)).toEqual(['w50', 'w52']);
    expect(excerpt.at(-1)!.text).toMatch(/w73 …$/);
    expect(
      excerptOf(words, 2, [], new Set())
        .map((piece) => piece.text)
        .join(''),
    ).toMatch(/^w2 w3 .* w31 …$/);
  });
});

describe('suggestions for words the archive does not have', () => {
  it('count the edits between two words: a letter added, dropped, changed, or two neighbours swapped', () => {
    expect(editDistance('faschimus', 'faschismus', 2)).toBe(1);
    expect(editDistance('nvida', 'nvidia', 2)).toBe(1);
    expect(editDistance('tooez', 'tooze', 2)).toBe(1); // swapped
    expect(editDistance('fashimus', 'faschismus', 2)).toBe(2);
    expect(editDistance('xylophon', 'faschismus', 2)).toBe(3); // more than the limit: stops early
  });

  it('take the archive’s closest word, among equals the most frequent; one edit in a short word, two in a longer one', () => {
    expect(closestWord('faschimus', ['Faschismus', 'Faschisten'])).toBe('Faschismus');
    expect(closestWord('hause', ['Hase', 'Haus'])).toBe('Hase'); // both one edit: the first, most frequent
    expect(closestWord('nvda', ['Nvidia'])).toBeUndefined(); // two edits in a short word
    expect(closestWord('fashimus', ['Faschismus'])).toBe('Faschismus'); // two edits in a longer one
    expect(closestWord('faschismus', ['Faschismus'])).toBeUndefined(); // the word itself: nothing to suggest
  });

  it('replace only the unknown words of a query, and offer nothing unless each has a neighbour', async () => {
    const files: Record<string, string[]> = { f: ['Faschismus'], x: [] };
    const load = async (file: string) => files[file] ?? [];
    expect(await suggestQuery('Tooze Faschimus', ['faschimus'], load)).toBe('Tooze Faschismus');
    expect(await suggestQuery('Faschimus Xylophon', ['faschimus', 'xylophon'], load)).toBeUndefined();
  });
});

describe('the word files for suggestions', () => {
  const filesOf = (...texts: string[]) => {
    const counter = new WordCounter();
    for (const text of texts) counter.addText(text);
    return counter.files();
  };

  it('hold each word of four letters or more once, in its most frequent spelling, most frequent first', () => {
    const files = filesOf('Der Faschismus, der faschismus und der Faschismus. Fakten über Fakten, Fakten!');
    expect(files.get('f')).toBe('Fakten\nFaschismus\n');
    expect(files.get('d')).toBeUndefined(); // der: three letters
    expect(files.get('u')).toBe('über\n'); // filed under u, as the page folds it
  });

  it('hold a compound as written and each of its parts, and no numbers', () => {
    const files = filesOf('Der Tech-Faschismus und COVID-19 im Jahr 2024');
    expect(files.get('t')).toBe('Tech\nTech-Faschismus\n');
    expect(files.get('f')).toBe('Faschismus\n');
    expect(files.get('c')).toBe('COVID\n'); // not COVID-19: a code with a number is no misspelt word
    expect([...files.values()].join('')).not.toMatch(/\d/);
  });

  it('take a record’s indexed text, not its filters, and read its escaped characters as characters', () => {
    const counter = new WordCounter();
    counter.addRecord(
      '<html><body><b data-pagefind-filter="Quelle">Zeitung</b><main data-pagefind-body><i id="%7B%7D"></i><h2 id="x">Wahl &amp; Qual</h2>Text &quot;Zitat&quot;\n</main></body></html>',
    );
    expect([...counter.files().values()].join('')).toBe('Qual\nText\nWahl\nZitat\n');
  });

  it('are the files the page looks a word up in: the build and the page fold alike', () => {
    for (const word of ['Überwachung', 'Souveränität', 'Tech-Faschismus', '„Zitat“', 'Éire', 'ßeta', '42er']) {
      expect(buildFold(word), word).toBe(foldWord(word));
      expect(buildWordFile(buildFold(word)), word).toBe(wordFile(foldWord(word)));
    }
  });
});
