// Loading: decoding, front matter and splitting raw exports, before any parsing.
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, ArchiveError } from '../src/errors.js';
import { readFrontMatter } from '../src/reader/load/frontmatter.js';
import { loadFile } from '../src/reader/load/index.js';
import { loadIssues } from '../src/build/inputs.js';
import { splitIssues } from '../src/reader/load/split.js';
import { decodeText } from '../src/reader/load/decode.js';
import fs from 'node:fs/promises';
import { exportFiles, folderWith } from './helpers/fixtures.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

const issueText = 'Willkommen bei Krasse Links No 7. Lest mehr, heute testen wir.\nLaut Heise ist alles gut.\n';

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with BOM, to the same text', () => {
    const text = 'Öffentlichkeit „souverän“';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeText(Buffer.from(text), 'a.txt')).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.txt')).toBe(text);
    expect(decodeText(utf16, 'a.txt')).toBe(text);
  });

  it('names the file and byte offset of invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('Zeile eins\nf'), Buffer.from([0xfc]), Buffer.from('r')]);
    expect(() => decodeText(bytes, 'alt.txt')).toThrow(/alt\.txt:2: is not valid UTF-8 \(first bad byte at offset 12\)/);
  });

  it('treats LF, CRLF and CR line endings alike', () => {
    const lf = loadFile('a.txt', issueText).sources[0]!;
    const crlf = loadFile('a.txt', issueText.replace(/\n/g, '\r\n')).sources[0]!;
    const cr = loadFile('a.txt', issueText.replace(/\n/g, '\r')).sources[0]!;
    expect(crlf.lines).toEqual(lf.lines);
    expect(cr.lines).toEqual(lf.lines);
  });
});

describe('splitting exports into issues', () => {
  it('splits the three-issue corpus export at its title lines, newest first', async () => {
    const text = await fs.readFile(exportFiles.threeIssues, 'utf8');
    const chunks = splitIssues(text.split('\n'));
    expect(chunks.map((c) => [c.number, c.firstLine])).toEqual([
      [23, 1],
      [22, 147],
      [21, 297],
    ]);
  });

  it('splits flat exports at intro lines when there are no title lines', () => {
    const text = `${issueText}Willkommen zu Krasse Links No 8. Noch eine, heute wieder.\nText.\n`;
    expect(splitIssues(text.split('\n')).map((c) => c.number)).toEqual([7, 8]);
  });

  it('keeps text before the first issue with the first issue instead of dropping it', () => {
    const chunks = splitIssues(['Vorwort', '', 'Krasse Links No 3', 'Willkommen bei Krasse Links No 3. Hallo, heute X.']);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.lines[0]).toBe('Vorwort');
  });
});

describe('front matter', () => {
  it('reads number, title, date, slug and links', () => {
    const { data, lineOffset } = readFrontMatter('---\nnumber: 12\ntitle: Ein Titel\ndate: 2024-07-20\nslug: zwoelf\nlinks:\n  hier: https://example.org/\n---\nText\n', 'a.txt');
    expect(data).toEqual({ number: 12, title: 'Ein Titel', date: '2024-07-20', slug: 'zwoelf', links: { hier: 'https://example.org/' } });
    expect(lineOffset).toBe(8);
  });

  it('refuses JavaScript front matter and never evaluates it', () => {
    const marker = '__frontMatterRan';
    const text = `---js\n{ number: (globalThis.${marker} = 1) }\n---\nText\n`;
    expect(() => readFrontMatter(text, 'evil.txt')).toThrow(/evil\.txt:1: front matter cannot be read \(front matter in JavaScript is refused/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('rejects malformed YAML and wrong types with the file named', () => {
    expect(() => readFrontMatter('---\nnumber: [1\n---\nText\n', 'bad.txt')).toThrow(/^bad\.txt:\d+: front matter cannot be read/);
    expect(() => readFrontMatter('---\nnumber: abc\n---\nText\n', 'bad.txt')).toThrow(/"number" must be a whole number/);
    expect(() => readFrontMatter('---\ndate: 31.02.2024\n---\nText\n', 'bad.txt')).toThrow(/^bad\.txt:2: front matter: "date: 31\.02\.2024" is not a day of the calendar/);
    expect(() => readFrontMatter('---\nslug: ../../etc\n---\nText\n', 'bad.txt')).toThrow(/"slug" may hold only letters, digits and dashes/);
    expect(() => readFrontMatter('---\nslug: {issue: 57}\n---\nText\n', 'bad.txt')).toThrow('"slug" may hold only letters, digits and dashes, not {"issue":57}');
  });

  it('names the line that holds a YAML fault, in words an author knows', () => {
    const faults: [string, number, RegExp][] = [
      ['number: 30\ntitle: "Ein Titel\ndate: 2025-06-20\nslug: x', 3, /the quotation mark \("\) that opens the value on this line is never closed/],
      ["title: 'Ein Titel\nnumber: 30", 2, /the quotation mark \('\) that opens the value on this line is never closed/],
      ['title: "Ein "Titel""\nnumber: 30', 2, /a quotation mark inside the value ends it early/],
      ['number: 30\nlinks:\n\thier: https://example.org/', 4, /a tab indents this line; YAML indents with spaces only/],
      ['title: A\ndate: 2025-06-20\ntitle: B', 4, /"title" is given twice \(first on line 2 of the file\); keep one of them/],
      ['links:\n  a: https://example.org/a\n  a: https://example.org/b\nnumber: 3', 4, /"a" is given twice \(first on line 3 of the file\)/],
      ['number: 30\ntitle: Krasse Links: Die Nummer', 3, /the value of "title" holds a colon and a space.*title: "Krasse Links: Die Nummer"$/],
      ['links:\n  a: https://example.org/a\n   b: https://example.org/b', 4, /this line is indented by 3 spaces, which does not fit the lines before it/],
      ['number: 30\n  title: Hallo', 3, /this line is indented by 2 spaces/],
      ['title: Ein Titel\nnumber: [21\ndate: 2024-07-20', 3, /the \[ that opens the value on this line is never closed/],
    ];
    for (const [block, line, problem] of faults) {
      const read = () => readFrontMatter(`---\n${block}\n---\nText\n`, 'a.txt');
      expect(read, block).toThrow(new RegExp(`^a\\.txt:${line}: front matter cannot be read: `));
      expect(read, block).toThrow(problem);
      // No parser's terms: the author never wrote a scalar, a stream or a mapping.
      expect(read, block).not.toThrow(/scalar|stream|mapping|js-yaml/);
    }
  });

  it('names the opening line when no line of --- closes the front matter', () => {
    const read = () => readFrontMatter('---\ndate: 2025-06-20\ntitle: Ein Titel\nWillkommen zu Krasse Links No 57.\nText: mit Doppelpunkt\n', 'a.txt');
    expect(read).toThrow(/^a\.txt:1: front matter cannot be read: the --- on this line opens it, but no line of --- closes it; put a line of --- after its last key$/);
  });

  it('reads a date only as YYYY-MM-DD, a day the calendar has, and names the line of "date:"', () => {
    const date = (value: string) => readFrontMatter(`---\nnumber: 5\ndate: ${value}\n---\nText\n`, 'a.txt').data.date;
    expect(date('2025-06-20')).toBe('2025-06-20');
    expect(date('"2025-06-20"')).toBe('2025-06-20');
    expect(date("'2024-02-29' # ein Schalttag")).toBe('2024-02-29');
    const refused: [string, RegExp][] = [
      ['2025-06-31', /"date: 2025-06-31" is not a day of the calendar \(June 2025 has 30 days\)/], // YAML makes it 1 July
      ['2025-02-30', /\(February 2025 has 28 days\)/], // YAML makes it 2 March
      ['2023-02-29', /\(February 2023 has 28 days\)/],
      ['"2025-06-31"', /\(June 2025 has 30 days\)/],
      ['2025-13-01', /has no month 13/],
      ['20.06.2025', /is written day first; .*: write 2025-06-20$/],
      ['31.02.2024', /"date: 31\.02\.2024" is not a day of the calendar \(February 2024 has 29 days\)/],
      ['2025-06-20 10:00', /has a time, and the day depends on its time zone; write the day alone: 2025-06-20$/],
      ['2025-06-20T10:00:00Z', /has a time/],
      ['1718841600', /is a number, not a day/],
      ['2025-6-2', /needs two digits for month and day; write it as 2025-06-02$/],
      ['', /"date:" is empty/],
      ['Juni 2025', /is not a date this archive reads; write the day as YYYY-MM-DD/],
    ];
    for (const [value, problem] of refused) {
      expect(() => date(value), value).toThrow(/^a\.txt:3: front matter: "date:/);
      expect(() => date(value), value).toThrow(problem);
    }
  });

  it('warns about unknown keys', () => {
    expect(readFrontMatter('---\nautor: X\n---\nText\n', 'a.txt').warnings).toEqual([
      'a.txt: unknown front matter key "autor" is ignored (known: number, title, date, slug, links, sources, image, reviewed, marked)',
    ]);
  });
});

describe('the input folder', () => {
  it('accepts a raw multi-issue export dropped in as it is', async () => {
    const temp = await folderWith({ 'export.txt': await fs.readFile(exportFiles.threeIssues) });
    cleanup = temp.cleanup;
    const { sources } = await loadIssues(temp.dir);
    expect(sources.map((s) => s.number)).toEqual([23, 22, 21]);
  });

  it('uses the richer copy when the same issue arrives twice, and reports the duplicate', async () => {
    const temp = await folderWith({
      'a.txt': await fs.readFile(exportFiles.no21Flat),
      'b.txt': await fs.readFile(exportFiles.threeIssues),
    });
    cleanup = temp.cleanup;
    const { sources, warnings } = await loadIssues(temp.dir);
    expect(sources.find((s) => s.number === 21)!.file).toBe('b.txt');
    expect(warnings).toEqual(['a.txt:1: issue No 21 is also in b.txt; using the copy with section breaks']);
  });

  it('refuses two files with the same issue number but different text, naming both', async () => {
    const temp = await folderWith({ 'a.txt': issueText, 'b.txt': issueText.replace('gut', 'schlecht') });
    cleanup = temp.cleanup;
    await expect(loadIssues(temp.dir)).rejects.toThrow(ArchiveError);
    await expect(loadIssues(temp.dir)).rejects.toThrow(/a\.txt:1 and b\.txt:1 both hold issue No 7 with different text/);
  });

  it('takes the number from the file name when the text has none, and fails clearly when nothing gives one', async () => {
    expect(loadFile('notiz-42.txt', 'Nur Text.\n').sources[0]!.number).toBe(42);
    expect(() => loadFile('notiz.txt', 'Nur Text.\n')).toThrow(InputError);
    expect(() => loadFile('notiz.txt', 'Nur Text.\n')).toThrow(/notiz\.txt:1: has no issue number/);
  });

  it('ignores editor leftovers and hidden files', async () => {
    const temp = await folderWith({ '007.txt': issueText, '007.txt~': 'alt', '.DS_Store': 'x', 'bild.png': 'x' });
    cleanup = temp.cleanup;
    const { sources, warnings } = await loadIssues(temp.dir);
    expect(sources.map((s) => s.file)).toEqual(['007.txt']);
    expect(warnings).toEqual(['bild.png: not an issue file (.txt or .md), ignored']);
  });
});
