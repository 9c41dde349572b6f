// The live layers of the operations map: units with their call signs (AVL, every few seconds), alerts
// as they are raised (the alert feed's stream) with their pictures, open incidents (the incident board's
// stream) and panic buttons, lit while a press's incident is open. A layer the person may not read is left
// out. The map's filters cut every layer to a city and zone, and events to a time window. (Partners'
// premises are drawn by the map itself, for every role they admit.)
import { element, formatAgo, formatDateTime, getJson, onceAfterFirst, postJson, words } from './console.js';
import { liveTile, playbackHref } from './video.js';
import { alertThumbnail } from './alert-thumbnail.js';

const UNIT_EVERY_MS = 5_000;
const OPEN_ALERTS = ['NEW', 'ACKNOWLEDGED', 'ESCALATED'];
/** Alert markers beyond this many show their picture only when opened: a map of hundreds would read hundreds. */
const PICTURES_ON_MARKERS = 50;
const UNIT_COLOURS = { AVAILABLE: '#1e8e4f', DISPATCHED: '#d97706', EN_ROUTE: '#d97706', ON_SCENE: '#7d55c7', OUT_OF_SERVICE: '#98a4b3' };

/**
 * Adds the live layers to {@code map} and its layer control; {@code show(kind, name, rows, extra)} fills the
 * details panel. {@code container} carries counts for people and tests (data-units-shown, data-alerts-shown).
 * Answers {@code filter({city, zone, minutes})}, which redraws every layer cut to that place and window, and
 * {@code drawn()}, what each layer draws now.
 */
export function startLiveLayers(map, control, container, show) {
  const units = L.layerGroup().addTo(map);
  const alerts = L.layerGroup().addTo(map);
  const incidents = L.layerGroup().addTo(map);
  const panics = L.layerGroup().addTo(map);
  const alertMarkers = new Map();
  const known = { units: [], alerts: new Map(), incidents: [], panics: [] };
  let wanted = { city: null, zone: null, minutes: null };

  function inPlace(cityCode, zoneCode) {
    return (!wanted.city || cityCode === wanted.city) && (!wanted.zone || zoneCode === wanted.zone);
  }

  /** An event at {@code at} falls in the window; with no window every open one does. */
  function inWindow(at) {
    return !wanted.minutes || (at != null && Date.now() - Date.parse(at) <= wanted.minutes * 60_000);
  }

  async function readUnits() {
    known.units = await getJson('/api/v1/units');
    drawUnits();
  }

  function drawUnits() {
    units.clearLayers();
    for (const unit of known.units.filter((u) => u.position && inPlace(u.cityCode, u.zoneCode))) {
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
      ['Picture', alertThumbnail(alert)],
      ['Priority', alert.priority], ['What', alert.listName ?? words(alert.analytic ?? alert.type)],
      ['Seen', `${formatDateTime(alert.observedAt)} (${formatAgo(alert.observedAt)})`],
      ['Camera', [alert.cameraName, alert.siteName].filter(Boolean).join(' · ')], ['Status', words(alert.status)],
    ], [actions, element('div', { className: 'map-video' }, tile.element)], tile.stop);
  }

  function placeAlert(alert) {
    known.alerts.set(alert.id, alert);
    if (!OPEN_ALERTS.includes(alert.status)) known.alerts.delete(alert.id);
    // one just raised or seen again is the newest: it shows its picture, whatever is on the map already
    drawAlert(alert, true);
    container.dataset.alertsShown = String(alertMarkers.size);
  }

  /** Draws the alert's marker, with its picture when asked; answers whether it is on the map. */
  function drawAlert(alert, withPicture) {
    alertMarkers.get(alert.id)?.remove();
    alertMarkers.delete(alert.id);
    if (!OPEN_ALERTS.includes(alert.status) || alert.lat == null || !inPlace(alert.cityCode, alert.zoneCode)
      || !inWindow(alert.lastSeenAt ?? alert.observedAt)) return false;
    const html = element('span', { className: 'alert-badge', text: '!' });
    if (withPicture) html.append(alertThumbnail(alert, { small: true }));
    const marker = L.marker([alert.lat, alert.lon], {
      icon: L.divIcon({ className: `alert-marker priority-${alert.priority.toLowerCase()}`, iconSize: [22, 22], html }),
      zIndexOffset: 1000,
      title: [alert.cameraName, alert.siteName].filter(Boolean).join(' · '),
    });
    marker.on('add', () => Object.assign(marker.getElement().dataset, { alertId: String(alert.id), plate: alert.plate ?? '' }));
    marker.on('click', () => showAlert(alert));
    marker.addTo(alerts);
    alertMarkers.set(alert.id, marker);
    return true;
  }

  function drawAlerts() {
    for (const marker of alertMarkers.values()) marker.remove();
    alertMarkers.clear();
    // the newest few with their pictures: a page opened on a busy day does not ask for hundreds at once
    let pictured = 0;
    [...known.alerts.values()].sort((a, b) => Date.parse(b.lastSeenAt ?? b.observedAt) - Date.parse(a.lastSeenAt ?? a.observedAt))
      .forEach((alert) => { if (drawAlert(alert, pictured < PICTURES_ON_MARKERS)) pictured++; });
    container.dataset.alertsShown = String(alertMarkers.size);
  }

  async function followAlerts() {
    const listed = await getJson(`/api/v1/alerts?status=${OPEN_ALERTS.join(',')}`);
    listed.items.forEach((alert) => known.alerts.set(alert.id, alert));
    drawAlerts();
    const feed = new EventSource('/api/v1/alerts/stream');
    feed.addEventListener('open', () => { container.dataset.alertsLive = 'true'; });
    feed.addEventListener('error', () => { container.dataset.alertsLive = 'false'; });
    feed.addEventListener('alert', (message) => placeAlert(JSON.parse(message.data).alert));
  }

  async function readIncidents() {
    known.incidents = await getJson('/api/v1/incidents');
    drawIncidents();
  }

  function drawIncidents() {
    incidents.clearLayers();
    for (const incident of known.incidents.filter((i) => i.location && inPlace(i.cityCode, i.zoneCode) && inWindow(i.openedAt))) {
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
    container.dataset.incidentsShown = String(incidents.getLayers().length);
  }

  async function readPanics() {
    known.panics = (await getJson('/api/v1/panic-buttons/map')).features ?? [];
    drawPanics();
  }

  /** Every working button of the place; lit while the incident of a press within the window is open. */
  function drawPanics() {
    panics.clearLayers();
    let lit = 0;
    for (const feature of known.panics.filter((f) => inPlace(f.properties.cityCode, f.properties.zoneCode))) {
      const button = feature.properties;
      const pressed = button.openIncidentId != null && inWindow(button.lastPressedAt);
      if (pressed) lit++;
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.marker([lat, lon], {
        icon: L.divIcon({ className: pressed ? 'panic-marker pressed' : 'panic-marker', iconSize: [18, 18], html: 'SOS' }),
        zIndexOffset: pressed ? 900 : 0,
        title: button.premisesName,
      });
      marker.on('add', () => Object.assign(marker.getElement().dataset, { panicId: String(button.id), pressed: String(pressed) }));
      marker.on('click', () => show('Panic button', button.premisesName, [
        ['Premises', words(button.premisesKind)], ['Address', button.address || '—'],
        ['Last pressed', button.lastPressedAt ? `${formatDateTime(button.lastPressedAt)} (${formatAgo(button.lastPressedAt)})` : 'Never'],
        ['Incident', button.openIncidentId
          ? element('a', { text: `#${button.openIncidentId} (open)`, attributes: { href: `/incidents/${button.openIncidentId}` } }) : '—'],
      ]));
      marker.addTo(panics);
    }
    container.dataset.panicsShown = String(panics.getLayers().length);
    container.dataset.panicsPressed = String(lit);
  }

  function followIncidents() {
    readIncidents().then(() => {
      control.addOverlay(incidents, 'Incidents');
      const feed = new EventSource('/api/v1/incidents/stream');
      // a burst of changes (a dispatch moves several rows) is drawn once; a press opens an incident, so the panic
      // buttons are read again with the board
      feed.onmessage = onceAfterFirst(() => {
        readIncidents().catch(() => {});
        readPanics().catch(() => {});
      }, 500);
      // a change between the first read and the feed's connection (a press a moment after the page opened) is read now
      feed.onopen = feed.onmessage;
      feed.addEventListener('incident', feed.onmessage);
    }).catch(() => map.removeLayer(incidents));
  }

  readUnits().then(() => {
    control.addOverlay(units, 'Units');
    setInterval(() => readUnits().catch(() => {}), UNIT_EVERY_MS);
  }).catch(() => map.removeLayer(units));
  followAlerts().then(() => control.addOverlay(alerts, 'Alerts')).catch(() => map.removeLayer(alerts));
  followIncidents();
  readPanics().then(() => control.addOverlay(panics, 'Panic buttons')).catch(() => map.removeLayer(panics));
  // a window of minutes moves with the clock: what falls out of it leaves the map
  setInterval(() => { if (wanted.minutes) { drawAlerts(); drawIncidents(); drawPanics(); } }, 30_000);

  return {
    filter(next) {
      wanted = { ...next };
      drawUnits();
      drawAlerts();
      drawIncidents();
      drawPanics();
    },
    drawn: () => ({
      units: units.getLayers().length, alerts: alertMarkers.size, incidents: incidents.getLayers().length,
      panics: panics.getLayers().length,
    }),
  };
}
