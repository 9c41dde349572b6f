// The proposed links: each says which record may be which person and why; the analyst confirms or
// rejects it with a reason, which is kept with their name (the records API decides and records it).
import { element, getJson, postJson } from './console.js';

const page = document.getElementById('links-page');
const list = document.getElementById('proposals');
const notice = document.getElementById('links-notice');

load();

async function load() {
  page.dataset.loaded = 'false';
  try {
    const proposals = await getJson('/api/v1/records/link-proposals');
    list.replaceChildren(...proposals.map(row));
    if (!proposals.length) list.append(element('li', { className: 'muted', text: 'No link is waiting for a decision.' }));
  } catch (error) {
    say(error.message, true);
  }
  page.dataset.loaded = 'true';
}

function person(id) {
  return element('a', { text: `person ${id}`, attributes: { href: `/records/persons/${id}` } });
}

function row(p) {
  const reason = element('input', { attributes: { name: 'reason', maxlength: '500', placeholder: 'Why (required)', 'aria-label': 'Reason' } });
  const confirm = element('button', { className: 'button-primary', text: 'Confirm', attributes: { type: 'button', 'data-action': 'confirm' } });
  const reject = element('button', { className: 'button-quiet', text: 'Reject', attributes: { type: 'button', 'data-action': 'reject' } });
  confirm.addEventListener('click', () => decide(p, 'confirm', reason.value));
  reject.addEventListener('click', () => decide(p, 'reject', reason.value));
  return element('li', { attributes: { 'data-proposal': String(p.id) } },
    element('strong', { text: p.recordTitle }),
    element('span', { text: ` (${p.role}, ${p.source} record ${p.sourceRecordId}), now ` }),
    p.linkedPersonId ? person(p.linkedPersonId) : element('span', { text: 'unlinked' }),
    element('span', { text: ', may be ' }), person(p.personId),
    element('div', { className: 'why', text: `Proposed because: ${p.reason}` }),
    element('div', { className: 'decision' }, reason, confirm, reject));
}

async function decide(p, action, reason) {
  try {
    const answer = await postJson(`/api/v1/records/link-proposals/${p.id}/${action}`, { reason });
    say(action === 'confirm'
      ? `Confirmed: ${p.recordTitle} is now linked to person ${p.personId} (link ${answer.linkId}); undo it from that person's profile.`
      : `Rejected: ${p.recordTitle} stays with its own person.`, false);
    await load();
  } catch (error) {
    say(error.message, true);
  }
}

function say(text, isError) {
  notice.textContent = text;
  notice.className = isError ? 'notice notice-error' : 'notice';
  notice.hidden = false;
}
