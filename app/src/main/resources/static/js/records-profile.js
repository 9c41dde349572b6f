// A person's or vehicle's profile: every value with the source and time it came from, the records behind
// it, and what it links to. Opening it needs a purpose, recorded with the person's name.
import { element, formatDateTime, getJson } from './console.js';

const page = document.getElementById('profile-page');
const form = document.getElementById('profile-purpose');
const body = document.getElementById('profile-body');
const notice = document.getElementById('profile-notice');
const title = document.getElementById('profile-title');
const PURPOSE = 'safecity.records.purpose';
const { kind, key } = page.dataset;

form.purpose.value = sessionStorage.getItem(PURPOSE) ?? '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  open();
});
if (form.purpose.value) open();
else page.dataset.loaded = 'true';

async function open() {
  notice.hidden = true;
  page.dataset.loaded = 'false';
  sessionStorage.setItem(PURPOSE, form.purpose.value);
  const path = kind === 'person' ? `/api/v1/persons/${encodeURIComponent(key)}` : `/api/v1/vehicles/${encodeURIComponent(key)}`;
  try {
    const profile = await getJson(`${path}?${new URLSearchParams({ purpose: form.purpose.value })}`);
    draw(profile);
  } catch (error) {
    notice.textContent = error.message;
    notice.hidden = false;
  }
  page.dataset.loaded = 'true';
}

function sourced(fact) {
  return element('dd', {}, element('span', { text: fact.value }),
    element('span', { className: 'source', text: ` · ${fact.source} ${fact.sourceRecordId}, ${formatDateTime(fact.receivedAt)}${fact.current ? '' : ' (earlier version)'}` }));
}

function draw(profile) {
  const names = profile.facts?.name?.map((f) => f.value) ?? profile.facts?.nameUrdu?.map((f) => f.value) ?? [];
  title.textContent = kind === 'person' ? (names[0] ?? `Person ${profile.id}`) : (profile.plate ?? profile.chassis);
  const facts = element('dl', { className: 'profile-facts' });
  for (const [name, values] of Object.entries(profile.facts ?? {})) {
    facts.append(element('dt', { text: name }), ...values.map(sourced));
  }
  const sections = [element('section', { className: 'records-group' }, element('h2', { text: 'What is known' }), facts)];
  const related = kind === 'person' ? profile.vehicles : profile.owners;
  sections.push(list(kind === 'person' ? 'Vehicles' : 'Persons', related ?? [], (r) => element('li', {},
    element('a', { text: r.title, attributes: { href: r.type === 'vehicle' ? `/records/vehicles/${encodeURIComponent(r.id)}` : `/records/persons/${r.id}` } }),
    element('span', { className: 'why', text: ` ${r.relation} · ${r.source}, ${formatDateTime(r.receivedAt)}` }))));
  sections.push(list('Records', profile.records ?? [], (r) => element('li', { attributes: { 'data-kind': r.kind } },
    element('strong', { text: r.title }),
    element('span', { className: 'why', text: ` ${r.sourceName}, record ${r.sourceRecordId} v${r.version}, ${formatDateTime(r.receivedAt)} · linked: ${r.linkReason}` }))));
  sections.push(list('Watchlist entries', profile.watchlistEntries ?? [], (e) => element('li', {},
    element('strong', { text: e.listName }), element('span', { text: ` ${e.reason}` }))));
  sections.push(list('Challans', profile.challans ?? [], (c) => element('li', {},
    element('strong', { text: c.number }), element('span', { text: ` ${c.offenceName}, Rs ${c.finePkr}, ${c.status}` }))));
  if (profile.incidents) {
    sections.push(list('Incidents called in', profile.incidents, (i) => element('li', {},
      element('a', { text: `${i.type} #${i.id}`, attributes: { href: `/incidents/${i.id}` } }),
      element('span', { text: ` ${i.status}, ${formatDateTime(i.openedAt)}` }))));
  }
  sections.push(list('Latest sightings', profile.sightings ?? [], (p) => element('li', {},
    element('strong', { text: formatDateTime(p.observedAt) }), element('span', { text: ` camera ${p.cameraId}, read ${p.plateRead}` }))));
  body.replaceChildren(...sections);
}

function list(heading, items, row) {
  const ol = element('ol');
  items.forEach((item) => ol.append(row(item)));
  if (!items.length) ol.append(element('li', { className: 'muted', text: 'None.' }));
  return element('section', { className: 'records-group', attributes: { 'data-section': heading } }, element('h2', { text: heading }), ol);
}
