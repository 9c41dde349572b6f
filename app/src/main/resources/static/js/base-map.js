// The base map that ships with the build: Natural Earth's countries around the province, drawn as vectors, so a
// map shows where it is with nothing fetched from outside. Resolves 'offline' once drawn, 'grid' when the file could
// not be read (the markers stand on their own then).
export const BASE_MAP = '/img/basemap/region.geojson';
export const BASE_ATTRIBUTION = 'Base map: <a href="https://www.naturalearthdata.com/">Natural Earth</a> (public domain)';

export async function drawOfflineBase(map, options = {}) {
  try {
    const answer = await fetch(BASE_MAP);
    if (!answer.ok) throw new Error(`${answer.status}`);
    const collection = await answer.json();
    const layer = L.geoJSON(collection, {
      ...options, interactive: false,
      style: (feature) => (feature.properties.home
        ? { color: '#8c8478', weight: 1.2, fillColor: '#f6f3ec', fillOpacity: 1 }
        : { color: '#a9a49b', weight: 0.8, fillColor: '#e4e1d9', fillOpacity: 1 }),
    }).addTo(map);
    map.attributionControl.addAttribution(BASE_ATTRIBUTION);
    return { drawn: 'offline', layer };
  } catch {
    return { drawn: 'grid', layer: null };
  }
}
