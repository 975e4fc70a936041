// The review on an issue page of `npm run dev` (served by the dev server only, see review.ts):
// a click on a paragraph makes it a quote or the author's own, a click between paragraphs starts
// or joins a section, a button marks the issue reviewed; doubtful readings are highlighted. The
// server writes each change into the issue file as marks and the page reloads with the rebuild.
(() => {
  const article = document.querySelector('article.issue[data-pagefind-meta^="number:"]');
  if (!article) return;
  const issue = Number(article.getAttribute('data-pagefind-meta').slice('number:'.length));
  const STATES = { read: 'vom Leser gelesen (geraten)', marked: 'markiert, noch nicht durchgesehen', reviewed: 'durchgesehen' };

  const style = document.createElement('style');
  style.textContent = `
    .kl-review-p { cursor: pointer; border-radius: .2rem; }
    .kl-review-p:hover { outline: 2px solid #2f6fdf; outline-offset: 2px; }
    .kl-review-doubtful { outline: 2px dashed #d08a00; outline-offset: 2px; background: rgba(255, 196, 0, .18); }
    .kl-review-gap { position: absolute; height: 14px; margin: 0; padding: 0; border: 0; background: transparent; cursor: pointer; z-index: 9000; font: 12px/14px system-ui, sans-serif; color: transparent; }
    .kl-review-gap:hover, .kl-review-gap:focus-visible { background: rgba(47, 111, 223, .15); border-top: 2px dashed #2f6fdf; color: #2f6fdf; }
    .kl-review-bar { position: fixed; right: 1rem; bottom: 1rem; z-index: 9500; max-width: 26rem; padding: .75rem 1rem; border-radius: .5rem; background: #10213f; color: #fff; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 12px rgba(0, 0, 0, .3); }
    .kl-review-bar button { margin-top: .5rem; font: inherit; }
    .kl-review-bar [role="alert"]:not(:empty) { margin-top: .5rem; padding: .4rem; background: #5c1a1a; border-radius: .3rem; }
    body.kl-review-busy .kl-review-p, body.kl-review-busy .kl-review-gap { pointer-events: none; opacity: .6; }
  `;
  document.head.append(style);

  const bar = document.createElement('aside');
  bar.className = 'kl-review-bar';
  bar.setAttribute('aria-label', 'Durchsicht');
  const summary = document.createElement('p');
  summary.style.margin = '0';
  const reviewButton = document.createElement('button');
  reviewButton.type = 'button';
  reviewButton.textContent = 'Ausgabe als durchgesehen markieren';
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.style.margin = '0';
  bar.append(summary, reviewButton, message);
  document.body.append(bar);

  let state;
  const say = (text) => (message.textContent = text);
  const normal = (text) => text.replace(/\s+/g, ' ').trim();

  async function send(action, line) {
    document.body.classList.add('kl-review-busy');
    say('');
    const response = await fetch('/__review/marks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-review-secret': state.secret },
      body: JSON.stringify({ issue, version: state.version, action, ...(line ? { line } : {}) }),
    }).catch((error) => ({ ok: false, json: async () => ({ message: String(error) }) }));
    const result = await response.json().catch(() => ({}));
    if (!response.ok) {
      document.body.classList.remove('kl-review-busy');
      say(result.message || 'Nicht gespeichert.');
      return;
    }
    summary.textContent = `Gespeichert in ${result.written}; die Seite lädt neu …`;
    // The dev server reloads the page once the rebuild is done; this only catches a lost event.
    setTimeout(() => location.reload(), 10000);
  }

  /** A click's change, sent; a failure is said on the page. */
  function act(action, line) {
    send(action, line).catch((error) => say(String(error)));
  }

  /** Each section's paragraph elements, in the order of the server's reading; undefined when the page is older than the file. */
  function paragraphElements() {
    const sections = [...document.querySelectorAll('.issue-body section.topic')];
    if (sections.length !== state.sections.length) return undefined;
    const found = sections.map((section) => [...section.querySelectorAll('p, h3, li')].filter((el) => !el.closest('.related, figcaption')));
    const same = found.every((elements, s) => elements.length === state.sections[s].length && elements.every((el, i) => normal(el.textContent) === normal(state.sections[s][i].text)));
    return same ? found : undefined;
  }

  function decorate(elements, sections) {
    const gaps = [];
    let doubtful = 0;
    elements.forEach((list, s) =>
      list.forEach((el, i) => {
        const p = state.sections[s][i];
        el.dataset.reviewLine = String(p.line);
        if (p.doubtful) {
          el.classList.add('kl-review-doubtful');
          doubtful++;
        }
        const what = p.kind === 'quote' ? 'Zitat' : p.kind === 'list' ? 'Liste' : 'dein Text';
        const doubt = p.doubtful ? ` · unsicher gelesen (${p.confidence.toFixed(2)})` : '';
        if (p.kind !== 'list') {
          el.classList.add('kl-review-p');
          el.title = `${what}${doubt} – Klick: ${p.kind === 'quote' ? 'dein Text' : 'Zitat'}`;
          el.addEventListener('click', (event) => {
            if (event.target.closest('a')) return; // links stay links
            act(p.kind === 'quote' ? 'commentary' : 'quote', p.line);
          });
        } else el.title = `${what}${doubt}`;
        if (s === 0 && i === 0) return;
        const first = i === 0;
        // A section after the support block always starts: nothing to join.
        if (first && sections[s].previousElementSibling?.matches('aside.support')) return;
        gaps.push({ anchor: first ? sections[s] : el, above: first ? undefined : list[i - 1], action: first ? 'join' : 'start', line: p.line });
      }),
    );
    const layer = document.createElement('div');
    layer.className = 'kl-review-gaps';
    document.body.append(layer);
    const buttons = gaps.map((gap) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'kl-review-gap';
      button.dataset.reviewAction = gap.action;
      button.dataset.reviewLine = String(gap.line);
      button.textContent = gap.action === 'join' ? '⤒ mit dem Abschnitt davor verbinden' : '+ hier neuen Abschnitt beginnen';
      button.setAttribute('aria-label', button.textContent.slice(2));
      button.addEventListener('click', () => act(gap.action, gap.line));
      layer.append(button);
      return { gap, button };
    });
    const place = () => {
      for (const { gap, button } of buttons) {
        const rect = gap.anchor.getBoundingClientRect();
        const top = gap.above ? (gap.above.getBoundingClientRect().bottom + rect.top) / 2 : rect.top;
        Object.assign(button.style, { left: `${rect.left + scrollX}px`, width: `${rect.width}px`, top: `${top + scrollY - 7}px` });
      }
    };
    place();
    addEventListener('resize', place);
    document.fonts?.ready.then(place, () => {}); // the gaps stay where they were placed
    return doubtful;
  }

  async function start() {
    const response = await fetch(`/__review/state?issue=${issue}`);
    state = await response.json();
    if (!response.ok) {
      summary.textContent = 'Durchsicht nicht möglich.';
      say(state.message);
      reviewButton.hidden = true;
      return;
    }
    const elements = paragraphElements();
    if (!elements) {
      summary.textContent = `Die Seite ist älter als ${state.file}; sie lädt neu, sobald der neue Stand gebaut ist.`;
      reviewButton.hidden = true;
      return;
    }
    const doubtful = decorate(elements, [...document.querySelectorAll('.issue-body section.topic')]);
    summary.textContent = `Durchsicht von ${state.file}: ${STATES[state.state]}${doubtful ? ` · ${doubtful} unsicher gelesen (gelb)` : ''}. Klick auf einen Absatz: Zitat oder dein Text; zwischen Absätze: Abschnitt beginnen oder verbinden.`;
    if (state.state === 'reviewed') {
      reviewButton.disabled = true;
      reviewButton.textContent = 'Durchgesehen ✓';
    }
    reviewButton.addEventListener('click', () => act('reviewed'));
  }
  start().catch((error) => say(String(error)));
})();
