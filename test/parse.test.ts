// The parser on the real issues of the corpus: intro and motto, sections, quotes, lists, the
// support block, mentions. (Scores against hand labels live in structure.test.ts.)
import fs from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Issue } from '../src/model.js';
import { exportFiles } from './helpers/fixtures.js';
import { issueWith, parseOne, parseText } from './helpers/issues.js';

let issues: Map<number, Issue>;
let no21Flat: Issue;

beforeAll(async () => {
  const all = [...parseText(await fs.readFile(exportFiles.no56, 'utf8')), ...parseText(await fs.readFile(exportFiles.threeIssues, 'utf8'))];
  issues = new Map(all.map((issue) => [issue.number, issue]));
  no21Flat = parseText(await fs.readFile(exportFiles.no21Flat, 'utf8'))[0]!;
});

const blocks = (issue: Issue) => issue.sections.flatMap((s) => s.blocks);
const firstText = (block: Block) => (block.kind === 'quote' ? block.paragraphs[0]! : block.kind === 'list' ? block.items[0]! : block.paragraph).text;

describe('intro and title', () => {
  it('takes the number and the motto from the intro line, whatever the greeting', () => {
    expect(issues.get(56)!.title).toBe('Rendert eure KIs souverän, heute plappern wir die Machtvergessenheit des Tech-Faschismus zur gemeinsamen Wirklichkeit.');
    expect(issues.get(23)!.title).toBe('Setzt eure Preise fest, heute versenken wir die Öffentlichkeit im Trommelfeuer des Marktes.');
    expect(issues.get(22)!.title).toBe('Doch jetzt entsichert Euer Interregnum, wir projizieren das Ende des Westens auf die Blockchain.');
    expect(issues.get(21)!.title).toBe('Also programmiert Euch das Netzwerk auf den Duden, heute beerdigen wir den KI-Hype.');
    expect(issues.get(21)!.intro!.text).toMatch(/^Willkommen zurück bei Krasse Links No 21\./);
  });

  it.each([
    ['Warum die Plattformen ihre Regeln vergessen', 'Warum die Plattformen ihre Regeln vergessen'],
    ['Ist das noch Journalismus?', 'Ist das noch Journalismus?'],
    ['„Wir sind die Guten“', '„Wir sind die Guten“'],
    ['Nachtrag', 'Nachtrag'],
    ['Dieser Text beginnt mit einem Satz.', 'Krasse Links No 900'],
    ['Heute geht es um Folgendes:', 'Krasse Links No 900'],
    ['Jun 20, 2025 - 10:00', 'Krasse Links No 900'],
    ['- Ein Punkt einer Liste', 'Krasse Links No 900'],
    ['https://example.org/ein-beitrag', 'Krasse Links No 900'],
    ['Ein Satz, der zwar keinen Punkt am Ende hat, aber viel zu lang für eine Überschrift ist und immer weiter geht', 'Krasse Links No 900'],
  ])('without intro, titles a text by its first line when that reads as a headline: %s', (first, title) => {
    const issue = parseOne(`---\nnumber: 900\n---\n${first}\n\nLaut Heise will Merz eine KI-Fabrik bauen.\n`);
    expect(issue.title).toBe(title);
    expect(blocks(issue).map(firstText)).toContain(first); // and it stays on the page as written
  });

  it('prefers the front matter title and the intro’s motto to a headline', () => {
    expect(parseOne('---\nnumber: 900\ntitle: Aus dem Front Matter\n---\nEine Überschrift\n\nText.\n').title).toBe('Aus dem Front Matter');
    expect(parseOne('Willkommen bei Krasse Links No 900. Hallo, heute testen wir.\nEine Überschrift\nText.\n').title).toBe('Hallo, heute testen wir.');
    expect(parseOne('Krasse Links No 900\nEine Überschrift\nText.\n').title).toBe('Krasse Links No 900');
  });
});

describe('sections', () => {
  it('follows the author’s section breaks in the blank-line export of No 21', () => {
    const openings = issues.get(21)!.sections.map((s) => firstText(s.blocks[0]!).slice(0, 30));
    expect(openings).toEqual([
      'Trotz Spanien! Deutschland atm',
      'Nachdem Murati neulich ja bere',
      'Der Google KI-Forscher Francoi',
      'Auch der lesenswerte Newslette',
      'Ach ja, „Stuff“ produzieren.',
      'Auf Strage Matters hat John Mi',
      'Hier kann man dem Markt beim R',
      'Die politische Ökonomin Cecili',
      'Adam Tooze war bei Jung und Na',
    ]);
  });

  it('finds several sections in the flat export of No 21 too', () => {
    expect(no21Flat.sections.length).toBeGreaterThan(3);
  });

  it('gives each section a short heading and an id unique on the page', () => {
    for (const issue of issues.values()) {
      const ids = issue.sections.map((s) => s.id);
      expect(new Set(ids).size, `No ${issue.number}`).toBe(ids.length);
      for (const section of issue.sections) {
        expect(section.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(section.heading.split(/\s+/).length).toBeLessThanOrEqual(12);
      }
    }
  });
});

describe('blocks', () => {
  it('sets the English quotes of No 56 apart as quotes in English', () => {
    const quote = blocks(issues.get(56)!).find((b) => b.kind === 'quote' && firstText(b).startsWith('The United Arab Emirates'));
    expect(quote).toMatchObject({ kind: 'quote', lang: 'en' });
  });

  it('keeps the author’s commentary as commentary', () => {
    const commentary = blocks(issues.get(56)!).find((b) => firstText(b).startsWith('Oder man könnte sich ja mal zurücklehnen'));
    expect(commentary?.kind).toBe('commentary');
  });

  it('recognises bulleted, dotted and numbered lists, without their markers', () => {
    const lists = (n: number) => blocks(issues.get(n)!).filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
    expect(lists(56).map((l) => [l.ordered, l.items.length])).toEqual([[false, 3]]);
    expect(lists(56)[0]!.items[0]!.text).toBe('Das algorithmische Management der (digitalen) Öffentlichkeit.');
    expect(lists(22).map((l) => [l.ordered, l.items.length, l.inQuote])).toEqual([[false, 5, true]]);
    expect(lists(23).map((l) => [l.ordered, l.items.length])).toEqual([[true, 3]]);
  });

  it('does not take a quote paragraph opening with a dash for a list', () => {
    const dashed = blocks(issues.get(56)!).find((b) => b.kind === 'quote' && b.paragraphs.some((p) => p.text.startsWith('– The deepest')));
    expect(dashed).toBeDefined();
  });

  it('keeps the support block of No 56 apart, between the sections it stands between', () => {
    const no56 = issues.get(56)!;
    expect(no56.support).toHaveLength(1);
    const support = no56.support[0]!;
    expect(support.paragraphs.map((p) => p.text.slice(0, 20))).toEqual(['Vielen dank, dass Du', 'Michael Seemann', 'IBAN: DE582519000101', 'BIC: VOHADE2H']);
    expect(firstText(no56.sections[support.beforeSection]!.blocks[0]!)).toMatch(/^M\. Gessen analysiert/);
  });

  it('records mentions of other issues', () => {
    expect(issues.get(56)!.sections.flatMap((s) => s.mentions)).toEqual([27]);
  });
});

describe('page breaks of exports from other tools', () => {
  const sentence = 'Die Automatisierung verändert nicht nur, welche Arbeit getan wird, sondern auch, wer über';
  const rest = 'sie bestimmt. Das ist die eigentliche Frage unserer Zeit.';

  it('join a paragraph split by blank lines in the middle of a sentence, in one section, its words unchanged', () => {
    const issue = parseOne(issueWith(77, 'Die Zeit schreibt über die Zukunft der Arbeit:', '', `„${sentence}`, '', '', '', `${rest}“`, '', 'Ich finde das klug.'));
    const paragraphs = issue.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'quote' ? b.paragraphs : b.kind === 'list' ? b.items : [b.paragraph]));
    expect(paragraphs.map((p) => p.text)).toContain(`„${sentence} ${rest}“`);
    expect(issue.sections).toHaveLength(1);
  });

  it('join them in a flat export too, where the break left a line that goes on in lower case', () => {
    const issue = parseOne(issueWith(78, 'Die Zeit schreibt über die Zukunft der Arbeit:', `„${sentence}`, `${rest}“`, 'Ich finde das klug.'));
    const texts = issue.sections.flatMap((s) => s.blocks).map((b) => (b.kind === 'quote' ? b.paragraphs.map((p) => p.text).join(' | ') : ''));
    expect(texts).toContain(`„${sentence} ${rest}“`);
  });

  it('leave paragraphs apart that end a sentence, or go on with a capital', () => {
    const issue = parseOne(issueWith(79, 'Ein erster Satz ohne Punkt am Ende', 'Und ein zweiter, der groß beginnt.', 'Ein dritter.', 'und ein vierter.'));
    const texts = issue.sections.flatMap((s) => s.blocks).map((b) => (b.kind === 'commentary' ? b.paragraph.text : ''));
    expect(texts).toEqual(['Ein erster Satz ohne Punkt am Ende', 'Und ein zweiter, der groß beginnt.', 'Ein dritter.', 'und ein vierter.']);
  });
});
