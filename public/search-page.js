// Small parts of the search page (search.js): the search as a URL (?q=…&quelle=…&art=…&jahr=…),
// so it can be shared, reloaded and gone back to; elements made one by one, text as text; the
// source filter narrowed to what is typed.
import { FILTERS, foldWord } from './search-core.js';

/**
 * The search the page's URL holds.
 * @returns {{ query: string, filters: Record<string, string | undefined> }}
 */
export function readUrl() {
  const params = new URLSearchParams(location.search);
  const filters = {};
  for (const [name, param] of Object.entries(FILTERS)) {
    const value = params.get(param);
    if (value) filters[name] = value;
  }
  return { query: params.get('q') ?? '', filters };
}

export function urlOf(state) {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set('q', state.query.trim());
  for (const [name, param] of Object.entries(FILTERS)) if (state.filters[name]) params.set(param, state.filters[name]);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
}

/** An element with properties and children; text children become text nodes, never markup. */
export function element(tag, properties, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'ariaLabel') node.setAttribute('aria-label', value);
    else node[key] = value;
  }
  node.append(...children.filter((child) => child !== ''));
  return node;
}

/** Shows only the sources whose name contains the text typed (and the chosen one). */
export function narrow(fieldset, text) {
  const wanted = foldWord(text.trim());
  for (const option of fieldset.querySelectorAll('.search-filter-option')) {
    const radio = option.querySelector('input');
    const label = option.querySelector('.search-filter-label')?.textContent ?? '';
    option.hidden = Boolean(wanted) && radio.value !== '' && !radio.checked && !foldWord(label).includes(wanted);
  }
}
