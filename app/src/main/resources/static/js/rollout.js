// The rollout dashboard: each phase's plan against what is installed, commissioned and online,
// its budget and its deadline, with two charts across phases.
import { cssColour, element, formatCount, formatDate, formatDateTime, formatRupees, getJson } from './console.js';

const page = document.getElementById('rollout');
const notice = document.getElementById('rollout-notice');

const colours = {
  planned: cssColour('--phase-planned'),
  installed: cssColour('--phase-installed'),
  commissioned: cssColour('--phase-commissioned'),
  online: cssColour('--phase-online'),
};

let cityNames = new Map();

show().catch((error) => {
  notice.textContent = `The rollout could not be loaded: ${error.message}`;
  notice.hidden = false;
  page.dataset.loaded = 'error';
});

async function show() {
  const [phaseList, cities] = await Promise.all([getJson('/api/v1/phases'), getJson('/api/v1/cities')]);
  const phases = phaseList.sort((a, b) => a.number - b.number);
  cityNames = new Map(cities.map((city) => [city.code, city.name]));
  document.getElementById('rollout-as-of').textContent = `${phases.length} phases · as of ${formatDateTime(new Date())}`;
  showTotals(phases);
  showCharts(phases);
  document.getElementById('phases').replaceChildren(...phases.map(phaseCard));
  page.dataset.loaded = 'true';
}

function showTotals(phases) {
  const sum = (field) => phases.reduce((total, phase) => total + (phase[field] ?? 0), 0);
  const tile = (figure, caption) => element('div', { className: 'tile' },
    element('span', { className: 'figure', text: figure }), element('span', { className: 'caption', text: caption }));
  document.getElementById('rollout-totals').replaceChildren(
    tile(formatCount(sum('plannedSites')), 'sites planned (announced phases)'),
    tile(formatCount(sum('plannedCameras')), 'cameras planned (announced phases)'),
    tile(formatCount(sum('installedCameras')), 'cameras installed'),
    tile(formatCount(sum('onlineCameras')), 'cameras online now'),
    tile(formatRupees(sum('budgetPkr')), 'budget, all phases'),
  );
}

function showCharts(phases) {
  const labels = phases.map((phase) => `Phase ${phase.number}`);
  const bars = (label, field, colour) => ({ label, data: phases.map((p) => p[field] ?? 0), backgroundColor: colour, borderRadius: 3 });
  const options = {
    responsive: true, maintainAspectRatio: false, animation: false,
    plugins: { legend: { position: 'bottom' } },
    scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
  };
  new Chart(document.getElementById('cameras-chart'), {
    type: 'bar',
    data: { labels, datasets: [
      bars('Planned', 'plannedCameras', colours.planned),
      bars('Installed', 'installedCameras', colours.installed),
      bars('Online', 'onlineCameras', colours.online),
    ] },
    options,
  });
  new Chart(document.getElementById('sites-chart'), {
    type: 'bar',
    data: { labels, datasets: [
      bars('Planned', 'plannedSites', colours.planned),
      bars('Recorded', 'sites', colours.installed),
      bars('Commissioned', 'commissionedSites', colours.commissioned),
    ] },
    options,
  });
}

function phaseCard(phase) {
  const cities = (phase.cities ?? []).map((city) => (typeof city === 'string' ? cityNames.get(city) ?? city : city.name ?? city.code)).join(', ');
  return element('article', { className: 'phase', attributes: {
    id: `phase-${phase.number}`, 'data-phase': phase.number,
    'data-planned-sites': phase.plannedSites, 'data-planned-cameras': phase.plannedCameras,
  } },
  element('div', { className: 'phase-head' },
    element('div', {},
      element('h2', { text: `Phase ${phase.number} · ${phase.name}` }),
      element('p', { className: 'phase-cities', text: cities || '—' })),
    badge(phase)),
  element('p', { className: 'phase-scope', text: scope(phase) }),
  progress('Cameras installed', phase.installedCameras, phase.plannedCameras, colours.installed),
  progress('Cameras online', phase.onlineCameras, phase.plannedCameras, colours.online),
  progress('Sites commissioned', phase.commissionedSites, phase.plannedSites, colours.commissioned),
  facts([
    ['Budget', phase.budgetPkr == null ? 'Not announced' : formatRupees(phase.budgetPkr)],
    ['Start', formatDate(phase.startDate)],
    ['Deadline', phase.deadline ? formatDate(phase.deadline) : 'Not set'],
    ['Days to deadline', daysLeft(phase.daysToDeadline)],
    ['Projected completion', phase.projectedCompletion ? formatDate(phase.projectedCompletion) : 'Not yet projected'],
  ]));
}

/** The phase's plan in one line; a figure the Authority has not announced yet is said so, not shown as zero. */
function scope(phase) {
  const sites = phase.plannedSites == null ? null : `${formatCount(phase.plannedSites)} sites`;
  const cameras = phase.plannedCameras == null ? null : `${formatCount(phase.plannedCameras)} cameras`;
  if (sites && cameras) return `${sites} · ${cameras}`;
  if (sites) return `${sites} · cameras not yet announced`;
  if (cameras) return `${cameras} · sites not yet announced`;
  return 'Sites and cameras not yet announced';
}

function badge(phase) {
  if (phase.onTrack == null) return element('span', { className: 'badge badge-none', text: 'No estimate' });
  return phase.onTrack
    ? element('span', { className: 'badge badge-ok', text: 'On track' })
    : element('span', { className: 'badge badge-late', text: 'Late' });
}

function daysLeft(days) {
  if (days == null) return element('span', { text: '—' });
  if (days < 0) return element('span', { className: 'overdue', text: `${formatCount(-days)} days overdue` });
  return element('span', { text: days === 0 ? 'Due today' : `${formatCount(days)} days` });
}

function progress(label, done, planned, colour) {
  const share = planned ? Math.min(100, Math.round(((done ?? 0) * 100) / planned)) : 0;
  const figures = planned == null ? `${formatCount(done ?? 0)} (plan not announced)` : `${formatCount(done ?? 0)} / ${formatCount(planned)} (${share}%)`;
  const fill = element('span');
  fill.style.width = `${share}%`;
  fill.style.backgroundColor = colour;
  return element('div', { className: 'progress' },
    element('div', { className: 'progress-label' },
      element('span', { text: label }),
      element('strong', { text: figures })),
    element('div', { className: 'progress-bar', attributes: { role: 'progressbar', 'aria-valuenow': share, 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-label': label } }, fill));
}

function facts(rows) {
  const list = element('dl', { className: 'facts' });
  for (const [label, value] of rows) {
    list.append(element('dt', { text: label }), value instanceof Node ? element('dd', {}, value) : element('dd', { text: value }));
  }
  return list;
}
