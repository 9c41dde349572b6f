// The operations map: cities, sites and cameras coloured by status as observed (online only while video or
// detections arrive; never heard from is unknown, whatever was planned), filters, a legend with counts
// and a details panel. Markers are drawn on one canvas so thousands of cameras stay smooth. The base map ships
// with the build (Natural Earth's countries around the province, drawn as vectors); a tile server named in
// configuration draws instead.
import { cssColour, element, formatAgo, formatCount, formatDateTime, formatTime, getJson, words } from './console.js';
import { drawOfflineBase } from './base-map.js';
import { startLiveLayers } from './map-live.js';
import { PREMISES_COLOURS, premisesDot } from './premises-status.js';
import { liveTile } from './video.js';

const CAMERA_STATUSES = ['ONLINE', 'OFFLINE', 'UNKNOWN'];
const STATUS_NAMES = { ONLINE: 'Online', OFFLINE: 'Offline', UNKNOWN: 'Never heard from' };
const SITE_STATUSES = ['COMMISSIONED', 'INSTALLED', 'SURVEYED', 'PLANNED'];
const TYPE_NAMES = { FIXED: 'Fixed', PTZ: 'PTZ (pan-tilt-zoom)', ANPR: 'ANPR (number plates)', FACE: 'Face recognition' };
const PROVINCE_CENTRE = [34.3, 71.9];
const FILTERS = ['city', 'zone', 'phase', 'status', 'installation', 'type', 'since'];
/** Filters the camera list itself understands; the others apply to what the map draws. */
const CAMERA_FILTERS = ['city', 'zone', 'phase', 'status', 'installation', 'type'];
const REFRESH_SECONDS = 60;

const container = document.getElementById('map');
const filters = document.getElementById('map-filters');
const notice = document.getElementById('map-notice');
const details = document.getElementById('details');

const cameraColours = Object.fromEntries(CAMERA_STATUSES.map((s) => [s, cssColour(`--camera-${s.toLowerCase()}`)]));
const siteColours = Object.fromEntries(SITE_STATUSES.map((s) => [s, cssColour(`--site-${s.toLowerCase()}`)]));

const map = L.map(container, { preferCanvas: true, minZoom: 5, maxZoom: 19, worldCopyJump: false })
  .setView(PROVINCE_CENTRE, 7);
const canvas = L.canvas({ padding: 0.5, tolerance: 3 });
map.createPane('base').style.zIndex = 150;
map.createPane('grid').style.zIndex = 250;
const baseCanvas = L.canvas({ pane: 'base', padding: 0.5 });
const gridCanvas = L.canvas({ pane: 'grid' });
L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
map.attributionControl.setPrefix('Leaflet');

const grid = L.layerGroup();
const cityLayer = L.layerGroup().addTo(map);
const siteLayer = L.layerGroup().addTo(map);
const cameraLayer = L.layerGroup().addTo(map);
// commercial premises under the Act, coloured by compliance; only for people the premises API admits
const premisesLayer = L.layerGroup();
const selection = L.layerGroup().addTo(map);
const layers = L.control.layers(null, { Cities: cityLayer, Sites: siteLayer, Cameras: cameraLayer }, { collapsed: false }).addTo(map);
let stopVideo = () => {};
let live = null;
let baseLayer = null;

let cities = [];
let sites = [];
let request = 0;
let fitted = false;

showBackground(container.dataset.tileUrl, container.dataset.tileAttribution);
start().catch(fail);

async function start() {
  restoreFilters();
  [cities] = await Promise.all([getJson('/api/v1/cities'), loadPhases()]);
  fillSelect(filters.elements.city, cities.map((c) => [c.code, c.name]));
  restoreFilters();
  await loadZones(new URLSearchParams(window.location.search).get('zone'));
  drawCities();
  const siteCollection = await getJson('/api/v1/sites.geojson');
  sites = siteCollection.features ?? [];
  filters.addEventListener('change', (event) => {
    if (event.target.name === 'city') {
      filters.elements.zone.value = '';
      loadZones().then(() => refresh(true)).catch(fail);
    } else {
      refresh(true).catch(fail);
    }
  });
  // the form clears its fields only after the reset event, so read them on the next turn
  filters.addEventListener('reset', () => setTimeout(() => loadZones().then(() => refresh(true)).catch(fail)));
  await refresh(false);
  if (container.dataset.premises === 'true') {
    loadPremises().catch(() => { /* the map stands without the premises */ });
  }
  if (container.dataset.live === 'true') {
    live = startLiveLayers(map, layers, container, showDetails);
    live.filter(placeAndTime());
  }
  // statuses change as cameras go on- and offline, so the map keeps itself current
  setInterval(() => refresh(false).catch(fail), REFRESH_SECONDS * 1000);
}

/** The phase filter; people who may not read the rollout plan (commercial partners) get the map without it. */
async function loadPhases() {
  try {
    const phases = await getJson('/api/v1/phases');
    fillSelect(filters.elements.phase, phases.map((p) => [String(p.number), `Phase ${p.number} · ${p.name}`]));
  } catch {
    filters.elements.phase.value = '';
    filters.elements.phase.closest('label').hidden = true;
  }
}

function fillSelect(select, options) {
  for (const [value, label] of options) {
    select.append(element('option', { text: label, attributes: { value } }));
  }
}

/** The zones of the chosen city; with no city chosen, the zone filter waits for one. */
async function loadZones(wanted = null) {
  const select = filters.elements.zone;
  const city = filters.elements.city.value;
  select.replaceChildren(element('option', { text: city ? 'All zones' : 'Choose a city first', attributes: { value: '' } }));
  select.disabled = !city;
  if (!city) return;
  try {
    const zones = await getJson(`/api/v1/zones?city=${encodeURIComponent(city)}`);
    fillSelect(select, zones.map((z) => [z.code, z.name ? `${z.name} (${z.code})` : z.code]));
    if (zones.some((z) => z.code === wanted)) select.value = wanted;
  } catch {
    select.disabled = true;
  }
}

/** Filters live in the address too, so a view can be bookmarked or sent to a colleague. */
function restoreFilters() {
  const query = new URLSearchParams(window.location.search);
  for (const name of FILTERS) {
    if (query.has(name) && name !== 'zone' && filters.elements[name]) filters.elements[name].value = query.get(name);
  }
}

/** What the live layers are cut to: the place, and how far back an event may be. */
function placeAndTime() {
  const minutes = Number(filters.elements.since?.value);
  return { city: filters.elements.city.value || null, zone: filters.elements.zone.value || null, minutes: minutes > 0 ? minutes : null };
}

function chosen() {
  const values = {};
  for (const name of FILTERS) {
    const value = filters.elements[name]?.value;
    if (value) values[name] = value;
  }
  return values;
}

async function refresh(byPerson) {
  const ticket = ++request;
  container.dataset.loaded = 'false';
  const wanted = chosen();
  const address = new URLSearchParams(wanted).toString();
  if (byPerson) {
    window.history.replaceState(null, '', address ? `?${address}` : window.location.pathname);
  }
  live?.filter(placeAndTime());
  const query = new URLSearchParams(Object.entries(wanted).filter(([name]) => CAMERA_FILTERS.includes(name))).toString();
  const collection = await getJson(`/api/v1/cameras.geojson${query ? `?${query}` : ''}`);
  if (ticket !== request) return; // a newer choice is already on its way
  const cameras = collection.features ?? [];
  const shownSites = sites.filter((site) => matchesPlace(site.properties, wanted));
  drawSites(shownSites);
  drawCameras(cameras);
  fillLegend('camera-legend', CAMERA_STATUSES, cameraColours, cameras, false, STATUS_NAMES);
  fillLegend('site-legend', SITE_STATUSES, siteColours, shownSites, true);
  document.getElementById('camera-count').textContent = formatCount(cameras.length);
  document.getElementById('site-count').textContent = formatCount(shownSites.length);
  if (!fitted || byPerson) fitTo(cameras.length ? cameras : shownSites);
  document.getElementById('map-updated').textContent = `Updated ${formatTime(new Date())} · every minute`;
  container.dataset.camerasShown = String(cameras.length);
  container.dataset.sitesShown = String(shownSites.length);
  container.dataset.loaded = 'true';
}

function matchesPlace(properties, wanted) {
  return (!wanted.city || properties.cityCode === wanted.city)
    && (!wanted.zone || properties.zoneCode === wanted.zone)
    && (!wanted.phase || String(properties.phase) === wanted.phase);
}

function drawCities() {
  cityLayer.clearLayers();
  for (const city of cities) {
    if (city.lat == null || city.lon == null) continue;
    L.circle([city.lat, city.lon], {
      renderer: canvas, radius: 9000, interactive: false,
      color: '#3d5a78', weight: 1.5, dashArray: '6 5', fillColor: '#3d5a78', fillOpacity: 0.04,
    }).addTo(cityLayer);
    L.circleMarker([city.lat, city.lon], { renderer: canvas, radius: 3, weight: 0, fillColor: '#0f2236', fillOpacity: 0.9, interactive: false })
      .addTo(cityLayer);
    const label = L.tooltip({ permanent: true, direction: 'right', offset: [6, 0], className: 'city-label' })
      .setLatLng([city.lat, city.lon]).setContent(cityLabel(city)).addTo(cityLayer);
    map.on('zoomend', () => label.setContent(cityLabel(city)));
  }
}

/** Names overlap when the whole province is in view, so far out the cities are shown by their codes. */
function cityLabel(city) {
  return map.getZoom() >= 9 ? city.name : city.code;
}

function drawSites(features) {
  siteLayer.clearLayers();
  for (const feature of features) {
    const site = feature.properties;
    const marker = L.circleMarker(latLng(feature), {
      renderer: canvas, radius: 8, weight: 2.5, color: siteColours[site.status] ?? '#666', fill: true,
      fillColor: '#ffffff', fillOpacity: 0.55,
    });
    marker.on('click', () => showSite(site, marker));
    marker.addTo(siteLayer);
  }
}

function drawCameras(features) {
  cameraLayer.clearLayers();
  const sharing = new Map();
  for (const feature of features) {
    const key = feature.geometry.coordinates.join(',');
    sharing.set(key, [...(sharing.get(key) ?? []), feature]);
  }
  for (const feature of features) {
    const camera = feature.properties;
    const marker = L.circleMarker(fannedOut(feature, sharing.get(feature.geometry.coordinates.join(','))), {
      renderer: canvas, radius: 4.5, weight: 1, color: '#ffffff', fillColor: cameraColours[camera.status] ?? '#666',
      fillOpacity: 0.95,
    });
    marker.on('click', () => showCamera(camera, marker));
    marker.addTo(cameraLayer);
  }
}

async function loadPremises() {
  const collection = await getJson('/api/v1/premises/map');
  premisesLayer.clearLayers();
  for (const feature of collection.features ?? []) {
    const premises = feature.properties;
    const marker = premisesDot(feature, canvas);
    marker.on('click', () => {
      highlight(marker, null);
      showDetails('Premises', premises.name, [
        ['Compliance', statusLabel(premises.status, PREMISES_COLOURS)],
        ['Category', words(premises.category)],
      ]);
    });
    marker.addTo(premisesLayer);
  }
  layers.addOverlay(premisesLayer, 'Commercial premises');
  premisesLayer.addTo(map);
}

/**
 * The cameras of a site stand on the site's point; drawn there they would hide each other, so they are
 * fanned out on a small ring around it (about 18 m), each still clickable. A camera alone stays put.
 */
function fannedOut(feature, group) {
  const [lat, lon] = latLng(feature);
  if (!group || group.length < 2) return [lat, lon];
  const angle = (2 * Math.PI * group.indexOf(feature)) / group.length;
  const metres = 18;
  return [lat + (metres * Math.cos(angle)) / 111320, lon + (metres * Math.sin(angle)) / (111320 * Math.cos((lat * Math.PI) / 180))];
}

function latLng(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  return [lat, lon];
}

function fitTo(features) {
  if (!features.length) {
    const known = cities.filter((c) => c.lat != null);
    if (known.length) map.fitBounds(L.latLngBounds(known.map((c) => [c.lat, c.lon])).pad(0.2));
    return;
  }
  map.fitBounds(L.latLngBounds(features.map(latLng)).pad(0.08), { maxZoom: 15 });
  fitted = true;
}

function fillLegend(id, statuses, colours, features, ring, names = {}) {
  const counts = Object.fromEntries(statuses.map((s) => [s, 0]));
  for (const feature of features) counts[feature.properties.status] = (counts[feature.properties.status] ?? 0) + 1;
  const list = document.getElementById(id);
  list.replaceChildren(...statuses.map((status) => {
    const swatch = element('span', { className: ring ? 'swatch swatch-ring' : 'swatch' });
    swatch.style[ring ? 'borderColor' : 'backgroundColor'] = colours[status];
    return element('li', { className: counts[status] ? '' : 'empty', attributes: { 'data-status': status } },
      swatch, element('span', { text: names[status] ?? words(status) }),
      element('span', { className: 'count', text: formatCount(counts[status]) }));
  }));
}

function showCamera(camera, marker) {
  highlight(marker, camera);
  const rows = [
    ['Status', statusLabel(camera.status, cameraColours, STATUS_NAMES[camera.status])],
    ['Installation', words(camera.installation)],
    ['Uptime', element('span', { className: 'uptime', text: '…' })],
    ['Type', TYPE_NAMES[camera.type] ?? words(camera.type)],
    ['Make / model', [camera.make, camera.model].filter(Boolean).join(' ') || '—'],
    ['Resolution', camera.resolution || '—'],
    ['Heading / FOV', `${camera.heading ?? '—'}° / ${camera.fieldOfView ?? '—'}°`],
    ['Site', camera.siteName || '—'],
    ['Zone', camera.zoneCode || '—'],
    ['City', camera.city || camera.cityCode || '—'],
    ['Phase', camera.phase ?? '—'],
    ['Owner', camera.owner || '—'],
    ['Last heard', camera.lastSeen ? `${formatDateTime(camera.lastSeen)} (${formatAgo(camera.lastSeen)})` : 'Never'],
  ];
  const watch = element('button', { className: 'button-primary', text: 'Live video', attributes: { type: 'button', id: 'camera-live' } });
  const stage = element('div', { className: 'map-video' });
  watch.addEventListener('click', () => {
    const tile = liveTile({ cameraId: camera.id, name: camera.name, siteName: camera.siteName });
    stage.replaceChildren(tile.element);
    stopVideo();
    stopVideo = tile.stop;
    watch.hidden = true;
  });
  showDetails('Camera', camera.name, rows, [element('p', { className: 'map-actions' }, watch), stage]);
  showUptime(`/api/v1/cameras/${camera.id}`, (found) => uptimeText(found.uptime));
}

/** Uptime is read when a marker is opened: the map's own list leaves it out to stay light. */
function showUptime(url, text) {
  const shown = details.querySelector('.uptime');
  getJson(url).then((found) => {
    shown.textContent = text(found);
  }).catch(() => {
    shown.textContent = 'not available';
  });
}

function uptimeText(uptime) {
  if (!uptime || uptime.last24h == null) return 'unknown: never heard from';
  const percent = (share) => `${(share * 100).toFixed(1)} %`;
  return `${percent(uptime.last24h)} last 24 h · ${percent(uptime.last7d)} last 7 days`;
}

function showSite(site, marker) {
  highlight(marker, null);
  showDetails('Site', site.name, [
    ['Status', statusLabel(site.status, siteColours)],
    ['Kind', words(site.kind)],
    ['Cameras', formatCount(site.cameras)],
    ['Zone', site.zoneCode || '—'],
    ['City', site.city || site.cityCode || '—'],
    ['Phase', site.phase ?? '—'],
    ['Camera uptime', element('span', { className: 'uptime', text: '…' })],
  ]);
  showUptime(`/api/v1/sites/${site.id}`, (found) => (found.uptime?.observedCameras
    ? `${uptimeText(found.uptime)} (${found.uptime.observedCameras} of ${found.uptime.cameras} cameras ever heard from)`
    : `unknown: none of its ${found.uptime?.cameras ?? 0} cameras was ever heard from`));
}

function statusLabel(status, colours, name) {
  const swatch = element('span', { className: 'swatch' });
  swatch.style.backgroundColor = colours[status] ?? '#666';
  return element('span', { className: 'status' }, swatch, element('span', { text: name ?? words(status) }));
}

/** Fills the details panel; {@code extra} nodes follow the list, and {@code stop} ends a video they play when the panel changes. */
function showDetails(kind, name, rows, extra = [], stop = () => {}) {
  stopVideo();
  stopVideo = stop;
  const list = element('dl');
  for (const [label, value] of rows) {
    list.append(element('dt', { text: label }),
      value instanceof Node ? element('dd', {}, value) : element('dd', { text: String(value) }));
  }
  details.replaceChildren(element('p', { className: 'kind', text: kind }), element('h2', { text: name }), list, ...extra);
}

/** Rings the chosen marker and, for a camera, sketches where it looks (heading and field of view). */
function highlight(marker, camera) {
  selection.clearLayers();
  L.circleMarker(marker.getLatLng(), { renderer: canvas, radius: 11, weight: 2.5, color: '#0f2236', fill: false, interactive: false })
    .addTo(selection);
  if (camera && camera.heading != null && camera.fieldOfView) {
    L.polygon(viewCone(marker.getLatLng(), camera.heading, camera.fieldOfView, 120), {
      renderer: canvas, interactive: false, weight: 1, color: '#0f2236', fillColor: '#4fa3ff', fillOpacity: 0.25,
    }).addTo(selection);
  }
}

function viewCone(centre, heading, fieldOfView, metres) {
  const points = [centre];
  const steps = 12;
  for (let i = 0; i <= steps; i++) {
    const bearing = ((heading - fieldOfView / 2 + (fieldOfView * i) / steps) * Math.PI) / 180;
    const north = (metres * Math.cos(bearing)) / 111320;
    const east = (metres * Math.sin(bearing)) / (111320 * Math.cos((centre.lat * Math.PI) / 180));
    points.push([centre.lat + north, centre.lng + east]);
  }
  return points;
}

/**
 * Tiles from the configured server when there is one; otherwise, or once tiles fail, the base map that
 * ships with the build, with a coordinate grid over it so distances still read at street level.
 */
function showBackground(tileUrl, attribution) {
  if (!tileUrl) {
    offlineBackground(null);
    return;
  }
  container.dataset.base = 'tiles';
  let failures = 0;
  let loaded = 0;
  const tiles = L.tileLayer(tileUrl, { maxZoom: 19, attribution: attribution || '' }).addTo(map);
  tiles.on('tileload', () => { loaded++; });
  tiles.on('tileerror', () => {
    failures++;
    if (failures === 3 && loaded === 0) {
      map.removeLayer(tiles);
      offlineBackground('Map tiles could not be loaded from the tile server; showing the base map that ships with SafeCity.');
    }
  });
}

function offlineBackground(message) {
  container.classList.add('plain', 'offline-base');
  grid.addTo(map);
  drawGrid();
  map.on('moveend', drawGrid);
  if (message) {
    notice.textContent = message;
    notice.hidden = false;
  }
  drawOfflineBase(map, { pane: 'base', renderer: baseCanvas }).then(({ drawn, layer }) => {
    baseLayer = layer;
    container.dataset.base = drawn;
  });
}

function drawGrid() {
  grid.clearLayers();
  // drawn well past the edges so a pan never shows where the grid stops
  const bounds = map.getBounds().pad(1);
  const zoom = map.getZoom();
  const step = zoom >= 15 ? 0.005 : zoom >= 13 ? 0.02 : zoom >= 11 ? 0.1 : zoom >= 9 ? 0.25 : zoom >= 7 ? 1 : 2;
  const style = { renderer: gridCanvas, color: '#c3ccd6', weight: 1, interactive: false };
  for (let lat = Math.floor(bounds.getSouth() / step) * step; lat <= bounds.getNorth(); lat += step) {
    L.polyline([[lat, bounds.getWest()], [lat, bounds.getEast()]], style).addTo(grid);
  }
  for (let lon = Math.floor(bounds.getWest() / step) * step; lon <= bounds.getEast(); lon += step) {
    L.polyline([[bounds.getSouth(), lon], [bounds.getNorth(), lon]], style).addTo(grid);
  }
}

function fail(error) {
  notice.textContent = `The map could not load its data: ${error.message}`;
  notice.hidden = false;
  container.dataset.loaded = 'error';
}

/** Read-only counts for people and tests checking that what the legend says is what is drawn. */
window.SafeCityMap = Object.freeze({
  camerasDrawn: () => countOnMap(cameraLayer),
  sitesDrawn: () => countOnMap(siteLayer),
  premisesDrawn: () => countOnMap(premisesLayer),
  /** The base map's country outlines drawn (0 with tiles or the grid alone). */
  baseFeaturesDrawn: () => (baseLayer ? baseLayer.getLayers().length : 0),
  /** The base map's colour where a place is drawn, as [r, g, b, a]: what a person sees there under the markers. */
  baseColourAt: (lat, lon) => {
    const drawn = container.querySelector('.leaflet-base-pane canvas');
    if (!drawn) return null;
    const point = map.latLngToContainerPoint([lat, lon]);
    const frame = container.getBoundingClientRect();
    const box = drawn.getBoundingClientRect();
    const scale = drawn.width / box.width;
    const x = Math.round((point.x + frame.left - box.left) * scale);
    const y = Math.round((point.y + frame.top - box.top) * scale);
    return Array.from(drawn.getContext('2d').getImageData(x, y, 1, 1).data);
  },
  /** What the live layers draw now, by layer, after the filters. */
  liveDrawn: () => live?.drawn() ?? {},
  /** Where, in pixels from the map's top left corner, the camera nearest the centre (or the nth nearest) is drawn. */
  // the camera nearest the centre that no marker drawn above cameras (a premises, an alert, a unit...) lies on, so a
  // click there is the camera's; a unit's call sign stands beside its dot, hence the room around each
  cameraNearCentre: (nth = 0) => {
    const centre = map.getSize().divideBy(2);
    const others = [];
    map.eachLayer((layer) => {
      const beneath = [cameraLayer, siteLayer, cityLayer, selection].some((group) => group.hasLayer(layer));
      if (layer.getLatLng && !beneath) others.push(map.latLngToContainerPoint(layer.getLatLng()));
    });
    // and no element above the map's canvas (an alert's picture, a popup) covers it
    const box = container.getBoundingClientRect();
    const uncovered = (point) => document.elementFromPoint(box.left + point.x, box.top + point.y)?.tagName === 'CANVAS';
    const points = cameraLayer.getLayers().map((marker) => map.latLngToContainerPoint(marker.getLatLng()))
      .filter((point) => others.every((other) => other.distanceTo(point) > 48) && uncovered(point));
    points.sort((a, b) => a.distanceTo(centre) - b.distanceTo(centre));
    const point = points[nth];
    return point ? { x: Math.round(point.x), y: Math.round(point.y) } : null;
  },
});

function countOnMap(layer) {
  return layer.getLayers().filter((marker) => map.hasLayer(marker)).length;
}
