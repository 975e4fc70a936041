// Marks the search terms on an issue page opened from a search result (?highlight=term&…) and
// shows the reader the first of them: in the section the link leads to (#anchor), or on the page.
// A word is marked when the search counts it as a hit for a term (public/search-hits.js), so
// `souverän` marks `Souveränität` too. Reading the page needs none of this.
const terms = new URLSearchParams(window.location.search).getAll('highlight');
if (terms.length) {
  import('./search-hits.js').then(({ matchesWord, queryWords }) => {
    const words = queryWords(terms.join(' '));
    // The words: its lead (the intro, in the page's header) and its body.
    const root = document.querySelector('.issue-body');
    if (!words.length || !root) return;
    const texts = [];
    for (const part of [document.querySelector('.issue-header .lead'), root]) {
      if (!part) continue;
      const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    }
    for (const text of texts) mark(text, (word) => words.some((w) => matchesWord(w, word)));
    const target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    const first = (target ?? document).querySelector('mark.suchtreffer');
    // Land on the section; when its first match is further down than the screen shows, on the match.
    if (first && (!target || first.getBoundingClientRect().top - target.getBoundingClientRect().top > window.innerHeight * 0.6)) {
      first.scrollIntoView({ block: 'center' });
    } else if (target) target.scrollIntoView();
  }).catch((error) => console.error(error)); // the page reads as well without its marks
}

/** Wraps the matching words of a text node in <mark class="suchtreffer">, leaving punctuation outside. */
function mark(text, matches) {
  const value = text.data;
  const pieces = [];
  let last = 0;
  // Words as the search index splits them (at whitespace); only their letters and digits are marked.
  for (const match of value.matchAll(/\S+/g)) {
    if (!matches(match[0])) continue;
    const core = /[\p{L}\p{N}](?:.*[\p{L}\p{N}])?/u.exec(match[0]);
    if (!core) continue;
    const start = match.index + core.index;
    pieces.push(value.slice(last, start));
    const element = document.createElement('mark');
    element.className = 'suchtreffer';
    element.textContent = core[0];
    pieces.push(element);
    last = start + core[0].length;
  }
  if (!pieces.length) return;
  pieces.push(value.slice(last));
  text.replaceWith(...pieces.filter((piece) => piece !== ''));
}
