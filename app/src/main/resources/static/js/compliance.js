// The compliance dashboard: premises by status in total, by city, category and police station, the
// weekly trend as a chart, and the notices past their deadline. An empty table says why it is empty.
/* global Chart */
import { element, formatCount, formatDateTime, getJson, words } from './console.js';

const page = document.getElementById('compliance');
const STATUSES = ['COMPLIANT', 'NON_COMPLIANT', 'PENDING', 'NOT_REGISTERED'];
const COLOURS = { COMPLIANT: '#2e7d32', NON_COMPLIANT: '#c62828', PENDING: '#f9a825', NOT_REGISTERED: '#9e9e9e' };

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

async function load() {
  const [dashboard, trend, overdue] = await Promise.all([
    getJson('/api/v1/premises/compliance'), getJson('/api/v1/premises/compliance/trend?weeks=12'),
    getJson('/api/v1/premises/compliance/notices?overdue=true&size=100')]);
  document.getElementById('compliance-totals').replaceChildren(...STATUSES.map((s) => element('div', { className: 'tile card' },
    element('span', { className: 'tile-value', text: formatCount(dashboard.total[s] ?? 0) }),
    element('span', { className: 'tile-label', text: words(s) }))));
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
