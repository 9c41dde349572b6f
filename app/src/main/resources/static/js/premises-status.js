// A premises' compliance status as the console shows it: its order, its colour and its dot on a map, the same on
// every page.
/* global L */
export const PREMISES_STATUSES = ['COMPLIANT', 'NON_COMPLIANT', 'PENDING', 'NOT_REGISTERED'];
export const PREMISES_COLOURS = { COMPLIANT: '#16a34a', NON_COMPLIANT: '#dc2626', PENDING: '#d97706', NOT_REGISTERED: '#6b7280' };

/** A premises of `GET /api/v1/premises/map` as a dot on a map: a ring of its status's colour. */
export function premisesDot(feature, renderer) {
  const [lon, lat] = feature.geometry.coordinates;
  return L.circleMarker([lat, lon], {
    renderer, radius: 5, weight: 2, color: PREMISES_COLOURS[feature.properties.status] ?? '#666', fill: true,
    fillColor: '#ffffff', fillOpacity: 0.8,
  });
}
