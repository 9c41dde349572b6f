// What the e-challan pages share: a violation's evidence images, its measurement (speed, signal,
// direction, analytic confidence), its facts and a history timeline, all from the traffic API.
import { element, formatDateTime, formatRupees, getJson, words } from './console.js';

const MEASUREMENT = [
  ['speedKmh', 'Speed', (v) => `${v} km/h`],
  ['limitKmh', 'Limit', (v) => `${v} km/h`],
  ['toleranceKmh', 'Tolerance', (v) => `${v} km/h`],
  ['averageSpeedKmh', 'Average speed', (v) => `${v} km/h`],
  ['signalPhase', 'Signal', words],
  ['approach', 'Approach', String],
  ['distanceM', 'Section length', (v) => `${v} m`],
  ['enteredAt', 'Entered the section', formatDateTime],
  ['direction', 'Direction of travel', words],
  ['allowedDirection', 'Allowed direction', words],
  ['analyticConfidence', 'Analytic confidence', percent],
];

/** A confidence as a percentage; the API gives a fraction. */
export function percent(value) {
  if (value == null) return '—';
  const number = Number(value);
  return `${Math.round(number <= 1 ? number * 100 : number)}%`;
}

export function rupees(value) {
  return value == null ? '—' : formatRupees(value);
}

/** Definition-list rows from [label, value] pairs, leaving out what is unknown. */
export function facts(list, pairs) {
  list.replaceChildren(...pairs.filter(([, value]) => value != null && value !== '')
    .flatMap(([label, value]) => [element('dt', { text: label }), element('dd', { text: String(value) })]));
}

export function measurementFacts(list, measurement) {
  const present = MEASUREMENT.filter(([key]) => measurement?.[key] != null);
  facts(list, present.map(([key, label, show]) => [label, show(measurement[key])]));
  list.hidden = present.length === 0;
}

/** An image's name as a caption: `plateImage.jpg` is the plate crop, `sceneImage.jpg` the scene. */
function caption(name) {
  if (/plate/i.test(name)) return 'Plate crop';
  return words(String(name).replace(/\.\w+$/, '').replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** The scene images and the plate crop, each with its caption; the plate crop sits beside the scene. */
export function evidenceImages(container, images) {
  container.replaceChildren(...(images ?? []).map((image) => element('figure',
    { className: /plate/i.test(image.name) ? 'evidence-image plate-crop' : 'evidence-image' },
    element('a', { attributes: { href: image.url, target: '_blank', rel: 'noopener' } },
      element('img', { attributes: { src: image.url, alt: caption(image.name), loading: 'lazy' } })),
    element('figcaption', { text: caption(image.name) }))));
  if (!images?.length) container.append(element('p', { className: 'muted', text: 'No images with this violation.' }));
}

export function timeline(list, history) {
  list.replaceChildren(...(history ?? []).map((step) => element('li', {},
    element('span', { className: 'when', text: formatDateTime(step.at) }),
    element('strong', { text: words(step.what) }),
    step.by ? element('span', { className: 'who', text: `by ${step.by}` }) : null,
    step.note ? element('div', { className: 'note', text: step.note }) : null)));
  if (!history?.length) list.append(element('li', { className: 'muted', text: 'Nothing recorded yet.' }));
}

/** Where a violation happened, as people say it: the site, its city, the camera. */
export function place(item) {
  return [item.siteName, item.cityCode, item.cameraCode ?? (item.cameraId ? `camera ${item.cameraId}` : null)]
    .filter(Boolean).join(' · ') || '—';
}

export function statusBadge(target, status) {
  target.textContent = words(status);
  target.className = `badge status-${String(status).toLowerCase()}`;
}

/** Shows an error in a page's notice; a null message hides it. */
export function notify(notice, message) {
  notice.textContent = message ?? '';
  notice.hidden = message == null;
}

/** A form's non-empty fields as query parameters. */
export function queryOf(form, extra = {}) {
  const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => String(v).trim() !== '')
    .map(([k, v]) => [k, String(v).trim()]));
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query;
}

/**
 * A reader for a list that the person may ask for again before the last answer came: an answer
 * to an older request resolves to null, so a slow first load cannot overwrite a newer filter.
 */
export function newestOnly() {
  let asked = 0;
  return async (path) => {
    const mine = ++asked;
    const body = await getJson(path);
    return mine === asked ? body : null;
  };
}
