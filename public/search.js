// The search page: one search box, results as issues with their matching sections, filters by
// kind of text, year and source. Pagefind's JavaScript API does the searching, loaded when the box
// gets the focus or a search starts (not before: the page itself stays small); search-core.js reads
// the results. The search is in the URL (?q=…&quelle=…&art=…&jahr=…), so it can be shared,
// reloaded and gone back to. Everything from the index is put into the page as text.
import { FILTERS, KINDS, foldWord, queryTerms, searchArchive } from './search-core.js';
import { element, narrow, readUrl, urlOf } from './search-page.js';

const form = document.querySelector('form.search-box');
if (form instanceof HTMLFormElement) start(form);

/** How many sections of an issue show before "n weitere Abschnitte". */
const SECTIONS_SHOWN = 3;
/** The filters in the order they show. */
const FILTER_LABELS = { Art: 'Art', Jahr: 'Jahr', Quelle: 'Quelle' };
const ALL = { Art: 'Alle Arten', Jahr: 'Alle Jahre', Quelle: 'Alle Quellen' };
const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });

function start(form) {
  const page = form.closest('.search-page');
  const input = form.querySelector('input[name="q"]');
  const results = page.querySelector('.search-results');
  const status = page.querySelector('.search-status');
  const empty = page.querySelector('.search-empty');
  const list = page.querySelector('.search-issues');
  const moreButton = page.querySelector('.search-more');
  const filterBox = page.querySelector('.search-filters');
  const filterGroups = page.querySelector('.search-filter-groups');
  const links = { home: form.dataset.home ?? '/', sources: form.dataset.sources ?? '/quellen/' };

  let pagefind;
  /** Loads Pagefind (its script, the index's entry and its WebAssembly), once. */
  const loadPagefind = () =>
    (pagefind ??= import(`${form.dataset.bundle}pagefind.js`).then(async (module) => {
      await module.init();
      return module;
    }));

  let state = readUrl();
  let generation = 0;
  const wordFiles = {};
  let filterText = '';

  // Words typed before this script arrived (on a slow connection the box shows seconds earlier)
  // are searched, not wiped out by the URL's empty query.
  if (!state.query && input.value.trim()) {
    state = { ...state, query: input.value };
    history.replaceState(null, '', urlOf(state));
  }
  input.value = state.query;
  input.addEventListener('focus', () => {
    loadPagefind()
      .then((module) => input.value.trim() && module.preload(input.value))
      .catch(() => {});
  });
  input.addEventListener('input', () => {
    state = { ...state, query: input.value };
    history.replaceState(null, '', urlOf(state));
    search(250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, query: input.value };
    if (urlOf(state) !== location.pathname + location.search) history.pushState(null, '', urlOf(state));
    // On a phone, the keyboard gives the results the screen.
    if (matchMedia('(pointer: coarse)').matches) input.blur();
    search(0);
  });
  window.addEventListener('popstate', () => {
    state = readUrl();
    input.value = state.query;
    search(0);
  });
  filterGroups.addEventListener('change', (event) => {
    const radio = event.target;
    if (!(radio instanceof HTMLInputElement) || radio.type !== 'radio') return;
    state = { ...state, filters: { ...state.filters, [radio.dataset.filter]: radio.value || undefined } };
    history.pushState(null, '', urlOf(state));
    search(0);
  });
  filterGroups.addEventListener('input', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.classList.contains('search-filter-narrow')) return;
    filterText = box.value;
    narrow(box.closest('fieldset'), filterText);
  });
  filterBox.open = matchMedia('(min-width: 52rem)').matches;

  if (state.query.trim() || Object.values(state.filters).some(Boolean)) search(0);

  /** Starts a search for the current state; a failure shows on the page, never as an unhandled rejection. */
  function search(debounce) {
    run(debounce).catch((error) => {
      results.setAttribute('aria-busy', 'false');
      status.textContent = 'Die Suche ist fehlgeschlagen. Alle Ausgaben stehen in der Übersicht.';
      console.error(error);
    });
  }

  /** Searches for the current state; a newer search makes an older one's results go unshown. */
  async function run(debounce) {
    const mine = ++generation;
    const searching = state.query.trim() || Object.values(state.filters).some(Boolean);
    if (!searching) {
      showNothing();
      return;
    }
    // At once, before Pagefind has loaded or the pause for typing is over.
    results.setAttribute('aria-busy', 'true');
    status.textContent = 'Suche läuft …';
    let outcome;
    try {
      const module = await loadPagefind();
      if (mine !== generation) return;
      outcome = await searchArchive(module, state, { debounce, pageSize: 10 });
    } catch (error) {
      if (mine !== generation) return;
      results.setAttribute('aria-busy', 'false');
      status.textContent = 'Die Suche konnte nicht geladen werden. Alle Ausgaben stehen in der Übersicht.';
      list.replaceChildren();
      console.error(error);
      return;
    }
    if (!outcome || mine !== generation) return;
    show(outcome);
    // Note: without a suggestion the page says what it says; a failed one is only logged.
    if (outcome.unknown.length && !outcome.issues.length) offerSuggestion(outcome, mine).catch((error) => console.error(error));
  }

  /**
   * "Meinten Sie …?": the query with the archive's closest words for those it does not have, when
   * that query finds something; a click searches for it. The word list loads only now.
   */
  async function offerSuggestion(outcome, mine) {
    let offer;
    try {
      const [{ suggestSearch }, module] = await Promise.all([import('./suggest.js'), loadPagefind()]);
      offer = await suggestSearch(state.query, outcome.unknown, loadWords, (query) => searchArchive(module, { query, filters: state.filters }, { pageSize: 1 }));
    } catch (error) {
      console.error(error); // no suggestion: the page says what it says without one
    }
    if (!offer || mine !== generation) return;
    const { query, found } = offer;
    const link = element('a', { href: urlOf({ ...state, query }), className: 'search-suggestion-link' }, query);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.value = query;
      state = { ...state, query };
      history.pushState(null, '', urlOf(state));
      search(0);
    });
    const count = found.exact ? `${found.issueCount} ${found.issueCount === 1 ? 'Ausgabe' : 'Ausgaben'}` : 'Treffer';
    empty.prepend(element('p', { className: 'search-suggestion' }, 'Meinten Sie „', link, `“? (${count})`));
    status.textContent = `${summary(outcome)} Meinten Sie „${query}“?`;
  }

  /** A word file of the archive (src/search/words.ts), once. */
  function loadWords(file) {
    wordFiles[file] ??= fetch(`${form.dataset.bundle}words/${file}.txt`).then((response) => (response.ok ? response.text() : '')).then((text) => text.split('\n').filter(Boolean));
    return wordFiles[file];
  }

  function showNothing() {
    results.setAttribute('aria-busy', 'false');
    status.textContent = '';
    empty.hidden = true;
    list.replaceChildren();
    moreButton.hidden = true;
  }

  function show(outcome) {
    results.setAttribute('aria-busy', 'false');
    status.textContent = summary(outcome);
    list.replaceChildren(...outcome.issues.map((issue) => issueItem(issue)));
    empty.hidden = outcome.issues.length > 0;
    empty.replaceChildren(...(outcome.issues.length ? [] : emptyHints(outcome)));
    moreButton.hidden = !outcome.hasMore;
    moreButton.onclick = async () => {
      moreButton.disabled = true;
      const next = await outcome.more();
      const items = next.map((issue) => issueItem(issue));
      list.append(...items);
      items[0]?.querySelector('a')?.focus();
      moreButton.disabled = false;
      moreButton.hidden = !outcome.hasMore;
      if (outcome.exact === false) status.textContent = summary(outcome, list.children.length);
    };
    showFilters(outcome.facets);
  }

  /** `3 Ausgaben mit 4 Abschnitten für „Tooze“ · Quelle: Adam Tooze` */
  function summary(outcome, shown = outcome.issues.length) {
    const about = [];
    if (state.query.trim()) about.push(`für „${state.query.trim()}“`);
    const filters = Object.entries(state.filters).filter(([, value]) => value).map(([name, value]) => `${FILTER_LABELS[name]}: ${value}`);
    const where = `${about.join(' ')}${filters.length ? ` (${filters.join(', ')})` : ''}`;
    if (!outcome.issues.length) return `Keine Treffer ${where}.`;
    const issues = outcome.exact ? outcome.issueCount : Math.max(outcome.issueCount, shown);
    const count = `${outcome.exact ? '' : 'Mindestens '}${issues} ${issues === 1 ? 'Ausgabe' : 'Ausgaben'}`;
    const sections = outcome.exact ? ` mit ${outcome.sectionCount} ${outcome.sectionCount === 1 ? 'Abschnitt' : 'Abschnitten'}` : '';
    return `${count}${sections} ${where}`.trim();
  }

  function emptyHints(outcome) {
    const terms = queryTerms(state.query);
    const unknown = terms.filter((term) => outcome.unknown.includes(foldWord(term)));
    const hints = [];
    const quoted = (list) => list.map((term) => `„${term}“`).join(', ');
    if (unknown.length) hints.push(element('p', {}, `${quoted(unknown)} ${unknown.length === 1 ? 'kommt' : 'kommen'} im Archiv nicht vor.`));
    else if (terms.length > 1 && !Object.values(state.filters).some(Boolean)) hints.push(element('p', {}, `${quoted(terms)} kommen im Archiv vor, aber in keinem Abschnitt zusammen.`));
    const tips = [];
    if (terms.length > 1) tips.push(element('li', {}, 'Weniger Wörter: Jedes Wort muss im selben Abschnitt vorkommen.'));
    tips.push(element('li', {}, 'Kürzere Wörter oder Wortanfänge: ', element('i', {}, 'souverän'), ' findet auch ', element('i', {}, 'Souveränität'), '.'));
    if (Object.values(state.filters).some(Boolean)) {
      const clear = element('button', { type: 'button', className: 'search-clear' }, 'Ohne Filter suchen');
      clear.addEventListener('click', () => {
        state = { ...state, filters: {} };
        history.pushState(null, '', urlOf(state));
        search(0);
      });
      tips.push(element('li', {}, clear));
    }
    tips.push(element('li', {}, 'Eine Person oder ein Medium im ', element('a', { href: links.sources }, 'Quellenverzeichnis'), ' nachschlagen.'));
    tips.push(element('li', {}, 'Alle Ausgaben in der ', element('a', { href: links.home }, 'Übersicht'), ' durchblättern.'));
    return [...hints, element('ul', {}, ...tips)];
  }

  function issueItem(issue) {
    const facts = [];
    if (issue.date) facts.push(element('time', { dateTime: issue.date }, dateFormat.format(new Date(`${issue.date}T00:00:00Z`))));
    facts.push(`${issue.sections.length} ${issue.sections.length === 1 ? 'Abschnitt' : 'Abschnitte'}`);
    const sections = issue.sections.map((section, i) => {
      const item = sectionItem(section);
      item.hidden = i >= SECTIONS_SHOWN;
      return item;
    });
    const item = element(
      'li',
      { className: 'search-issue' },
      element('h2', {}, element('a', { href: issue.url }, element('span', { className: 'search-issue-no' }, `No ${issue.number}`), ` ${issue.title}`)),
      element('p', { className: 'search-issue-facts' }, ...facts.flatMap((fact, i) => (i ? [' · ', fact] : [fact]))),
      element('ol', { className: 'search-sections' }, ...sections),
    );
    const hidden = sections.length - SECTIONS_SHOWN;
    if (hidden > 0) {
      const expand = element('button', { type: 'button', className: 'search-expand' }, hidden === 1 ? '1 weiterer Abschnitt' : `${hidden} weitere Abschnitte`);
      expand.addEventListener('click', () => {
        for (const section of sections) section.hidden = false;
        sections[SECTIONS_SHOWN]?.querySelector('a')?.focus();
        expand.remove();
      });
      item.append(expand);
    }
    return item;
  }

  function sectionItem(section) {
    const heading = section.heading ?? 'Titel und Einleitung';
    const tags = section.kinds.map((kind) => element('span', { className: `search-kind search-kind-${kind === 'Zitat' ? 'quote' : 'commentary'}` }, kind));
    const sources = section.sources.join(', ');
    const facts = [...tags];
    if (sources && sources !== heading) facts.push(element('span', { className: 'search-sources' }, sources));
    return element(
      'li',
      { className: 'search-section' },
      element('h3', {}, element('a', { href: section.url }, heading)),
      facts.length ? element('p', { className: 'search-section-facts' }, ...facts.flatMap((fact, i) => (i ? [' ', fact] : [fact]))) : '',
      element('p', { className: 'search-excerpt' }, ...section.excerpt.map((piece) => (piece.mark ? element('mark', {}, piece.text) : piece.text))),
    );
  }

  /** The filters: one choice per kind of filter, each value with its number of matching sections. */
  function showFilters(facets) {
    const focused = document.activeElement instanceof HTMLInputElement && filterGroups.contains(document.activeElement) ? document.activeElement : null;
    const refocus = focused && (focused.type === 'radio' ? `input[data-filter="${focused.dataset.filter}"][value="${CSS.escape(focused.value)}"]` : '.search-filter-narrow');
    const groups = Object.keys(FILTER_LABELS).map((name) => filterGroup(name, facets[name] ?? {})).filter(Boolean);
    filterGroups.replaceChildren(...groups);
    filterBox.hidden = groups.length === 0;
    const active = Object.values(state.filters).filter(Boolean).length;
    filterBox.querySelector('summary').textContent = active ? `Filter (${active} gesetzt)` : 'Filter';
    if (refocus) filterGroups.querySelector(refocus)?.focus();
  }

  function filterGroup(name, counts) {
    const selected = state.filters[name];
    const values = Object.keys(counts);
    if (selected && !values.includes(selected)) values.push(selected);
    if (!values.length) return undefined;
    if (name === 'Art') values.sort((a, b) => KINDS.indexOf(a) - KINDS.indexOf(b));
    else if (name === 'Jahr') values.sort((a, b) => b.localeCompare(a));
    else values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'de'));
    const option = (value, label, count) =>
      element(
        'label',
        { className: 'search-filter-option' },
        element('input', { type: 'radio', name: `filter-${FILTERS[name]}`, value, checked: (selected ?? '') === value, dataset: { filter: name } }),
        element('span', { className: 'search-filter-label' }, label),
        count === undefined ? '' : element('span', { className: 'search-filter-count', title: `${count} ${count === 1 ? 'Abschnitt' : 'Abschnitte'}` }, String(count)),
      );
    const group = element(
      'fieldset',
      { className: `search-filter search-filter-${FILTERS[name]}` },
      element('legend', {}, FILTER_LABELS[name]),
      name === 'Quelle' && values.length > 8
        ? element('input', { type: 'search', className: 'search-filter-narrow', placeholder: 'Quelle eingrenzen …', ariaLabel: 'Quellen eingrenzen', value: filterText, autocomplete: 'off' })
        : '',
      element('div', { className: 'search-filter-options' }, option('', ALL[name]), ...values.map((value) => option(value, value, counts[value] ?? 0))),
    );
    if (name === 'Quelle') narrow(group, filterText);
    return group;
  }
}
