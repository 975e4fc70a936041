// Rendering: the model becomes HTML without changing a word, and with the semantics readers and
// tools rely on (article, section ids, blockquote, lists, aside).
import { describe, expect, it } from 'vitest';
import { articleBody, issueWith, parseOne, parseText, renderIssuePages } from './helpers/issues.js';
import { pageText } from './helpers/verbatim.js';
import { mdastToHtml } from '../src/site/render/html.js';
import { issueToMdast } from '../src/site/render/mdast.js';
import type { Block, Paragraph } from '../src/model.js';

async function renderOne(text: string): Promise<string> {
  const issue = parseOne(text);
  return articleBody((await renderIssuePages([issue])).get(issue.number)!);
}

describe('markdown syntax in prose never changes the text', () => {
  it.each([
    ['gender star', 'Laut Heise fordern Journalist*innen, Forscher*innen und Bürger*innen mehr.'],
    ['a lone star', 'OpenAI nennt es Q* und meint damit *nichts* Konkretes.'],
    ['underscores', 'Der Begriff __init__ und snake_case_wörter bleiben.'],
    ['a number at the line start', '1. FC Köln hat gewonnen, sagt der Kicker.'],
    ['a year at the line start', '2018 oder so stolperte OpenAI über Googles Paper.'],
    ['a heading mark', '# Das ist kein Titel, sondern eine Raute.'],
    ['angle brackets and ampersands', 'Ein <script>alert(1)</script> & <b>fett</b> bleibt Text.'],
    ['backticks', 'Ein `code` Stück und ~~durch~~ bleiben.'],
    ['money and times', 'Es kostet $20 oder ~$1tn, um 2:38 sind es 0,2 %.'],
  ])('%s', async (_, line) => {
    const html = await renderOne(issueWith(1, line));
    expect(pageText(html)).toContain(line);
    const markup = html.replace(/"[^"]*"/g, '""'); // attribute values may hold `<`; they are not markup
    expect(markup).not.toMatch(/<(em|strong|code|del|h1|script|b)>/);
  });

  it('keeps typographic quotes and dashes as written', async () => {
    const line = '„Markt“ – »Macht« — ‚Netz‘ … “odd” quotes.';
    expect(pageText(await renderOne(issueWith(1, 'Hier ein Satz.', line)))).toContain(line);
  });

  it('removes the backslash escapes of markdown exporters, and only those', async () => {
    const html = await renderOne(issueWith(1, 'Der Deal kostet \\$20 Mrd. und \\*nichts\\* mehr, C:\\Pfad bleibt.'));
    expect(pageText(html)).toContain('Der Deal kostet $20 Mrd. und *nichts* mehr, C:\\Pfad bleibt.');
  });
});

describe('links', () => {
  it('renders markdown-style links from other exports as links with their text', async () => {
    const html = await renderOne(issueWith(1, 'Den Podcast kann man [hier hören](https://example.org/podcast?a=1&b=2).'));
    expect(html).toContain('<a href="https://example.org/podcast?a=1&#x26;b=2" rel="noopener" class="external">hier hören</a>');
    expect(pageText(html)).toContain('Den Podcast kann man hier hören.');
  });

  it('renders a `#` placeholder link as plain text, not as a dead link', async () => {
    const html = await renderOne(issueWith(1, 'Den Text gibt es [hier](#) zu lesen.'));
    expect(html).not.toContain('href="#"');
    expect(pageText(html)).toContain('Den Text gibt es hier zu lesen.');
  });

  it('links bare URLs, without the sentence punctuation after them', async () => {
    const html = await renderOne(issueWith(1, 'Mehr unter https://example.org/a_(b). Oder https://example.net/x, danke.'));
    expect(html).toContain('href="https://example.org/a_(b)"');
    expect(html).toContain('href="https://example.net/x"');
  });

  it('never emits javascript:, data: or vbscript: URLs as links', async () => {
    const html = await renderOne(issueWith(1, 'Klick [hier](javascript:alert(1)) oder [da](data:text/html,x) oder [dort](vbscript:x).'));
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(pageText(html)).toContain('Klick hier oder da oder dort.');
  });

  it('links mentions of issues the archive has, and leaves the others as text', async () => {
    const issues = parseText([issueWith(30, 'In Krasse Links No 27 schrieb ich bereits darüber, und in Krasse Links 25 auch.'), issueWith(27, 'Laut Heise: Text.')].join('\n'));
    const pages = await renderIssuePages(issues);
    const html = articleBody(pages.get(30)!);
    expect(html).toContain('<a href="/issues/27/" class="issue-ref">Krasse Links No 27</a>');
    expect(html).not.toContain('/issues/25/');
    expect(pageText(html)).toContain('und in Krasse Links 25 auch.');
    expect(pages.get(27)).toMatch(/<aside class="backlinks"[\s\S]*href="\/issues\/30\/"/);
  });
});

describe('semantic HTML', () => {
  // A blank-line export: one blank line between paragraphs, two before a new section.
  const text = [
    'Willkommen bei Krasse Links No 5. Hallo, heute testen wir.',
    'Laut Heise will Merz eine KI-Fabrik bauen:',
    'The project is billed as a sovereign capability, yet it relies entirely on American chips and software.',
    'Das ist Quatsch, finde ich.',
    '\nTooze fasst „Projekte“ allerdings weit:',
    '- Large-scale construction projects – building cities, towers, tunnels etc.\n- Launching a war and/or conducting military operations.',
    'Vielen dank, dass Du Krasse Links liest. Mit einem Dauerauftrag kannst Du helfen.\nMichael Seemann\nIBAN: DE00 0000\nBIC: XXXX',
  ].join('\n\n');

  it('makes the issue an article and each topical section a <section id> with its own heading', async () => {
    const issue = parseOne(text);
    const page = (await renderIssuePages([issue])).get(5)!;
    expect(page).toMatch(/<article class="issue" data-pagefind-body/);
    const ids = [...page.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(issue.sections.map((s) => s.id));
    expect(ids).toHaveLength(2);
    const heading = issue.sections[0]!.heading;
    expect(heading).toMatch(/^Heise über /);
    expect(page).toContain(`<h2 id="${ids[0]}-titel">${heading}<a href="#${ids[0]}" class="permalink" aria-label="Link zu diesem Abschnitt: ${heading}"></a></h2>`);
  });

  it('sets quotes apart in <blockquote>, with lang="en" for English quotes', async () => {
    expect(await renderOne(text)).toMatch(/<blockquote lang="en">\s*<p>The project is billed/);
  });

  it('marks a paragraph of the author’s in another language with its language too', () => {
    const issue = parseOne(issueWith(1, 'Laut Heise will Merz eine KI-Fabrik bauen.'));
    const paragraph = { line: 9, text: 'Well, that is a bold move.', content: [{ type: 'text' as const, value: 'Well, that is a bold move.' }] };
    issue.sections[0]!.blocks.push({ kind: 'commentary', paragraph, confidence: 0.5, lang: 'en' });
    expect(mdastToHtml(issueToMdast(issue, { issueUrl: () => undefined }))).toContain('<p class="commentary" lang="en">Well, that is a bold move.</p>');
  });

  it('writes links, quotes and lists as the pages always had them: URLs percent-encoded, external links marked, each block on a line of its own', () => {
    const issue = parseOne(issueWith(1, 'Laut Heise will Merz eine KI-Fabrik bauen.'));
    const paragraph = (text: string, content: Paragraph['content'] = [{ type: 'text', value: text }]): Paragraph => ({ line: 9, text, content });
    const link = paragraph('Bericht', [{ type: 'link', url: 'https://example.org/Über uns?a="b"', text: 'Bericht' }]);
    issue.sections[0]!.blocks = [
      { kind: 'commentary', paragraph: link, confidence: 1 },
      { kind: 'quote', paragraphs: [paragraph('Erster Absatz.'), paragraph('Zweiter  \n  Absatz.')], lang: 'de', confidence: 1 },
      { kind: 'list', items: [paragraph('eins'), paragraph('zwei')], ordered: true, start: 3, inQuote: false, confidence: 1 },
    ] as Block[];
    const html = mdastToHtml(issueToMdast(issue, { issueUrl: () => undefined }));
    expect(html).toContain('<p class="commentary"><a href="https://example.org/%C3%9Cber%20uns?a=%22b%22" rel="noopener" class="external">Bericht</a></p>');
    expect(html).toContain('<blockquote>\n<p>Erster Absatz.</p>\n<p>Zweiter\nAbsatz.</p>\n</blockquote>');
    expect(html).toContain('<ol start="3">\n<li>eins</li>\n<li>zwei</li>\n</ol>');
  });

  it('names who is quoted above the quote, where the lead-in says so, and no one where it does not', async () => {
    const html = await renderOne(text);
    expect(html).toMatch(/<figure class="quote"><figcaption>Heise<\/figcaption><blockquote lang="en">\s*<p>The project is billed/);
    // `Donna Haraway hat …` is not a source the parser knows: the quote stays unattributed rather
    // than getting the section's source (Heise) wrongly.
    const other = await renderOne(
      issueWith(
        1,
        'Laut Heise will Merz eine KI-Fabrik bauen.',
        'Das erinnert mich an einen Satz, den Donna Haraway einmal so auf den Punkt gebracht hat:',
        '„Niemand lebt überall; jeder lebt irgendwo. Nichts ist mit allem verbunden.“',
      ),
    );
    expect(other).toMatch(/<blockquote>\s*<p>„Niemand lebt überall/);
    expect(other).not.toContain('<figcaption>Heise</figcaption>');
  });

  it('renders lists as <ul>/<ol> without their markers, keeping numbers as written', async () => {
    const html = await renderOne(issueWith(1, 'Hier die Grundlinien:', '  1. Untergrenze', '  2. Obergrenze', '  3. Dazwischen'));
    expect(html.replace(/\s+/g, '')).toContain('<ol><li>Untergrenze</li><li>Obergrenze</li><li>Dazwischen</li></ol>');
    // A quoted English list is marked English too.
    expect(await renderOne(text)).toMatch(/<blockquote lang="en">\s*<ul>\s*<li>Large-scale construction projects – building cities/);
  });

  it('puts the support block in an <aside> kept out of the search index', async () => {
    expect(await renderOne(text)).toMatch(/<aside class="support" data-pagefind-ignore="all"[^>]*><p>Vielen dank, dass Du Krasse Links liest\.[\s\S]*IBAN: DE00 0000/);
  });
});

describe('the navigation between issues', () => {
  it('is left out of an archive’s only issue, rather than an empty landmark for screen readers', async () => {
    const issue = parseOne(issueWith(1, 'Laut Heise ist das so.'));
    const page = (await renderIssuePages([issue])).get(1)!;
    expect(page).not.toContain('aria-label="Weitere Ausgaben"');
  });
});
