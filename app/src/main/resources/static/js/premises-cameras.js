// A premises' manager adds its cameras: an RTSP address, or an ONVIF device whose streams SafeCity
// reads. Each stream is probed by the server; the page says what was accepted and why a stream was refused.
import { element, formatDateTime, getJson, postJson } from './console.js';

const page = document.getElementById('premises-cameras');
const notice = document.getElementById('cameras-notice');
let premisesId;

function tell(text, error) {
  notice.textContent = text;
  notice.className = error ? 'notice notice-error' : 'notice';
  notice.hidden = false;
}

async function showCameras() {
  const cameras = await getJson(`/api/v1/premises/${premisesId}/cameras`);
  document.getElementById('camera-rows').replaceChildren(...cameras.map((camera) => element('tr', {},
    element('td', { text: camera.name }), element('td', { text: camera.resolution }),
    element('td', { text: formatDateTime(camera.registeredAt) }))));
}

function describe(stream) {
  return stream.accepted
    ? `${stream.name}: accepted (${stream.codec}, ${stream.resolution}, ${stream.frameRate} fps, `
      + `${stream.recorded ? 'recorded by the Authority' : 'viewed on demand'})`
    : `${stream.name}: refused. ${stream.reason}`;
}

function submitting(form, send) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    tell('Checking the stream…', false);
    try {
      const fields = Object.fromEntries(new FormData(form));
      const answer = await send(fields);
      tell(answer, false);
      form.reset();
      await showCameras();
    } catch (error) {
      tell(error.message, true);
    } finally {
      button.disabled = false;
    }
  });
}

async function start() {
  const me = await getJson('/api/v1/me');
  premisesId = me.partnerId;
  submitting(document.getElementById('add-stream'), async (fields) => {
    const added = await postJson(`/api/v1/premises/${premisesId}/cameras`, fields);
    return describe(added);
  });
  submitting(document.getElementById('add-onvif'), async (fields) => {
    const added = await postJson(`/api/v1/premises/${premisesId}/onvif-devices`, fields);
    return added.streams.map(describe).join(' ');
  });
  await showCameras();
  page.dataset.loaded = 'true';
}

start().catch((error) => {
  tell(`Your cameras could not be loaded: ${error.message}`, true);
  page.dataset.loaded = 'error';
});
