// Properties of the loader and the parser for any input (fast-check): the build never fails with
// anything but a BuildError (one line, naming the file), and every paragraph of an issue reaches
// its page, as written. The number of runs is bounded to keep the suite fast; to search deeper:
// PROPERTY_RUNS=10000 npx vitest run test/properties.test.ts --testTimeout=0. A failure prints the
// smallest input that shows it, with the seed to replay it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createArchive } from '../src/site/archive/index.js';
import { defaultSiteConfig } from '../src/config.js';
import { checkCharacters, findDoubleEncoded, windows1252Char } from '../src/reader/load/characters.js';
import { BuildError, InputError } from '../src/errors.js';
import { checkLinks, linksOf } from '../src/build/output/links.js';
import { dropDuplicateCopies, loadFile } from '../src/reader/load/index.js';
import { parseIssue } from '../src/reader/parse/index.js';
import { planPages } from '../src/site/render/pages.js';
import { INTRO_LINE, TITLE_LINE } from '../src/reader/load/split.js';
import { createPageRenderer } from '../src/site/render/templates.js';
import { decodeText } from '../src/reader/load/decode.js';
import { templatesDir } from './helpers/fixtures.js';
import { pageText } from './helpers/verbatim.js';

const renderer = createPageRenderer(templatesDir);
/** Runs per property: `runs` here, or PROPERTY_RUNS from the environment. */
const numRuns = (runs: number) => Number(process.env.PROPERTY_RUNS ?? runs);

/** Loads, parses and renders one file's text, and checks the links, as the build does; returns the HTML pages. */
function buildText(text: string, file = '007.txt'): string[] {
  const warnings: string[] = [];
  const loaded = loadFile(file, text);
  const issues = dropDuplicateCopies(loaded.sources, warnings).map(parseIssue);
  const pages = planPages(createArchive(issues), renderer, defaultSiteConfig).map((page) => ({ path: page.path, content: page.render() }));
  const html = pages.filter((page) => page.path.endsWith('.html'));
  checkLinks(new Map(html.map((page) => [page.path, linksOf(page.content)])), new Set(pages.map((page) => page.path)), '/', [
    'pagefind/',
    'style.css',
    'favicon.svg',
    'search.js',
    'search-core.js',
    'search-page.js',
    'search-hits.js',
    'search-walk.js',
    'search.css',
    'quick-search.js',
    'highlight.js',
  ]);
  return html.map((page) => page.content);
}

/** Runs `work`; an error is fine only when it is a BuildError with a one-line message. */
function onlyBuildErrors(work: () => unknown): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
  }
}

const INTRO = 'Willkommen bei Krasse Links No 7. Hallo, heute prüfen wir Eigenschaften.';

/** Pieces of text that mean something to some stage: markup, typography, links, overrides, invisible characters. */
const FRAGMENTS = [
  ' ',
  '  ',
  '\t',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u2028',
  'a',
  'Text',
  'ä',
  'ß',
  'É',
  '🙂',
  'e\u0301',
  'ج',
  '\u202e',
  '„',
  '“',
  '”',
  '»',
  '«',
  '‚',
  '‘',
  '’',
  '"',
  "'",
  '–',
  '—',
  '…',
  ':',
  '.',
  '?',
  '!',
  ',',
  '(',
  ')',
  '*',
  '_',
  '#',
  '`',
  '~',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- x -->',
  '&amp;',
  '&lt;',
  '&#60;',
  '{{ site.title }}',
  '{% raw %}',
  'https://example.org/a_(b)?c=1&d=2',
  'mailto:x@example.org',
  'javascript:alert(1)',
  'data:text/html,x',
  'Krasse Links No 3',
  'Krasse Links 27',
  '1. ',
  '- ',
  '• ',
  '> ',
  '---',
  'Ich ',
  'the ',
  'Laut Heise ',
  'Vielen Dank, dass Du Krasse Links liest',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u000b',
];

/** A line of text: fragments and any Unicode characters (no line breaks, no brackets or backslashes, whose markdown meaning is tested apart). */
const line = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').replace(/[\r\n[\]\\]/g, ' '));

/** A line without the characters the loader removes: control characters (vertical tab and form feed become spaces). */
function withoutControls(text: string): string {
  return text.replace(/[\x0b\x0c]/g, ' ').replace(/\x1b\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1f\x7f-\x9f]/g, '');
}

/**
 * What a reader sees of a line (without its control characters), by the input rules the README
 * states: invisible characters at the edges, a `> ` override and a list marker dropped,
 * whitespace collapsed; a `---` line is not shown at all.
 */
function visibleText(text: string): string {
  const line = text.replace(/^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$/g, (edge) => edge.replace(/[\u200b-\u200d\u2060\ufeff]/g, ''));
  if (/^\s*(?:-{3,}|\*{3,})\s*$/.test(line)) return '';
  // `--- Überschrift` gives its section the heading `Überschrift`.
  const heading = /^\s*-{3,}[ \t\u00a0]+(\S.*?)\s*$/.exec(line);
  if (heading) return heading[1]!.replace(/\s+-{3,}$/, '').replace(/\s+/g, ' ');
  return line
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*(?:[-•*–]|\d+[.)])\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('decoding any bytes', () => {
  it('gives text or an InputError naming the file', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b])),
      fc.uint8Array({ maxLength: 300 }).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
      fc.string({ unit: 'binary', maxLength: 100 }).map((s) => new TextEncoder().encode(s)),
    );
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          expect(typeof decodeText(input, 'x.txt')).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).toMatch(/^x\.txt(?::\d+)?: /);
        }
      }),
      { numRuns: numRuns(300) },
    );
  });
});

describe('building any text', () => {
  it('succeeds or stops with a one-line BuildError, for arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => onlyBuildErrors(() => buildText(text))),
      { numRuns: numRuns(150) },
    );
  }, 30_000);

  it('succeeds or stops with a one-line BuildError, for issue-like text with front matter, titles and overrides', () => {
    const frontMatter = fc.constantFrom(
      '',
      '---\nnumber: 7\n---\n',
      '---\ntitle: "<b>{{ x }}</b>"\nslug: sieben\n---\n',
      '---\nlinks:\n  Text: "javascript:x"\n  a: "https://example.org"\n---\n',
      '---\nnumber: [\n---\n',
      '---js\n{}\n---\n',
    );
    const body = fc.array(fc.oneof(line, fc.constantFrom('', 'Krasse Links No 8', 'Willkommen zu Krasse Links No 9. Hallo, heute X.', '---')), { maxLength: 25 });
    fc.assert(
      fc.property(frontMatter, body, fc.constantFrom('\n', '\n\n', '\r\n'), (head, lines, eol) => onlyBuildErrors(() => buildText(head + [INTRO, ...lines].join(eol)))),
      { numRuns: numRuns(150) },
    );
  }, 30_000);
});

describe('every paragraph reaches the page', () => {
  it('with its text as written, in flat and in blank-line exports', () => {
    // Lines that would be title or intro lines start issues of their own; they are tested apart.
    const paragraphs = fc.array(line.map(withoutControls), { minLength: 1, maxLength: 20 }).filter((lines) => lines.every((l) => !TITLE_LINE.test(l) && !INTRO_LINE.test(l)));
    fc.assert(
      fc.property(paragraphs, fc.constantFrom('\n', '\n\n', '\n\n\n'), (lines, separator) => {
        const pages = buildText([INTRO, ...lines].join(separator)).map(pageText);
        for (const text of lines.map(visibleText).filter(Boolean))
          expect(
            pages.some((page) => page.includes(text)),
            text,
          ).toBe(true);
      }),
      { numRuns: numRuns(200) },
    );
  }, 30_000); // each run builds a whole site, a page per source included
});

describe('double-encoded text', () => {
  const german = fc.string({ unit: fc.constantFrom(...'aeinrstuAEMSWäöüÄÖÜßéÉ„“”‚‘’–—…«»€ .,:;!?0123456789'.split('')), minLength: 1, maxLength: 80 });
  /** UTF-8 bytes read as Windows-1252: what a double-encoding export makes of a text. */
  const encodedTwice = (text: string) => [...new TextEncoder().encode(text)].map(windows1252Char).join('');

  it('is never found in correctly encoded German text', () => {
    fc.assert(
      fc.property(german, (text) => {
        expect(findDoubleEncoded(text)).toEqual([]);
      }),
      { numRuns: numRuns(300) },
    );
  });

  it('is always found in a file encoded twice, and named with the text it stands for', () => {
    const withSpecial = german.filter((text) => /[^\x00-\x7f]/.test(text));
    fc.assert(
      fc.property(withSpecial, (text) => {
        expect(() => checkCharacters(encodedTwice(text), 'x.txt')).toThrow(/^x\.txt:1: is encoded twice: "[^"]*" stands for "[^"]*"/);
        // One sequence for each character beyond ASCII, each found.
        expect(findDoubleEncoded(encodedTwice(text))).toHaveLength(text.replace(/[\x00-\x7f]/g, '').length);
      }),
      { numRuns: numRuns(300) },
    );
  });
});
