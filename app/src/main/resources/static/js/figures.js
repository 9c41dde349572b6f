// Response figures: incidents by type and priority, median and 90th percentile times, missed
// targets, per city, zone and day, as the emergency API computes them.

/* global Chart */

import { getJson, element, formatCount, words } from './console.js';

const page = document.getElementById('figures');
const filter = document.getElementById('figures-filter');
const notice = document.getElementById('figures-notice');
const charts = {};

function seconds(value) {
  return value == null ? '—' : `${Math.round(value)} s`;
}

function chart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), config);
}

async function load() {
  const query = new URLSearchParams([...new FormData(filter)].filter(([, v]) => v));
  try {
    const figures = await getJson(`/api/v1/emergency/figures?${query}`);
    filter.elements.from.value = figures.from;
    filter.elements.to.value = figures.to;
    render(figures);
    notice.hidden = true;
  } catch (error) {
    notice.textContent = error.message;
    notice.hidden = false;
  } finally {
    page.dataset.loaded = 'true';
  }
}

function render(figures) {
  const t = figures.total;
  const tile = (label, value) => element('div', { className: 'tile' },
    element('span', { className: 'figure', text: value }), element('span', { className: 'caption', text: label }));
  document.getElementById('figures-totals').replaceChildren(
    tile('Incidents', formatCount(t.incidents)),
    tile('Call → dispatch, median', seconds(t.callToDispatch.medianSeconds)),
    tile('Call → dispatch, 90th pct', seconds(t.callToDispatch.p90Seconds)),
    tile('Dispatch → arrival, median', seconds(t.dispatchToArrival.medianSeconds)),
    tile('Dispatch → arrival, 90th pct', seconds(t.dispatchToArrival.p90Seconds)),
    tile('Targets missed', formatCount(t.callToDispatchBreaches + t.dispatchToArrivalBreaches)));

  const types = Object.keys(t.byType);
  chart('types-chart', {
    type: 'bar',
    data: { labels: types.map(words), datasets: [{ label: 'Incidents', data: types.map((k) => t.byType[k]), backgroundColor: '#1565c0' }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } } },
  });

  const days = [...new Set(figures.groups.map((g) => g.day))].sort();
  const perDay = (pick) => days.map((day) => {
    const values = figures.groups.filter((g) => g.day === day).map(pick).filter((v) => v != null);
    return values.length ? Math.max(...values) : null;
  });
  chart('times-chart', {
    type: 'line',
    data: {
      labels: days,
      datasets: [
        { label: 'Call → dispatch median', data: perDay((g) => g.callToDispatch.medianSeconds), borderColor: '#1565c0' },
        { label: 'Call → dispatch p90', data: perDay((g) => g.callToDispatch.p90Seconds), borderColor: '#7d55c7' },
        { label: 'Dispatch → arrival median', data: perDay((g) => g.dispatchToArrival.medianSeconds), borderColor: '#1e8e4f' },
        { label: 'Dispatch → arrival p90', data: perDay((g) => g.dispatchToArrival.p90Seconds), borderColor: '#c0392b' },
      ],
    },
    options: { maintainAspectRatio: false, spanGaps: true },
  });

  document.getElementById('figure-rows').replaceChildren(...figures.groups.map((g) => element('tr', {},
    element('td', { text: g.day }), element('td', { text: g.cityCode }), element('td', { text: g.zoneCode || '—' }),
    element('td', { text: formatCount(g.incidents) }),
    element('td', { text: Object.entries(g.byPriority).map(([p, n]) => `${p}: ${n}`).join(', ') }),
    element('td', { text: `${seconds(g.callToDispatch.medianSeconds)} / ${seconds(g.callToDispatch.p90Seconds)}` }),
    element('td', { text: `${seconds(g.dispatchToArrival.medianSeconds)} / ${seconds(g.dispatchToArrival.p90Seconds)}` }),
    element('td', { text: formatCount(g.callToDispatchBreaches + g.dispatchToArrivalBreaches) }))));
}

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();
