// Video in the console: an HLS player that keeps trying while a camera is away, and the live tile
// the video wall and the incident page show. hls.js (a classic script, global Hls) must be on the page.
import { element, formatDateTime, getJson } from './console.js';
import { showDetections } from './detection-boxes.js';
import { purposeFor, withPurpose } from './stated-purpose.js';

const HEALTH_EVERY_MS = 10_000;
const FROZEN_AFTER_MS = 6_000;
const STALL_AFTER_MS = 20_000;
const RETRY_FIRST_MS = 2_000;
const RETRY_MOST_MS = 30_000;

/** Where the console plays back a camera around a moment; alerts, sightings and incidents link here. */
export function playbackHref(cameraId, at) {
  const query = new URLSearchParams({ camera: String(cameraId) });
  if (at) query.set('at', new Date(at).toISOString());
  return `/video/playback?${query}`;
}

/** The live playlist; a partner's camera carries the purpose its opening was stated for (stated-purpose.js). */
export function liveSource(cameraId, purpose = '') {
  return withPurpose(`/api/v1/cameras/${cameraId}/live.m3u8`, purpose);
}

/**
 * Plays an HLS address in a video element and reports its state ('connecting', 'playing',
 * 'buffering', 'unavailable', 'unsupported'). A live stream that fails or stops moving is
 * started again with growing pauses, so a tile recovers by itself when its camera comes back.
 * Returns { retryNow(), stop() }.
 */
export function playHls(video, source, { live = true, onState = () => {}, onDetails = () => {} } = {}) {
  let hls = null;
  let retryTimer = null;
  let retryPause = RETRY_FIRST_MS;
  let stopped = false;
  let lastTime = -1;
  let lastMoved = Date.now();
  let mediaRecoveries = 0;

  const report = (state) => {
    video.dataset.state = state;
    onState(state);
  };

  const start = () => {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (hls) hls.destroy();
    hls = null;
    lastMoved = Date.now();
    report('connecting');
    if (window.Hls && window.Hls.isSupported()) {
      // A wall runs for days: live tiles keep only half a minute behind them, or the browser's memory fills.
      hls = new window.Hls({
        enableWorker: true, liveSyncDurationCount: 3, manifestLoadingMaxRetry: 1, levelLoadingMaxRetry: 2,
        ...(live ? { backBufferLength: 30, maxBufferLength: 10 } : {}),
      });
      hls.on(window.Hls.Events.MANIFEST_PARSED, () => video.play().catch(() => {}));
      hls.on(window.Hls.Events.LEVEL_LOADED, (_, data) => onDetails(data.details));
      hls.on(window.Hls.Events.ERROR, (_, data) => {
        if (!data.fatal) return;
        if (data.type === window.Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
          mediaRecoveries += 1;
          hls.recoverMediaError();
          return;
        }
        fail();
      });
      hls.loadSource(source);
      hls.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = source; // Safari plays HLS by itself
      video.play().catch(() => {});
    } else {
      report('unsupported');
    }
  };

  const fail = () => {
    if (stopped) return;
    if (hls) hls.destroy();
    hls = null;
    report('unavailable');
    if (!live) return;
    retryTimer = setTimeout(start, retryPause);
    retryPause = Math.min(retryPause * 2, RETRY_MOST_MS);
  };

  const onPlaying = () => {
    retryPause = RETRY_FIRST_MS;
    mediaRecoveries = 0;
    report('playing');
  };
  const onWaiting = () => { if (video.dataset.state === 'playing') report('buffering'); };
  video.addEventListener('playing', onPlaying);
  video.addEventListener('waiting', onWaiting);

  // A live picture that stops moving (the camera stalled, the playlist stopped growing) says so,
  // and is started again when it stays still; so is one that never starts.
  const watchdog = live ? setInterval(() => {
    const state = video.dataset.state;
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      lastMoved = Date.now();
      if (state === 'buffering') report('playing');
    } else if (state === 'playing' || state === 'buffering' || state === 'connecting') {
      const still = Date.now() - lastMoved;
      if (still > STALL_AFTER_MS) fail();
      else if (still > FROZEN_AFTER_MS && state === 'playing') report('buffering');
    }
  }, 2_000) : null;

  start();
  return {
    /** The camera is back (its health says so): try at once instead of waiting out the pause. */
    retryNow() {
      if (stopped || video.dataset.state === 'playing' || video.dataset.state === 'buffering') return;
      retryPause = RETRY_FIRST_MS;
      start();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(watchdog);
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('waiting', onWaiting);
      if (hls) hls.destroy();
      hls = null;
      video.removeAttribute('src');
      video.load();
    },
  };
}

const STATE_WORDS = {
  connecting: 'Connecting…',
  buffering: 'Buffering…',
  unavailable: 'No live stream — retrying',
  unsupported: 'This browser cannot play HLS video',
};

/**
 * A live tile: the camera's picture, its name and health, a snapshot and a way to play back the
 * last minutes. Health is polled; when a camera comes back online the stream is tried at once.
 * Returns { element, cameraId, stop() }.
 */
export function liveTile(camera, { onRemove = null, onEnlarge = null } = {}) {
  const video = element('video', { attributes: { muted: '', playsinline: '', autoplay: '', 'aria-label': `Live video of ${camera.name ?? `camera ${camera.cameraId}`}` } });
  video.muted = true; // browsers start only muted video without a click
  const message = element('p', { className: 'tile-message', text: STATE_WORDS.connecting });
  const badge = element('span', { className: 'badge tile-health', text: '…' });
  // a partner's camera opens only for a stated purpose, asked once
  const purpose = purposeFor(camera.cameraId, camera.partnerId) ?? '';
  const snapshot = element('a', {
    className: 'tile-action', text: 'Snapshot',
    attributes: { href: withPurpose(`/api/v1/cameras/${camera.cameraId}/snapshot.jpg`, purpose), target: '_blank', rel: 'noopener' },
  });
  const playback = element('a', { className: 'tile-action', text: 'Play back', attributes: { href: playbackHref(camera.cameraId) } });
  // the link leads to the moment it is clicked, less half a minute: what the operator just saw
  const freshen = () => { playback.href = playbackHref(camera.cameraId, Date.now() - 30_000); };
  playback.addEventListener('pointerdown', freshen);
  playback.addEventListener('focus', freshen);
  const remove = onRemove ? element('button', {
    className: 'tile-action tile-remove', text: '×', attributes: { type: 'button', 'aria-label': `Take ${camera.name ?? 'the camera'} off the wall` },
  }) : null;
  remove?.addEventListener('click', (event) => { event.stopPropagation(); onRemove(); });
  const title = element('span', { className: 'tile-name', text: [camera.name ?? `Camera ${camera.cameraId}`, camera.siteName].filter(Boolean).join(' · ') });
  const bar = element('div', { className: 'tile-bar' }, title, badge, snapshot, playback, remove);
  const tile = element('figure', { className: 'tile', attributes: { 'data-camera-id': camera.cameraId, 'data-state': 'connecting' } },
    video, message, bar);
  bar.addEventListener('click', (event) => event.stopPropagation());
  if (onEnlarge) {
    tile.tabIndex = 0;
    tile.addEventListener('click', () => onEnlarge(tile));
    tile.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target === tile) onEnlarge(tile);
    });
  }

  const player = playHls(video, liveSource(camera.cameraId, purpose), {
    live: true,
    onState: (state) => {
      tile.dataset.state = state;
      message.textContent = STATE_WORDS[state] ?? '';
      message.hidden = state === 'playing';
    },
  });

  const health = watchHealth(camera.cameraId, badge, () => player.retryNow());
  const detections = showDetections(tile, video, camera.cameraId);

  return {
    element: tile,
    cameraId: camera.cameraId,
    stop() {
      detections.stop();
      health.stop();
      player.stop();
    },
  };
}

/**
 * Shows a camera's health in a badge (online / offline as observed, or unknown when it was never heard
 * from, with its figures as a tooltip), asked
 * again every few seconds; calls onBack when an offline camera comes back. Returns { stop() }.
 */
export function watchHealth(cameraId, badge, onBack = () => {}) {
  let online = null;
  const check = async () => {
    try {
      const health = await getJson(`/api/v1/cameras/${cameraId}/health`);
      const unknown = health.status === 'UNKNOWN';
      badge.textContent = health.online ? 'online' : unknown ? 'never heard from' : 'offline';
      badge.dataset.online = unknown ? 'unknown' : String(health.online);
      badge.title = health.online
        ? [health.fps && `${Math.round(health.fps)} fps`, health.bitrateKbps && `${Math.round(health.bitrateKbps)} kbit/s`].filter(Boolean).join(' · ')
        : `Last seen ${health.lastSeen ? formatDateTime(health.lastSeen) : 'never'}${health.lastError ? ` — ${health.lastError}` : ''}`;
      if (health.online && online === false) onBack();
      online = health.online;
    } catch {
      badge.textContent = 'unknown';
      badge.dataset.online = 'unknown';
    }
  };
  check();
  const timer = setInterval(check, HEALTH_EVERY_MS);
  return { stop: () => clearInterval(timer) };
}

/** One tile fills its wall; a second click puts it back. */
export function enlarge(wall, tile) {
  const growing = !tile.classList.contains('enlarged');
  shrink(wall);
  tile.classList.toggle('enlarged', growing);
  wall.classList.toggle('has-enlarged', growing);
}

export function shrink(wall) {
  wall.querySelectorAll('.enlarged').forEach((tile) => tile.classList.remove('enlarged'));
  wall.classList.remove('has-enlarged');
}
