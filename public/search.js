// The search page: Pagefind's UI over one record per section (the author's commentary and the
// quotes apart), with filters by issue, year, source and kind. The query stays in the URL (?q=…)
// so a search can be shared, bookmarked and reached from the search box on every page; result
// links carry ?highlight=… so the opened page marks the terms.
window.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('suche');
  if (!container || typeof PagefindUI === 'undefined') return;
  const ui = new PagefindUI({
    element: '#suche',
    bundlePath: container.dataset.bundlePath,
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    highlightParam: 'highlight',
    openFilters: ['Art'],
    processResult: (result) => {
      // Show the issue and the kind of text as the result's tags; keep the rest out of view.
      const { issue, kind } = result.meta;
      result.meta = { title: result.meta.title, Ausgabe: issue.replace(/^Krasse Links /, ''), Art: kind };
      return result;
    },
  });
  // Pagefind's input is labelled only by its title attribute; give it a proper accessible name.
  container.querySelector('.pagefind-ui__search-input')?.setAttribute('aria-label', 'Archiv durchsuchen');
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
  container.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type !== 'text') return;
    const url = new URL(window.location.href);
    if (target.value) url.searchParams.set('q', target.value);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  });
});
