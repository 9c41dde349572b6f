// Keeping the watchlists: the lists of the person's jurisdiction, one list's entries, a plate or a
// person added or taken off, and a register's CSV file imported with the server's row report. Every
// change goes to the watchlists API, which decides who may keep which list; matching follows at once.
import { element, formatDate, formatDateTime, getJson, send, words } from './console.js';

const listsTable = document.getElementById('lists-table');
const detail = document.getElementById('list-detail');
const entriesTable = document.getElementById('entries-table');
const report = document.getElementById('import-report');
let current = null;

function showError(name, error) {
  const target = document.querySelector(`[data-error="${name}"]`);
  target.textContent = error ? error.message : '';
  target.hidden = !error;
}

/** A date picked in Pakistan, as the instant its day begins there (UTC+5, no daylight saving). */
function startOfDay(date) {
  return date ? new Date(`${date}T00:00:00+05:00`).toISOString() : undefined;
}

async function loadLists(selectId) {
  try {
    const lists = (await getJson('/api/v1/watchlists')).items;
    listsTable.tBodies[0].replaceChildren(...lists.map((list) => {
      const open = element('button', { className: 'link-button', text: list.name, attributes: { type: 'button', 'data-list': list.id } });
      open.addEventListener('click', () => select(list));
      return element('tr', {},
        element('td', {}, open),
        element('td', { text: words(list.type) }),
        element('td', {}, element('span', { className: `badge badge-${list.priority.toLowerCase()}`, text: words(list.priority) })),
        element('td', { text: list.cityCode ?? 'Province' }),
        element('td', { text: list.kind === 'VEHICLE' ? (list.fuzzy ? 'forgiven' : 'exact only') : `face ≥ ${list.faceThreshold}` }),
        element('td', { text: list.owner }),
        element('td', { text: formatDate(list.expiresAt) }));
    }));
    document.getElementById('no-lists').hidden = lists.length > 0;
    showError('lists', null);
    const chosen = lists.find((list) => String(list.id) === String(selectId ?? current?.id));
    if (chosen) await select(chosen);
  } catch (error) {
    showError('lists', error);
  } finally {
    listsTable.dataset.loaded = 'true';
  }
}

async function select(list) {
  current = list;
  detail.hidden = false;
  detail.dataset.list = list.id;
  document.getElementById('list-title').textContent = `${list.name} · ${words(list.type)} · ${words(list.priority)} priority`;
  for (const field of detail.querySelectorAll('[data-for]')) {
    field.hidden = field.dataset.for !== list.kind;
  }
  document.getElementById('import-columns').textContent = list.kind === 'VEHICLE'
    ? 'Columns: plate,reason,expires_at (a plate already on the list is reported, not added twice)'
    : 'Columns: cnic,name,reason,expires_at (a CNIC already on the list is reported, not added twice)';
  report.hidden = true;
  await loadEntries();
}

async function loadEntries() {
  entriesTable.dataset.loaded = 'false';
  const page = await getJson(`/api/v1/watchlists/${current.id}/entries?size=200`);
  entriesTable.tBodies[0].replaceChildren(...page.items.map((entry) => {
    const remove = element('button', { text: 'Take off', attributes: { type: 'button', 'data-remove': entry.id } });
    remove.addEventListener('click', () => takeOff(entry));
    const listed = entry.plate
      ? element('td', { className: 'plate', text: entry.plate })
      : element('td', { text: [entry.cnic, entry.name, entry.hasFace ? 'face' : null].filter(Boolean).join(' · ') });
    return element('tr', { attributes: { 'data-entry': entry.plate ?? entry.cnic ?? entry.id } },
      listed,
      element('td', { text: entry.reason }),
      element('td', { text: formatDate(entry.expiresAt) }),
      element('td', { text: entry.addedBy }),
      element('td', { text: formatDateTime(entry.createdAt) }),
      element('td', {}, remove));
  }));
  document.getElementById('entries-count').textContent = page.total > page.items.length
    ? `${page.items.length} of ${page.total} entries shown (the first ${page.items.length}).`
    : `${page.total} ${page.total === 1 ? 'entry' : 'entries'}.`;
  entriesTable.dataset.loaded = 'true';
}

async function takeOff(entry) {
  const what = entry.plate ?? entry.cnic ?? entry.name;
  if (!window.confirm(`Take ${what} off “${current.name}”? It stops matching at once.`)) return;
  try {
    await send('DELETE', `/api/v1/watchlists/${current.id}/entries/${entry.id}`);
    showError('entry', null);
    await loadEntries();
  } catch (error) {
    showError('entry', error);
  }
}

const newList = document.getElementById('new-list');
newList?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = new FormData(newList);
  try {
    const created = await send('POST', '/api/v1/watchlists', { json: {
      name: fields.get('name').trim(), kind: fields.get('kind'), type: fields.get('type'),
      priority: fields.get('priority'), fuzzy: fields.get('fuzzy') === 'true',
    } });
    newList.reset();
    showError('new-list', null);
    await loadLists(created.id);
  } catch (error) {
    showError('new-list', error);
  }
});

const addEntry = document.getElementById('add-entry');
addEntry.addEventListener('submit', async (event) => {
  event.preventDefault();
  const fields = new FormData(addEntry);
  const body = { reason: fields.get('reason').trim(), expiresAt: startOfDay(fields.get('expiresAt')) };
  for (const name of current.kind === 'VEHICLE' ? ['plate'] : ['cnic', 'name']) {
    if (fields.get(name).trim()) body[name] = fields.get(name).trim();
  }
  try {
    await send('POST', `/api/v1/watchlists/${current.id}/entries`, { json: body });
    addEntry.reset();
    showError('entry', null);
    await loadEntries();
  } catch (error) {
    showError('entry', error);
  }
});

const importEntries = document.getElementById('import-entries');
importEntries.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = importEntries.elements.file.files[0];
  if (!file) return;
  report.hidden = false;
  report.className = 'notice';
  try {
    const imported = await send('POST', `/api/v1/watchlists/${current.id}/entries.csv`,
      { text: await file.text(), contentType: 'text/csv' });
    const repeats = imported.alreadyListed.map((row) => `row ${row.row} (${row.plate ?? row.cnic})`);
    report.replaceChildren(element('p', { text: `${imported.imported} added from ${file.name}.` }),
      repeats.length ? element('p', { text: `Already on the list, left as they were: ${repeats.join(', ')}.` }) : null);
    importEntries.reset();
    await loadEntries();
  } catch (error) {
    // a bad file stores nothing: every bad row is named, so the file can be put right and sent again
    report.className = 'notice notice-error';
    const rows = (error.problem?.errors ?? []).map((e) => element('li', { text: `${e.field}: ${e.problem}` }));
    report.replaceChildren(element('p', { text: rows.length ? `Nothing was imported from ${file.name}:` : error.message }),
      rows.length ? element('ul', {}, ...rows) : null);
  }
});

loadLists(new URLSearchParams(window.location.search).get('list'));
