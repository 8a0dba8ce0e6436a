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
// Hands a tel: link to the phone app without navigating the page (a hidden frame, removed again).
window.crm.dial = (selector) => {
  const link = document.querySelector(selector);
  // An automated browser (the tests) has no phone app to hand the number to; the timer has started all the same.
  if (!link || !link.href || navigator.webdriver) return;
  const frame = document.createElement('iframe');
  frame.style.display = 'none';
  frame.src = link.href;
  document.body.appendChild(frame);
  setTimeout(() => frame.remove(), 2000);
};
window.crm.focus = (selector) => { const el = document.querySelector(selector); if (el) el.focus(); };
window.crm.scrollToEnd = (selector) => { const el = document.querySelector(selector); if (el) el.scrollTop = el.scrollHeight; };
// Where the caret is in a text field, so a picked variable goes there rather than at the end.
window.crm.caretOf = id => {
  const el = document.getElementById(id);
  return el && typeof el.selectionStart === 'number' ? el.selectionStart : null;
};
// The dialer's keys: which key does what is decided in .NET (Dialer/DialerKeyMap.cs); the page only reports the keys
// that map can use, with where focus was. Two things cannot wait for the round trip: Ctrl+Enter's default (a newline in
// a text area) is stopped, and Esc leaves the field at once, or the next key typed would still land in it.
window.crm.dialerKeys = (dotnet, keys) => {
  const handler = e => {
    if (!keys.includes(e.key)) return;
    const t = e.target;
    const inField = !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
    const onButton = !!t && ['BUTTON', 'A'].includes(t.tagName);
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.preventDefault();
    // While the tag list is open the arrows walk it instead of scrolling the page.
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !inField && document.querySelector('[data-testid=dialer-tag-picker]')) e.preventDefault();
    if (e.key === 'Escape' && inField) t.blur();
    dotnet.invokeMethodAsync('OnKeyAsync', { key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, alt: e.altKey, inField, onButton });
  };
  document.addEventListener('keydown', handler);
  return { dispose: () => document.removeEventListener('keydown', handler) };
};
window.crm.blurActive = () => { if (document.activeElement instanceof HTMLElement) document.activeElement.blur(); };

// Links marked data-reload reload the page (the reconnect banner's); a handler here, since CSP forbids inline onclick.
document.addEventListener('click', e => {
  const link = e.target instanceof Element ? e.target.closest('[data-reload]') : null;
  if (!link) return;
  e.preventDefault();
  location.reload();
});
