// Video in the console: the low-latency live player (fragmented MP4 over a WebSocket into Media Source
// Extensions), an HLS player (the fallback, and playback), both trying again while a camera is away,
// and the live tile the video wall, the map and the incident page show. hls.js (a classic script,
// global Hls) must be on the page for the fallback.
import { element, formatDateTime, getJson } from './console.js';
import { showDetections } from './detection-boxes.js';
import { ptzControls } from './ptz.js';
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

/** Whether a player's video shows the camera now (playing, or waiting for more of a stream that plays). */
function showing(video) {
  return video.dataset.state === 'playing' || video.dataset.state === 'buffering';
}

/** A player's report of its state: on the video element (data-state) and to its owner. */
function reporter(video, onState) {
  return (state) => {
    video.dataset.state = state;
    onState(state);
  };
}

/**
 * Watches a video element a player feeds: reports 'playing' when it plays (calling onPlaying) and
 * 'buffering' when it waits. A live one that stops moving says 'buffering', and stalled() is called
 * when it stays still (the camera stalled, the stream stopped growing) or never starts.
 * Returns { restarted() (the player starts again: the stillness counts from now), stop() }.
 */
function watchLive(video, report, { live = true, stalled, onPlaying }) {
  let lastTime = -1;
  let lastMoved = Date.now();
  const playing = () => {
    onPlaying();
    report('playing');
  };
  const waiting = () => { if (video.dataset.state === 'playing') report('buffering'); };
  video.addEventListener('playing', playing);
  video.addEventListener('waiting', waiting);
  const timer = live ? setInterval(() => {
    const state = video.dataset.state;
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      lastMoved = Date.now();
      if (state === 'buffering') report('playing');
    } else if (state === 'playing' || state === 'buffering' || state === 'connecting') {
      const still = Date.now() - lastMoved;
      if (still > STALL_AFTER_MS) stalled();
      else if (still > FROZEN_AFTER_MS && state === 'playing') report('buffering');
    }
  }, 2_000) : null;
  return {
    restarted() { lastMoved = Date.now(); },
    stop() {
      clearInterval(timer);
      video.removeEventListener('playing', playing);
      video.removeEventListener('waiting', waiting);
    },
  };
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
  let mediaRecoveries = 0;
  let watch = null;

  const report = reporter(video, onState);

  const start = () => {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (hls) hls.destroy();
    hls = null;
    watch.restarted();
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

  watch = watchLive(video, report, {
    live,
    stalled: fail,
    onPlaying: () => {
      retryPause = RETRY_FIRST_MS;
      mediaRecoveries = 0;
    },
  });

  start();
  return {
    /** The camera is back (its health says so): try at once instead of waiting out the pause. */
    retryNow() {
      if (stopped || showing(video)) return;
      retryPause = RETRY_FIRST_MS;
      start();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      watch.stop();
      if (hls) hls.destroy();
      hls = null;
      video.removeAttribute('src');
      video.load();
    },
  };
}

/** The camera's low-latency live stream (a WebSocket), with the purpose its opening was stated for. */
export function liveSocketSource(cameraId, purpose = '') {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${withPurpose(`/api/v1/cameras/${cameraId}/live.mp4`, purpose)}`;
}

/** Whether this browser can take the low-latency path at all: Media Source Extensions with H.264. */
export function lowLatencyPossible() {
  return Boolean(window.MediaSource && window.WebSocket
    && window.MediaSource.isTypeSupported('video/mp4; codecs="avc1.42E01E"'));
}

// The picture is kept this close behind the newest frame received: a little slack absorbs the network's jitter.
const LIVE_EDGE_S = 0.15;
const CATCH_UP_AFTER_S = 0.4;
const JUMP_AFTER_S = 1.2;
const KEEP_BEHIND_S = 10;
const FAILED_OPENINGS_BEFORE_FALLBACK = 3;

/**
 * Plays a camera's live fragmented MP4 from a WebSocket through Media Source Extensions and keeps the
 * picture a few frames behind the newest one: slightly faster playback catches up a small lag, a jump
 * a large one. States and retries as playHls. When the stream's codec cannot be played here, or the
 * socket cannot be opened several times running, onFallback() is called (the tile then plays HLS).
 * Returns { retryNow(), stop() }.
 */
export function playLowLatency(video, source, { onState = () => {}, onFallback = () => {} } = {}) {
  let socket = null;
  let media = null;
  let buffer = null;
  let pending = [];
  let atEdge = false;
  let stopped = false;
  let retryTimer = null;
  let retryPause = RETRY_FIRST_MS;
  let failedOpenings = 0;
  let watch = null;

  const report = reporter(video, onState);

  const teardown = () => {
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close();
    }
    socket = null;
    buffer = null;
    pending = [];
    if (media) {
      URL.revokeObjectURL(video.src);
      video.removeAttribute('src');
      video.load();
    }
    media = null;
  };

  const fail = (closedCleanly = false) => {
    if (stopped) return;
    teardown();
    report('unavailable');
    if (failedOpenings >= FAILED_OPENINGS_BEFORE_FALLBACK) {
      stopped = true;
      onFallback();
      return;
    }
    // the server closing a running stream (it restarts, or the viewing is to be checked again) means come back at once
    retryTimer = setTimeout(start, closedCleanly ? 250 : retryPause);
    if (!closedCleanly) retryPause = Math.min(retryPause * 2, RETRY_MOST_MS);
  };

  const keepNearEdge = () => {
    if (!buffer || !video.buffered.length) return;
    const end = video.buffered.end(video.buffered.length - 1);
    const behind = end - video.currentTime;
    if (!atEdge || behind > JUMP_AFTER_S) {
      // a new viewer gets the frames since the last key frame: decode them, show the newest
      video.currentTime = Math.max(video.buffered.start(video.buffered.length - 1), end - LIVE_EDGE_S);
      atEdge = true;
      video.play().catch(() => {});
    } else {
      video.playbackRate = behind > CATCH_UP_AFTER_S ? 1.1 : 1;
    }
    const start = video.buffered.start(0);
    if (!buffer.updating && video.currentTime - start > KEEP_BEHIND_S * 2) {
      buffer.remove(start, video.currentTime - KEEP_BEHIND_S); // a wall runs for days: the browser's memory must not fill
    }
  };

  const append = () => {
    if (!buffer || buffer.updating || pending.length === 0) return;
    const parts = pending;
    pending = [];
    const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
    const joined = new Uint8Array(size);
    let at = 0;
    parts.forEach((part) => { joined.set(new Uint8Array(part), at); at += part.byteLength; });
    try {
      buffer.appendBuffer(joined);
    } catch {
      fail();
    }
  };

  const begin = (codec) => {
    const type = `video/mp4; codecs="${codec}"`;
    if (!codec || !window.MediaSource.isTypeSupported(type)) {
      failedOpenings = FAILED_OPENINGS_BEFORE_FALLBACK;
      fail();
      return;
    }
    media = new window.MediaSource();
    media.addEventListener('sourceopen', () => {
      if (!media || media.readyState !== 'open') return;
      buffer = media.addSourceBuffer(type);
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => {
        keepNearEdge();
        append();
      });
      buffer.addEventListener('error', () => fail());
      append();
    }, { once: true });
    video.src = URL.createObjectURL(media);
  };

  const start = () => {
    clearTimeout(retryTimer);
    retryTimer = null;
    teardown();
    atEdge = false;
    watch.restarted();
    report('connecting');
    let opened = false;
    socket = new WebSocket(source);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      opened = true;
      failedOpenings = 0;
    };
    socket.onmessage = (event) => {
      if (typeof event.data === 'string') {
        if (!media) begin(JSON.parse(event.data).codec);
        return;
      }
      pending.push(event.data);
      append();
    };
    socket.onclose = (event) => {
      if (!opened) failedOpenings += 1;
      fail(opened && event.code === 1012);
    };
  };

  watch = watchLive(video, report, { stalled: fail, onPlaying: () => { retryPause = RETRY_FIRST_MS; } });

  start();
  return {
    retryNow() {
      if (stopped || showing(video)) return;
      retryPause = RETRY_FIRST_MS;
      start();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      watch.stop();
      teardown();
    },
  };
}

/**
 * A camera's live picture: the low-latency path where this browser has it, else (or when that path
 * cannot be had) HLS. Sets data-path on the video ('low-latency' or 'hls'). Returns { retryNow(), stop() }.
 */
export function playLive(video, cameraId, purpose, { onState = () => {} } = {}) {
  let player = null;
  const hls = () => {
    video.dataset.path = 'hls';
    player = playHls(video, liveSource(cameraId, purpose), { live: true, onState });
  };
  const lowLatency = () => {
    video.dataset.path = 'low-latency';
    player = playLowLatency(video, liveSocketSource(cameraId, purpose), {
      onState,
      onFallback: () => {
        player.stop();
        hls();
      },
    });
  };
  if (lowLatencyPossible()) lowLatency();
  else hls();
  return {
    /** The camera is back: try at once, on the low-latency path again if it had fallen back. */
    retryNow() {
      if (video.dataset.path === 'hls' && lowLatencyPossible() && !showing(video)) {
        player.stop();
        lowLatency();
        return;
      }
      player.retryNow();
    },
    stop() {
      player.stop();
    },
  };
}

const STATE_WORDS = {
  connecting: 'Connecting…',
  buffering: 'Buffering…',
  unavailable: 'No live stream — retrying',
  unsupported: 'This browser cannot play live video',
};

/**
 * A live tile: the camera's picture, its name and health, a snapshot and a way to play back the
 * last minutes, and for a camera the person may steer (camera.steerable) its PTZ controls. Health is
 * polled; when a camera comes back online the stream is tried at once.
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
  const ptz = camera.steerable ? ptzControls(camera) : null;
  const bar = element('div', { className: 'tile-bar' }, title, badge, ptz?.toggle, snapshot, playback, remove);
  const tile = element('figure', { className: 'tile', attributes: { 'data-camera-id': camera.cameraId, 'data-state': 'connecting' } },
    video, message, ptz?.panel, bar);
  bar.addEventListener('click', (event) => event.stopPropagation());
  if (onEnlarge) {
    tile.tabIndex = 0;
    tile.addEventListener('click', () => onEnlarge(tile));
    tile.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target === tile) onEnlarge(tile);
    });
  }

  const player = playLive(video, camera.cameraId, purpose, {
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
      ptz?.stop();
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
