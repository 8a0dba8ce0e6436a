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

// Inbox shortcuts (j / k / r / e) outside text fields; returns a handle whose dispose() removes the listener.
window.crm.inboxKeys = (dotnet) => {
  const handler = e => {
    if (e.ctrlKey || e.metaKey || e.altKey || !['j', 'k', 'r', 'e'].includes(e.key)) return;
    const t = e.target;
    if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
    e.preventDefault();
    dotnet.invokeMethodAsync('OnShortcutAsync', e.key);
  };
  document.addEventListener('keydown', handler);
  return { dispose: () => document.removeEventListener('keydown', handler) };
};
window.crm.focus = (selector) => { const el = document.querySelector(selector); if (el) el.focus(); };
window.crm.scrollToEnd = (selector) => { const el = document.querySelector(selector); if (el) el.scrollTop = el.scrollHeight; };
// Where the caret is in a text field, so a picked variable goes there rather than at the end.
window.crm.caretOf = id => {
  const el = document.getElementById(id);
  return el && typeof el.selectionStart === 'number' ? el.selectionStart : null;
};
