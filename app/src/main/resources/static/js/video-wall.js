// The video wall: 1, 4, 9 or 16 live tiles, chosen from the cameras the person may watch. The
// layout and the cameras stay as the operator left them (localStorage), per browser.
import { element, getJson } from './console.js';
import { enlarge, liveTile, shrink } from './video.js';

const SIZES = [1, 4, 9, 16];
const SIZE_KEY = 'safecity.video.size';
const CAMERAS_KEY = 'safecity.video.cameras';
const LISTED_AT_MOST = 150;

const wall = document.getElementById('wall');
const list = document.getElementById('camera-list');
const search = document.getElementById('camera-search');
const hint = document.getElementById('camera-hint');
const notice = document.getElementById('video-notice');
const sizeButtons = [...document.querySelectorAll('.video-sizes button')];

const known = new Map();
const shown = []; // per slot: { cameraId, element, stop }
let size = remembered(SIZE_KEY, (value) => SIZES.includes(value)) ?? 4;
let slots = remembered(CAMERAS_KEY, Array.isArray);
let selected = 0;

function remembered(key, valid) {
  try {
    const value = JSON.parse(localStorage.getItem(key));
    return valid(value) ? value : null;
  } catch {
    return null;
  }
}

function save() {
  localStorage.setItem(SIZE_KEY, JSON.stringify(size));
  localStorage.setItem(CAMERAS_KEY, JSON.stringify(slots));
}

function fail(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}

function render() {
  wall.dataset.size = String(size);
  sizeButtons.forEach((button) => button.setAttribute('aria-pressed', String(Number(button.dataset.size) === size)));
  for (let i = 0; i < SIZES.at(-1); i += 1) {
    const cameraId = i < size ? slots[i] ?? null : undefined;
    if (shown[i] && shown[i].cameraId === cameraId) continue;
    shown[i]?.stop();
    shown[i]?.element.remove();
    shown[i] = cameraId === undefined ? null : cameraId === null ? emptySlot(i) : liveSlot(i, cameraId);
  }
  // Elements are only moved when out of place: a video taken out of the page stops playing.
  shown.slice(0, size).forEach((slot, i) => {
    if (wall.children[i] !== slot.element) wall.insertBefore(slot.element, wall.children[i] ?? null);
    slot.element.classList.toggle('selected', i === selected);
  });
  hint.textContent = selected >= 0 ? `Choose a camera for tile ${selected + 1}.`
    : 'Every tile shows a camera: take one off (×) or choose more tiles to add another.';
}

function liveSlot(index, cameraId) {
  const camera = known.get(cameraId) ?? { cameraId };
  const tile = liveTile(camera, {
    onRemove: () => {
      slots[index] = null;
      selected = index;
      save();
      render();
    },
    onEnlarge: (tile) => enlarge(wall, tile),
  });
  return { cameraId, element: tile.element, stop: tile.stop };
}

function emptySlot(index) {
  const node = element('button', {
    className: 'tile tile-empty', text: 'Empty — choose a camera from the list',
    attributes: { type: 'button', 'data-slot': index },
  });
  node.addEventListener('click', () => {
    selected = index;
    render();
    search.focus();
  });
  return { cameraId: null, element: node, stop: () => {} };
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') shrink(wall);
});

function show(cameraId) {
  if (selected < 0) return;
  slots[selected] = cameraId;
  selected = firstEmpty();
  save();
  render();
}

/** The first tile without a camera, which the next camera picked goes to; -1 when the wall is full. */
function firstEmpty() {
  return slots.slice(0, size).findIndex((id) => id == null);
}

/** Recording cameras first: those are the ones with a picture to show. */
function byRecording(cameras) {
  return [...cameras].sort((a, b) => Number(b.recording) - Number(a.recording));
}

function listCameras(found) {
  const cameras = byRecording(found);
  list.replaceChildren(...cameras.slice(0, LISTED_AT_MOST).map((camera) => {
    const pick = element('button', {
      className: 'camera-pick', attributes: { type: 'button', 'data-camera-id': camera.cameraId },
    }, element('span', { className: 'dot', attributes: { 'data-online': String(camera.online), 'aria-hidden': 'true' } }),
    element('span', { className: 'camera-name', text: camera.name }),
    element('span', { className: 'muted camera-site', text: [camera.siteName, camera.zoneCode].filter(Boolean).join(' · ') }),
    camera.recording ? null : element('span', { className: 'muted', text: 'not recording' }));
    pick.addEventListener('click', () => show(camera.cameraId));
    return element('li', {}, pick);
  }));
  if (cameras.length > LISTED_AT_MOST) {
    list.append(element('li', { className: 'muted', text: `${cameras.length - LISTED_AT_MOST} more: type to narrow the list.` }));
  }
  if (cameras.length === 0) list.append(element('li', { className: 'muted', text: 'No camera with video matches.' }));
}

let typing = null;
search.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(async () => {
    try {
      const q = search.value.trim();
      const found = await getJson(`/api/v1/video/cameras${q ? `?q=${encodeURIComponent(q)}` : ''}`);
      found.items.forEach((camera) => known.set(camera.cameraId, camera));
      listCameras(found.items);
    } catch (error) {
      fail(error);
    }
  }, 250);
});

/**
 * A larger layout fills its empty tiles with recording cameras not yet on the wall, so 9 or 16 tiles
 * show as many pictures as there are; a camera without a recording has no picture to show, so a tile
 * stays empty (to be chosen) rather than say "no live stream".
 */
function fillEmpty(upTo) {
  const onWall = new Set(slots.slice(0, upTo).filter((id) => id != null));
  const spare = byRecording([...known.values()]).filter((c) => c.recording && !onWall.has(c.cameraId)).map((c) => c.cameraId);
  for (let i = 0; i < upTo && spare.length; i += 1) {
    if (slots[i] == null) slots[i] = spare.shift();
  }
}

sizeButtons.forEach((button) => button.addEventListener('click', () => {
  const before = size;
  size = Number(button.dataset.size);
  if (size > before) fillEmpty(size);
  selected = firstEmpty();
  save();
  render();
}));

async function start() {
  const cameras = await getJson('/api/v1/video/cameras');
  cameras.items.forEach((camera) => known.set(camera.cameraId, camera));
  listCameras(cameras.items);
  if (slots) {
    // a camera the person may no longer watch leaves the wall
    slots = Array.from({ length: SIZES.at(-1) }, (_, i) => (known.has(slots[i]) ? slots[i] : null));
  } else {
    // a first visit shows the cameras that are recording, so the wall is not empty
    const first = byRecording(cameras.items).filter((c) => c.recording).map((c) => c.cameraId);
    slots = Array.from({ length: SIZES.at(-1) }, (_, i) => (i < size ? first[i] ?? null : null));
  }
  selected = firstEmpty();
  save();
  render();
}

start().catch(fail).finally(() => { wall.dataset.loaded = 'true'; });
