// The compliance dashboard: premises by status in total, by city, category and police station, the
// weekly trend as a chart, the premises on a map coloured by status, and the notices past their deadline.
// An empty table says why it is empty.
/* global Chart, L */
import { drawOfflineBase } from './base-map.js';
import { element, formatCount, formatDateTime, getJson, words } from './console.js';
import { PREMISES_COLOURS as COLOURS, PREMISES_STATUSES as STATUSES, premisesDot } from './premises-status.js';

const page = document.getElementById('compliance');
const PROVINCE_CENTRE = [34.3, 71.9];

function emptyRow(body, columns, why) {
  body.replaceChildren(element('tr', {}, element('td', { className: 'muted', text: why, attributes: { colspan: String(columns) } })));
}

function fill(id, rows, key, unnamed) {
  const body = document.getElementById(id);
  if (rows.length === 0) {
    emptyRow(body, 6, 'No premises on the register within your jurisdiction yet.');
    return;
  }
  body.replaceChildren(...rows.map((row) => element('tr', {},
    element('td', { text: row[key] ?? unnamed }),
    ...STATUSES.map((s) => element('td', { text: formatCount(row[s]) })),
    element('td', { text: formatCount(row.total) }))));
}

/** Each premises of the jurisdiction as a dot of its status's colour; a click names it and links to its record. */
async function drawMap(collection) {
  const container = document.getElementById('premises-map');
  const map = L.map(container, { preferCanvas: true, minZoom: 5, maxZoom: 18 }).setView(PROVINCE_CENTRE, 7);
  map.attributionControl.setPrefix('Leaflet');
  const renderer = L.canvas({ padding: 0.5, tolerance: 3 });
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
  const dots = (collection.features ?? []).filter((f) => f.geometry?.coordinates).map((feature) => {
    const premises = feature.properties;
    counts[premises.status] = (counts[premises.status] ?? 0) + 1;
    return premisesDot(feature, renderer).bindPopup(() => element('div', {},
      element('strong', { text: premises.name }), element('br'),
      element('span', { text: `${words(premises.status)} · ${words(premises.category)}` }), element('br'),
      element('a', { text: 'Inspect', attributes: { href: `/compliance/inspect?premises=${premises.id}` } })));
  });
  const base = await drawOfflineBase(map);
  container.dataset.base = base.drawn;
  dots.forEach((dot) => dot.addTo(map));
  if (dots.length > 0) {
    map.fitBounds(L.featureGroup(dots).getBounds(), { padding: [20, 20], maxZoom: 14 });
  }
  container.dataset.premises = String(dots.length);
  document.getElementById('premises-legend').replaceChildren(...(dots.length === 0
    ? [element('span', { text: 'No premises with a location within your jurisdiction yet.' })]
    : STATUSES.map((s) => element('span', { className: 'legend-item', text: `● ${words(s)} ${formatCount(counts[s])}  `,
      attributes: { style: `color: ${COLOURS[s]}` } }))));
}

async function load() {
  const [dashboard, trend, overdue, located] = await Promise.all([
    getJson('/api/v1/premises/compliance'), getJson('/api/v1/premises/compliance/trend?weeks=12'),
    getJson('/api/v1/premises/compliance/notices?overdue=true&size=100'), getJson('/api/v1/premises/map')]);
  await drawMap(located);
  document.getElementById('compliance-totals').replaceChildren(...STATUSES.map((s) => element('div', { className: 'tile card' },
    element('span', { className: 'figure', text: formatCount(dashboard.total[s] ?? 0) }),
    element('span', { className: 'caption', text: words(s) }))));
  fill('by-city', dashboard.byCity, 'city', 'No city');
  fill('by-category', dashboard.byCategory, 'category', 'No category');
  fill('by-station', dashboard.byPoliceStation, 'zone', 'Police station not known');
  const notices = document.getElementById('overdue');
  if (overdue.length === 0) {
    emptyRow(notices, 6, 'No notice is past its deadline: every premises sent one has remedied it or still has time.');
  } else {
    notices.replaceChildren(...overdue.map((n) => element('tr', {},
      element('td', { text: n.number }), element('td', { text: n.premisesName }), element('td', { text: n.category }),
      element('td', { text: formatDateTime(n.deadline) }), element('td', { text: words(n.status) }),
      element('td', {}, element('a', { text: 'PDF', attributes: { href: `/api/v1/premises/compliance/notices/${encodeURIComponent(n.number)}/letter` } })))));
  }
  new Chart(document.getElementById('trend-chart'), {
    type: 'line',
    data: {
      labels: trend.map((w) => w.weekEnding),
      datasets: STATUSES.map((s) => ({ label: words(s), data: trend.map((w) => w[s]), borderColor: COLOURS[s], backgroundColor: COLOURS[s] })),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  page.dataset.weeks = String(trend.length);
}

load().catch((error) => {
  const notice = document.getElementById('compliance-notice');
  notice.textContent = `The figures could not be read: ${error.message}`;
  notice.hidden = false;
}).finally(() => { page.dataset.loaded = 'true'; });
