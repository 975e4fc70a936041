// Marks the search terms on a page opened from a search result (?highlight=term), using
// Pagefind's highlight script. Reading the page needs none of this.
if (new URLSearchParams(window.location.search).has('highlight')) {
  const base = document.querySelector('link[rel="stylesheet"][href$="style.css"]')?.getAttribute('href')?.replace(/style\.css$/, '') ?? '/';
  import(`${base}pagefind/pagefind-highlight.js`)
    .then(() => {
      // eslint-disable-next-line no-undef
      new PagefindHighlight({ highlightParam: 'highlight', markOptions: { className: 'suchtreffer' } });
      const target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) target.scrollIntoView();
    })
    .catch(() => {}); // no search index built (--no-search): nothing to highlight
}
