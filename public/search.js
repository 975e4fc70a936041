// The search page: Pagefind's UI over two records per issue (the author's commentary and the
// quotes), each hit with sub-results that lead to the sections, and filters by issue, year,
// source and kind. The query stays in the URL (?q=…)
// so a search can be shared, bookmarked and reached from the search box on every page; result
// links carry ?highlight=… so the opened page marks the terms.
window.addEventListener('DOMContentLoaded', () => {
  const container = document.getElementById('suche');
  if (!container || typeof PagefindUI === 'undefined') return;
  const ui = new PagefindUI({
    element: '#suche',
    bundlePath: container.dataset.bundlePath,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    highlightParam: 'highlight',
    openFilters: ['Art'],
    processResult: (result) => {
      // Each record names the page it belongs to as its `url` metadata; links lead there, with
      // the terms to highlight that Pagefind put on its own URL.
      const highlight = new URL(result.url, window.location.href).searchParams.get('highlight');
      const link = (url) => {
        const target = new URL(url, window.location.href);
        if (highlight) target.searchParams.set('highlight', highlight);
        return target.pathname + target.search + target.hash;
      };
      result.url = link(result.meta.url ?? result.url);
      for (const sub of result.sub_results ?? []) sub.url = link(sub.url);
      // Show the kind of text as the result's tag; keep the other metadata out of view.
      result.meta = { title: result.meta.title, Art: result.meta.kind };
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
