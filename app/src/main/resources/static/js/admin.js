// What the administration pages share: a refusal shown beside the form that caused it, and tables
// filled from the API with a line saying why one is empty.
import { element } from './console.js';

/** Shows the problem's message (every refused field) in the page's notice for {@code name}; null hides it. */
export function showError(name, error) {
  const notice = document.querySelector(`[data-error="${name}"]`);
  if (!error) {
    notice.hidden = true;
    return;
  }
  // the message names the first refused field; the others follow, so one correction fixes them all
  const fields = Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  notice.textContent = fields.length > 1 ? fields.map((f) => `${f.field} ${f.problem ?? f.message}`).join('; ') : error.message;
  notice.hidden = false;
}

/** Fills a table's body with one row per item; {@code empty} is shown instead when there are none. */
export function fillTable(table, items, row, empty) {
  table.tBodies[0].replaceChildren(...items.map(row));
  table.hidden = items.length === 0;
  document.getElementById(empty).hidden = items.length !== 0;
}

export function cells(...values) {
  return element('tr', {}, ...values.map((v) => (v instanceof Node ? element('td', {}, v) : element('td', { text: v ?? '—' }))));
}

export function button(text, onClick, attributes = {}) {
  const b = element('button', { className: 'button-quiet', text, attributes: { type: 'button', ...attributes } });
  b.addEventListener('click', onClick);
  return b;
}

/** A comma-separated field as a list, blanks left out. */
export function list(text) {
  return (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Runs a page's load and marks the page loaded, for people (a spinner's end) and browser tests alike. */
export async function loaded(main, load) {
  main.dataset.loaded = 'false';
  await load();
  main.dataset.loaded = 'true';
}
