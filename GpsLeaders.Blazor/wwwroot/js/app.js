// Small browser helpers called through JS interop.
window.crm = {
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};

// "/" anywhere outside a text field jumps to the global search box, as in most web apps.
document.addEventListener('keydown', e => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  const box = document.querySelector('[data-testid=global-search-input]');
  if (box) { e.preventDefault(); box.focus(); }
});

// Where the caret is in a text field, so a picked variable goes there rather than at the end.
window.crm.caretOf = id => {
  const el = document.getElementById(id);
  return el && typeof el.selectionStart === 'number' ? el.selectionStart : null;
};
