// Playback of one camera around a moment: what is recorded as a timeline (click to go there), the
// recorded video or the live picture (with its PTZ controls, for a camera the person may steer), and a
// clip exported as one MP4 (and an evidence item).
import { element, formatCount, getJson, postJson } from './console.js';
import { playHls, playLive, watchHealth } from './video.js';
import { purposeFor, withPurpose } from './stated-purpose.js';
import { showDetections } from './detection-boxes.js';
import { ptzControls } from './ptz.js';
import { formatDateTime, fromTimeField, toTimeField } from './time.js';

const CLIP_POLL_MS = 2_000;
const RECORDINGS_REFRESH_MS = 30_000;

const page = document.getElementById('playback');
const cameraId = page.dataset.cameraId;
/** The stated purpose when the camera is a partner's ('' for the Authority's own), known once the camera list is read. */
let purpose = '';
const video = document.getElementById('player');
const notice = document.getElementById('playback-notice');
const timeline = document.getElementById('timeline');
const clock = document.getElementById('player-clock');
const rangeForm = document.getElementById('range-form');
const clipForm = document.getElementById('clip-form');
const clipStatus = document.getElementById('clip-status');
const liveButton = document.getElementById('mode-live');
const playbackButton = document.getElementById('mode-playback');

/** The PTZ controls, shown in live mode only, for a camera the person may steer; null otherwise. */
let ptz = null;
let at = page.dataset.at ? Date.parse(page.dataset.at) : Date.now() - 60_000;
let halfWindowMs = 5 * 60_000;
let from = 0;
let to = 0;
let recordings = { items: [], gaps: [] };
let pieces = []; // the recorded video's pieces: where each starts in the video and on the clock
let pendingSeek = null;
let mode = 'playback';
let player = null;

function fail(error) {
  notice.textContent = error.message;
  notice.hidden = false;
}

/** People read and type Pakistan time, in the console's one format (time.js). */
const toInput = toTimeField;
const fromInput = fromTimeField;
const pkt = formatDateTime;

async function load() {
  from = at - halfWindowMs;
  to = at + halfWindowMs;
  rangeForm.elements.at.value = toInput(at);
  await loadRecordings();
  if (mode === 'playback') startPlayback(at);
}

async function loadRecordings() {
  const range = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  recordings = await getJson(`/api/v1/cameras/${cameraId}/recordings?${range}`);
  recordings.items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  drawTimeline();
}

function percent(ms) {
  return Math.min(100, Math.max(0, ((ms - from) / (to - from)) * 100));
}

/** A band on the timeline from left to left + width, in percent of the range. */
function placed(className, left, width) {
  const node = element('span', { className });
  node.style.left = `${left}%`;
  node.style.width = `${Math.max(width, 0.2)}%`;
  return node;
}

function drawTimeline() {
  const spans = recordings.items.map((r) => placed('span', percent(Date.parse(r.start)), percent(Date.parse(r.end)) - percent(Date.parse(r.start))));
  const gaps = (recordings.gaps ?? []).map((g) => placed('gap', percent(Date.parse(g.start)), percent(Date.parse(g.end)) - percent(Date.parse(g.start))));
  const mark = placed('mark', percent(at), 0);
  mark.style.width = '2px';
  const head = element('span', { className: 'head', attributes: { id: 'timeline-head' } });
  head.hidden = true;
  timeline.replaceChildren(...gaps, ...spans, mark, head);
  timeline.dataset.spans = String(spans.length);
  timeline.dataset.gaps = String(gaps.length);
  document.getElementById('timeline-from').textContent = pkt(from);
  document.getElementById('timeline-to').textContent = pkt(to);
  showHead();
}

function startPlayback(instant) {
  player?.stop();
  pieces = [];
  pendingSeek = instant;
  const range = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });
  if (recordings.items.length === 0) {
    clock.textContent = 'Nothing recorded in this range';
    return;
  }
  player = playHls(video, withPurpose(`/api/v1/cameras/${cameraId}/playback.m3u8?${range}`, purpose), {
    live: false,
    onState: (state) => {
      page.dataset.state = state;
      if (state === 'unavailable') clock.textContent = 'The recording could not be played';
    },
    onDetails: (details) => {
      pieces = piecesOf(details.fragments);
      if (pendingSeek != null) seekTo(pendingSeek);
    },
  });
}

/**
 * Where each segment of the playlist sits on the clock: its programme date when the playlist
 * gives one, otherwise the start of the recording it was made from (both lists are in time order).
 */
function piecesOf(fragments) {
  return fragments.map((fragment, i) => ({
    video: fragment.start,
    duration: fragment.duration,
    instant: fragment.programDateTime ?? Date.parse(recordings.items[i]?.start),
  })).filter((piece) => Number.isFinite(piece.instant));
}

function instantAt(videoTime) {
  const piece = pieces.find((p) => videoTime >= p.video && videoTime < p.video + p.duration) ?? pieces.at(-1);
  return piece ? piece.instant + (videoTime - piece.video) * 1000 : null;
}

/** Goes to an instant; inside a gap, to the next recorded moment after it. */
function seekTo(instant) {
  if (pieces.length === 0) {
    pendingSeek = instant;
    return;
  }
  pendingSeek = null;
  const inside = pieces.find((p) => instant >= p.instant && instant < p.instant + p.duration * 1000);
  const next = inside ?? pieces.find((p) => p.instant > instant);
  if (!next) {
    clock.textContent = 'Nothing recorded after that moment in this range';
    return;
  }
  video.currentTime = inside ? inside.video + (instant - inside.instant) / 1000 : next.video;
  video.play().catch(() => {});
}

function showHead() {
  const head = document.getElementById('timeline-head');
  if (!head) return;
  const instant = mode === 'live' ? Date.now() : instantAt(video.currentTime);
  head.hidden = instant == null || instant < from || instant > to;
  if (instant != null) head.style.left = `${percent(instant)}%`;
}

video.addEventListener('timeupdate', () => {
  if (mode === 'live') {
    clock.textContent = `Live · ${pkt(Date.now())}`;
  } else {
    const instant = instantAt(video.currentTime);
    if (instant != null) {
      clock.textContent = pkt(instant);
      page.dataset.playingAt = new Date(instant).toISOString();
    }
  }
  showHead();
});

timeline.addEventListener('click', (event) => {
  const box = timeline.getBoundingClientRect();
  const instant = from + ((event.clientX - box.left) / box.width) * (to - from);
  if (mode === 'live') {
    switchTo('playback', instant);
  } else {
    seekTo(instant);
  }
});

function setMode(next) {
  mode = next;
  liveButton.setAttribute('aria-pressed', String(mode === 'live'));
  playbackButton.setAttribute('aria-pressed', String(mode === 'playback'));
  page.dataset.mode = mode;
  if (ptz) {
    ptz.toggle.hidden = mode !== 'live';
    if (mode !== 'live' && !ptz.panel.hidden) ptz.toggle.click();
  }
}

let boxes = null;

function switchTo(next, instant = at) {
  setMode(next);
  boxes?.stop();
  boxes = null;
  if (mode === 'live') {
    player?.stop();
    pieces = [];
    player = playLive(video, cameraId, purpose, { onState: (state) => { page.dataset.state = state; } });
    // what the camera's analysis finds now, over the live picture only: recorded video has no boxes kept
    boxes = showDetections(document.getElementById('player-picture'), video, cameraId);
  } else {
    startPlayback(instant);
  }
}

liveButton.addEventListener('click', () => switchTo('live'));
playbackButton.addEventListener('click', () => switchTo('playback'));

rangeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const chosen = fromInput(rangeForm.elements.at.value);
  if (!Number.isFinite(chosen)) return;
  at = chosen;
  halfWindowMs = Number(rangeForm.elements.window.value) * 60_000;
  setMode('playback');
  load().catch(fail);
});

// Keeps a range that reaches into the present growing as new segments are recorded.
setInterval(() => {
  if (to > Date.now() - RECORDINGS_REFRESH_MS) loadRecordings().catch(() => {});
}, RECORDINGS_REFRESH_MS);

clipForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const [clipFrom, clipTo] = [fromInput(clipForm.elements.from.value), fromInput(clipForm.elements.to.value)];
  if (!Number.isFinite(clipFrom) || !Number.isFinite(clipTo)) {
    fail(new Error('Write the clip\'s start and end in Pakistan time, like 2026-12-04 21:05:33.'));
    return;
  }
  const body = { from: new Date(clipFrom).toISOString(), to: new Date(clipTo).toISOString() };
  const caseId = clipForm.elements.caseId.value.trim();
  if (caseId) body.caseId = caseId;
  if (purpose) body.purpose = purpose;
  clipStatus.dataset.status = 'PENDING';
  clipStatus.replaceChildren(element('span', { text: 'Asking for the clip…' }));
  try {
    const clip = await postJson(`/api/v1/cameras/${cameraId}/clips`, body);
    await follow(clip.id);
  } catch (error) {
    clipStatus.dataset.status = 'FAILED';
    clipStatus.replaceChildren(element('span', { className: 'notice notice-error', text: error.message }));
  }
});

/** Asks after the clip until it is ready or has failed. */
async function follow(clipId) {
  for (;;) {
    const clip = await getJson(`/api/v1/clips/${clipId}`);
    clipStatus.dataset.status = clip.status;
    if (clip.status === 'READY') {
      const megabytes = clip.bytes != null ? `${formatCount(Math.max(1, Math.round(clip.bytes / 1e6)))} MB` : '';
      clipStatus.replaceChildren(...[
        element('a', { className: 'button-quiet', text: `Download the clip (MP4${megabytes ? `, ${megabytes}` : ''})`,
          attributes: { id: 'clip-download', href: clip.downloadUrl ?? `/api/v1/clips/${clipId}/download`, download: '' } }),
        clip.sha256 ? element('p', { className: 'muted', text: `SHA-256 ${clip.sha256}` }) : null,
        clip.evidenceItemId ? element('p', {}, element('a', { text: 'The sealed evidence item',
          attributes: { id: 'clip-evidence', href: `/evidence/items/${clip.evidenceItemId}` } })) : null,
      ].filter(Boolean));
      return;
    }
    if (clip.status === 'FAILED') {
      clipStatus.replaceChildren(element('span', { className: 'notice notice-error', text: `The clip could not be made: ${clip.error ?? 'no reason given'}` }));
      return;
    }
    clipStatus.replaceChildren(element('span', { text: `Clip ${clipId}: being made…` }));
    await new Promise((resolve) => { setTimeout(resolve, CLIP_POLL_MS); });
  }
}

// Cases to choose from, asked for only when wanted (not everyone who watches video is on a case).
clipForm.elements.caseId.addEventListener('focus', async () => {
  const choices = document.getElementById('case-choices');
  if (choices.dataset.loaded) return;
  choices.dataset.loaded = 'true';
  const cases = await getJson('/api/v1/cases').catch(() => []);
  choices.replaceChildren(...cases.map((c) => element('option', { attributes: { value: c.id }, text: `${c.firNumber} · ${c.policeStation ?? ''}` })));
}, { once: true });

async function start() {
  if (!cameraId) {
    notice.replaceChildren('No camera chosen: pick one on the ', element('a', { text: 'video wall', attributes: { href: '/video' } }), '.');
    notice.hidden = false;
    return;
  }
  clipForm.elements.from.value = toInput(at - 30_000);
  clipForm.elements.to.value = toInput(at + 30_000);
  watchHealth(cameraId, document.getElementById('camera-health'));
  // asked by its id: the whole list stops at its first 500 cameras, and a premises' camera past them would open unasked
  const cameras = await getJson(`/api/v1/video/cameras?q=${encodeURIComponent(cameraId)}`).catch(() => ({ items: [] }));
  {
    const camera = cameras.items.find((c) => String(c.cameraId) === cameraId);
    purpose = purposeFor(cameraId, camera?.partnerId) ?? '';
    const name = camera ? [camera.name, camera.siteName].filter(Boolean).join(' · ') : `Camera ${cameraId}`;
    document.getElementById('camera-title').textContent = name;
    document.title = `${name} · Playback · SafeCity`;
    if (camera?.steerable) {
      ptz = ptzControls(camera);
      liveButton.parentElement.after(ptz.toggle);
      document.getElementById('player-picture').append(ptz.panel);
    }
  }
  setMode('playback');
  await load();
}

start().catch(fail).finally(() => { page.dataset.loaded = 'true'; });
