// Measuring sources and headings against the gold (gold.ts): the figures of issue 20.
// Sources: sections whose sources are exactly the labelled ones, the main source right, labelled
// names found, names found that are no labelled source, and what the source index lists that is
// no source. Headings: those holding a stray word (one that is neither a labelled source's nor an
// accepted subject word), those naming the section's main source, those naming its subject.

import { createArchive } from '../../src/site/archive/index.js';
import { buildSourceIndex } from '../../src/site/archive/source-index.js';
import type { Issue, Section, Source } from '../../src/model.js';
import { stem } from '../../src/reader/parse/terms.js';
import { normalName } from '../labels.js';
import type { Gold } from './gold.js';

export interface Ratio {
  right: number;
  total: number;
}

export interface Figures {
  exact: Ratio;
  main: Ratio;
  found: Ratio;
  extra: number;
  /** Headings holding a stray word, of all headings. */
  stray: Ratio;
  /** Headings naming the main labelled source, of sections with one. */
  namesSource: Ratio;
  /** Headings naming an accepted subject word, of sections with subject words. */
  namesSubject: Ratio;
  /** Index entries that are no labelled source, and all entries. */
  indexExtra: string[];
  indexEntries: number;
  mistakes: string[];
}

const names = (sources: Source[]) =>
  new Set(
    sources
      .flatMap((s) => [s.person, s.outlet])
      .filter((n): n is string => Boolean(n))
      .map(normalName),
  );

/** Words of a heading that name nothing: connectives, articles, the `(2)` of a repeated heading. */
const CONNECTIVE = /^(?:über|und|zu|zum|zur|der|die|das|den|dem|des|im|in|von|vom|mit|ein|eine|einen|einer|the|of|\d+)$/;

/** The words of a text for comparing: lower case, split at spaces and brackets, hyphenated words kept whole. */
export const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[\s()„“"»«,:;.!?]+/)
    .filter(Boolean);

/** The heading's words that are neither a source's nor an accepted subject word. */
export function strayWords(heading: string, gold: Gold): string[] {
  const allowed = new Set([...(gold.subjects ?? []), ...gold.sources.flatMap((s) => [s.person ?? '', s.outlet ?? ''])].flatMap(wordsOf));
  const stems = new Set([...allowed].map(stem));
  return wordsOf(heading).filter((w) => !CONNECTIVE.test(w) && !allowed.has(w) && !stems.has(stem(w)));
}

function namesMain(heading: string, main: Source): boolean {
  const words = new Set(wordsOf(heading));
  const name = main.person ?? main.outlet ?? '';
  return wordsOf(name).every((w) => words.has(w) || CONNECTIVE.test(w));
}

function namesSubject(heading: string, section: Section, gold: Gold): boolean {
  const sourceWords = new Set(section.sources.flatMap((s) => [s.person ?? '', s.outlet ?? '']).flatMap(wordsOf));
  const subjectWords = new Set((gold.subjects ?? []).flatMap(wordsOf).filter((w) => !CONNECTIVE.test(w)));
  const stems = new Set([...subjectWords].map(stem));
  return wordsOf(heading).some((w) => !sourceWords.has(w) && (subjectWords.has(w) || stems.has(stem(w))));
}

const zero = (): Figures => ({
  exact: { right: 0, total: 0 },
  main: { right: 0, total: 0 },
  found: { right: 0, total: 0 },
  extra: 0,
  stray: { right: 0, total: 0 },
  namesSource: { right: 0, total: 0 },
  namesSubject: { right: 0, total: 0 },
  indexExtra: [],
  indexEntries: 0,
  mistakes: [],
});

/** The figures of one issue read against its gold. */
export function measureIssue(name: string, issue: Issue, gold: Gold[]): Figures {
  const f = zero();
  if (issue.sections.length !== gold.length) throw new Error(`${name}: ${issue.sections.length} sections read, ${gold.length} labelled`);
  issue.sections.forEach((section, i) => {
    const g = gold[i]!;
    const expected = names(g.sources);
    const found = names(section.sources);
    const missed = [...expected].filter((n) => !found.has(n));
    const extra = [...found].filter((n) => !expected.has(n));
    f.exact.total++;
    if (!missed.length && !extra.length) f.exact.right++;
    f.found.total += expected.size;
    f.found.right += expected.size - missed.length;
    f.extra += extra.length;
    const main = g.sources[0];
    let unnamed: string | undefined;
    if (main) {
      f.main.total++;
      const parts = names(section.source ? [section.source] : []);
      if (names([main]).size && [...names([main])].every((n) => parts.has(n))) f.main.right++;
      if (g.subjects) f.namesSource.total++;
      if (g.subjects && namesMain(section.heading, main)) f.namesSource.right++;
      else if (g.subjects) unnamed = main.person ?? main.outlet;
    }
    // Headings only where the gold gives the accepted subject words.
    const stray = g.subjects ? strayWords(section.heading, g) : [];
    if (g.subjects) f.stray.total++;
    if (stray.length) f.stray.right++;
    if (g.subjects?.length) {
      f.namesSubject.total++;
      if (namesSubject(section.heading, section, g)) f.namesSubject.right++;
    }
    if (missed.length || extra.length || stray.length || unnamed) {
      const what = [
        missed.length ? `missed ${missed.join(', ')}` : '',
        extra.length ? `extra ${extra.join(', ')}` : '',
        stray.length ? `stray ${stray.join(', ')}` : '',
        unnamed ? `heading without ${unnamed}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      f.mistakes.push(`${name} §${i + 1} "${section.heading}": ${what}`);
    }
  });
  const labelled = new Set(gold.flatMap((g) => [...names(g.sources)]));
  const index = buildSourceIndex(createArchive([issue]));
  f.indexEntries = index.length;
  f.indexExtra = index.filter((e) => ![e.name, ...e.variants].map(normalName).some((n) => labelled.has(n))).map((e) => e.name);
  return f;
}

/** The figures of several issues added up. */
export function addFigures(all: Figures[]): Figures {
  const add = (a: Ratio, b: Ratio) => ({ right: a.right + b.right, total: a.total + b.total });
  return all.reduce(
    (t, f) => ({
      exact: add(t.exact, f.exact),
      main: add(t.main, f.main),
      found: add(t.found, f.found),
      extra: t.extra + f.extra,
      stray: add(t.stray, f.stray),
      namesSource: add(t.namesSource, f.namesSource),
      namesSubject: add(t.namesSubject, f.namesSubject),
      indexExtra: [...t.indexExtra, ...f.indexExtra],
      indexEntries: t.indexEntries + f.indexEntries,
      mistakes: [...t.mistakes, ...f.mistakes],
    }),
    zero(),
  );
}

const ratio = (r: Ratio) => `${r.right}/${r.total}`;

/** One line of figures: sources, then headings. */
export function figuresLine(label: string, f: Figures): string {
  return [
    label.padEnd(26),
    `sources exact ${ratio(f.exact)}`,
    `main ${ratio(f.main)}`,
    `names found ${ratio(f.found)}`,
    `extra ${f.extra}`,
    `index non-sources ${f.indexExtra.length}/${f.indexEntries}`,
    `| headings stray ${ratio(f.stray)}`,
    `name the source ${ratio(f.namesSource)}`,
    `name the subject ${ratio(f.namesSubject)}`,
  ].join(' · ');
}
