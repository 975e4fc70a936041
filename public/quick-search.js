// Quick search from any page: `/` (outside a text field) or Ctrl-K (⌘-K) puts the cursor into the
// page's search box: the header's, or on the search page its own. Reading needs none of this.
document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || event.isComposing) return;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
  const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
  if (!slash && !ctrlK) return;
  const target = event.target;
  const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  if (slash && typing) return;
  const box = document.querySelector('input[type="search"][name="q"]');
  if (!(box instanceof HTMLInputElement)) return;
  event.preventDefault();
  box.focus();
  box.select();
});
