// Building blocks of the panels. Every piece of text goes in as a text node
// (never as HTML), so a case name or an error message from a spreadsheet
// cannot become markup.
import { t } from './i18n.js';

/** An element: `h('p', { class: 'ok' }, 'text', child)`; `on*` attributes become listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table; cells that are decimal numbers are right-aligned. */
export function table(headers, rows, attrs = {}) {
  const numeric = (c) => /^-?[\d.]+%?$/.test(String(c));
  return h('div', { class: 'table-wrap' }, h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', numeric(c) ? { class: 'num' } : {}, c ?? '—')))))));
}

/** A coded error (code, path, message in the page's language and the other). */
export function errorBox(err) {
  const zhFirst = document.documentElement.lang !== 'en';
  const main = zhFirst ? (err.messageZh ?? err.message) : err.message;
  const other = zhFirst ? err.message : err.messageZh;
  return h('div', { class: 'error', role: 'alert' },
    h('b', { class: 'code' }, err.code ?? 'ERROR'),
    err.path ? [' ', t('errorAt'), ' ', h('code', { class: 'path' }, err.path)] : null,
    h('div', { class: 'message' }, main ?? String(err)),
    other && other !== main ? h('div', { class: 'message-other' }, other) : null,
    (err.more ?? []).map((m) => h('div', {}, h('b', {}, m.code), ' ', h('code', {}, m.path), ' ', zhFirst ? m.messageZh : m.message)),
    err.moreOmitted ? h('div', {}, t('moreProblems', { n: err.moreOmitted })) : null);
}

export function showError(target, err) {
  fill(target, errorBox(err));
}

/** Offer bytes or text as a file download (a blob: URL; nothing leaves the machine). */
export function download(name, data, type) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A labelled file input; `label` is an i18n key. The browser's own button
 * speaks the browser's language, so the input is visually hidden behind a
 * button of the page's words (the label still opens it, by click or keyboard).
 */
export function fileField(label, accept, onchange) {
  const name = h('span', { class: 'file-name', 'data-i18n': 'noFile' }, t('noFile'));
  const input = h('input', { type: 'file', accept, class: 'file-input', onchange: () => {
    const file = input.files?.[0];
    if (file) { name.removeAttribute('data-i18n'); fill(name, file.name); }
    onchange(file);
  } });
  return h('label', { class: 'field file-field' }, h('span', { 'data-i18n': label }, t(label)),
    h('span', { class: 'file-row' }, input, h('span', { class: 'file-button', 'aria-hidden': 'true', 'data-i18n': 'chooseFile' }, t('chooseFile')), name));
}

/** A button whose text (and accessible name) is the i18n key's word. */
export const button = (label, onclick, attrs = {}) => h('button', { type: 'button', 'data-i18n': label, onclick, ...attrs }, t(label));
