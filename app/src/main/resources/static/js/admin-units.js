// Units: put a unit on the roster, name the field accounts that crew it, and see where each is.
import { element, formatAgo, formatDateTime, getJson, postJson, words } from './console.js';
import { cells, fillTable, list, loaded, showError } from './admin.js';

const main = document.getElementById('admin-units');
const form = document.getElementById('unit-form');
const crewForm = document.getElementById('crew-form');
const table = document.getElementById('units-table');
let accounts = new Map();

function row(unit) {
  const position = unit.positionAt
    ? element('span', { text: `${formatDateTime(unit.positionAt)} (${formatAgo(unit.positionAt)})${unit.silent ? ' · silent' : ''}` })
    : 'No position yet';
  const tr = cells(unit.callSign, words(unit.type), unit.station, unit.cityCode, words(unit.status), position,
    (unit.crew ?? []).map((id) => accounts.get(id)?.username ?? `account ${id}`).join(', ') || 'No crew');
  tr.dataset.callSign = unit.callSign;
  return tr;
}

/** The field unit accounts to crew with; only administrators may read accounts, so a supervisor crews by the API. */
async function loadAccounts() {
  try {
    const page = await getJson('/api/v1/accounts?size=500');
    accounts = new Map(page.items.map((a) => [a.id, a]));
    const field = page.items.filter((a) => a.roles.includes('FIELD_UNIT') && a.enabled);
    crewForm.elements.accountId.replaceChildren(...field.map((a) => element('option', {
      text: `${a.username} (${a.displayName})`, attributes: { value: a.id },
    })));
    document.getElementById('no-field-accounts').hidden = field.length > 0;
  } catch {
    crewForm.hidden = true;
  }
}

async function load() {
  await loaded(main, async () => {
    try {
      const units = await getJson('/api/v1/units');
      fillTable(table, units, row, 'no-units');
      crewForm.elements.unitId.replaceChildren(...units.map((u) => element('option', { text: u.callSign, attributes: { value: u.id } })));
    } catch (error) {
      showError('units', error);
    }
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('unit', null);
  const f = form.elements;
  try {
    await postJson('/api/v1/units', {
      callSign: f.callSign.value.trim(), type: f.type.value, station: f.station.value.trim() || null,
      cityCode: f.cityCode.value.trim().toUpperCase() || null, capabilities: list(f.capabilities.value),
    });
    form.reset();
    await load();
  } catch (error) {
    showError('unit', error);
  }
});

crewForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('crew', null);
  try {
    await postJson(`/api/v1/units/${crewForm.elements.unitId.value}/crew`, { accountId: Number(crewForm.elements.accountId.value) });
    await load();
  } catch (error) {
    showError('crew', error);
  }
});

loadAccounts().then(load);
