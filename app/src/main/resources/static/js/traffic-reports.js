// Traffic reports: challans by offence, site and day, collection by day, contest rate and
// reviewer throughput for a date range and city, as the traffic API computes them.

/* global Chart */

import { cssColour, element, formatCount, formatRupees, getJson } from './console.js';
import { notify, percent, queryOf } from './traffic.js';

const page = document.getElementById('reports');
const filter = document.getElementById('reports-filter');
const notice = document.getElementById('reports-notice');
const charts = {};
/** Counts are whole numbers from zero. */
const COUNT = { beginAtZero: true, ticks: { precision: 0 } };

function chart(id, config) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), {
    ...config,
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: config.data.datasets.length > 1 } },
      ...config.options },
  });
}

function bars(id, rows, label, value, colour, horizontal = false) {
  chart(id, {
    type: 'bar',
    data: { labels: rows.map(label), datasets: [{ label: 'Challans', data: rows.map(value), backgroundColor: colour, maxBarThickness: 48 }] },
    options: horizontal ? { indexAxis: 'y', scales: { x: COUNT } } : { scales: { y: COUNT } },
  });
}

async function load() {
  try {
    const report = await getJson(`/api/v1/traffic/reports?${queryOf(filter)}`);
    if (report.from && !filter.elements.from.value) filter.elements.from.value = report.from;
    if (report.to && !filter.elements.to.value) filter.elements.to.value = report.to;
    render(report);
    notify(notice, null);
  } catch (error) {
    notify(notice, error.message);
  } finally {
    page.dataset.loaded = 'true';
  }
}

function render(report) {
  const totals = report.totals ?? {};
  const tile = (label, value) => element('div', { className: 'tile' },
    element('span', { className: 'figure', text: value }), element('span', { className: 'caption', text: label }));
  document.getElementById('report-totals').replaceChildren(
    tile('Violations detected', formatCount(totals.violations)),
    tile('Challans issued', formatCount(totals.challans)),
    tile('Challans paid', formatCount(totals.paid)),
    tile('Collected', formatRupees(totals.collectedPkr)),
    tile('Outstanding', formatRupees(totals.outstandingPkr)),
    tile('Contest rate', percent(report.contestRate ?? 0)));

  const accent = cssColour('--accent') || '#1565c0';
  bars('offence-chart', report.byOffence ?? [], (r) => r.offenceName ?? r.offence, (r) => r.count, accent, true);
  bars('site-chart', (report.bySite ?? []).slice(0, 15), (r) => r.siteName, (r) => r.count, '#7d55c7', true);
  bars('day-chart', report.byDay ?? [], (r) => r.day, (r) => r.count, accent);
  const collection = report.collection ?? [];
  chart('collection-chart', {
    type: 'bar',
    data: { labels: collection.map((r) => r.day), datasets: [
      { label: 'Rupees collected', data: collection.map((r) => r.amountPkr), backgroundColor: cssColour('--ok') || '#1e8e4f', yAxisID: 'y' },
      { label: 'Payments', data: collection.map((r) => r.payments), type: 'line', borderColor: '#b7791f', yAxisID: 'count' }] },
    options: { scales: { y: { position: 'left', beginAtZero: true }, count: { ...COUNT, position: 'right', grid: { drawOnChartArea: false } } } },
  });
  const reviewers = report.reviewerThroughput ?? [];
  chart('reviewer-chart', {
    type: 'bar',
    data: { labels: reviewers.map((r) => r.reviewer), datasets: [
      { label: 'Approved', data: reviewers.map((r) => r.approved), backgroundColor: cssColour('--ok') || '#1e8e4f' },
      { label: 'Rejected', data: reviewers.map((r) => r.rejected), backgroundColor: cssColour('--bad') || '#c0392b' }] },
    options: { scales: { x: { stacked: true }, y: { ...COUNT, stacked: true } } },
  });
}

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();
