// Sources a reader can trust: who a section quotes or whose piece it presents, not who is in the
// news. Each error kind from the issue has made-up sentences in the newsletter's style here (no
// text from the newsletter); the corpus figures are in structure.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createArchive } from '../src/site/archive/index.js';
import type { Issue, Source } from '../src/model.js';
import { buildSourceIndex, editDistance } from '../src/site/archive/source-index.js';
import { findSource, sectionSources, IssueNames } from '../src/reader/parse/sources.js';
import { parseOne } from './helpers/issues.js';
import storedSources from '../src/reader/parse/source-weights.json' with { type: 'json' };
import storedSubjects from '../src/reader/parse/subject-weights.json' with { type: 'json' };
import { allGroups } from '../scripts/sources/gold.js';
import { headingSections, subjectRows } from '../scripts/sources/headings.js';
import { fit, fitModel, labelledSections } from '../scripts/sources/training.js';

const QUOTE = 'The platforms stopped competing on quality and started competing on lock-in, which is a very different business altogether.';

/** One issue in a blank-line export: each argument a section, its paragraphs split at `|` (`Q` is an English quote). */
function issue(number: number, ...sections: string[]): Issue {
  const body = sections.map((section) =>
    section
      .split('|')
      .map((p) => (p === 'Q' ? QUOTE : p))
      .join('\n\n'),
  );
  return parseOne([`Willkommen bei Krasse Links No ${number}. Hallo, heute testen wir.`, ...body].join('\n\n\n'));
}

/** The sources of a one-section issue as `Person; Outlet` strings, the main one first. */
function sourcesOf(section: string): string[] {
  return issue(99, section).sections[0]!.sources.map((s: Source) => `${s.person ?? ''}; ${s.outlet ?? ''}`);
}

/** The rows of a table of sections in test/fixtures/sources (`text<TAB>sources`, `-` for none), without its comments. */
function table(file: string): [string, string[]][] {
  return readFileSync(new URL(`./fixtures/sources/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [section = '', sources = ''] = line.split('\t');
      return [section, sources.trim() === '-' ? [] : sources.split('|').map((s) => s.trim())];
    });
}

/**
 * Rows the source model (trained on these tables among all labelled sections) reads wrong, and
 * why: each stays a row, expected to fail until the model reads it right (then it moves back).
 */
const KNOWN_MISSES = new Map<string, string>([
  [
    'Karl Lauterbach hat die Krankenhausreform durch den Bundesrat gebracht.|Q|So fasst es das Ärzteblatt zusammen.',
    'the one in the news hands over to the quote (`gebracht` reads as `bringt`, a verb of publishing); that the paragraph after it attributes the quote to another weighs less',
  ],
  [
    'Lena Probe mit einem Punkt, den ich teile: Ohne Offenheit keine Macht der NutzerInnen und der Journalist:innen.',
    'a name opening a sentence without a verb, as phrases do (`Gute Nachrichten aus …`, `Zwei Texte zu …`): below the threshold chosen for /quellen/, where a phrase is worse than a name missed',
  ],
]);

/** A row of a table: read right, or a known miss that is still missed. */
function row(section: string, expected: string[]): void {
  (KNOWN_MISSES.has(section) ? it.fails : it)(section, () => {
    expect(sourcesOf(section).map((s) => s.trim())).toEqual(expected);
  });
}

describe('the source of a section', () => {
  // The subject of a news item is not its source; the source is who speaks or publishes where the
  // section quotes or presents a piece (test/fixtures/sources/sentences.tsv says each kind).
  for (const [section, expected] of table('sentences.tsv')) row(section, expected);

  it('names the newsletter and the people it quotes together', () => {
    expect(sourcesOf('Der lesenswerte Newsletter Zukunftsblick hat die Hype-Zyklen seziert.|Ich war skeptisch. Lisa Muster und Tom Beispiel fassen es so zusammen:|Q')).toEqual([
      'Lisa Muster; Zukunftsblick',
      'Tom Beispiel; ',
    ]);
  });

  it('takes a surname alone for the person the issue names in full', () => {
    const read = issue(99, 'Adam Zorbek hat einen Essay über Zölle veröffentlicht.', 'Im zweiten Teil der Serie kritisiert Zorbek die Notenbanken:|Q');
    expect(read.sections[1]!.source).toEqual({ person: 'Adam Zorbek' });
    expect(read.sections[1]!.heading).toMatch(/^Adam Zorbek über /);
  });

  it('gives the section the source its opening presents, and lists the others after it', () => {
    const read = issue(99, 'Die Historikerin Maria Probe hat in der Republik einen Text über Grenzen geschrieben:|Q|Dazu passt, wie Karl Muster es formuliert hat:|Q');
    expect(read.sections[0]!.heading).toMatch(/^Maria Probe \(Republik\)/);
    expect(read.sections[0]!.sources).toEqual([{ person: 'Maria Probe', outlet: 'Republik' }, { person: 'Karl Muster' }]);
  });

  it('marks each quote with the source it is from', () => {
    const read = issue(99, 'Die Historikerin Maria Probe hat in der Republik einen Text über Grenzen geschrieben:|Q|Dazu passt, wie Karl Muster es formuliert hat:|Q');
    const quotes = read.sections[0]!.blocks.filter((b) => b.kind === 'quote');
    expect(quotes.map((q) => (q.kind === 'quote' ? q.source : undefined))).toEqual([0, 1]);
  });

  it('says why, with a confidence, for npm run check', () => {
    const section = issue(99, 'Laut Heise will die Regierung eine KI-Fabrik bauen:|Q');
    expect(section.sections[0]!.source).toEqual({ outlet: 'Heise' });
    const paragraphs = [
      {
        line: 1,
        raw: 'Laut Heise will die Regierung eine KI-Fabrik bauen:',
        indented: false,
        gapBefore: 0,
        kind: 'commentary' as const,
        text: '',
        lang: 'de' as const,
        confidence: 1,
        doubt: 0,
        doubtful: false,
        reasons: [],
        startsSection: true,
        sectionReasons: [],
      },
      {
        line: 2,
        raw: QUOTE,
        indented: false,
        gapBefore: 1,
        kind: 'quote' as const,
        text: QUOTE,
        lang: 'en' as const,
        confidence: 1,
        doubt: 0,
        doubtful: false,
        reasons: [],
        startsSection: false,
        sectionReasons: [],
      },
    ];
    const { sources, speakers } = sectionSources(paragraphs, 'de', new IssueNames(paragraphs.map((p) => p.raw)));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.confidence).toBeGreaterThan(0.6);
    expect(sources[0]!.reasons.join(' ')).toMatch(/Heise: outlet, after "laut"/);
    expect(speakers).toEqual([undefined, 0]);
  });

  it('finds the source a paragraph opens with, for the section starts (findSource)', () => {
    expect(findSource('Die Historikerin Maria Probe schreibt in der Republik über Grenzen.')).toEqual({ person: 'Maria Probe', outlet: 'Republik' });
    expect(findSource('Donald Muster hat gestern den Notstand ausgerufen.')).toBeUndefined();
  });
});

/**
 * Sections written after the rules, in six batches of 20, each read before the rules were changed
 * for it (the rules read 74 of the 104 batch rows kept here right at first sight); now training data
 * of the source model, which `npm run score` reads cross-validated.
 */
describe('sections written after the rules', () => {
  for (const [section, expected] of table('written-after.tsv')) row(section, expected);
});

describe('the source index', () => {
  const index = (...issues: Issue[]) => buildSourceIndex(createArchive(issues));

  it('merges spellings a letter or two apart, and shows them under the entry', () => {
    const entries = index(
      issue(1, 'Charley Probestein beklagt im Atlantic den Verlust der Wirklichkeit:|Q'),
      issue(2, 'Charlie Probestein schreibt im Atlantic über Plattformen:|Q'),
      issue(3, 'Charlie Probestein hat einen neuen Text veröffentlicht:|Q'),
    );
    const person = entries.filter((e) => e.kind === 'person');
    expect(person.map((e) => [e.name, e.variants])).toEqual([['Charlie Probestein', ['Charley Probestein']]]);
    expect(person[0]!.sections.map((r) => r.issue.number)).toEqual([3, 2, 1]);
    expect(person[0]!.issues).toBe(3);
  });

  it('merges a firm written two ways, an outlet with and without article, and a surname alone', () => {
    const entries = index(
      issue(1, 'Andreessen & Probe haben ihre Agenda als Blogpost veröffentlicht:|Q', 'Die Ökonomin Rosa Zorbek schreibt in The Atlantic:|Q'),
      issue(
        2,
        'Andreesson & Probe haben ein neues Manifest veröffentlicht:|Q',
        'Laut Atlantic sind die Zölle gescheitert:|Q',
        'Die Ökonomin Rosa Zorbek hat wieder einen Essay geschrieben.',
        'Im zweiten Teil der Serie kritisiert Zorbek die Notenbanken:|Q',
      ),
      issue(3, 'Andreessen & Probe haben ein drittes Papier veröffentlicht:|Q'),
    );
    const byKind = (kind: string) => entries.filter((e) => e.kind === kind).map((e) => [e.name, e.variants, e.sections.length]);
    expect(byKind('outlet')).toEqual([
      ['Andreessen & Probe', ['Andreesson & Probe'], 3],
      ['The Atlantic', [], 2],
    ]);
    expect(byKind('person')).toEqual([['Rosa Zorbek', [], 3]]);
  });

  it('keeps different people apart', () => {
    const entries = index(issue(1, 'Anna Schmidt schreibt über Mieten:|Q', 'Anne Schmitz schreibt über Löhne:|Q'));
    expect(entries.map((e) => e.name)).toEqual(['Anna Schmidt', 'Anne Schmitz']);
  });

  it('measures spelling distance with transpositions', () => {
    expect(editDistance('charley', 'charlie')).toBe(2);
    expect(editDistance('andreessen', 'andreesson')).toBe(1);
    expect(editDistance('marcuse', 'marcsue')).toBe(1);
    expect(editDistance('abc', 'xyzabc', 2)).toBe(3);
  });
});

describe('the author’s sources in front matter', () => {
  const text = (frontMatter: string) =>
    `---\n${frontMatter}\n---\nWillkommen bei Krasse Links No 7. Hallo, heute testen wir.\n\nDonald Muster hat gestern den Notstand ausgerufen.\n\n\nDer Podcast von Sam Beispiel hat eine neue Folge.`;

  it('replace the sources of the numbered sections, and give the heading', () => {
    const read = parseOne(text('sources:\n  1: Olga Probe; Die Wochenschau\n  2: [Sam Beispiel, "; Arbeitsfunk"]'));
    expect(read.sections.map((s) => s.sources)).toEqual([[{ person: 'Olga Probe', outlet: 'Die Wochenschau' }], [{ person: 'Sam Beispiel' }, { outlet: 'Arbeitsfunk' }]]);
    expect(read.sections[0]!.heading).toMatch(/^Olga Probe \(Die Wochenschau\)/);
  });

  it('can say that a section has no source', () => {
    const read = parseOne(text('sources:\n  2: "-"'));
    expect(read.sections[1]!.sources).toEqual([]);
    expect(read.sections[1]!.source).toBeUndefined();
  });

  it.each([
    ['sources: Sam Beispiel', /"sources" must map section numbers to sources/],
    ['sources:\n  erste: Sam Beispiel', /"sources" needs section numbers \(1, 2, …\) as keys, not "erste"/],
    ['sources:\n  1: a; b; c', /a source of section 1 is "Person", "Person; Outlet" or "; Outlet"/],
    ['sources:\n  1: 42', /a source of section 1 needs a person or an outlet/],
    ['sources:\n  1: {person: Sam, role: Host}', /may have only "person" and "outlet"/],
    ['sources:\n  5: Sam Beispiel', /front matter "sources" names section 5, but No 7 has 2 sections/],
  ])('refuse %j', (frontMatter, message) => {
    expect(() => parseOne(text(frontMatter))).toThrow(message);
  });
});

describe('the source and subject models', () => {
  it('are trained from the labelled sections: training reproduces the committed weights (scripts/sources/train.ts, headings.ts)', () => {
    const groups = allGroups();
    expect(fitModel(labelledSections(groups), storedSources)).toEqual(storedSources);
    expect(fit(subjectRows(headingSections(groups)), storedSubjects.penalty)).toEqual(storedSubjects.subject);
  }, 180_000);
});
