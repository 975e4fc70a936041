// Related sections across the archive: under each section, up to three sections of other issues on
// the same subject ("Mehr dazu im Archiv"), and the same relation per issue at the page's end.
import fs from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArchive } from '../src/site/archive/index.js';
import type { Issue, Section } from '../src/model.js';
import { defaultRelatedOptions, relatedSections } from '../src/site/archive/related.js';
import { exportFiles } from './helpers/fixtures.js';
import { issueWith, parseOne, parseText, renderIssuePages } from './helpers/issues.js';

let corpus: Issue[];
beforeAll(async () => {
  corpus = [...parseText(await fs.readFile(exportFiles.no56, 'utf8')), ...parseText(await fs.readFile(exportFiles.threeIssues, 'utf8'))];
});

const issue = (n: number) => corpus.find((i) => i.number === n)!;
/** The sections of an issue that quote or introduce Adam Tooze. */
const toozeSections = (n: number) => issue(n).sections.filter((s) => s.sources.some((source) => source.person?.includes('Tooze')));

describe('related sections', () => {
  it('the Tooze sections of No 21, 22 and 23 find each other', () => {
    const related = relatedSections(corpus);
    for (const [from, others] of [
      [21, [22, 23]],
      [22, [21, 23]],
      [23, [21, 22]],
    ] as const) {
      expect(toozeSections(from).length, `No ${from}`).toBeGreaterThan(0);
      const found = toozeSections(from).flatMap((section) => related.get(section) ?? []);
      for (const other of others) {
        expect(
          found.some((r) => r.issue.number === other && toozeSections(other).includes(r.section)),
          `No ${from} → No ${other}`,
        ).toBe(true);
      }
    }
  });

  it('are at most three, each from another issue, best first, above the threshold', () => {
    const related = relatedSections(corpus);
    expect(related.size).toBeGreaterThan(0);
    for (const own of corpus) {
      for (const section of own.sections) {
        const list = related.get(section) ?? [];
        expect(list.length).toBeLessThanOrEqual(3);
        expect(new Set(list.map((r) => r.issue)).size).toBe(list.length);
        expect(list.every((r) => r.issue !== own && r.score >= defaultRelatedOptions.threshold)).toBe(true);
        expect(list.map((r) => r.score)).toEqual([...list.map((r) => r.score)].sort((a, b) => b - a));
      }
    }
  });

  it('leave a section on a subject no other issue has alone', () => {
    const cats = parseOne(issueWith(90, 'Meine Katze Minka frisst Thunfisch, und die Katze des Nachbarn frisst Trockenfutter.', 'Katzen sind die besseren Haustiere.'));
    const related = relatedSections([cats, ...corpus]);
    expect(related.get(cats.sections[0]!)).toBeUndefined();
  });

  it('count the quotes too: two sections quoting the same English text find each other', () => {
    const quote = 'The hyperscalers own the compute, the data centres and the cloud contracts, and every sovereign AI project rents from them.';
    const a = parseOne(issueWith(91, 'Laut Heise will Merz eine Fabrik bauen:', quote));
    const b = parseOne(issueWith(92, 'Ganz anders sieht das jemand im Netz:', quote));
    expect(
      relatedSections([a, b])
        .get(a.sections[0]!)
        ?.map((r) => r.issue.number),
    ).toEqual([92]);
  });
});

describe('on the issue page', () => {
  let pages: Map<number, string>;
  beforeAll(async () => {
    pages = await renderIssuePages(corpus);
  });
  const sectionHtml = (html: string, section: Section) => {
    const start = html.indexOf(`<section id="${section.id}"`);
    return html.slice(start, html.indexOf('</section>', start));
  };

  it('lists them under the section, each with issue number, date and heading, linking to the section', () => {
    const [no22] = toozeSections(22);
    const html = sectionHtml(pages.get(22)!, no22!);
    expect(html).toMatch(/<div class="related" data-pagefind-ignore="all"><p class="related-title">Mehr dazu im Archiv<\/p><ul>/);
    const links = [...html.matchAll(/<li><a href="([^"]+)"><span class="related-no">No (\d+)<\/span> ([^<]+)<\/a>/g)].map((m) => [m[1], m[2], m[3]]);
    const [no21] = toozeSections(21);
    expect(links).toContainEqual([`/issues/21/#${no21!.id}`, '21', no21!.heading]);
  });

  it('shows the date of a related section where the issue has one', async () => {
    const dated = (n: number, date: string, line: string) => parseOne(`---\ndate: ${date}\n---\n${issueWith(n, line)}`);
    const quote = 'Adam Tooze analysiert die Hegemonie der Vereinigten Staaten und das Interregnum nach Gramsci.';
    const html = (await renderIssuePages([dated(1, '2024-07-24', quote), dated(2, '2024-08-01', quote)])).get(2)!;
    expect(html).toMatch(/<span class="related-no">No 1<\/span> [^<]+<\/a> <time datetime="2024-07-24" class="related-date">24\. Juli 2024<\/time>/);
  });

  it('lists the related issues at the end, with the sections that relate', () => {
    const html = pages.get(21)!;
    const end = html.slice(html.indexOf('<aside class="related-issues"'), html.indexOf('</aside>', html.indexOf('<aside class="related-issues"')));
    expect(end).toContain('<h2 id="verwandt">Mehr dazu im Archiv</h2>');
    expect(end).toContain('<a href="/issues/22/"><span class="related-no">No 22</span>');
    expect(end).toContain(`<a href="/issues/22/#${toozeSections(22)[0]!.id}">`);
  });

  it('relate the same sections whichever order the archive lists the issues in', () => {
    const forward = createArchive(corpus);
    const backward = createArchive([...corpus].reverse());
    for (const own of corpus) for (const section of own.sections) expect(backward.related(section)).toEqual(forward.related(section));
  });
});
