// A person's or vehicle's profile: every value with the source and time it came from, the records behind
// it, and what it links to. Opening it needs a purpose, recorded with the person's name.
import { element, formatDateTime, getJson, postJson } from './console.js';

const page = document.getElementById('profile-page');
const form = document.getElementById('profile-purpose');
const body = document.getElementById('profile-body');
const notice = document.getElementById('profile-notice');
const title = document.getElementById('profile-title');
const PURPOSE = 'safecity.records.purpose';
const { kind, key, canLink } = page.dataset;
const extract = document.getElementById('profile-extract');
const path = kind === 'person' ? `/api/v1/persons/${encodeURIComponent(key)}` : `/api/v1/vehicles/${encodeURIComponent(key)}`;

// The profile, as this reader sees it, into an evidence case: sealed (content-addressed) and signed with the case's export.
extract?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = document.getElementById('extract-result');
  result.textContent = '';
  try {
    const item = await postJson(`${path}/extracts`, { caseId: extract.caseId.value.trim(), purpose: form.purpose.value });
    result.textContent = `Added to the case as item ${item.id}, sealed SHA-256 ${item.sha256.slice(0, 16)}…`;
    result.dataset.item = item.id;
  } catch (error) {
    result.textContent = error.message;
  }
});

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
  try {
    const profile = await getJson(`${path}?${new URLSearchParams({ purpose: form.purpose.value })}`);
    draw(profile);
    if (extract) extract.hidden = false;
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
  sections.push(list('Records', profile.records ?? [], (r) => element('li', { attributes: { 'data-kind': r.kind, 'data-link': String(r.linkId) } },
    element('strong', { text: r.title }),
    element('span', { className: 'why', text: ` ${r.sourceName}, record ${r.sourceRecordId} v${r.version}, ${formatDateTime(r.receivedAt)}` }),
    element('div', { className: 'why', text: `Linked ${r.linkStrength === 'CONFIRMED' ? 'by an analyst' : 'by a strong key'}: ${r.linkedBy}, ${formatDateTime(r.linkedAt)}, because ${r.linkReason}` }),
    r.linkStrength === 'CONFIRMED' && canLink === 'true' ? undoForm(r) : '')));
  if (profile.proposals?.length) {
    sections.push(list('Proposed links', profile.proposals, (p) => element('li', {},
      element('strong', { text: p.recordTitle }),
      element('span', { className: 'why', text: ` may be person ${p.personId}: ${p.reason} ` }),
      element('a', { text: 'decide', attributes: { href: '/records/links' } }))));
  }
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
  sections.push(linkView(kind === 'person' ? `person:${profile.id}` : `vehicle:${profile.plate ?? key}`, title.textContent));
  body.replaceChildren(...sections);
}

function undoForm(r) {
  const reason = element('input', { attributes: { name: 'reason', maxlength: '500', placeholder: 'Why undo (required)', 'aria-label': 'Why undo' } });
  const button = element('button', { className: 'button-quiet', text: 'Undo merge', attributes: { type: 'button', 'data-action': 'undo' } });
  button.addEventListener('click', async () => {
    try {
      await postJson(`/api/v1/records/links/${r.linkId}/undo`, { reason: reason.value });
      await open();
    } catch (error) {
      notice.textContent = error.message;
      notice.hidden = false;
    }
  });
  return element('div', { className: 'decision' }, reason, button);
}

/** The link view: person – vehicle – phone – FIR – case, one step at a time, each node expanded on request. */
function linkView(root, label) {
  const tree = element('ol', { className: 'link-tree' }, node({ id: root, type: root.split(':')[0], label }, '', ''));
  return element('section', { className: 'records-group', attributes: { 'data-section': 'Links' } },
    element('h2', { text: 'Links' }), tree);
}

function node(n, relation, via) {
  const item = element('li', { attributes: { 'data-node': n.id } },
    element('span', { className: 'why', text: relation ? `${relation} · ` : '' }),
    n.type === 'person' ? element('a', { text: n.label, attributes: { href: `/records/persons/${n.id.slice(7)}` } })
      : n.type === 'vehicle' ? element('a', { text: n.label, attributes: { href: `/records/vehicles/${encodeURIComponent(n.id.slice(8))}` } })
        : element('strong', { text: `${n.type} ${n.label}` }),
    element('span', { className: 'why', text: via ? ` (${via})` : '' }));
  if (n.type !== 'case') {
    const expand = element('button', { className: 'button-quiet', text: 'Expand', attributes: { type: 'button', 'data-action': 'expand' } });
    expand.addEventListener('click', async () => {
      expand.disabled = true;
      try {
        const step = await getJson(`/api/v1/records/links?${new URLSearchParams({ from: n.id, purpose: form.purpose.value })}`);
        const children = element('ol');
        for (const neighbour of step.nodes) {
          const edge = step.edges.find((e) => e.to === neighbour.id) ?? {};
          children.append(node(neighbour, edge.relation, edge.source));
        }
        if (!step.nodes.length) children.append(element('li', { className: 'muted', text: 'Nothing further.' }));
        item.append(children);
        expand.remove();
      } catch (error) {
        expand.disabled = false;
        notice.textContent = error.message;
        notice.hidden = false;
      }
    });
    item.append(expand);
  }
  return item;
}

function list(heading, items, row) {
  const ol = element('ol');
  items.forEach((item) => ol.append(row(item)));
  if (!items.length) ol.append(element('li', { className: 'muted', text: 'None.' }));
  return element('section', { className: 'records-group', attributes: { 'data-section': heading } }, element('h2', { text: heading }), ol);
}
