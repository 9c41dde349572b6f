// A camera's analytics settings: which analysers run and how often, and the regions of interest,
// lines and zones drawn with the mouse on the camera's latest picture, saved through the vision API.
// Points are fractions of the picture (0 to 1), as the API keeps them. Also shows the analysis status.
import { element, formatDateTime, getJson, send, showNotFound } from './console.js';

const STATUS_EVERY_MS = 5_000;
const SVG = 'http://www.w3.org/2000/svg';

const page = document.getElementById('analytics');
const cameraId = page.dataset.cameraId;
const mayChange = page.dataset.mayChange === 'true';
const api = `/api/v1/cameras/${cameraId}/analytics`;
const notice = document.getElementById('analytics-notice');
const form = document.getElementById('analysers');
const svg = document.getElementById('drawing');
const snapshot = document.getElementById('snapshot');
const surface = document.getElementById('draw-surface');
const shapeList = document.getElementById('shapes');
const hint = document.getElementById('draw-hint');
const finishButton = document.getElementById('finish-shape');
const cancelButton = document.getElementById('cancel-shape');
const toolButtons = [...document.querySelectorAll('[data-tool]')];

let settings = { regions: [], lines: [], zones: [] };
let tool = null;
let corners = []; // the shape being drawn
let aspect = 9 / 16;

function tell(text, kind = 'info') {
  notice.textContent = text;
  notice.className = `notice notice-${kind}`;
  notice.hidden = !text;
}

// The drawing's coordinates: x from 0 to 1000, y from 0 to 1000 × the picture's height / width.
const toSvg = ([x, y]) => [x * 1000, y * 1000 * aspect];

function fraction(event) {
  const box = svg.getBoundingClientRect();
  const clamp = (v) => Math.min(1, Math.max(0, Math.round(v * 1000) / 1000));
  return [clamp((event.clientX - box.left) / box.width), clamp((event.clientY - box.top) / box.height)];
}

function svgElement(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function points(list) {
  return list.map((p) => toSvg(p).join(',')).join(' ');
}

function label(text, [x, y]) {
  const node = svgElement('text', { x: x + 6, y: y - 6, class: 'shape-label' });
  node.textContent = text;
  return node;
}

function draw() {
  drawPicture();
  listShapes();
}

/** The shapes on the picture only: the list beside it keeps its inputs (and their focus) while one is edited. */
function drawPicture() {
  svg.setAttribute('viewBox', `0 0 1000 ${1000 * aspect}`);
  svg.replaceChildren();
  settings.regions.forEach((region, i) => {
    svg.append(svgElement('polygon', { points: points(region), class: 'shape-region', 'data-kind': 'region', 'data-index': i }));
    svg.append(label(`Region ${i + 1}`, toSvg(region[0])));
  });
  settings.zones.forEach((zone, i) => {
    svg.append(svgElement('polygon', { points: points(zone.polygon), class: 'shape-zone', 'data-kind': 'zone', 'data-index': i }));
    svg.append(label(zone.name, toSvg(zone.polygon[0])));
  });
  settings.lines.forEach((line, i) => {
    const [x1, y1] = toSvg(line.from);
    const [x2, y2] = toSvg(line.to);
    svg.append(svgElement('line', { x1, y1, x2, y2, class: 'shape-line', 'data-kind': 'line', 'data-index': i }));
    // the direction named "direction" is crossing from the line's left to its right, seen from its start
    svg.append(svgElement('circle', { cx: x1, cy: y1, r: 6, class: 'shape-line-start' }));
    svg.append(label(`${line.name} (${line.direction})`, [x1, y1]));
  });
  if (corners.length) {
    const drawn = corners.map(toSvg);
    svg.append(svgElement('polyline', { points: drawn.map((p) => p.join(',')).join(' '), class: 'shape-drawing' }));
    drawn.forEach(([cx, cy]) => svg.append(svgElement('circle', { cx, cy, r: 5, class: 'shape-corner' })));
  }
}

function choose(next) {
  tool = tool === next ? null : next;
  corners = [];
  toolButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === tool)));
  surface.classList.toggle('drawing', tool != null);
  updateButtons();
  draw();
}

function updateButtons() {
  finishButton.disabled = !(tool === 'region' || tool === 'zone') || corners.length < 3;
  cancelButton.disabled = corners.length === 0;
  hint.dataset.corners = String(corners.length);
}

function uniqueName(prefix) {
  const taken = new Set([...settings.lines, ...settings.zones].map((s) => s.name));
  let n = 1;
  while (taken.has(`${prefix} ${n}`)) n += 1;
  return `${prefix} ${n}`;
}

function finish() {
  if (corners.length < 3) return;
  if (tool === 'region') settings.regions.push(corners);
  if (tool === 'zone') settings.zones.push({ name: uniqueName('Zone'), polygon: corners, rules: [] });
  corners = [];
  updateButtons();
  draw();
}

svg.addEventListener('click', (event) => {
  if (!tool || !mayChange) return;
  corners.push(fraction(event));
  if (tool === 'line' && corners.length === 2) {
    const [from, to] = corners;
    corners = [];
    if (from[0] !== to[0] || from[1] !== to[1]) {
      settings.lines.push({ name: uniqueName('Line'), from, to, direction: 'inbound', opposite: 'outbound', rules: [{ type: 'count' }] });
    }
  }
  updateButtons();
  draw();
});
svg.addEventListener('dblclick', (event) => {
  event.preventDefault();
  // a double click also gave two clicks: the second put a corner on the first
  if (corners.length > 3) corners.pop();
  finish();
});
finishButton.addEventListener('click', finish);
cancelButton.addEventListener('click', () => { corners = []; updateButtons(); draw(); });
toolButtons.forEach((b) => b.addEventListener('click', () => choose(b.dataset.tool)));

function ruleOf(shape, type) {
  return shape.rules.find((r) => r.type === type);
}

function setRule(shape, type, rule) {
  shape.rules = shape.rules.filter((r) => r.type !== type);
  if (rule) shape.rules.push(rule);
}

function textInput(labelText, value, onChange, name) {
  const input = element('input', { attributes: { type: 'text', value, name, maxlength: '60' } });
  input.addEventListener('change', () => { onChange(input.value.trim()); drawPicture(); });
  return element('label', { text: labelText }, input);
}

function numberInput(labelText, value, onChange, name) {
  const input = element('input', { attributes: { type: 'number', min: '1', step: '1', value: value ?? '', name, placeholder: 'off' } });
  input.addEventListener('change', () => onChange(input.value === '' ? null : Number(input.value)));
  return element('label', { text: labelText }, input);
}

function checkbox(labelText, checked, onChange, name) {
  const input = element('input', { attributes: { type: 'checkbox', name } });
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return element('label', { className: 'check' }, input, ` ${labelText}`);
}

function removeButton(what, remove) {
  const button = element('button', { className: 'button-quiet', text: 'Remove', attributes: { type: 'button', 'aria-label': `Remove ${what}` } });
  button.addEventListener('click', () => { remove(); draw(); });
  return button;
}

function listShapes() {
  const items = [];
  settings.regions.forEach((region, i) => items.push(element('li', { attributes: { 'data-kind': 'region' } },
    element('strong', { text: `Region ${i + 1}` }), element('span', { className: 'muted', text: ` ${region.length} corners ` }),
    removeButton(`region ${i + 1}`, () => settings.regions.splice(i, 1)))));
  settings.lines.forEach((line, i) => items.push(element('li', { className: 'stack', attributes: { 'data-kind': 'line' } },
    textInput('Line name', line.name, (v) => { line.name = v; }, 'line-name'),
    textInput('Crossing left to right is', line.direction, (v) => { line.direction = v; }, 'line-direction'),
    textInput('The other way is', line.opposite, (v) => { line.opposite = v; }, 'line-opposite'),
    checkbox('Count crossings', Boolean(ruleOf(line, 'count')), (on) => setRule(line, 'count', on && { type: 'count' }), 'rule-count'),
    checkbox('Alert on wrong way', Boolean(ruleOf(line, 'wrong_way')), (on) => setRule(line, 'wrong_way', on && { type: 'wrong_way' }), 'rule-wrong-way'),
    removeButton(line.name, () => settings.lines.splice(i, 1)))));
  settings.zones.forEach((zone, i) => items.push(element('li', { className: 'stack', attributes: { 'data-kind': 'zone' } },
    textInput('Zone name', zone.name, (v) => { zone.name = v; }, 'zone-name'),
    numberInput('Loitering after seconds', ruleOf(zone, 'loitering')?.seconds,
      (v) => setRule(zone, 'loitering', v && { type: 'loitering', seconds: v }), 'rule-loitering'),
    numberInput('Crowding at people', ruleOf(zone, 'crowding')?.people,
      (v) => setRule(zone, 'crowding', v && { type: 'crowding', people: v }), 'rule-crowding'),
    removeButton(zone.name, () => settings.zones.splice(i, 1)))));
  if (!items.length) items.push(element('li', { className: 'muted', text: 'Nothing drawn: the whole picture is watched.' }));
  shapeList.replaceChildren(...items);
}

function show(loaded) {
  settings = { regions: loaded.regions, lines: loaded.lines, zones: loaded.zones };
  form.elements.plates.checked = loaded.plates;
  form.elements.faces.checked = loaded.faces;
  form.elements.objects.checked = loaded.objects;
  form.elements.framesPerSecond.value = loaded.framesPerSecond;
  document.getElementById('changed').textContent = loaded.changedBy
    ? `Last changed by ${loaded.changedBy}, ${formatDateTime(loaded.changedAt)}` : 'Never set: nothing is analysed.';
  draw();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const saved = await send('PUT', api, {
      json: {
        plates: form.elements.plates.checked, faces: form.elements.faces.checked, objects: form.elements.objects.checked,
        framesPerSecond: Number(form.elements.framesPerSecond.value), ...settings,
      },
    });
    show(saved);
    refreshStatus();
    tell('Saved. The camera\'s analysis follows the new settings within seconds.');
    page.dataset.saved = String(Number(page.dataset.saved ?? 0) + 1);
  } catch (error) {
    const fields = error.problem?.errors?.map((e) => `${e.field} ${e.problem}`).join('; ');
    tell(fields ? `${error.message} ${fields}` : error.message, 'error');
  }
});

const STATUS_FACTS = [
  ['node', 'On instance', (v) => v],
  ['analysing', 'Analysing', (v) => (v ? 'yes' : 'no')],
  ['keepingUp', 'Keeping up', (v) => (v == null ? '—' : v ? 'yes' : 'no: frames are skipped or analysis is slower than the frame rate')],
  ['framesReceived', 'Frames received', (v) => v],
  ['framesSkipped', 'Frames skipped (busy)', (v) => v],
  ['recentSkippedShare', 'Recently skipped', (v) => (v == null ? '—' : `${Math.round(v * 100)} %`)],
  ['framesAnalysed', 'Frames analysed', (v) => v],
  ['lastAnalysedAt', 'Last frame analysed', (v) => (v ? formatDateTime(v) : '—')],
  ['lastAnalysisMillis', 'Time per frame', (v) => (v == null ? '—' : `${v} ms`)],
  ['plateReads', 'Plate reads', (v) => v],
  ['lastError', 'Last problem', (v) => v ?? 'none'],
];

async function refreshStatus() {
  try {
    const status = await getJson(`${api}/status`);
    document.getElementById('status').replaceChildren(...STATUS_FACTS.flatMap(([key, words, format]) => [
      element('dt', { text: words }), element('dd', { text: String(format(status[key])), attributes: { 'data-fact': key } })]));
  } catch (error) {
    document.getElementById('status').replaceChildren(element('dd', { text: error.message }));
  }
}

function pictured() {
  aspect = snapshot.naturalHeight / snapshot.naturalWidth;
  draw();
}

function noPicture() {
  snapshot.hidden = true;
  surface.classList.add('no-picture');
  page.dataset.picture = 'none';
  hint.textContent = `${hint.textContent} The camera has no recent picture: draw on the blank frame (16:9).`;
}

// The camera as the registry's API shows it to this person: one outside the person's jurisdiction is not found.
const camera = await getJson(`/api/v1/cameras/${cameraId}`).catch(() => null);
if (camera) {
  document.getElementById('camera-title').textContent = `Analytics of ${camera.name}`;
  document.getElementById('camera-place').textContent = `${camera.siteName} · ${camera.cityCode}`;
  snapshot.src = `/api/v1/cameras/${cameraId}/snapshot.jpg`;
  await run();
} else {
  showNotFound(page, 'This page does not exist, or the camera is outside your jurisdiction.', { text: 'Back to the map', href: '/map' });
}

async function run() {
  // the drawing surface takes the picture's shape (or the blank frame's) before anything is drawn on it
  await new Promise((resolve) => {
    if (snapshot.complete) resolve();
    snapshot.addEventListener('load', resolve, { once: true });
    snapshot.addEventListener('error', resolve, { once: true });
  });
  if (snapshot.naturalWidth) pictured(); else noPicture();

  if (!mayChange) {
    toolButtons.concat([finishButton, cancelButton, document.getElementById('save')]).forEach((b) => { b.disabled = true; });
    form.querySelectorAll('input').forEach((input) => { input.disabled = true; });
  }

  try {
    show(await getJson(api));
    page.dataset.loaded = 'true';
  } catch (error) {
    tell(error.message, 'error');
  }
  refreshStatus();
  setInterval(refreshStatus, STATUS_EVERY_MS);
}
