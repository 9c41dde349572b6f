// Writes the offline base map of the operations map (app/src/main/resources/static/img/basemap/region.geojson) from
// Natural Earth's 1:10m countries, as redistributed in the world-atlas package: Pakistan and its
// neighbours, cut to the region around Khyber Pakhtunkhwa, coordinates to 4 decimals (about 11 m).
// Run `npm ci && node make.js` here after changing the region or the package's version; the output is
// committed, so that the build needs no network and the map no tile server.
'use strict';
const fs = require('fs');
const path = require('path');

const REGION = { west: 58, south: 22, east: 82, north: 40 };
const HOME = 'Pakistan';
const topology = JSON.parse(fs.readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const [sx, sy] = topology.transform.scale;
const [tx, ty] = topology.transform.translate;

// TopoJSON arcs are quantised and delta-encoded; a negative index walks an arc backwards.
const arcs = topology.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});
function ring(indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

const inside = ([x, y], edge) => (edge === 0 ? x >= REGION.west : edge === 1 ? x <= REGION.east
  : edge === 2 ? y >= REGION.south : y <= REGION.north);
function crossing([ax, ay], [bx, by], edge) {
  if (edge < 2) {
    const x = edge === 0 ? REGION.west : REGION.east;
    return [x, ay + ((by - ay) * (x - ax)) / (bx - ax)];
  }
  const y = edge === 2 ? REGION.south : REGION.north;
  return [ax + ((bx - ax) * (y - ay)) / (by - ay), y];
}
/** Sutherland-Hodgman against the region's rectangle: a country's outline cut where the region ends. */
function clip(points) {
  let out = points;
  for (let edge = 0; edge < 4 && out.length; edge++) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current, edge)) {
        if (!inside(previous, edge)) out.push(crossing(previous, current, edge));
        out.push(current);
      } else if (inside(previous, edge)) {
        out.push(crossing(previous, current, edge));
      }
    }
  }
  const rounded = out.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
  if (rounded.length < 3) return null;
  rounded.push(rounded[0]);
  return rounded;
}

const features = [];
for (const geometry of topology.objects.countries.geometries) {
  const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
  const kept = [];
  for (const polygon of polygons) {
    const rings = polygon.map((indexes) => clip(ring(indexes)));
    if (rings[0]) kept.push(rings.filter(Boolean));
  }
  if (!kept.length) continue;
  const name = geometry.properties.name;
  features.push({ type: 'Feature', properties: { name, home: name === HOME },
    geometry: { type: 'MultiPolygon', coordinates: kept } });
}
features.sort((a, b) => Number(a.properties.home) - Number(b.properties.home) || a.properties.name.localeCompare(b.properties.name));
const version = JSON.parse(fs.readFileSync(require.resolve('world-atlas/package.json'), 'utf8')).version;
const out = { type: 'FeatureCollection',
  source: `Natural Earth 1:10m countries (public domain), version 4.1.0, from world-atlas ${version}`,
  region: REGION, features };
const target = path.join(__dirname, '../../app/src/main/resources/static/img/basemap/region.geojson');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`${features.length} countries, ${fs.statSync(target).size} bytes: ${features.map((f) => f.properties.name).join(', ')}`);
