// Device keys: issue one for some cameras (shown once), see when each was last used, revoke it.
import { element, formatCount, formatDateTime, getJson, send } from './console.js';
import { button, cells, fillTable, list, loaded, showError } from './admin.js';

const main = document.getElementById('admin-devices');
const form = document.getElementById('device-form');
const table = document.getElementById('devices-table');
const issued = document.getElementById('issued-key');

function row(device) {
  const tr = cells(device.name, device.cameraIds.length > 6 ? `${formatCount(device.cameraIds.length)} cameras` : device.cameraIds.join(', '),
    formatDateTime(device.createdAt), device.lastUsedAt ? formatDateTime(device.lastUsedAt) : 'Never',
    device.revoked ? `Revoked ${formatDateTime(device.revokedAt)}` : 'Active',
    device.revoked ? element('span') : button('Revoke', () => revoke(device)));
  tr.dataset.device = device.name;
  return tr;
}

async function revoke(device) {
  if (!window.confirm(`Revoke the key of ${device.name}? The device stops being heard at once.`)) return;
  showError('devices', null);
  try {
    await send('DELETE', `/api/v1/devices/${device.id}`);
    await load();
  } catch (error) {
    showError('devices', error);
  }
}

async function load() {
  await loaded(main, async () => {
    try {
      const page = await getJson('/api/v1/devices?size=500');
      fillTable(table, page.items, row, 'no-devices');
    } catch (error) {
      showError('devices', error);
    }
  });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('device', null);
  issued.hidden = true;
  const ids = list(form.elements.cameraIds.value);
  if (ids.some((id) => !/^\d+$/.test(id))) {
    showError('device', new Error('Camera ids are numbers separated by commas, such as 12, 13, 14.'));
    return;
  }
  try {
    const name = form.elements.name.value.trim();
    const key = await send('POST', '/api/v1/devices', { json: { name, cameraIds: ids.map(Number) } });
    issued.querySelector('[data-issued=name]').textContent = name;
    issued.querySelector('[data-issued=key]').textContent = key.key;
    issued.hidden = false;
    form.reset();
    await load();
  } catch (error) {
    showError('device', error);
  }
});

load();
