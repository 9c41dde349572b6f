// One search across records, watchlists and challans: results grouped by type, best first. The purpose
// is asked once a session and sent with every search; the server records both with the person's name.
import { element, getJson } from './console.js';

const page = document.getElementById('search-page');
const form = document.getElementById('records-search');
const results = document.getElementById('search-results');
const notice = document.getElementById('search-notice');
const PURPOSE = 'safecity.records.purpose';

form.purpose.value = sessionStorage.getItem(PURPOSE) ?? '';
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});
if (form.q.value && form.purpose.value) run();
else page.dataset.loaded = 'true';

/** Where a result opens: a person or vehicle profile; other kinds open in their own module's pages. */
function href(hit) {
  switch (hit.type) {
    case 'person': return `/records/persons/${encodeURIComponent(hit.id)}`;
    case 'vehicle': return `/records/vehicles/${encodeURIComponent(hit.id)}`;
    case 'challan': return `/challans?plate=${encodeURIComponent(hit.title.split(' ').pop())}`;
    default: return null;
  }
}

async function run() {
  notice.hidden = true;
  page.dataset.loaded = 'false';
  sessionStorage.setItem(PURPOSE, form.purpose.value);
  const query = new URLSearchParams({ q: form.q.value, purpose: form.purpose.value });
  history.replaceState(null, '', `/search?q=${encodeURIComponent(form.q.value)}`);
  try {
    const found = await getJson(`/api/v1/search?${query}`);
    results.replaceChildren(...found.groups.map(group));
    if (!found.groups.some((g) => g.results.length)) results.append(element('p', { className: 'muted', text: 'Nothing found.' }));
  } catch (error) {
    notice.textContent = error.message;
    notice.hidden = false;
  }
  page.dataset.loaded = 'true';
}

function group(g) {
  const list = element('ol');
  for (const hit of g.results) {
    const target = href(hit);
    const title = target ? element('a', { text: hit.title, attributes: { href: target } }) : element('strong', { text: hit.title });
    list.append(element('li', { attributes: { 'data-type': g.type } }, title, element('span', { text: ` ${hit.subtitle ?? ''} ` }),
      element('span', { className: 'why', text: `matched by ${hit.matchedBy.join(', ')}` })));
  }
  if (!g.results.length) list.append(element('li', { className: 'muted', text: 'None.' }));
  if (g.more && g.results.length) list.append(element('li', { className: 'muted more', text: 'More found than shown: narrow the search (CNIC, phone, father\'s name).' }));
  return element('section', { className: 'records-group', attributes: { 'data-type': g.type } }, element('h2', { text: `${g.type}s` }), list);
}
