// The call-taker's form: who calls, what happened, where (a click on the map, with the address
// and landmark as told); a call about an incident already open is attached to it instead.

import { getJson, postJson, element, formatTime } from './console.js';
import { makeMap, dot, PESHAWAR } from './emergency-map.js';

const page = document.getElementById('call-taker');
const form = document.getElementById('call-form');
const notice = document.getElementById('call-notice');
const map = makeMap(document.getElementById('call-map'), PESHAWAR, 13);
let marker = null;
let open = [];
const landmarks = new Map();

function show(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}

function point() {
  const lat = Number.parseFloat(form.elements.lat.value);
  const lon = Number.parseFloat(form.elements.lon.value);
  return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
}

function metres(a, b) {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371008.8;
}

function placeMarker() {
  const p = point();
  if (!p) return;
  if (marker) marker.remove();
  marker = dot([p.lat, p.lon], 'incident', 10).addTo(map);
  showNearby();
}

function showNearby() {
  const p = point();
  const type = form.elements.type.value;
  const list = document.getElementById('nearby-incidents');
  const near = p ? open.map((i) => ({ ...i, distance: metres(p, i.location) }))
    .filter((i) => i.distance <= 1000).sort((a, b) => (a.type === type ? 0 : 1) - (b.type === type ? 0 : 1) || a.distance - b.distance) : [];
  list.replaceChildren(...near.map((i) => {
    const attach = element('button', { className: 'button-quiet', text: 'Attach this call', attributes: { type: 'button' } });
    attach.addEventListener('click', () => attachTo(i.id));
    return element('li', { attributes: { 'data-incident-id': i.id } },
      element('span', { className: 'grow', text: `#${i.id} ${i.typeName} · ${i.description} · ${Math.round(i.distance)} m · ${formatTime(i.openedAt)}` }),
      attach);
  }));
  if (near.length === 0) {
    list.append(element('li', { className: 'muted', text: p ? 'No open incident within 1 km.' : 'Set the point to see open incidents nearby.' }));
  }
}

function caller() {
  return { name: form.elements.callerName.value || null, number: form.elements.callerNumber.value || null };
}

async function attachTo(id) {
  try {
    await postJson(`/api/v1/incidents/${id}/calls`, { caller: caller(), note: form.elements.description.value || null });
    window.location.assign(`/incidents/${id}`);
  } catch (error) {
    show(error);
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const p = point();
  try {
    const created = await postJson('/api/v1/incidents', {
      type: form.elements.type.value,
      priority: form.elements.priority.value || null,
      location: p,
      address: form.elements.address.value || null,
      landmark: form.elements.landmark.value || null,
      description: form.elements.description.value,
      caller: caller(),
    });
    window.location.assign(`/incidents/${created.id}`);
  } catch (error) {
    show(error);
  }
});

map.on('click', (event) => {
  form.elements.lat.value = event.latlng.lat.toFixed(6);
  form.elements.lon.value = event.latlng.lng.toFixed(6);
  placeMarker();
});
form.elements.lat.addEventListener('change', placeMarker);
form.elements.lon.addEventListener('change', placeMarker);
form.elements.type.addEventListener('change', showNearby);
form.elements.landmark.addEventListener('change', () => {
  const place = landmarks.get(form.elements.landmark.value.trim().toLowerCase());
  if (!place) return;
  form.elements.lat.value = place.lat.toFixed(6);
  form.elements.lon.value = place.lon.toFixed(6);
  placeMarker();
  map.setView([place.lat, place.lon], 16);
});

/** The camera network's sites (bazaars, junctions, hospitals) are the landmarks callers name. */
async function loadLandmarks() {
  const sites = await getJson('/api/v1/sites.geojson').catch(() => ({ features: [] }));
  const options = [];
  for (const feature of sites.features || []) {
    const name = feature.properties?.name;
    const [lon, lat] = feature.geometry?.coordinates || [];
    if (name && Number.isFinite(lat) && Number.isFinite(lon)) {
      landmarks.set(name.toLowerCase(), { lat, lon });
      options.push(element('option', { attributes: { value: name } }));
      // The sites also give the map its bearings when no tile server is set.
      L.circleMarker([lat, lon], { radius: 3, color: '#7b8794', weight: 1, fillOpacity: 0.6 }).bindTooltip(name).addTo(map)
        .on('click', () => {
          form.elements.landmark.value = name;
          form.elements.lat.value = lat.toFixed(6);
          form.elements.lon.value = lon.toFixed(6);
          placeMarker();
        });
    }
  }
  document.getElementById('landmarks').replaceChildren(...options);
}

async function start() {
  try {
    const [types, incidents] = await Promise.all([getJson('/api/v1/incident-types'), getJson('/api/v1/incidents')]);
    form.elements.type.replaceChildren(...types.filter((t) => t.active).map((t) =>
      element('option', { text: `${t.name} (${t.defaultPriority})`, attributes: { value: t.code } })));
    open = incidents;
    showNearby();
    await loadLandmarks();
  } catch (error) {
    show(error);
  } finally {
    page.dataset.loaded = 'true';
  }
}

start();
