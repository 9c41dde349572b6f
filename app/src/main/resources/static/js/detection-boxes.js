// The boxes of what a camera's analysis found in its latest frame, drawn on a canvas over its live
// video: plates (with their text), faces, people and vehicles. Polled while boxes keep coming; a camera
// no node analyses is asked less often, and one the person may not see is not asked again.
import { getJson } from './console.js';

const BUSY_EVERY_MS = 1_000;
const IDLE_EVERY_MS = 5_000;
/** Boxes of a frame older than this are no longer what the camera shows. */
const CURRENT_FOR_MS = 3_000;
const COLOURS = { plate: '#ffd400', face: '#ff5a4e', object: '#4fa3ff' };

/** The part of an element a picture of the given aspect fills with object-fit: contain. */
function fitted(width, height, pictureWidth, pictureHeight) {
  const scale = Math.min(width / pictureWidth, height / pictureHeight);
  const w = pictureWidth * scale;
  const h = pictureHeight * scale;
  return { x: (width - w) / 2, y: (height - h) / 2, scale };
}

/**
 * Puts a canvas over {@code video} inside {@code holder} (positioned) and draws the camera's current
 * boxes on it. The canvas says how many boxes it shows in data-boxes. Returns { stop() }.
 */
export function showDetections(holder, video, cameraId) {
  const canvas = document.createElement('canvas');
  canvas.className = 'detection-boxes';
  canvas.dataset.boxes = '0';
  canvas.setAttribute('aria-hidden', 'true');
  holder.insertBefore(canvas, video.nextSibling);
  let timer = null;
  let stopped = false;

  const draw = (frame) => {
    const ratio = window.devicePixelRatio || 1;
    const width = holder.clientWidth;
    const height = holder.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    const current = frame && frame.ageMillis != null && frame.ageMillis <= CURRENT_FOR_MS ? frame.boxes : [];
    canvas.dataset.boxes = String(current.length);
    if (!current.length) return;
    // the video's own size when it plays, else the analysed frame's (same camera, same aspect)
    const place = fitted(width, height, video.videoWidth || frame.width, video.videoHeight || frame.height);
    const scale = place.scale * ((video.videoWidth || frame.width) / frame.width);
    g.lineWidth = 2;
    g.font = '600 12px sans-serif';
    g.textBaseline = 'bottom';
    for (const box of current) {
      const colour = COLOURS[box.kind] ?? '#ffffff';
      const x = place.x + box.x * scale;
      const y = place.y + box.y * scale;
      g.strokeStyle = colour;
      g.strokeRect(x, y, box.width * scale, box.height * scale);
      const text = `${box.label} ${Math.round(box.confidence * 100)}%`;
      const textWidth = g.measureText(text).width + 6;
      g.fillStyle = colour;
      g.fillRect(x, Math.max(0, y - 16), textWidth, 16);
      g.fillStyle = '#000';
      g.fillText(text, x + 3, Math.max(16, y));
    }
  };

  const poll = async () => {
    let every = IDLE_EVERY_MS;
    try {
      const frame = await getJson(`/api/v1/cameras/${cameraId}/analytics/boxes`);
      if (stopped) return;
      draw(frame);
      if (frame.ageMillis != null && frame.ageMillis <= 60_000) every = BUSY_EVERY_MS;
    } catch (error) {
      if (error.status === 403 || error.status === 404) {
        draw(null);
        return; // not this person's to see: no use asking again
      }
    }
    if (!stopped) timer = setTimeout(poll, every);
  };
  poll();

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      canvas.remove();
    },
  };
}
