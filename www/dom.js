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

/** Replace an element's content (and stop a fillInParts still filling it). */
export function fill(el, ...children) {
  el.fillRun = undefined;
  el.removeAttribute('aria-busy');
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Resolves in a later task, so the page can paint and answer input in between. */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Replace an element's content in parts, each built in a task of its own so
 * that no single task holds the page long (a result with many charts takes
 * longer to build than a frame). A part returns what to append, or appends
 * it itself (into a container an earlier part made). The element is
 * aria-busy until the last part is in; a later fill stops an earlier one.
 */
export async function fillInParts(el, parts) {
  fill(el);
  const run = {};
  el.fillRun = run;
  el.setAttribute('aria-busy', 'true');
  for (const [i, part] of parts.entries()) {
    if (i) await nextTask();
    if (el.fillRun !== run) return;
    append(el, [part()]);
  }
  el.removeAttribute('aria-busy');
}

const numeric = (c) => /^-?[\d.]+%?$/.test(String(c));
/** A table row; cells that are decimal numbers are right-aligned. */
const tableRow = (r) => h('tr', {}, r.map((c) => h('td', numeric(c) ? { class: 'num' } : {}, c ?? '—')));

/** A table of every row given. */
export function table(headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap' }, h('table', attrs,
    h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(tableRow))));
}

/** Rows a paged table shows at first and adds on each "show more". */
export const PAGE_ROWS = 50;

/**
 * A table of many rows that never holds the page up: the first PAGE_ROWS
 * rows, then a button adding the next PAGE_ROWS (building a thousand rows at
 * once would freeze the tab). The export buttons give the whole table.
 */
export function pagedTable(headers, rows, attrs = {}) {
  const first = table(headers, rows.slice(0, PAGE_ROWS), attrs);
  if (rows.length <= PAGE_ROWS) return first;
  const body = first.querySelector('tbody');
  const count = h('span', { class: 'rows-shown' });
  let shown = PAGE_ROWS;
  const more = button('showMore', () => {
    body.append(...rows.slice(shown, shown + PAGE_ROWS).map(tableRow));
    shown = Math.min(rows.length, shown + PAGE_ROWS);
    update();
  }, { class: 'show-more' });
  const update = () => {
    fill(count, t('rowsShown', { shown, total: rows.length }));
    more.hidden = shown >= rows.length;
  };
  update();
  return h('div', { class: 'paged-table' }, first, h('div', { class: 'actions' }, count, more));
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

/** A fileField back to no file chosen (its data now comes from elsewhere). */
export function clearFileField(field) {
  field.querySelector('input[type=file]').value = '';
  const name = field.querySelector('.file-name');
  name.dataset.i18n = 'noFile';
  fill(name, t('noFile'));
}

/** A button whose text (and accessible name) is the i18n key's word. */
export const button = (label, onclick, attrs = {}) => h('button', { type: 'button', 'data-i18n': label, onclick, ...attrs }, t(label));
