// The review queue: violations the rules found, one at a time with the scene image, the plate
// crop, the reading and the measurement. The reviewer corrects the plate and approves, or
// rejects with a reason; the traffic API decides whether a challan is issued or a second
// reviewer is needed. Keyboard: j/k move, p plate, a approve, r reject.
import { element, formatDateTime, getJson, postJson, words } from './console.js';
import { evidenceImages, facts, measurementFacts, newestOnly, notify, percent, place, queryOf, statusBadge, timeline } from './traffic.js';

const page = document.getElementById('review');
const filter = document.getElementById('review-filter');
const notice = document.getElementById('review-notice');
const queue = document.getElementById('queue');
const detail = document.getElementById('detail');
const outcome = document.getElementById('detail-outcome');
const approveForm = document.getElementById('approve-form');
const rejectForm = document.getElementById('reject-form');
const plateInput = document.getElementById('plate-input');
const reasonInput = document.getElementById('reason-input');
const readQueue = newestOnly();
let items = [];
let current = null;

async function load() {
  const query = queryOf(filter, { size: '100' });
  try {
    const list = await readQueue(`/api/v1/challans/review?${query}`);
    if (!list) return;
    page.dataset.query = query.toString();
    items = list.items;
    document.getElementById('queue-total').textContent = `(${list.total ?? items.length})`;
    queue.replaceChildren(...items.map(entry));
    document.getElementById('queue-empty').hidden = items.length > 0;
    notify(notice, null);
    if (items.length) await select(items[0].id); else detail.hidden = true;
  } catch (error) {
    notify(notice, error.message);
  } finally {
    page.dataset.loaded = 'true';
  }
}

function entry(item) {
  const pending = item.approvals < item.approvalsRequired && item.approvals > 0;
  return element('li', {},
    element('button', { className: 'queue-item', attributes: { type: 'button', 'data-id': item.id, 'aria-pressed': 'false' } },
      element('span', { className: 'plate', text: item.plate ?? item.plateAsRead ?? '—' }),
      element('span', { text: item.offenceName ?? words(item.offence) }),
      element('span', { className: 'muted', text: `${item.siteName ?? place(item)} · ${formatDateTime(item.observedAt)}` }),
      pending ? element('span', { className: 'badge badge-hold', text: `${item.approvals} of ${item.approvalsRequired} approvals` }) : null));
}

queue.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-id]');
  if (button) select(Number(button.dataset.id) || button.dataset.id);
});

async function select(id) {
  try {
    show(await getJson(`/api/v1/violations/${encodeURIComponent(id)}`));
    outcome.hidden = true;
  } catch (error) {
    notify(notice, error.message);
  }
}

/** After a decision: the answer at once, then the violation as read again with its full history. */
async function showDecided(decided) {
  show({ history: current.history, ...decided });
  refreshEntry(decided);
  try {
    const fresh = await getJson(`/api/v1/violations/${encodeURIComponent(decided.id)}`);
    show({ challanNumber: decided.challanNumber, ...fresh });
  } catch { /* the answer shown is enough */ }
}

function show(violation) {
  current = violation;
  for (const button of queue.querySelectorAll('button[data-id]')) {
    const chosen = String(button.dataset.id) === String(violation.id);
    button.setAttribute('aria-pressed', String(chosen));
    button.classList.toggle('selected', chosen);
  }
  detail.hidden = false;
  detail.dataset.violationId = violation.id;
  document.getElementById('detail-title').textContent = `${violation.offenceName ?? words(violation.offence)} · ${violation.plate ?? '—'}`;
  statusBadge(document.getElementById('detail-status'), violation.status);
  document.getElementById('detail-second').hidden = !(violation.status === 'PENDING' && violation.approvals > 0
    && violation.approvals < violation.approvalsRequired);
  evidenceImages(document.getElementById('detail-images'), violation.images);
  facts(document.getElementById('detail-facts'), [
    ['Plate as read', violation.plateAsRead],
    ['Plate', violation.plate],
    ['Reading confidence', violation.confidence == null ? null : percent(violation.confidence)],
    ['Offence', violation.offenceName ?? words(violation.offence)],
    ['Place', place(violation)],
    ['Seen', formatDateTime(violation.observedAt)],
    ['Approvals', `${violation.approvals ?? 0} of ${violation.approvalsRequired ?? 1}`],
    ['Challan', violation.challanNumber],
  ]);
  measurementFacts(document.getElementById('detail-measurement'), violation.measurement);
  timeline(document.getElementById('detail-history'), violation.history);
  plateInput.value = violation.plate ?? violation.plateAsRead ?? '';
  reasonInput.value = '';
  const open = violation.status === 'PENDING';
  approveForm.hidden = !open;
  rejectForm.hidden = !open;
}

function announce(message, kind = 'info') {
  outcome.className = `notice notice-${kind}`;
  outcome.replaceChildren(...message);
  outcome.hidden = false;
}

approveForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current) return;
  const plate = plateInput.value.trim();
  const body = plate && plate !== current.plate ? { plate } : {};
  try {
    const decided = await postJson(`/api/v1/violations/${current.id}/approve`, body);
    await showDecided(decided);
    if (decided.challanNumber) {
      announce(['Approved. Challan ', element('a', { className: 'challan-number', text: decided.challanNumber,
        attributes: { href: `/challans/${decided.challanNumber}` } }), ' issued.']);
    } else if (decided.status === 'PENDING' && decided.approvals < decided.approvalsRequired) {
      announce([`Your approval is recorded (${decided.approvals} of ${decided.approvalsRequired}). Needs a second reviewer.`]);
    } else {
      announce([`Approved: ${words(decided.status)}.`]);
    }
  } catch (error) {
    announce([error.message], 'error');
  }
});

rejectForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current) return;
  const reason = reasonInput.value.trim();
  if (!reason) {
    announce(['Say why the violation is rejected.'], 'error');
    reasonInput.focus();
    return;
  }
  try {
    const decided = await postJson(`/api/v1/violations/${current.id}/reject`, { reason });
    await showDecided(decided);
    announce([`Rejected: ${reason}`]);
  } catch (error) {
    announce([error.message], 'error');
  }
});

/** A decided violation stays in the list, marked, until the queue is loaded again. */
function refreshEntry(violation) {
  const button = queue.querySelector(`button[data-id="${CSS.escape(String(violation.id))}"]`);
  if (!button) return;
  button.classList.toggle('decided', violation.status !== 'PENDING');
  button.querySelector('.plate').textContent = violation.plate ?? '—';
  const index = items.findIndex((item) => String(item.id) === String(violation.id));
  if (index >= 0) items[index] = { ...items[index], ...violation };
}

function move(step) {
  if (!items.length) return;
  const index = items.findIndex((item) => String(item.id) === String(current?.id));
  const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
  select(next.id).then(() => queue.querySelector(`button[data-id="${CSS.escape(String(next.id))}"]`)?.focus());
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const typing = event.target.closest('input, textarea, select');
  if (typing) {
    if (event.key === 'Escape') event.target.blur();
    return;
  }
  const actions = {
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    p: () => plateInput.focus(), a: () => approveForm.requestSubmit(), r: () => reasonInput.focus(),
  };
  const action = actions[event.key];
  const deciding = event.key === 'a' || event.key === 'r' || event.key === 'p';
  if (action && !detail.hidden && !(deciding && current?.status !== 'PENDING')) {
    event.preventDefault();
    action();
  }
});

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();
