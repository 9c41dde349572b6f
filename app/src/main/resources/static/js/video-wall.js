// The video wall: 1, 4, 9 or 16 live tiles a screen, on one screen or two, saved on the server as the
// person's layouts (/api/v1/wall-layouts). A tile shows a camera, cycles through a camera group, or
// offers the cameras and groups to choose from. A layout's second screen opens as a window of its own
// (this page with ?layout=…&screen=2); the windows tell each other every change (BroadcastChannel),
// and sequences follow the clock, so both screens move in step.
import { csrfHeader, element, getJson, send } from './console.js';
import { enlarge, liveTile, shrink } from './video.js';

const SIZES = [1, 4, 9, 16];
const LISTED_AT_MOST = 150;
const OFFERED_AT_MOST = 300;
const SAVE_AFTER_MS = 300;
const LAST_LAYOUT_KEY = 'safecity.video.layout';
// what the wall kept in this browser before layouts were saved on the server: the first layout starts from it
const OLD_SIZE_KEY = 'safecity.video.size';
const OLD_CAMERAS_KEY = 'safecity.video.cameras';

const params = new URLSearchParams(window.location.search);
const screen = params.get('screen') === '2' ? 2 : 1;

const page = document.querySelector('.video-page');
const wall = document.getElementById('wall');
const list = document.getElementById('camera-list');
const search = document.getElementById('camera-search');
const hint = document.getElementById('camera-hint');
const notice = document.getElementById('video-notice');
const sizeButtons = [...document.querySelectorAll('.video-sizes button')];
const layoutSelect = document.getElementById('layout-select');
const layoutForm = document.getElementById('layout-form');
const layoutDelete = document.getElementById('layout-delete');
const screensBox = document.getElementById('layout-screens');
const openSecond = document.getElementById('open-second');
const groupList = document.getElementById('group-list');
const groupForm = document.getElementById('group-form');
const secondsSelect = document.getElementById('sequence-seconds');
const sequenceStop = document.getElementById('sequence-stop');
const wallStatus = document.getElementById('wall-status');

const known = new Map(); // cameraId -> the video API's camera
const groups = new Map(); // groupId -> group, with .members (camera ids the person may watch) once resolved
let layouts = [];
let layout = null; // the layout on the wall: { id, name, size, screens, tiles, sequence }
const shown = []; // per tile of this screen: { key, element, stop }
let selected = -1; // index into layout.tiles
let saving = null;
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('safecity-wall') : null;

function fail(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}

function clearNotice() {
  notice.hidden = true;
}

/** The tiles of this window's screen: indices into layout.tiles. */
function ownIndices() {
  const start = (screen - 1) * layout.size;
  return Array.from({ length: layout.size }, (_, i) => start + i);
}

function cameraOf(tile) {
  return tile && tile.cameraId != null ? tile.cameraId : null;
}

// ---- saving, and keeping the other window in step

function changed() {
  render();
  channel?.postMessage({ kind: 'layout', layout });
  clearTimeout(saving);
  // what is saved is the layout as it is then, with whatever the other window has told meanwhile
  saving = setTimeout(() => {
    saving = null;
    save(layout).catch(fail);
  }, SAVE_AFTER_MS);
}

async function save(which) {
  const saved = await send('PUT', `/api/v1/wall-layouts/${which.id}`, { json: body(which) });
  layouts = layouts.map((l) => (l.id === saved.id ? saved : l));
  wallStatus.textContent = 'Saved';
  wallStatus.dataset.savedAt = saved.updatedAt;
}

// a change still waiting to be saved is sent as the page goes (a refresh, a closed window): the wall opens as it was left
window.addEventListener('pagehide', () => {
  if (!saving || !layout) return;
  clearTimeout(saving);
  saving = null;
  fetch(`/api/v1/wall-layouts/${layout.id}`, {
    method: 'PUT', keepalive: true, credentials: 'same-origin', body: JSON.stringify(body(layout)),
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrfHeader() },
  });
});

function body(l) {
  return { name: l.name, size: l.size, screens: l.screens, tiles: l.tiles, sequence: l.sequence };
}

channel?.addEventListener('message', (event) => {
  const message = event.data;
  if (message.kind === 'layout' && layout && message.layout.id === layout.id) {
    layout = message.layout;
    selected = Math.min(selected, layout.tiles.length - 1);
    render();
  } else if (message.kind === 'groups') {
    loadGroups().then(render).catch(fail);
  } else if (message.kind === 'switch' && screen === 2 && layout && message.from === layout.id) {
    useLayout(message.to);
  }
});

// ---- tiles

/** What a tile shows right now, as a key: a tile whose key is unchanged is left playing. */
function current(index) {
  const tile = layout.tiles[index];
  if (layout.sequence) {
    const members = groups.get(layout.sequence.groupId)?.members;
    if (!members) return { key: `wait:${layout.sequence.groupId}`, kind: 'waiting' };
    if (members.length === 0) return { key: 'wall-sequence-empty', kind: 'note', text: 'The group has no camera you may watch.' };
    const perPage = layout.size * layout.screens;
    const pages = Math.ceil(members.length / perPage);
    const step = Math.floor(Date.now() / (layout.sequence.seconds * 1000)) % pages;
    const cameraId = members[step * perPage + index];
    return cameraId == null ? { key: `past-end:${index}`, kind: 'note', text: '—' }
      : { key: `camera:${cameraId}:wall`, kind: 'camera', cameraId, sequence: layout.sequence, step, of: pages };
  }
  if (tile?.groupId != null) {
    const group = groups.get(tile.groupId);
    if (!group) return { key: `gone:${tile.groupId}`, kind: 'offer', note: 'That camera group is gone.' };
    if (!group.members) return { key: `wait:${tile.groupId}`, kind: 'waiting' };
    if (group.members.length === 0) return { key: `no-members:${tile.groupId}`, kind: 'offer', note: `${group.name} has no camera you may watch.` };
    const step = Math.floor(Date.now() / (tile.seconds * 1000)) % group.members.length;
    const cameraId = group.members[step];
    return { key: `camera:${cameraId}:seq:${tile.groupId}`, kind: 'camera', cameraId, sequence: tile, step, of: group.members.length };
  }
  const cameraId = cameraOf(tile);
  if (cameraId == null) return { key: 'offer', kind: 'offer' };
  if (!known.has(cameraId)) return { key: `unknown:${cameraId}`, kind: 'offer', note: `Camera ${cameraId} is not one you may watch now.` };
  return { key: `camera:${cameraId}`, kind: 'camera', cameraId };
}

function render() {
  if (!layout) return;
  page.dataset.screen = String(screen);
  wall.dataset.size = String(layout.size);
  wall.dataset.layoutId = String(layout.id);
  wall.dataset.screens = String(layout.screens);
  wall.dataset.sequence = layout.sequence ? String(layout.sequence.groupId) : '';
  sizeButtons.forEach((button) => button.setAttribute('aria-pressed', String(Number(button.dataset.size) === layout.size)));
  screensBox.checked = layout.screens === 2;
  openSecond.hidden = layout.screens !== 2 || screen === 2;
  sequenceStop.hidden = !layout.sequence;
  layoutSelect.value = String(layout.id);

  if (screen > layout.screens) {
    shown.splice(0).forEach((slot) => { slot?.stop(); slot?.element.remove(); });
    wall.replaceChildren(element('p', { className: 'tile-message', text: `${layout.name} has no second screen now.` }));
    return;
  }
  wall.querySelectorAll(':scope > p.tile-message').forEach((p) => p.remove());
  const indices = ownIndices();
  for (let i = 0; i < SIZES.at(-1); i += 1) {
    const now = i < indices.length ? current(indices[i]) : null;
    if (shown[i] && now && shown[i].key === now.key) continue;
    shown[i]?.stop();
    shown[i]?.element.remove();
    shown[i] = now ? slotFor(indices[i], now) : null;
  }
  // Elements are only moved when out of place: a video taken out of the page stops playing.
  shown.slice(0, indices.length).forEach((slot, i) => {
    if (wall.children[i] !== slot.element) wall.insertBefore(slot.element, wall.children[i] ?? null);
    slot.element.classList.toggle('selected', indices[i] === selected);
    slot.element.dataset.tile = String(indices[i]);
  });
  hint.textContent = selected >= 0 ? `Choose a camera for tile ${selected + 1}.`
    : 'Every tile shows a camera: take one off (×) or choose more tiles to add another.';
}

function slotFor(index, now) {
  if (now.kind === 'camera') return liveSlot(index, now);
  if (now.kind === 'offer') return offerSlot(index, now.note);
  const node = element('div', { className: 'tile tile-empty', text: now.kind === 'waiting' ? 'Finding the group\'s cameras…' : now.text });
  return { key: now.key, element: node, stop: () => {} };
}

function liveSlot(index, now) {
  const camera = known.get(now.cameraId) ?? { cameraId: now.cameraId };
  const inSequence = Boolean(now.sequence);
  const tile = liveTile(camera, {
    onRemove: () => {
      if (layout.sequence) layout.sequence = null;
      else layout.tiles[index] = null;
      selected = index;
      changed();
    },
    onEnlarge: (t) => enlarge(wall, t),
  });
  if (inSequence) {
    const group = groups.get(now.sequence.groupId);
    tile.element.dataset.sequenceGroup = String(now.sequence.groupId);
    tile.element.append(element('span', {
      className: 'badge tile-sequence',
      text: `${group?.name ?? 'Group'} · ${now.step + 1}/${now.of} · every ${now.sequence.seconds} s`,
    }));
  }
  tile.element.addEventListener('click', () => { selected = index; render(); }, { capture: true });
  return { key: now.key, element: tile.element, stop: tile.stop };
}

/** An empty tile offers every camera the person may watch (recording first) and every group to cycle through. */
function offerSlot(index, note) {
  const cameraChoice = element('select', { attributes: { 'aria-label': `Camera for tile ${index + 1}`, 'data-offer': 'camera' } },
    element('option', { text: 'Choose a camera…', attributes: { value: '' } }),
    ...byRecording([...known.values()]).slice(0, OFFERED_AT_MOST).map((c) => element('option', {
      text: `${c.name}${c.recording ? '' : ' (not recording)'}`, attributes: { value: c.cameraId },
    })));
  const groupChoice = element('select', { attributes: { 'aria-label': `Group to cycle through in tile ${index + 1}`, 'data-offer': 'group' } },
    element('option', { text: 'or cycle through a group…', attributes: { value: '' } }),
    ...[...groups.values()].map((g) => element('option', { text: g.name, attributes: { value: g.id } })));
  groupChoice.hidden = groups.size === 0;
  const node = element('div', { className: 'tile tile-empty tile-offer', attributes: { 'data-slot': index } },
    element('p', { text: note ?? `Tile ${index + 1} is free` }), cameraChoice, groupChoice);
  cameraChoice.addEventListener('change', () => {
    if (!cameraChoice.value) return;
    layout.tiles[index] = { cameraId: Number(cameraChoice.value) };
    selected = firstFree();
    changed();
  });
  groupChoice.addEventListener('change', () => {
    if (!groupChoice.value) return;
    cycleTile(index, Number(groupChoice.value));
  });
  node.addEventListener('click', (event) => {
    if (event.target.tagName === 'SELECT' || event.target.tagName === 'OPTION') return;
    selected = index;
    render();
    search.focus();
  });
  return { key: note ? `offer:${note}` : 'offer', element: node, stop: () => {} };
}

/** The first tile of this screen without a camera, which the next camera picked goes to; -1 when full. */
function firstFree() {
  return ownIndices().find((i) => layout.tiles[i] == null) ?? -1;
}

/** Recording cameras first: those are the ones with a picture to show. */
function byRecording(cameras) {
  return [...cameras].sort((a, b) => Number(b.recording) - Number(a.recording));
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') shrink(wall);
});

// Sequences follow the clock: a tile changes camera when its step does, in every window at once.
setInterval(() => {
  if (layout && (layout.sequence || layout.tiles.some((t) => t?.groupId != null))) render();
}, 500);

// ---- the camera list

function show(cameraId) {
  if (selected < 0 || !layout) return;
  layout.sequence = null;
  layout.tiles[selected] = { cameraId };
  selected = firstFree();
  changed();
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

// ---- sizes and screens

/**
 * Each screen keeps its own tiles when the size changes; a larger size fills its new tiles with
 * recording cameras not yet on the wall, and offers the rest, so 9 or 16 tiles are all usable at once.
 */
function resize(size, screens) {
  const parts = Array.from({ length: screens }, (_, s) => Array.from({ length: size },
    (_, i) => (s < layout.screens && i < layout.size ? layout.tiles[s * layout.size + i] ?? null : null)));
  layout.size = size;
  layout.screens = screens;
  layout.tiles = parts.flat();
  const onWall = new Set(layout.tiles.map(cameraOf).filter((id) => id != null));
  const spare = byRecording([...known.values()]).filter((c) => c.recording && !onWall.has(c.cameraId)).map((c) => c.cameraId);
  layout.tiles = layout.tiles.map((tile) => (tile == null && spare.length ? { cameraId: spare.shift() } : tile));
  selected = firstFree();
}

sizeButtons.forEach((button) => button.addEventListener('click', () => {
  if (!layout) return;
  resize(Number(button.dataset.size), layout.screens);
  changed();
}));

screensBox.addEventListener('change', () => {
  if (!layout) return;
  resize(layout.size, screensBox.checked ? 2 : 1);
  changed();
});

openSecond.addEventListener('click', () => {
  const second = window.open(`/video?layout=${layout.id}&screen=2`, `safecity-wall-${layout.id}-2`, 'popup');
  if (!second) fail(new Error('The browser kept the second screen\'s window from opening: allow pop-ups for this site.'));
});

// ---- layouts

function listLayouts() {
  layoutSelect.replaceChildren(...layouts.map((l) => element('option', {
    text: `${l.name} (${l.size}${l.screens === 2 ? ' × 2 screens' : ''})`, attributes: { value: l.id },
  })));
  if (layout) layoutSelect.value = String(layout.id);
  layoutDelete.disabled = layouts.length < 2;
}

async function useLayout(id) {
  if (saving && layout) {
    // a change not yet saved goes to the layout it was made on
    clearTimeout(saving);
    saving = null;
    await save(layout);
  }
  const chosen = await getJson(`/api/v1/wall-layouts/${id}`);
  layout = chosen;
  if (screen === 1) localStorage.setItem(LAST_LAYOUT_KEY, String(id));
  selected = firstFree();
  listLayouts();
  render();
}

layoutSelect.addEventListener('change', () => {
  const from = layout?.id;
  useLayout(Number(layoutSelect.value)).then(() => channel?.postMessage({ kind: 'switch', from, to: layout.id })).catch(fail);
});

layoutForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const made = await send('POST', '/api/v1/wall-layouts', { json: { ...body(layout), name: layoutForm.elements.name.value } });
    layouts = [...layouts, made].sort((a, b) => a.name.localeCompare(b.name));
    layoutForm.reset();
    clearNotice();
    await useLayout(made.id);
  } catch (error) {
    fail(error);
  }
});

layoutDelete.addEventListener('click', async () => {
  if (layouts.length < 2 || !window.confirm(`Delete the layout ${layout.name}?`)) return;
  try {
    await send('DELETE', `/api/v1/wall-layouts/${layout.id}`);
    layouts = layouts.filter((l) => l.id !== layout.id);
    await useLayout(layouts[0].id);
  } catch (error) {
    fail(error);
  }
});

/** A first layout: what this browser showed before, else the recording cameras. */
function firstLayout(cameras) {
  let size = 4;
  let tiles = null;
  try {
    const oldSize = JSON.parse(localStorage.getItem(OLD_SIZE_KEY));
    const oldCameras = JSON.parse(localStorage.getItem(OLD_CAMERAS_KEY));
    if (SIZES.includes(oldSize)) size = oldSize;
    if (Array.isArray(oldCameras)) tiles = oldCameras.slice(0, size).map((id) => (known.has(id) ? { cameraId: id } : null));
  } catch {
    tiles = null;
  }
  if (!tiles) {
    const recording = byRecording(cameras).filter((c) => c.recording).map((c) => c.cameraId);
    tiles = Array.from({ length: size }, (_, i) => (recording[i] != null ? { cameraId: recording[i] } : null));
  }
  return { name: 'My wall', size, screens: 1, tiles, sequence: null };
}

// ---- camera groups and sequences

async function loadGroups() {
  const found = await getJson('/api/v1/camera-groups');
  const before = new Map(groups);
  groups.clear();
  for (const group of found.items) {
    const old = before.get(group.id);
    groups.set(group.id, { ...group, members: old && old.updatedAt === group.updatedAt ? old.members : null });
  }
  listGroups();
  await Promise.all([...groups.values()].filter((g) => !g.members).map(resolve));
}

/** The cameras of a group the person may watch, in the group's order; a site's are read from the registry. */
async function resolve(group) {
  let ids = group.cameraIds;
  if (group.kind === 'SITE') {
    const site = await getJson(`/api/v1/cameras?siteId=${group.siteId}&size=200`);
    ids = site.items.map((c) => c.id);
  }
  group.members = ids.filter((id) => known.has(id));
}

const KIND_WORDS = { SITE: 'site', ROUTE: 'route', LIST: 'list' };

function listGroups() {
  groupList.replaceChildren(...[...groups.values()].map((group) => {
    const cycleWall = element('button', { className: 'button-quiet', text: 'Cycle the wall', attributes: { type: 'button', 'data-cycle': 'wall' } });
    const cycleTileButton = element('button', { className: 'button-quiet', text: 'Cycle a tile', attributes: { type: 'button', 'data-cycle': 'tile' } });
    const remove = group.mine ? element('button', { className: 'button-quiet', text: 'Delete', attributes: { type: 'button', 'data-delete': '' } }) : null;
    cycleWall.addEventListener('click', () => {
      layout.sequence = { groupId: group.id, seconds: Number(secondsSelect.value) };
      changed();
    });
    cycleTileButton.addEventListener('click', () => {
      const index = selected >= 0 ? selected : ownIndices()[0];
      cycleTile(index, group.id);
    });
    remove?.addEventListener('click', async () => {
      try {
        await send('DELETE', `/api/v1/camera-groups/${group.id}`);
        await loadGroups();
        channel?.postMessage({ kind: 'groups' });
        render();
      } catch (error) {
        fail(error);
      }
    });
    const count = group.kind === 'SITE' ? 'the site\'s cameras' : `${group.cameraIds.length} cameras`;
    return element('li', { attributes: { 'data-group-id': group.id } },
      element('strong', { text: group.name }),
      element('span', { className: 'muted', text: ` ${KIND_WORDS[group.kind]} · ${count}${group.shared ? ` · shared${group.mine ? '' : ` by ${group.owner}`}` : ''}` }),
      element('div', { className: 'group-actions' }, cycleWall, cycleTileButton, remove));
  }));
  if (groups.size === 0) groupList.append(element('li', { className: 'muted', text: 'No camera groups yet: make one from the cameras on the wall.' }));
}

function cycleTile(index, groupId) {
  layout.sequence = null;
  layout.tiles[index] = { groupId, seconds: Number(secondsSelect.value) };
  selected = firstFree();
  changed();
}

sequenceStop.addEventListener('click', () => {
  layout.sequence = null;
  changed();
});

groupForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const kind = groupForm.elements.kind.value;
  const json = { name: groupForm.elements.name.value, kind, shared: groupForm.elements.shared.checked };
  try {
    if (kind === 'SITE') {
      const cameraId = cameraOf(layout.tiles[selected]) ?? layout.tiles.map(cameraOf).find((id) => id != null);
      if (cameraId == null) throw new Error('Put a camera of the site on the wall (and choose its tile) first.');
      json.siteId = (await getJson(`/api/v1/cameras/${cameraId}`)).siteId;
    } else {
      // the cameras on the wall, in tile order: for a route, put them in the order a vehicle passes them
      json.cameraIds = [...new Set(layout.tiles.map(cameraOf).filter((id) => id != null))];
    }
    await send('POST', '/api/v1/camera-groups', { json });
    groupForm.reset();
    clearNotice();
    await loadGroups();
    channel?.postMessage({ kind: 'groups' });
    render();
  } catch (error) {
    fail(error);
  }
});

// ---- start

async function start() {
  const cameras = await getJson('/api/v1/video/cameras');
  cameras.items.forEach((camera) => known.set(camera.cameraId, camera));
  listCameras(cameras.items);
  await loadGroups();
  layouts = (await getJson('/api/v1/wall-layouts')).items;
  if (layouts.length === 0) {
    layouts = [await send('POST', '/api/v1/wall-layouts', { json: firstLayout(cameras.items) })];
  }
  const wanted = Number(params.get('layout') ?? localStorage.getItem(LAST_LAYOUT_KEY));
  const id = layouts.some((l) => l.id === wanted) ? wanted : layouts[0].id;
  await useLayout(id);
}

start().catch(fail).finally(() => { wall.dataset.loaded = 'true'; });
