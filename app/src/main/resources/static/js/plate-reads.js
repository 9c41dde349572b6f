// The plate reads of SafeCity's own camera analysis: crop, text, confidence, time and camera; a
// wrong read is marked with the right text or "not a plate", and an investigator adds a crop to a case.
import { element, formatDateTime, getJson, send } from './console.js';

const page = document.getElementById('reads');
const investigator = page.dataset.investigator === 'true';
const filter = document.getElementById('reads-filter');
const rows = document.getElementById('read-rows');
const notice = document.getElementById('reads-notice');
const analyticsLink = document.getElementById('analytics-link');
let cases = null;

function tell(text, kind = 'info') {
  notice.textContent = text;
  notice.className = `notice notice-${kind}`;
  notice.hidden = !text;
}

function query() {
  const q = new URLSearchParams();
  if (filter.elements.camera.value) q.set('cameraId', filter.elements.camera.value);
  if (filter.elements.city.value.trim()) q.set('city', filter.elements.city.value.trim());
  return q;
}

function correctionText(correction) {
  if (!correction) return null;
  const what = correction.notAPlate ? 'not a plate' : correction.text;
  return `Corrected: ${what} — ${correction.by}, ${formatDateTime(correction.at)}`;
}

function correctionForm(read, row) {
  const text = element('input', { attributes: { type: 'text', name: 'right-text', maxlength: '20', placeholder: 'Right text', 'aria-label': 'What the plate says' } });
  const notAPlate = element('input', { attributes: { type: 'checkbox', name: 'not-a-plate' } });
  notAPlate.addEventListener('change', () => { text.disabled = notAPlate.checked; });
  const save = element('button', { className: 'button-primary', text: 'Save correction', attributes: { type: 'submit' } });
  const form = element('form', { className: 'read-form' }, text, element('label', { className: 'check' }, notAPlate, ' Not a plate'), save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const body = notAPlate.checked ? { notAPlate: true } : { text: text.value };
      const corrected = await send('PUT', `/api/v1/vision/reads/${read.id}/correction`, { json: body });
      row.replaceWith(readRow(corrected));
      tell(`The read ${read.text} is marked wrong.`);
    } catch (error) {
      tell(error.message, 'error');
    }
  });
  return form;
}

async function caseChoices() {
  cases ??= await getJson('/api/v1/cases');
  return cases;
}

function caseForm(read) {
  const choice = element('select', { attributes: { name: 'case', 'aria-label': 'Case' } }, element('option', { text: 'Choose a case…', attributes: { value: '' } }));
  caseChoices().then((list) => list.forEach((c) => choice.append(element('option', {
    text: `${c.firNumber} · ${c.policeStation}`, attributes: { value: c.id } })))).catch((error) => tell(error.message, 'error'));
  const add = element('button', { className: 'button-primary', text: 'Add crop to case', attributes: { type: 'submit' } });
  const form = element('form', { className: 'read-form' }, choice, add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const added = await send('POST', `/api/v1/vision/reads/${read.id}/evidence`, { json: { caseId: choice.value } });
      form.replaceWith(element('a', { text: 'In the case as evidence', attributes: { href: `/evidence/items/${added.itemId}`, 'data-item-id': added.itemId } }));
    } catch (error) {
      tell(error.message, 'error');
    }
  });
  return form;
}

function toggle(cell, makeForm) {
  const open = cell.querySelector('form');
  if (open) {
    open.remove();
  } else {
    cell.append(makeForm());
    cell.querySelector('input, select')?.focus();
  }
}

function readRow(read) {
  const crop = read.cropUrl ? element('img', { attributes: { src: read.cropUrl, alt: `Crop of the plate read ${read.text}`, loading: 'lazy' } })
    : element('span', { className: 'muted', text: 'no crop' });
  const corrected = correctionText(read.correction);
  const actions = element('td', { className: 'read-actions' });
  const row = element('tr', { className: read.correction ? 'read-corrected' : '', attributes: { 'data-read-id': read.id } },
    element('td', {}, crop),
    element('td', {}, element('div', { className: 'read-text', text: read.text }),
      corrected ? element('div', { className: 'read-correction', text: corrected }) : null,
      element('div', { className: 'muted', text: read.format ?? '' })),
    element('td', { text: `${Math.round(read.confidence * 100)} %` }),
    element('td', { text: formatDateTime(read.readAt) }),
    element('td', {}, element('div', { text: read.cameraName ?? `Camera ${read.cameraId}` }),
      element('div', { className: 'muted', text: [read.siteName, read.cityCode].filter(Boolean).join(' · ') })),
    actions);
  const wrong = element('button', { className: 'button-quiet', text: read.correction ? 'Correct again' : 'Mark wrong', attributes: { type: 'button', name: 'mark-wrong' } });
  wrong.addEventListener('click', () => toggle(actions, () => correctionForm(read, row)));
  actions.append(wrong);
  if (investigator && read.cropUrl) {
    const toCase = element('button', { className: 'button-quiet', text: 'Add to case', attributes: { type: 'button', name: 'add-to-case' } });
    toCase.addEventListener('click', () => toggle(actions, () => caseForm(read)));
    actions.append(toCase);
  }
  return row;
}

async function load() {
  page.dataset.loaded = 'false';
  const q = query();
  history.replaceState(null, '', `/vision/reads${q.toString() ? `?${new URLSearchParams({
    ...(q.get('cameraId') ? { camera: q.get('cameraId') } : {}), ...(q.get('city') ? { city: q.get('city') } : {}) })}` : ''}`);
  analyticsLink.hidden = !q.get('cameraId');
  analyticsLink.href = `/cameras/${q.get('cameraId')}/analytics`;
  try {
    const found = await getJson(`/api/v1/vision/reads?${q}`);
    rows.replaceChildren(...found.items.map(readRow));
    if (!found.items.length) rows.append(element('tr', {}, element('td', { className: 'muted', text: 'No plate reads here yet.', attributes: { colspan: '6' } })));
    tell('');
  } catch (error) {
    rows.replaceChildren();
    tell(error.message, 'error');
  }
  page.dataset.loaded = 'true';
}

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();
