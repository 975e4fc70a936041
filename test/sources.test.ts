// Sources a reader can trust: who a section quotes or whose piece it presents, not who is in the
// news. Each error kind from the issue has made-up sentences in the newsletter's style here (no
// text from the newsletter); the corpus figures are in structure.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createArchive } from '../src/archive/index.js';
import type { Issue, Source } from '../src/model.js';
import { buildSourceIndex, editDistance } from '../src/archive/source-index.js';
import { findSource, sectionSources, IssueNames } from '../src/parse/sources.js';
import { parseOne } from './helpers/issues.js';

const QUOTE = 'The platforms stopped competing on quality and started competing on lock-in, which is a very different business altogether.';

/** One issue in a blank-line export: each argument a section, its paragraphs split at `|` (`Q` is an English quote). */
function issue(number: number, ...sections: string[]): Issue {
  const body = sections.map((section) => section.split('|').map((p) => (p === 'Q' ? QUOTE : p)).join('\n\n'));
  return parseOne([`Willkommen bei Krasse Links No ${number}. Hallo, heute testen wir.`, ...body].join('\n\n\n'));
}

/** The sources of a one-section issue as `Person; Outlet` strings, the main one first. */
function sourcesOf(section: string): string[] {
  return issue(99, section).sections[0]!.sources.map((s: Source) => `${s.person ?? ''}; ${s.outlet ?? ''}`);
}

describe('the source of a section', () => {
  it.each([
    // The subject of a news item is not its source.
    ['Die Ministerin hat gestern neue Regeln für Mietwohnungen verkündet. Die Zeit mit den Hintergründen.', ['; Zeit']],
    ['Olaf Beispiel hat am Montag seinen Rücktritt angekündigt. Der Spiegel hat eine lange Recherche dazu:|Q', ['; Spiegel']],
    ['Ein Konzern hat angekündigt, die Plattform zu kaufen. Casey Probe ordnet das in seinem Newsletter ein:|Q', ['Casey Probe; ']],
    ['Donald Muster sprach gestern in Ohio über Zölle. Die Märkte reagierten nervös.', []],
    ['Elon Muster hat die Plattform umbenannt und die Werbekunden laufen davon.', []],
    ['Die EU-Kommission hat ein Verfahren gegen Apple eröffnet. Heise fasst zusammen:|Q', ['; Heise']],
    ['Mark Probe kündigte an, die Faktenchecks einzustellen. 404 Media hat die Hintergründe:|Q', ['; 404 Media']],
    ['Olaf Muster hat gestern im Bundestag gesagt, er wisse von nichts. Übermedien hat das auseinandergenommen:|Q', ['; Übermedien']],
    ['Die Süddeutsche Zeitung hat Dokumente ausgewertet, die zeigen, dass Olaf Muster davon wusste.', ['; Süddeutsche Zeitung']],
    ['Tina Probe hat im Zuge ihrer Recherche einen Thread veröffentlicht:|Q', ['Tina Probe; ']],
    ['Die Bahn hat wieder Probleme mit ihren Stellwerken, via Netzpolitik.org.|Q', ['; Netzpolitik.org']],
    ['Spannend auch, was Emma Beispiel dazu schreibt:|Q', ['Emma Beispiel; ']],
    ['Ganz nah dran an dem, was Jan Muster in einem Podcast gesagt hat, den der Artikel zitiert:|Q', []],
    ['Kai Muster hat für die Zeit recherchiert:|Q', ['Kai Muster; Zeit']],
    ['Die Washington Probe wurde von Jeff Muster gekauft und jetzt ist alles anders.', []],
    ['Erik Probe bei Zeit Online:|Q', ['Erik Probe; Zeit Online']],
    ['Laut einer Studie des Fraunhofer-Instituts verbrauchen Rechenzentren immer mehr Strom.|Q', ['; Fraunhofer-Institut']],
    ['Der Guardian hat mit mehreren Content-Moderatoren in Kenia gesprochen:|Q', ['; Guardian']],
    ['Die Polizei hat mit den Zeugen gesprochen.|Q', []],
    // A name written in lower case (`die taz`), but not any lowercase word after an article.
    ['Die app der Bahn ist kaputt. Die Zeit berichtet:|Q', ['; Zeit']],
    // The subject of a relative clause about a piece, but not of any relative clause.
    ['Die Firma hat Gewinne gemacht, die Olaf Muster gerne verschweigt.', []],
    ['Nicht verpassen: die neue Folge von Jung und Probe mit Ulrike Muster.|Q', ['; Jung und Probe']],
    ['Felix Probe von Axios rechnet vor, warum das nicht aufgeht:|Q', ['Felix Probe; Axios']],
    ['Ursula von der Muster schreibt:|Q', ['Ursula von der Muster; ']],
    ['Die Bahn streicht wieder Züge. Jetzt berichtet auch der Spiegel darüber:|Q', ['; Spiegel']],
    ['OpenProbe hat ein neues Modell vorgestellt, das besser rechnen kann.|Sam Muster twitterte dazu, AGI sei nah.|Ed Beispiel ist skeptisch:|Q', ['Ed Beispiel; ']],
    // Who wrote a quote may be said right after it; the one in the news before it is no source.
    ['Elon Muster hat die Plattform in einen rechten Propagandakanal verwandelt.|Q|Das schreibt Charlie Beispiel im Atlantic.', ['Charlie Beispiel; Atlantic']],
    ['Donald Muster hat Zölle auf alles angekündigt.|Q|Paula Probe erklärt in ihrem Newsletter, warum das nicht funktioniert.', ['Paula Probe; ']],
    ['Marietje Probe, ehemalige EU-Abgeordnete, argumentiert in Foreign Policy, dass Europa eigene Clouds braucht:|Q', ['Marietje Probe; Foreign Policy']],
    ['Das Ganze wurde von Rita Beispiel gut zusammengefasst:|Q', ['Rita Beispiel; ']],
    // Capitalised nouns in a `dass`-clause are no names; the outlet opening the sentence is the source.
    ['Reuters berichtet, dass Konzerne Milliarden Euro in Rechenzentren stecken:|Q', ['; Reuters']],
    ['Die Financial Times schreibt, dass Microsoft und Google ihre Klimaziele verfehlen:|Q', ['; Financial Times']],
    ['Die Zeit berichtet, dass Olaf Probe und Christian Muster sich gestritten haben.', ['; Zeit']],
    // The source in a later paragraph, in a possessive, after `mit` without a verb.
    ['Es geht wieder um Plattformen und ihre Macht.|Cory Beispiel hat dazu einen neuen Essay geschrieben:|Q', ['Cory Beispiel; ']],
    ['Wieder mal ein Text über das Ende des Internets.|Diesmal argumentiert Ed Zitrone, dass die Branche auf Sand gebaut ist:|Q', ['Ed Zitrone; ']],
    ['Kate Musterfraus Analyse der KI-Industrie ist lesenswert:|Q', ['Kate Musterfrau; ']],
    ['Tim Probe mit einem Essay über Monopole und Macht.', ['Tim Probe; ']],
    ['Sehr lesenswert: Jonas Muster über die Krise des Journalismus.', ['Jonas Muster; ']],
    ['Nochmal Cory Beispiel, diesmal über den Verfall der Plattformen:|Q', ['Cory Beispiel; ']],
    // Podcasts, newsletters, shows and platforms are outlets (channels).
    ['Im Podcast „Tech ohne Rettung“ spricht Paris Muster mit einer Forscherin über Rechenzentren.', ['Paris Muster; Tech ohne Rettung']],
    ['In ihrem Newsletter Weekly Thoughts fragt Lena Beispiel, was von der Plattform noch übrig ist:|Q', ['Lena Beispiel; Weekly Thoughts']],
    ['Auf Bluesky schreibt die Journalistin Anna Probe:|Q', ['Anna Probe; Bluesky']],
    ['Das Ganze wurde von Jana Probe auf Mastodon gut zusammengefasst:|Q', ['Jana Probe; Mastodon']],
    ['Die Sendung Monitor hat eine Recherche zu Mietwucher gebracht.', ['; Monitor']],
    ['Der Podcast von Sam Beispiel hat eine neue Folge über Arbeitskämpfe.', ['Sam Beispiel; ']],
    // A title keeps its genitive (`Lage der Nation`), but not an owner's (`Monitor der ARD`).
    ['Der Podcast Stimme der Straße hat eine lange Folge über Mieten gemacht.', ['; Stimme der Straße']],
    ['Die Sendung Monitor der ARD hat eine Recherche zu Mietwucher gebracht.', ['; Monitor']],
    // A one-word owner of a piece (`Webers Analyse`), read as the person the issue names in full.
    ['Isabella Probe hat einen langen Essay über Preise geschrieben.|Probes Analyse ist dabei recht nüchtern:|Q', ['Isabella Probe; ']],
    // A role alone, and a gendered noun, are no names.
    ['Die Ökonomin mit dem langen Atem|Isabella Probe hat einen Essay über Preise geschrieben:|Q', ['Isabella Probe; ']],
    ['Cory Beispiel schreibt über Plattformen:|Q|Beispiel mit einem Punkt, den ich teile: Ohne Interoperabilität keine Macht der Nutzer*innen.', ['Cory Beispiel; ']],
    ['Lena Probe mit einem Punkt, den ich teile: Ohne Offenheit keine Macht der NutzerInnen und der Journalist:innen.', ['Lena Probe; ']],
    // Roles and honorifics before a name; the outlet a person speaks in.
    ['Die Ökonomin Isabella Probe erklärt im Interview mit der Zeit, warum Preise steigen:|Q', ['Isabella Probe; Zeit']],
    ['Der Google-Forscher Max Mustermann warnt vor den Folgen:|Q', ['Max Mustermann; ']],
    ['Der Historiker Timothy Beispiel schreibt in der New York Review of Books:|Q', ['Timothy Beispiel; New York Review of Books']],
    ['Die Bundesregierung will die Schuldenbremse reformieren.|Der Ökonom Jens Beispiel hält das in einem Gastbeitrag im Handelsblatt für unzureichend:|Q', ['Jens Beispiel; Handelsblatt']],
    // A firm publishing a piece is an outlet, not a person.
    ['Muster & Probe haben ihre Thesen als Blogpost veröffentlicht, die von Dana Beispiel auseinander genommen werden:|Q', ['Dana Beispiel; ', '; Muster & Probe']],
  ])('%s', (section, expected) => {
    expect(sourcesOf(section)).toEqual(expected);
  });

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
      { line: 1, raw: 'Laut Heise will die Regierung eine KI-Fabrik bauen:', indented: false, gapBefore: 0, kind: 'commentary' as const, text: '', lang: 'de' as const, confidence: 1, reasons: [], startsSection: true, sectionReasons: [] },
      { line: 2, raw: QUOTE, indented: false, gapBefore: 1, kind: 'quote' as const, text: QUOTE, lang: 'en' as const, confidence: 1, reasons: [], startsSection: false, sectionReasons: [] },
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
 * Sections written after the rules above, in six batches of 20, each read before the rules were
 * changed for it: 10, 13, 11, 10, 15 and 12 of 20 exactly right at first sight (the measure of how
 * the rules do on text they were not written on). The lines here are those read right since; the ones
 * still read wrong (two outlets joined by `und`, a source named only by a pronoun, a show's guest
 * taken for its host) are left out. They must stay right. Each line: the section (paragraphs split
 * at `|`, `Q` a quote), a tab, and its sources as `Person; Outlet`, several joined by ` | `.
 */
const writtenAfter = readFileSync(new URL('./fixtures/sources/written-after.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split('\t') as [string, string]);

describe('sections written after the rules', () => {
  it.each(writtenAfter)('%s', (section, expected) => {
    expect(sourcesOf(section).map((s) => s.trim())).toEqual(expected.split('|').map((s) => s.trim()));
  });
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
      issue(2, 'Andreesson & Probe haben ein neues Manifest veröffentlicht:|Q', 'Laut Atlantic sind die Zölle gescheitert:|Q', 'Die Ökonomin Rosa Zorbek hat wieder einen Essay geschrieben.', 'Im zweiten Teil der Serie kritisiert Zorbek die Notenbanken:|Q'),
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
    expect(read.sections.map((s) => s.sources)).toEqual([
      [{ person: 'Olga Probe', outlet: 'Die Wochenschau' }],
      [{ person: 'Sam Beispiel' }, { outlet: 'Arbeitsfunk' }],
    ]);
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
