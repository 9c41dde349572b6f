// Pan, tilt and zoom of a PTZ camera from its live tile: an arrow or a zoom button moves the camera while it
// is held and stops it when let go; presets are listed, recalled and saved. Each move lasts a few seconds
// on the camera unless repeated, so a stop that never arrives (a closed laptop) cannot leave it turning;
// while a button is held the move is repeated before it runs out.
import { element, getJson, send } from './console.js';

const MOVE_SECONDS = 4;
const REPEAT_MS = 3_000;
const SPEED = 0.5;

const MOVES = [
  { key: 'up', label: '▲', words: 'Tilt up', pan: 0, tilt: SPEED, zoom: 0 },
  { key: 'left', label: '◀', words: 'Pan left', pan: -SPEED, tilt: 0, zoom: 0 },
  { key: 'right', label: '▶', words: 'Pan right', pan: SPEED, tilt: 0, zoom: 0 },
  { key: 'down', label: '▼', words: 'Tilt down', pan: 0, tilt: -SPEED, zoom: 0 },
  { key: 'zoom-in', label: '+', words: 'Zoom in', pan: 0, tilt: 0, zoom: SPEED },
  { key: 'zoom-out', label: '−', words: 'Zoom out', pan: 0, tilt: 0, zoom: -SPEED },
];

/**
 * The PTZ controls of one camera: a toggle for the tile's bar and the panel it opens over the picture.
 * Returns { toggle, panel, stop() }; stop() halts a move still held (the tile is being taken away).
 */
export function ptzControls(camera) {
  const base = `/api/v1/cameras/${camera.cameraId}/ptz`;
  const status = element('p', { className: 'ptz-status', attributes: { role: 'status', 'aria-live': 'polite' } });
  const say = (text, failed = false) => {
    status.textContent = text;
    status.dataset.failed = String(failed);
  };

  let held = null; // { repeat, sent }: the move being held
  let last = Promise.resolve();
  // commands go out one after another, so a stop never overtakes the move it ends
  const queue = (command) => {
    last = last.catch(() => {}).then(command);
    return last;
  };

  const start = (move) => {
    if (held) return;
    const body = { pan: move.pan, tilt: move.tilt, zoom: move.zoom, seconds: MOVE_SECONDS };
    const sendMove = () => queue(() => send('POST', `${base}/move`, { json: body })).catch((error) => say(error.message, true));
    held = { repeat: setInterval(sendMove, REPEAT_MS) };
    say(`${move.words}…`);
    sendMove();
  };
  const release = () => {
    if (!held) return;
    clearInterval(held.repeat);
    held = null;
    queue(() => send('POST', `${base}/stop`)).then(() => say('Stopped')).catch((error) => say(error.message, true));
  };

  const buttons = MOVES.map((move) => {
    const button = element('button', {
      className: `ptz-move ptz-${move.key}`, text: move.label,
      attributes: { type: 'button', 'data-ptz': move.key, 'aria-label': move.words, title: `${move.words} (hold)` },
    });
    button.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      button.setPointerCapture?.(event.pointerId);
      start(move);
    });
    ['pointerup', 'pointercancel', 'lostpointercapture'].forEach((name) => button.addEventListener(name, release));
    button.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && !event.repeat) {
        event.preventDefault();
        start(move);
      }
    });
    button.addEventListener('keyup', (event) => {
      if (event.key === 'Enter' || event.key === ' ') release();
    });
    button.addEventListener('blur', release);
    return button;
  });
  const byKey = Object.fromEntries(buttons.map((b) => [b.dataset.ptz, b]));

  const presetChoice = element('select', { attributes: { 'aria-label': `Presets of ${camera.name ?? 'the camera'}`, 'data-ptz': 'presets' } });
  const goButton = element('button', { className: 'tile-action', text: 'Go', attributes: { type: 'button', 'data-ptz': 'go' } });
  const presetName = element('input', { attributes: { maxlength: '64', placeholder: 'Name of this view', 'aria-label': 'Name of a new preset', 'data-ptz': 'preset-name' } });
  const saveButton = element('button', { className: 'tile-action', text: 'Save as preset', attributes: { type: 'button', 'data-ptz': 'save' } });

  const loadPresets = async () => {
    try {
      const found = await getJson(`${base}/presets`);
      presetChoice.replaceChildren(...(found.items.length === 0 ? [element('option', { text: 'No presets yet', attributes: { value: '' } })]
        : found.items.map((p) => element('option', { text: p.name || p.token, attributes: { value: p.token } }))));
      goButton.disabled = found.items.length === 0;
    } catch (error) {
      say(error.message, true);
    }
  };
  goButton.addEventListener('click', () => {
    if (!presetChoice.value) return;
    const name = presetChoice.selectedOptions[0]?.textContent;
    queue(() => send('POST', `${base}/presets/${encodeURIComponent(presetChoice.value)}/go`))
      .then(() => say(`Turning to ${name}`)).catch((error) => say(error.message, true));
  });
  saveButton.addEventListener('click', () => {
    const name = presetName.value.trim();
    if (!name) {
      say('Name the view first.', true);
      presetName.focus();
      return;
    }
    queue(() => send('POST', `${base}/presets`, { json: { name } }))
      .then((saved) => {
        presetName.value = '';
        say(`Saved as ${saved.name}`);
        return loadPresets();
      })
      .catch((error) => say(error.message, true));
  });

  const panel = element('div', { className: 'ptz-panel', attributes: { 'data-ptz-panel': camera.cameraId, hidden: '' } },
    element('div', { className: 'ptz-pad', attributes: { role: 'group', 'aria-label': 'Pan and tilt' } },
      byKey.up, byKey.left, byKey.right, byKey.down),
    element('div', { className: 'ptz-zoom', attributes: { role: 'group', 'aria-label': 'Zoom' } }, byKey['zoom-in'], byKey['zoom-out']),
    element('div', { className: 'ptz-presets' }, presetChoice, goButton),
    element('div', { className: 'ptz-presets' }, presetName, saveButton),
    status);
  // the panel is part of the tile: a click on it neither enlarges the tile nor picks it
  ['click', 'pointerdown'].forEach((name) => panel.addEventListener(name, (event) => event.stopPropagation()));

  const toggle = element('button', {
    className: 'tile-action ptz-toggle', text: 'PTZ',
    attributes: { type: 'button', 'aria-expanded': 'false', 'data-ptz': 'toggle', title: 'Pan, tilt, zoom and presets' },
  });
  toggle.addEventListener('click', (event) => {
    event.stopPropagation();
    const opening = panel.hidden;
    panel.hidden = !opening;
    toggle.setAttribute('aria-expanded', String(opening));
    if (opening) loadPresets();
    else release();
  });

  return { toggle, panel, stop: release };
}
