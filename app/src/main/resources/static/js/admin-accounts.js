// Accounts: create one, change its name, roles and jurisdiction, disable it, sign it out everywhere.
import { element, getJson, send, words } from './console.js';
import { button, cells, fillTable, loaded, showError } from './admin.js';

const ROLES = ['ADMIN', 'OPERATOR', 'DISPATCHER', 'FIELD_UNIT', 'TRAFFIC_REVIEWER', 'INVESTIGATOR', 'SUPERVISOR', 'PARTNER', 'AUDITOR'];
const main = document.getElementById('admin-accounts');
const form = document.getElementById('account-form');
const table = document.getElementById('accounts-table');
const done = document.querySelector('[data-done="account"]');

document.getElementById('roles').append(...ROLES.map((role) => element('label', { className: 'check' },
  element('input', { attributes: { type: 'checkbox', name: 'roles', value: role } }), element('span', { text: words(role) }))));

function body() {
  const f = form.elements;
  const roles = [...form.querySelectorAll('input[name=roles]:checked')].map((i) => i.value);
  const place = f.province.checked ? { scope: 'province' } : { cityCode: f.cityCode.value.trim().toUpperCase() || null, zoneCode: f.zoneCode.value.trim() || null };
  return { displayName: f.displayName.value.trim(), roles, ...place };
}

function editing(account) {
  const f = form.elements;
  form.reset();
  f.id.value = account ? account.id : '';
  f.username.value = account ? account.username : '';
  f.username.readOnly = Boolean(account);
  if (account) {
    f.displayName.value = account.displayName;
    f.cityCode.value = account.cityCode ?? '';
    f.zoneCode.value = account.zoneCode ?? '';
    f.province.checked = !account.cityCode;
    f.enabled.checked = account.enabled;
    form.querySelectorAll('input[name=roles]').forEach((i) => { i.checked = account.roles.includes(i.value); });
  }
  form.querySelectorAll('[data-new]').forEach((n) => { n.hidden = Boolean(account); });
  form.querySelectorAll('[data-edit]').forEach((n) => { n.hidden = !account; });
  document.getElementById('account-form-title').textContent = account ? `Change ${account.username}` : 'New account';
  document.getElementById('account-save').textContent = account ? 'Save changes' : 'Create account';
  document.getElementById('account-cancel').hidden = !account;
}

async function act(work, message) {
  showError('account', null);
  try {
    await work();
    done.textContent = message;
    done.hidden = false;
    await load();
  } catch (error) {
    showError('account', error);
  }
}

function place(account) {
  if (!account.cityCode) return 'Province';
  return account.zoneCode ? `${account.cityCode} · ${account.zoneCode}` : account.cityCode;
}

function row(account) {
  const change = (enabled) => act(() => send('PUT', `/api/v1/accounts/${account.id}`, {
    json: { displayName: account.displayName, roles: account.roles, ...(account.cityCode
      ? { cityCode: account.cityCode, zoneCode: account.zoneCode } : { scope: 'province' }), partnerId: account.partnerId, enabled },
  }), `${account.username} ${enabled ? 'enabled' : 'disabled'}.`);
  const tr = cells(account.username, account.displayName, account.roles.map(words).join(', '), place(account),
    account.enabled ? 'Enabled' : 'Disabled',
    element('span', {}, button('Change', () => editing(account)),
      button(account.enabled ? 'Disable' : 'Enable', () => change(!account.enabled)),
      button('Sign out', () => act(() => send('POST', `/api/v1/accounts/${account.id}/sign-out`, { json: {} }),
        `${account.username} signed out everywhere.`))));
  tr.dataset.username = account.username;
  return tr;
}

async function load() {
  await loaded(main, async () => {
    try {
      const page = await getJson('/api/v1/accounts?size=500');
      fillTable(table, page.items, row, 'no-accounts');
      showError('accounts', null);
    } catch (error) {
      showError('accounts', error);
    }
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const f = form.elements;
  if (f.id.value) {
    act(() => send('PUT', `/api/v1/accounts/${f.id.value}`, { json: { ...body(), enabled: f.enabled.checked } }),
      `${f.username.value} changed.`).then(() => editing(null));
  } else {
    act(() => send('POST', '/api/v1/accounts', { json: { username: f.username.value.trim(), password: f.password.value, ...body() } }),
      `${f.username.value} created.`).then(() => { if (form.querySelector('[data-error=account]')?.hidden !== false) form.reset(); });
  }
});
document.getElementById('account-cancel').addEventListener('click', () => editing(null));

editing(null);
load();
