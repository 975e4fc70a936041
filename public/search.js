// The search page: Pagefind's UI, with the query kept in the URL (?q=…) so a search can be
// shared, bookmarked and reached from the search box on every page.
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
  });
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
  container.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const url = new URL(window.location.href);
    if (target.value) url.searchParams.set('q', target.value);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  });
});
