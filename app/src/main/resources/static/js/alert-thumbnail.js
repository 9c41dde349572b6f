// An alert's picture (plate crop, the scene its camera sent, or the camera's frame at the moment) with
// the camera's name, for the alert feed and the map. Read through the alert's own endpoint, so it follows
// the alert's access rules and each reading is on the record.

const RETRY_MS = 2_000;
/** The recording writes the moment's video a few seconds after it: a fresh alert's frame is asked for again. */
const FRESH_MS = 30_000;

/** A figure that fills itself; {@code small} for a marker on the map. */
export function alertThumbnail(alert, { small = false } = {}) {
  const figure = document.createElement('figure');
  figure.className = small ? 'alert-thumb alert-thumb-small' : 'alert-thumb';
  figure.dataset.alertId = String(alert.id);
  figure.dataset.state = 'loading';
  const image = document.createElement('img');
  image.alt = `Picture of the alert at ${alert.cameraName ?? `camera ${alert.cameraId}`}`;
  image.hidden = true;
  figure.append(image);
  if (!small) {
    const caption = document.createElement('figcaption');
    caption.textContent = [alert.cameraName ?? `Camera ${alert.cameraId}`, alert.siteName].filter(Boolean).join(' · ');
    figure.append(caption);
  }
  if (alert.type === 'CAMERA_OFFLINE') {
    none(figure, 'No picture: the camera is dark');
    return figure;
  }
  load(alert, figure, image);
  return figure;
}

async function load(alert, figure, image) {
  const seen = Date.parse(alert.observedAt);
  for (;;) {
    let answer;
    try {
      answer = await fetch(`/api/v1/alerts/${alert.id}/thumbnail`, { credentials: 'same-origin' });
    } catch {
      answer = null;
    }
    if (answer?.status === 200) {
      const url = URL.createObjectURL(await answer.blob());
      image.addEventListener('load', () => { figure.dataset.state = 'shown'; }, { once: true });
      image.src = url;
      image.hidden = false;
      figure.dataset.source = answer.headers.get('X-Thumbnail-Source') ?? '';
      return;
    }
    // 204: no picture, or not yet
    if (answer?.status !== 204 || Date.now() - seen > FRESH_MS) {
      none(figure, 'No picture');
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, RETRY_MS); });
  }
}

function none(figure, text) {
  figure.dataset.state = 'none';
  const note = document.createElement('span');
  note.className = 'alert-thumb-none';
  note.textContent = text;
  figure.prepend(note);
}
