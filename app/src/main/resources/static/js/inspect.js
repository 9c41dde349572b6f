// The inspector's page, sized for a phone: opens a premises, lists its category's checklist, and
// records the visit (each item as found, findings, outcome), then sends its photos, each kept as an
// evidence item; the server's refusal is shown as said.
import { csrfHeader, element, getJson, postJson } from './console.js';

const page = document.getElementById('inspect');
const find = document.getElementById('find-premises');
const visit = document.getElementById('visit');
const notice = document.getElementById('inspect-notice');
const checklist = document.getElementById('checklist');
let premisesId = new URLSearchParams(window.location.search).get('premises');

function say(text, kind) {
  notice.textContent = text;
  notice.className = `notice${kind ? ` notice-${kind}` : ''}`;
  notice.hidden = false;
}

async function open(id) {
  premisesId = id;
  notice.hidden = true;
  try {
    const [premises, items] = await Promise.all([getJson(`/api/v1/premises/${id}`), getJson(`/api/v1/premises/${id}/checklist`)]);
    document.getElementById('premises-name').textContent = `${premises.name} (${premises.category})`;
    checklist.replaceChildren(element('legend', { text: 'Checklist (tick what you found met)' }),
      ...items.map((item) => element('label', { className: 'check-item' },
        element('input', { attributes: { type: 'checkbox', 'data-item': item } }), ` ${item}`)));
    if (items.length === 0) checklist.append(element('p', { className: 'muted', text: 'Its category names nothing to check yet.' }));
    visit.hidden = false;
  } catch (error) {
    visit.hidden = true;
    say(error.message, 'error');
  }
}

// one photo as multipart (the browser sets the boundary); a refusal reads as the server's words
async function sendPhoto(inspectionId, photo, caption) {
  const form = new FormData();
  form.append('photo', photo);
  const query = caption ? `?caption=${encodeURIComponent(caption)}` : '';
  const response = await fetch(`/api/v1/premises/${premisesId}/inspections/${inspectionId}/photos${query}`, {
    method: 'POST', body: form, headers: { Accept: 'application/json', ...csrfHeader() } });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${photo.name}: ${answer.detail || answer.title || response.statusText}`);
  return { name: photo.name, ...answer };
}

find.addEventListener('submit', (event) => {
  event.preventDefault();
  open(find.elements.premises.value.trim());
});

visit.addEventListener('submit', async (event) => {
  event.preventDefault();
  const found = {};
  for (const box of checklist.querySelectorAll('input[data-item]')) found[box.dataset.item] = box.checked;
  const body = { checklist: found, outcome: visit.elements.outcome.value || null };
  const findings = visit.elements.findings.value.trim();
  if (findings) body.findings = findings;
  try {
    const recorded = await postJson(`/api/v1/premises/${premisesId}/inspections`, body);
    const photos = [...visit.elements.photos.files];
    const caption = visit.elements.caption.value.trim();
    const kept = [];
    for (const photo of photos) kept.push(await sendPhoto(recorded.id, photo, caption));
    say(`Visit recorded: ${body.outcome === 'PASSED' ? 'passed' : 'failed'}`
      + (kept.length ? `, with ${kept.length} photo${kept.length === 1 ? '' : 's'} kept as evidence.` : '.'), 'success');
    document.getElementById('photos-kept').replaceChildren(...kept.map((item) =>
      element('li', { text: `${item.name}: evidence item ${item.evidenceItemId}, SHA-256 ${item.sha256}` })));
    visit.reset();
  } catch (error) {
    say(error.message, 'error');
  }
});

(async () => {
  if (premisesId) {
    find.elements.premises.value = premisesId;
    await open(premisesId);
  }
})().finally(() => { page.dataset.loaded = 'true'; });
