// Vehicle search: a plate's sightings in time order, drawn as a route on the map. The search states
// its purpose, which the server records with the person's name.
import { element, formatDateTime, getJson } from './console.js';
import { fromTimeField } from './time.js';
import { playbackHref } from './video.js';

const container = document.getElementById('route-map');
const form = document.getElementById('vehicle-search');
const list = document.getElementById('route-list');
const notice = document.getElementById('search-notice');

const map = L.map(container, { minZoom: 5, maxZoom: 19 }).setView([34.0, 71.6], 9);
L.control.scale({ imperial: false }).addTo(map);
map.attributionControl.setPrefix('Leaflet');
if (container.dataset.tileUrl) {
  L.tileLayer(container.dataset.tileUrl, { maxZoom: 19, attribution: container.dataset.tileAttribution || '' }).addTo(map);
} else {
  container.classList.add('plain');
}
const route = L.layerGroup().addTo(map);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  search().catch((error) => {
    notice.textContent = error.message;
    notice.hidden = false;
    container.dataset.loaded = 'true';
  });
});

/** People type Pakistan time in the console's one format (time.js); what is not a time is left out. */
function utc(local) {
  const ms = fromTimeField(local);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

async function search() {
  notice.hidden = true;
  container.dataset.loaded = 'false';
  const fields = new FormData(form);
  const query = new URLSearchParams({ plate: fields.get('plate'), purpose: fields.get('purpose') });
  if (fields.get('fuzzy')) query.set('fuzzy', 'true');
  const from = utc(fields.get('from'));
  const to = utc(fields.get('to'));
  if (from) query.set('from', from);
  if (to) query.set('to', to);
  const found = await getJson(`/api/v1/sightings/route?${query}`);
  draw(found.points);
}

function draw(points) {
  route.clearLayers();
  list.replaceChildren();
  const placed = points.filter((p) => p.lat != null && p.lon != null);
  if (placed.length) {
    const line = L.polyline(placed.map((p) => [p.lat, p.lon]), { color: '#1565c0', weight: 4, opacity: 0.8 }).addTo(route);
    placed.forEach((p, i) => {
      L.circleMarker([p.lat, p.lon], { radius: i === placed.length - 1 ? 9 : 6, color: '#0d3c73', fillOpacity: 0.9 })
        .bindTooltip(`${i + 1}. ${p.siteName ?? `Camera ${p.cameraId}`} · ${formatDateTime(p.observedAt)}`)
        .addTo(route);
    });
    map.fitBounds(line.getBounds().pad(0.3), { maxZoom: 16 });
  }
  for (const p of points) {
    list.append(element('li', {}, element('strong', { text: formatDateTime(p.observedAt) }),
      element('span', { text: ` ${p.siteName ?? `Camera ${p.cameraId}`} · read ${p.plateRead} ` }),
      element('a', { className: 'video-link', text: 'Video', attributes: { href: playbackHref(p.cameraId, p.observedAt) } })));
  }
  if (!points.length) list.append(element('li', { className: 'muted', text: 'No sightings in this time range.' }));
  container.dataset.points = String(points.length);
  container.dataset.loaded = 'true';
}
