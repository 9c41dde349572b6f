// An incident: where it is, the cameras that may see it, the units recommended and sent, its
// timeline; the dispatcher sends units, writes notes, resolves, closes and merges duplicates.

import { getJson, postJson, element, formatDateTime, formatTime, showNotFound, words } from './console.js';
import { makeMap, dot, listen } from './emergency-map.js';
import { enlarge, liveTile, playbackHref } from './video.js';

const page = document.getElementById('incident');
const id = page.dataset.incidentId;
const notice = document.getElementById('incident-notice');
const dispatchButton = document.getElementById('dispatch-button');
const map = makeMap(document.getElementById('incident-map'));
const layer = L.layerGroup().addTo(map);
let centred = false;
let loads = 0;

function show(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}

function minutes(seconds) {
  return seconds == null ? '—' : `${Math.max(1, Math.round(seconds / 60))} min`;
}

async function load() {
  try {
    const incident = await getJson(`/api/v1/incidents/${id}`);
    let recommendations = [];
    if (incident.status !== 'RESOLVED' && incident.status !== 'CLOSED') {
      recommendations = await getJson(`/api/v1/incidents/${id}/recommendations`).catch(() => []);
    }
    render(incident, recommendations);
    notice.hidden = true;
  } catch (error) {
    if (error.status === 404) {
      showNotFound(page, `There is no incident ${id}, or it lies outside your jurisdiction.`,
        { href: '/incidents', text: 'Back to the incidents' });
      return;
    }
    show(error);
  } finally {
    loads += 1;
    page.dataset.loaded = 'true';
    page.dataset.loads = String(loads);
  }
}

function render(incident, recommendations) {
  document.getElementById('incident-title').textContent = `${incident.typeName} · incident ${incident.id}`;
  const priority = document.getElementById('incident-priority');
  priority.className = `badge priority-${incident.priority}`;
  priority.textContent = incident.priority;
  document.getElementById('incident-status').textContent = words(incident.status)
    + (incident.disposition ? ` · ${incident.disposition.label}` : '');
  document.getElementById('incident-status').dataset.status = incident.status;
  document.getElementById('incident-description').textContent = incident.description;

  const facts = document.getElementById('incident-facts');
  facts.replaceChildren();
  const fact = (term, value) => facts.append(element('dt', { text: term }), element('dd', { text: value ?? '—' }));
  fact('Where', [incident.address, incident.landmark && `near ${incident.landmark}`].filter(Boolean).join(', ')
    || `${incident.location.lat.toFixed(5)}, ${incident.location.lon.toFixed(5)}`);
  fact('City / zone', [incident.cityCode, incident.zoneCode].filter(Boolean).join(' / '));
  fact('Source', words(incident.source));
  fact('Opened', formatDateTime(incident.openedAt));
  fact('Dispatch due', incident.dispatchedAt ? `dispatched ${formatTime(incident.dispatchedAt)}` : formatTime(incident.targets.dispatchDueAt));
  fact('Arrival due', incident.arrivedAt ? `arrived ${formatTime(incident.arrivedAt)}`
    : incident.targets.arrivalDueAt ? formatTime(incident.targets.arrivalDueAt) : '—');
  fact('Calls', String(incident.calls.length));

  const breaches = document.getElementById('incident-breaches');
  breaches.replaceChildren(...(incident.breaches || []).map((b) => element('span', {
    className: 'badge badge-breach', text: `Target missed: ${words(b.measure)} (${minutes(b.targetSeconds)})`,
  })));

  const open = incident.status !== 'RESOLVED' && incident.status !== 'CLOSED';
  const list = document.getElementById('recommendations');
  list.replaceChildren(...recommendations.map((r, index) => {
    const box = element('input', { attributes: { type: 'checkbox', name: 'unit', value: r.unitId, 'aria-label': `Send ${r.callSign}` } });
    if (index === 0) box.checked = true;
    return element('li', { attributes: { 'data-unit-id': r.unitId } }, box,
      element('span', { className: 'grow', text: `${r.callSign} · ${words(r.type)}${r.station ? ` · ${r.station}` : ''}` }),
      element('span', { text: `ETA ${minutes(r.etaSeconds)} · ${(r.distanceMetres / 1000).toFixed(1)} km` }),
      r.silent ? element('span', { className: 'silent', text: 'silent' }) : null);
  }));
  if (recommendations.length === 0) {
    list.append(element('li', { className: 'muted', text: open ? 'No available unit of a suitable type in this city.' : 'The incident is over.' }));
  }
  dispatchButton.disabled = !open || recommendations.length === 0;

  document.getElementById('assigned').replaceChildren(...incident.units.map((u) => element('li', {
    attributes: { 'data-unit-id': u.unitId },
  }, element('span', { className: 'grow', text: `${u.callSign} · ${words(u.unitType)}` }),
  element('span', { className: 'unit-state', text: u.clearedAt ? 'cleared' : words(u.unitStatus) }),
  element('span', { className: 'muted', text: u.acknowledgedAt ? 'acknowledged' : u.clearedAt ? '' : 'not acknowledged' }))));

  const duplicates = incident.possibleDuplicates || [];
  document.getElementById('duplicates-section').hidden = duplicates.length === 0;
  document.getElementById('duplicates').replaceChildren(...duplicates.map((d) => {
    const merge = element('button', { className: 'button-quiet', text: 'Merge into this one', attributes: { type: 'button' } });
    merge.addEventListener('click', () => act(() => postJson(`/api/v1/incidents/${id}/merge`, { duplicateId: d.id })));
    return element('li', {}, element('a', { text: `#${d.id}`, attributes: { href: `/incidents/${d.id}` } }),
      element('span', { className: 'grow', text: `${d.description} · ${d.distanceMetres} m away · ${formatTime(d.openedAt)}` }), merge);
  }));

  const cameras = incident.nearbyCameras || [];
  document.getElementById('cameras').replaceChildren(...cameras.map((c) => element('li', {},
    element('span', { className: 'grow', text: `${c.name} · ${c.siteName}` }),
    element('span', { text: `${Math.round(c.distanceMetres)} m` }),
    c.facing ? element('span', { className: 'facing', text: 'facing' }) : null,
    element('a', { className: 'video-link', text: 'Play back', attributes: { href: playbackHref(c.id, incident.openedAt) } }))));
  showNearbyVideo(cameras);
  if (cameras.length === 0) {
    document.getElementById('cameras').append(element('li', { className: 'muted', text: 'No camera within reach.' }));
  }

  document.getElementById('timeline').replaceChildren(...incident.timeline.map((e) => element('li', {
    attributes: { 'data-kind': e.kind },
  }, element('span', { className: 'when', text: formatTime(e.at) }), element('span', { text: e.text }),
  element('span', { className: 'who', text: `— ${e.actor}` }))));

  document.getElementById('eido-link').href = `/api/v1/incidents/${id}/eido`;
  document.getElementById('resolve-button').disabled = !open;
  document.getElementById('close-button').disabled = incident.status === 'CLOSED';
  if (incident.disposition) page.dataset.disposition = incident.disposition.code;

  layer.clearLayers();
  const here = [incident.location.lat, incident.location.lon];
  dot(here, 'incident', 10).bindTooltip(incident.typeName).addTo(layer);
  cameras.forEach((c) => dot([c.location.lat, c.location.lon], c.facing ? 'cameraFacing' : 'camera', 4)
    .bindTooltip(c.name).addTo(layer));
  recommendations.forEach((r) => dot([r.position.lat, r.position.lon], 'recommended', 6)
    .bindTooltip(`${r.callSign} · ETA ${minutes(r.etaSeconds)}`).addTo(layer));
  incident.units.filter((u) => !u.clearedAt && u.unitPosition)
    .forEach((u) => dot([u.unitPosition.lat, u.unitPosition.lon], 'unitBusy', 7).bindTooltip(u.callSign).addTo(layer));
  if (!centred) {
    map.setView(here, 15);
    centred = true;
  }
}

// The nearest cameras that are recording, live, in a small wall; drawn again only when they change.
const NEARBY_TILES = 4;
const nearbyWall = document.getElementById('nearby-wall');
const watchable = getJson('/api/v1/video/cameras')
  .then((found) => new Map(found.items.filter((c) => c.recording).map((c) => [c.cameraId, c])))
  .catch(() => new Map());
let nearbyTiles = [];
let nearbyShown = '';

async function showNearbyVideo(cameras) {
  const withVideo = await watchable;
  const chosen = [...cameras].sort((a, b) => a.distanceMetres - b.distanceMetres)
    .filter((c) => withVideo.has(c.id)).slice(0, NEARBY_TILES);
  const key = chosen.map((c) => c.id).join(',');
  if (key === nearbyShown) return;
  nearbyShown = key;
  nearbyTiles.forEach((tile) => tile.stop());
  nearbyTiles = chosen.map((c) => liveTile({ ...withVideo.get(c.id), cameraId: c.id },
    { onEnlarge: (tile) => enlarge(nearbyWall, tile) }));
  nearbyWall.replaceChildren(...nearbyTiles.map((tile) => tile.element));
  nearbyWall.dataset.tiles = String(nearbyTiles.length);
}

async function act(action) {
  try {
    await action();
    await load();
  } catch (error) {
    show(error);
  }
}

dispatchButton.addEventListener('click', () => {
  const unitIds = [...document.querySelectorAll('#recommendations input[name=unit]:checked')].map((box) => Number(box.value));
  if (unitIds.length === 0) {
    show(new Error('Choose at least one unit to send.'));
    return;
  }
  act(() => postJson(`/api/v1/incidents/${id}/dispatch`, { unitIds }));
});

document.getElementById('note-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = event.target.elements.text;
  act(async () => {
    await postJson(`/api/v1/incidents/${id}/notes`, { text: input.value });
    input.value = '';
  });
});

// Resolving or closing asks how the incident ended: the disposition is part of its record.
const ending = document.getElementById('ending-form');
getJson('/api/v1/incident-dispositions')
  .then((dispositions) => ending.elements.disposition.append(
    ...dispositions.map((d) => element('option', { text: d.label, attributes: { value: d.code } }))))
  .catch(show);

function askHowItEnded(status, label) {
  ending.dataset.status = status;
  document.getElementById('ending-submit').textContent = label;
  ending.elements.disposition.value = page.dataset.disposition ?? '';
  ending.hidden = false;
  ending.elements.disposition.focus();
}

document.getElementById('resolve-button').addEventListener('click', () => askHowItEnded('RESOLVED', 'Resolve incident'));
document.getElementById('close-button').addEventListener('click', () => askHowItEnded('CLOSED', 'Close incident'));
document.getElementById('ending-cancel').addEventListener('click', () => { ending.hidden = true; });
ending.addEventListener('submit', (event) => {
  event.preventDefault();
  const note = ending.elements.note.value.trim();
  act(async () => {
    await postJson(`/api/v1/incidents/${id}/status`, {
      status: ending.dataset.status, disposition: ending.elements.disposition.value, ...(note ? { note } : {}),
    });
    ending.reset();
    ending.hidden = true;
  });
});

let pending = null;
listen((change) => {
  if (String(change.incidentId) !== id) return;
  clearTimeout(pending);
  pending = setTimeout(load, 150);
}, document.getElementById('live'));

load();
