// The incident board: open incidents by priority, the units and where they are, missed targets;
// it reloads itself on every change the live stream announces.

import { getJson, element, formatAgo, formatTime, onceAfterFirst, words } from './console.js';
import { makeMap, dot, listen, priorityBadge } from './emergency-map.js';

const page = document.getElementById('board');
const notice = document.getElementById('board-notice');
const map = makeMap(document.getElementById('board-map'), undefined, 12);
const layer = L.layerGroup().addTo(map);
let centred = false;

async function load() {
  try {
    const [incidents, units, breaches] = await Promise.all([
      getJson('/api/v1/incidents'), getJson('/api/v1/units'),
      getJson('/api/v1/emergency/breaches').catch(() => []),
    ]);
    render(incidents, units, breaches);
    notice.hidden = true;
  } catch (error) {
    notice.textContent = error.message;
    notice.hidden = false;
  } finally {
    page.dataset.loaded = 'true';
  }
}

function render(incidents, units, breaches) {
  const late = new Set(breaches.map((b) => b.incidentId));
  const rows = document.getElementById('incident-rows');
  rows.replaceChildren(...incidents.map((i) => element('tr', { attributes: { 'data-incident-id': i.id } },
    element('td', {}, priorityBadge(i.priority),
      late.has(i.id) ? element('span', { className: 'badge badge-breach', text: 'late', attributes: { title: 'A response target was missed' } }) : null),
    element('td', {}, element('a', { text: `${i.typeName} #${i.id}`, attributes: { href: `/incidents/${i.id}` } }),
      element('div', { className: 'muted', text: i.description })),
    element('td', { text: words(i.status) }),
    element('td', { text: [i.address || i.landmark, [i.cityCode, i.zoneCode].filter(Boolean).join('/')].filter(Boolean).join(' · ') }),
    element('td', { text: `${formatTime(i.openedAt)} (${formatAgo(i.openedAt)})` }))));
  document.getElementById('no-incidents').hidden = incidents.length > 0;

  document.getElementById('unit-rows').replaceChildren(...units.map((u) => element('tr', { attributes: { 'data-unit-id': u.id } },
    element('td', { text: u.callSign }), element('td', { text: words(u.type) }),
    element('td', {}, element('span', { text: words(u.status) }),
      u.incidentId ? element('a', { text: ` → #${u.incidentId}`, attributes: { href: `/incidents/${u.incidentId}` } }) : null),
    element('td', {}, u.silent ? element('span', { className: 'silent', text: u.lastSeen ? `silent since ${formatAgo(u.lastSeen)}` : 'never heard' })
      : element('span', { text: formatAgo(u.lastSeen) })))));

  document.getElementById('breaches').replaceChildren(...breaches.map((b) => element('li', {},
    element('span', { className: 'badge badge-breach', text: b.priority }),
    element('a', { text: `#${b.incidentId}`, attributes: { href: `/incidents/${b.incidentId}` } }),
    element('span', { className: 'grow', text: `${words(b.measure)} missed (${Math.round(b.targetSeconds / 60)} min) · ${words(b.type)}` }),
    element('span', { className: 'muted', text: formatTime(b.detectedAt) }))));
  if (breaches.length === 0) {
    document.getElementById('breaches').append(element('li', { className: 'muted', text: 'None.' }));
  }

  layer.clearLayers();
  const points = [];
  incidents.forEach((i) => {
    const at = [i.location.lat, i.location.lon];
    points.push(at);
    dot(at, 'incident', i.priority === 'P1' ? 10 : 7).bindTooltip(`${i.priority} ${i.typeName} #${i.id}`).addTo(layer)
      .on('click', () => window.location.assign(`/incidents/${i.id}`));
  });
  units.filter((u) => u.position).forEach((u) => {
    const at = [u.position.lat, u.position.lon];
    points.push(at);
    dot(at, u.status === 'AVAILABLE' ? 'unit' : 'unitBusy', 5).bindTooltip(`${u.callSign} · ${words(u.status)}`).addTo(layer);
  });
  if (!centred && points.length > 0) {
    map.fitBounds(points, { maxZoom: 14, padding: [20, 20] });
    centred = true;
  }
}

listen(onceAfterFirst(load, 250), document.getElementById('live'));
setInterval(load, 60_000);
load();
