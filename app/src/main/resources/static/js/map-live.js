// The live layers of the operations map: units with their call signs (AVL, every few seconds), alerts
// as they are raised (the alert feed's stream) and open incidents (the incident board's stream). A layer the
// person may not read is left out. (Partners' premises are drawn by the map itself, for every role they admit.)
import { element, formatAgo, formatDateTime, getJson, postJson, words } from './console.js';
import { liveTile, playbackHref } from './video.js';

const UNIT_EVERY_MS = 5_000;
const OPEN_ALERTS = ['NEW', 'ACKNOWLEDGED', 'ESCALATED'];
const UNIT_COLOURS = { AVAILABLE: '#1e8e4f', DISPATCHED: '#d97706', EN_ROUTE: '#d97706', ON_SCENE: '#7d55c7', OUT_OF_SERVICE: '#98a4b3' };

/**
 * Adds the live layers to {@code map} and its layer control; {@code show(kind, name, rows, extra)} fills the
 * details panel. {@code container} carries counts for people and tests (data-units-shown, data-alerts-shown).
 */
export function startLiveLayers(map, control, container, show) {
  const units = L.layerGroup().addTo(map);
  const alerts = L.layerGroup().addTo(map);
  const incidents = L.layerGroup().addTo(map);
  const alertMarkers = new Map();

  async function drawUnits() {
    const list = await getJson('/api/v1/units');
    units.clearLayers();
    for (const unit of list.filter((u) => u.position)) {
      const marker = L.marker([unit.position.lat, unit.position.lon], {
        icon: L.divIcon({
          className: 'unit-marker', iconSize: null,
          html: `<span class="unit-dot" style="background:${UNIT_COLOURS[unit.status] ?? '#666'}"></span><span class="unit-call"></span>`,
        }),
        keyboard: false,
      });
      marker.on('add', () => { marker.getElement().querySelector('.unit-call').textContent = unit.callSign; });
      marker.on('click', () => show('Unit', unit.callSign, [
        ['Status', words(unit.status)], ['Type', words(unit.type)], ['Station', unit.station || '—'],
        ['Position', `${formatDateTime(unit.positionAt)} (${formatAgo(unit.positionAt)})${unit.silent ? ' · silent' : ''}`],
        ['Incident', unit.incidentId ? element('a', { text: `#${unit.incidentId}`, attributes: { href: `/incidents/${unit.incidentId}` } }) : '—'],
      ]));
      marker.addTo(units);
    }
    container.dataset.unitsShown = String(units.getLayers().length);
  }

  function showAlert(alert) {
    const actions = element('p', { className: 'map-actions' },
      element('a', { className: 'button-quiet', text: 'Play back the moment', attributes: { href: playbackHref(alert.cameraId, Date.parse(alert.observedAt) - 10_000) } }));
    if (alert.status !== 'ESCALATED') {
      const open = element('button', { className: 'button-primary', text: 'Open incident', attributes: { type: 'button' } });
      open.addEventListener('click', async () => {
        open.disabled = true;
        try {
          await postJson(`/api/v1/alerts/${alert.id}/escalate`, {});
          open.replaceWith(element('a', { text: 'Escalated: the incident opens on the board', attributes: { href: '/incidents' } }));
        } catch (error) {
          open.disabled = false;
          open.title = error.message;
        }
      });
      actions.prepend(open);
    }
    const tile = liveTile({ cameraId: alert.cameraId, name: alert.cameraName, siteName: alert.siteName });
    show('Alert', alert.plate ?? alert.personName ?? words(alert.analytic ?? alert.type), [
      ['Priority', alert.priority], ['What', alert.listName ?? words(alert.analytic ?? alert.type)],
      ['Seen', `${formatDateTime(alert.observedAt)} (${formatAgo(alert.observedAt)})`],
      ['Camera', [alert.cameraName, alert.siteName].filter(Boolean).join(' · ')], ['Status', words(alert.status)],
    ], [actions, element('div', { className: 'map-video' }, tile.element)], tile.stop);
  }

  function placeAlert(alert) {
    alertMarkers.get(alert.id)?.remove();
    alertMarkers.delete(alert.id);
    if (!OPEN_ALERTS.includes(alert.status) || alert.lat == null) return;
    const marker = L.marker([alert.lat, alert.lon], {
      icon: L.divIcon({ className: `alert-marker priority-${alert.priority.toLowerCase()}`, iconSize: [22, 22], html: '!' }),
      zIndexOffset: 1000,
    });
    marker.on('add', () => Object.assign(marker.getElement().dataset, { alertId: String(alert.id), plate: alert.plate ?? '' }));
    marker.on('click', () => showAlert(alert));
    marker.addTo(alerts);
    alertMarkers.set(alert.id, marker);
    container.dataset.alertsShown = String(alertMarkers.size);
  }

  async function followAlerts() {
    const listed = await getJson(`/api/v1/alerts?status=${OPEN_ALERTS.join(',')}`);
    listed.items.forEach(placeAlert);
    container.dataset.alertsShown = String(alertMarkers.size);
    const feed = new EventSource('/api/v1/alerts/stream');
    feed.addEventListener('open', () => { container.dataset.alertsLive = 'true'; });
    feed.addEventListener('error', () => { container.dataset.alertsLive = 'false'; });
    feed.addEventListener('alert', (message) => placeAlert(JSON.parse(message.data).alert));
  }

  async function drawIncidents() {
    const board = await getJson('/api/v1/incidents');
    incidents.clearLayers();
    for (const incident of board.filter((i) => i.location)) {
      const marker = L.marker([incident.location.lat, incident.location.lon], {
        icon: L.divIcon({ className: 'incident-marker', iconSize: [20, 20], html: '◆' }),
      });
      marker.on('click', () => show('Incident', `${incident.typeName ?? words(incident.type)} #${incident.id}`, [
        ['Priority', words(incident.priority)], ['Status', words(incident.status)],
        ['Opened', formatDateTime(incident.openedAt)],
        ['Page', element('a', { text: 'Open the incident', attributes: { href: `/incidents/${incident.id}` } })],
      ]));
      marker.addTo(incidents);
    }
  }

  function followIncidents() {
    drawIncidents().then(() => {
      control.addOverlay(incidents, 'Incidents');
      const feed = new EventSource('/api/v1/incidents/stream');
      let pending = null;
      // a burst of changes (a dispatch moves several rows) is drawn once
      feed.onmessage = () => { clearTimeout(pending); pending = setTimeout(() => drawIncidents().catch(() => {}), 500); };
      feed.addEventListener('incident', feed.onmessage);
    }).catch(() => map.removeLayer(incidents));
  }

  drawUnits().then(() => {
    control.addOverlay(units, 'Units');
    setInterval(() => drawUnits().catch(() => {}), UNIT_EVERY_MS);
  }).catch(() => map.removeLayer(units));
  followAlerts().then(() => control.addOverlay(alerts, 'Alerts')).catch(() => map.removeLayer(alerts));
  followIncidents();
}
