// The maps of the emergency pages: Leaflet with the Authority's tile server when one is set,
// otherwise a plain background on which incidents, units and cameras are still drawn.

/* global L */

export const PESHAWAR = [34.008, 71.5785];

export function makeMap(element, centre = PESHAWAR, zoom = 14) {
  const map = L.map(element, { preferCanvas: true, zoomControl: true }).setView(centre, zoom);
  const url = element.dataset.tileUrl;
  if (url) {
    L.tileLayer(url, { attribution: element.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  return map;
}

const COLOURS = {
  incident: '#c0392b', cameraFacing: '#1e8e4f', camera: '#2f6fbd', unit: '#183450', unitBusy: '#b7791f', recommended: '#7d55c7',
};

export function dot(latLng, kind, radius = 7) {
  const colour = COLOURS[kind] || '#14202e';
  return L.circleMarker(latLng, { radius, color: colour, weight: 2, fillColor: colour, fillOpacity: 0.75 });
}

/** A live stream of incident changes; calls {@code onChange(incidentId)} and shows whether it is live. */
export function listen(onChange, indicator) {
  const source = new EventSource('/api/v1/incidents/stream');
  source.addEventListener('hello', () => {
    if (indicator) { indicator.textContent = 'live'; indicator.classList.add('on'); }
  });
  source.addEventListener('incident', (event) => onChange(JSON.parse(event.data)));
  source.onerror = () => {
    if (indicator) { indicator.textContent = 'reconnecting…'; indicator.classList.remove('on'); }
  };
  return source;
}

export function priorityBadge(priority) {
  const badge = document.createElement('span');
  badge.className = `badge priority-${priority}`;
  badge.textContent = priority;
  return badge;
}
