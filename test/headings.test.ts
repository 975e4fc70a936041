// Section headings a reader can scan: the section's sources and its subject in a few words, never
// its first sentence cut off, and never changed by other issues.
import fs from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../src/model.js';
import { HEADING_LENGTH, sectionHeading } from '../src/reader/parse/headings.js';
import { subjectCandidates } from '../src/reader/parse/subjects.js';
import { sectionParagraphs } from '../src/model.js';
import { sectionTerms } from '../src/reader/parse/terms.js';
import { exportFiles } from './helpers/fixtures.js';
import { issueWith, parseOne, parseText, renderIssuePages } from './helpers/issues.js';
import { pageText } from './helpers/verbatim.js';

const de = (text: string) => ({ text, lang: 'de' as const });
const en = (text: string) => ({ text, lang: 'en' as const });
/** The words a heading's subject is chosen from, every word of the section weighed. */
const subjectWords = (paragraphs: { text: string; lang: 'de' | 'en' }[], names: string[] = []) => subjectCandidates(paragraphs, names, [], true).map((c) => c.term);

let corpus: Issue[];
beforeAll(async () => {
  corpus = [...parseText(await fs.readFile(exportFiles.no56, 'utf8')), ...parseText(await fs.readFile(exportFiles.threeIssues, 'utf8'))];
});

describe('a section heading', () => {
  it('names the source and the one thing the section is about', () => {
    const paragraphs = [
      de('Im letzten Newsletter schrieb ich über Adam Tooze, und prompt schreibt er über die Hegemonie. Im ersten Teil stellt er seine Theorie der Hegemonie vor.'),
      de('Die Hegemonie der USA sei ein Projekt, schreibt er, und jedes Projekt braucht Infrastruktur:'),
      en('Hierarchy and inequality have structural preconditions, but they are produced by projects.'),
    ];
    expect(sectionHeading({ paragraphs, source: { person: 'Adam Tooze' }, sources: [{ person: 'Adam Tooze' }] }, 'Abschnitt 1')).toBe('Adam Tooze über Hegemonie');
  });

  it('names a person’s outlet, and a second source by name', () => {
    const paragraphs = [de('Nathan Benaich schreibt in Fortune über die Souveränität bei der KI, und über Souveränität im Allgemeinen.')];
    const sources = [
      { person: 'Nathan Benaich', outlet: 'Fortune' },
      { person: 'Adam Tooze', outlet: 'Chartbook' },
    ];
    expect(sectionHeading({ paragraphs, source: sources[0]!, sources }, 'x')).toBe('Nathan Benaich (Fortune) und Adam Tooze über Souveränität');
  });

  it('takes the lead-in’s own phrase for the subject', () => {
    const paragraphs = [de('Nathan Benaich schreibt in Fortune über das Souveränitäts-Paradox:'), en('The harder nations push for AI independence, the deeper their dependencies become.')];
    expect(sectionHeading({ paragraphs, source: { person: 'Nathan Benaich', outlet: 'Fortune' }, sources: [{ person: 'Nathan Benaich', outlet: 'Fortune' }] }, 'x')).toBe(
      'Nathan Benaich (Fortune) über Souveränitäts-Paradox',
    );
  });

  it('without a source, is the subject alone: a word that recurs and opens the section', () => {
    const paragraphs = [de('Die Schuldenbremse bleibt, trotz Spanien.'), de('Und die Schuldenbremse schadet dem Haushalt.')];
    expect(sectionHeading({ paragraphs, sources: [] }, 'x')).toBe('Schuldenbremse');
  });

  it('never takes a role, a generic noun or a word no dictionary knows that the section uses once (a typo)', () => {
    const paragraphs = [de('Die Internetforscherin Judith Probe erklärt, warum die Plattfomen die Hälfte ihrer Moderationsteams entlassen. Die Moderationsteams fehlen jetzt, jede Woche mehr.')];
    expect(subjectWords(paragraphs, ['Judith Probe'])).toEqual(['Moderationsteams']);
  });

  it('takes no word that is capitalised only because it opens a sentence', () => {
    // `Trotz` and `Wenn` open sentences; `Spanien` is capitalised inside one.
    expect(subjectWords([de('Trotz allem. Wenn überhaupt, dann wegen Spanien.')])).toEqual(['Spanien']);
  });

  it('takes a name of several words as one term', () => {
    const terms = subjectWords([de('Die Tochter von Elon Musk widerspricht Elon Musk, und die US-Hegemonie, die Hegemonie der USA, wankt.')]);
    expect(terms).toEqual(expect.arrayContaining(['Elon Musk', 'USA']));
    expect(terms).not.toContain('Musk');
  });

  it('leaves out the words of the sources it names already', () => {
    expect(subjectWords([de('Dann sieht Tooze auch Tooze als Historiker der Hegemonie.')], ['Adam Tooze'])).toEqual(['Hegemonie']);
  });

  it('leaves out the newsletter’s own words and English quotes', () => {
    expect(subjectWords([de('Ein lesenswerter Artikel im Newsletter über Faschismus.'), en('The Fascism of Elon is about Fascism.')])).toEqual(['Faschismus']);
  });

  it('is a fallback when the section says nothing distinctive', () => {
    expect(sectionHeading({ paragraphs: [de('Das ist so.')], sources: [] }, 'Abschnitt 3')).toBe('Abschnitt 3');
  });
});

describe('the corpus headings', () => {
  const firstSentence = (issue: Issue, index: number) => sectionParagraphs(issue.sections[index]!)[0]!.text.split(/(?<=[.!?:])\s/)[0]!;

  it('never end in an ellipsis and never repeat the section’s first sentence', () => {
    for (const issue of corpus) {
      issue.sections.forEach((section, index) => {
        const where = `No ${issue.number}, ${section.heading}`;
        expect(section.heading, where).not.toMatch(/…$|\.\.\.$/);
        expect(firstSentence(issue, index).startsWith(section.heading), where).toBe(false);
        expect(section.heading.length, where).toBeLessThanOrEqual(HEADING_LENGTH);
      });
    }
  });

  it('name the sources the parser found and a subject for most sections', () => {
    const headings = corpus.flatMap((issue) => issue.sections.map((s) => s.heading));
    expect(headings).toEqual(expect.arrayContaining([expect.stringMatching(/^Lea Ypi \(taz\) über (?:Kapitalismus|Unfreiheit|Freiheit)$/)]));
    expect(headings.filter((h) => / über /.test(h)).length).toBeGreaterThan(headings.length / 2);
  });

  it('depend on the issue alone: the same whatever else the archive holds', async () => {
    const no21 = corpus.find((issue) => issue.number === 21)!;
    const alone = await renderIssuePages([no21]);
    const inArchive = await renderIssuePages(corpus);
    const headingsOf = (html: string) => [...html.matchAll(/<h2 id="[^"]+-titel">([^<]+)</g)].map((m) => m[1]);
    expect(headingsOf(alone.get(21)!)).toEqual(headingsOf(inArchive.get(21)!));
    expect(headingsOf(alone.get(21)!)).toEqual(no21.sections.map((s) => s.heading.replace(/&/g, '&#x26;')));
  });
});

describe('the author’s heading', () => {
  it('`--- Überschrift` starts a section with that heading, shown on the page', async () => {
    const text = issueWith(9, 'Laut Heise will Merz eine KI-Fabrik bauen.', '--- Was ich davon halte', 'Nicht viel, ehrlich gesagt.', 'Denn die Fabrik ist Quatsch.');
    const issue = parseOne(text);
    expect(issue.sections.map((s) => s.heading)).toEqual([expect.stringMatching(/^Heise über /), 'Was ich davon halte']);
    expect(issue.sections[1]!.id).toBe('was-ich-davon-halte');
    const page = (await renderIssuePages([issue])).get(9)!;
    expect(page).toContain('<h2 id="was-ich-davon-halte-titel">Was ich davon halte<a href="#was-ich-davon-halte"');
    expect(pageText(page)).toContain('Nicht viel, ehrlich gesagt.');
  });

  it('never loses the author’s words: a heading line with nothing after it stays text, one before the support block heads a section', async () => {
    const trailing = parseOne(issueWith(9, 'Laut Heise will Merz eine KI-Fabrik bauen.', '--- Fazit'));
    expect(pageText((await renderIssuePages([trailing])).get(9)!)).toContain('--- Fazit');
    const beforeSupport = parseOne(issueWith(9, 'Laut Heise will Merz eine KI-Fabrik bauen.', '--- Zum Schluss', 'Vielen Dank, dass Du Krasse Links liest. Hilf mit.', 'Michael Seemann'));
    expect(beforeSupport.sections.map((s) => s.heading)).toContain('Zum Schluss');
    expect(pageText((await renderIssuePages([beforeSupport])).get(9)!)).toContain('Zum Schluss');
  });

  it('a plain `---` still starts a section with a heading of its own', () => {
    const issue = parseOne(issueWith(9, 'Laut Heise will Merz eine KI-Fabrik bauen.', '---', 'Die Schuldenbremse bleibt, und die Schuldenbremse schadet.'));
    expect(issue.sections.map((s) => s.heading)).toEqual([expect.stringMatching(/^Heise über /), 'Schuldenbremse']);
  });
});

describe('the terms a section keeps for finding related ones', () => {
  it('count quotes and commentary alike, the sources’ names most', () => {
    const terms = sectionTerms([de('Tooze schreibt über Hegemonie.'), en('Hegemony is a project of projects.')], ['Adam Tooze']);
    // The most telling first; forms of a word count together (`project`, `projects`); function words not at all.
    expect(terms).toBe('tooze:3 adam:2 project:2 hegemoni:1 hegemony:1 schreibt:1');
  });
});
