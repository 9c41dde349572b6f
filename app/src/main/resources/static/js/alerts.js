// The live alert feed: the open alerts of the viewer's jurisdiction, kept current by Server-Sent
// Events. A new high-priority alert flashes and, once the operator has turned sound on, beeps.
import { element, formatAgo, formatDateTime, getJson, postJson, words } from './console.js';
import { playbackHref } from './video.js';
import { alertThumbnail } from './alert-thumbnail.js';

const OPEN = ['NEW', 'ACKNOWLEDGED', 'ESCALATED'];
const rows = document.getElementById('alert-rows');
const table = document.getElementById('alerts');
const empty = document.getElementById('alerts-empty');
const state = document.getElementById('feed-state');
const notice = document.getElementById('alerts-notice');
const soundToggle = document.getElementById('sound-toggle');
const alerts = new Map();
let audio = null;

// Browsers allow sound only after a gesture on the page, hence the button.
soundToggle.addEventListener('click', () => {
  if (audio) {
    audio.close();
    audio = null;
  } else {
    audio = new AudioContext();
  }
  soundToggle.setAttribute('aria-pressed', String(audio != null));
  soundToggle.textContent = audio ? 'Turn sound off' : 'Turn sound on';
});

start().catch(fail);

async function start() {
  const listed = await getJson(`/api/v1/alerts?status=${OPEN.join(',')}`);
  for (const alert of listed.items.slice().reverse()) show(alert, false);
  table.dataset.loaded = 'true';
  connect();
}

/** EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was missed. */
function connect() {
  const feed = new EventSource('/api/v1/alerts/stream');
  feed.addEventListener('open', () => { state.textContent = 'Live'; state.dataset.live = 'true'; });
  feed.addEventListener('error', () => { state.textContent = 'Reconnecting…'; state.dataset.live = 'false'; });
  feed.addEventListener('alert', (message) => {
    const event = JSON.parse(message.data);
    const fresh = event.kind === 'RAISED';
    show(event.alert, fresh && event.alert.priority === 'HIGH');
  });
}

function show(alert, urgent) {
  const existing = alerts.get(alert.id);
  alerts.set(alert.id, alert);
  if (!OPEN.includes(alert.status)) {
    existing?.row.remove();
    alerts.delete(alert.id);
    refreshEmpty();
    return;
  }
  // the picture is read once: a change of status keeps it
  alert.thumbnail = existing?.thumbnail ?? alertThumbnail(alert);
  const row = render(alert);
  if (existing?.row) existing.row.replaceWith(row); else rows.prepend(row);
  alert.row = row;
  if (urgent) {
    row.classList.add('flash');
    beep();
  }
  refreshEmpty();
}

function render(alert) {
  const what = alert.type === 'ANALYTIC' ? words(alert.analytic) : (alert.listName ?? words(alert.type));
  const subject = alert.plate ?? alert.personName ?? '—';
  const read = alert.plateRead && alert.plateRead !== alert.plate ? ` (read ${alert.plateRead})` : '';
  const row = element('tr', { className: `alert-row priority-${alert.priority.toLowerCase()}`, attributes: { 'data-alert-id': alert.id, 'data-plate': alert.plate } },
    element('td', {}, element('span', { className: `badge badge-${alert.priority.toLowerCase()}`, text: alert.priority })),
    element('td', { className: 'picture' }, alert.thumbnail),
    element('td', { text: what }),
    element('td', { className: 'plate', text: subject + read }),
    element('td', { className: 'camera', text: [alert.cameraName ?? `Camera ${alert.cameraId}`, alert.siteName, alert.cityCode].filter(Boolean).join(' · ') }),
    element('td', { text: `${formatDateTime(alert.lastSeenAt ?? alert.observedAt)} (${formatAgo(alert.lastSeenAt ?? alert.observedAt)})` }),
    element('td', { className: 'count', text: String(alert.count) }),
    element('td', { className: 'status', text: words(alert.status) + (alert.assignee ? ` · ${alert.assignee}` : '') }),
    element('td', { className: 'actions' }, ...actions(alert)));
  return row;
}

function actions(alert) {
  // the camera's video at the moment it saw the plate or person
  const buttons = [element('a', { className: 'button-quiet video-link', text: 'Video',
    attributes: { href: playbackHref(alert.cameraId, alert.observedAt ?? alert.createdAt) } })];
  if (alert.status === 'NEW') buttons.push(button('Acknowledge', () => act(alert, 'acknowledge', {})));
  if (alert.status === 'NEW' || alert.status === 'ACKNOWLEDGED') {
    buttons.push(button('Escalate', () => act(alert, 'escalate', {})));
    buttons.push(button('Dismiss', () => {
      const reason = window.prompt('Why is this alert dismissed? (e.g. misread plate)');
      if (reason) act(alert, 'dismiss', { reason });
    }));
  }
  if (alert.status === 'ACKNOWLEDGED' || alert.status === 'ESCALATED') buttons.push(button('Close', () => act(alert, 'close', {})));
  return buttons;
}

function button(label, onClick) {
  const node = element('button', { className: 'button-quiet', text: label, attributes: { type: 'button' } });
  node.addEventListener('click', onClick);
  return node;
}

async function act(alert, step, body) {
  try {
    show(await postJson(`/api/v1/alerts/${alert.id}/${step}`, body), false);
  } catch (error) {
    fail(error);
  }
}

/** Two short tones: unmistakable without being an alarm siren in a quiet control room. */
function beep() {
  if (!audio) return;
  for (const [offset, frequency] of [[0, 880], [0.25, 1320]]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.value = 0.15;
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + offset);
    oscillator.stop(audio.currentTime + offset + 0.18);
  }
}

function refreshEmpty() {
  empty.hidden = alerts.size > 0;
}

function fail(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}
