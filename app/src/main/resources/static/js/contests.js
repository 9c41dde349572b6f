// Contests: each open contest with the citizen's statement, the challan and the violation's
// evidence; the adjudicator upholds (the challan stands, due again) or cancels, with a reason.
import { element, formatDateTime, getJson, postJson, words } from './console.js';
import { evidenceImages, measurementFacts, notify, queryOf } from './traffic.js';

const page = document.getElementById('contests');
const filter = document.getElementById('contest-filter');
const notice = document.getElementById('contests-notice');
const container = document.getElementById('contest-list');

async function load() {
  try {
    const found = await getJson(`/api/v1/contests?${queryOf(filter, { size: '100' })}`);
    container.replaceChildren(...found.items.map(card));
    document.getElementById('contests-empty').hidden = found.items.length > 0;
    notify(notice, null);
    await Promise.all(found.items.map(addEvidence));
  } catch (error) {
    notify(notice, error.message);
  } finally {
    page.dataset.loaded = 'true';
  }
}

function card(contest) {
  const images = element('div', { className: 'evidence-images' });
  const measurement = element('dl', { className: 'em-facts measurement', attributes: { hidden: '' } });
  const result = element('p', { className: 'notice notice-info', attributes: { role: 'status', hidden: '' } });
  const badge = element('span', { className: `badge status-${String(contest.status).toLowerCase()}`, text: words(contest.status) });
  const article = element('article', { className: 'card contest', attributes: { 'data-contest-id': contest.id, 'data-challan': contest.challanNumber } },
    element('div', { className: 'em-title' },
      element('h2', {}, element('a', { text: contest.challanNumber, attributes: { href: `/challans/${encodeURIComponent(contest.challanNumber)}` } }),
        ` · ${contest.plate ?? ''} · ${contest.offenceName ?? ''}`),
      badge),
    element('p', { className: 'muted', text: `Submitted ${formatDateTime(contest.submittedAt)}` }),
    element('blockquote', { className: 'statement', text: contest.statement }),
    images, measurement,
    contest.status === 'OPEN' ? decision(contest, result, badge) : element('p', {
      text: `${words(contest.status)} ${contest.decidedAt ? formatDateTime(contest.decidedAt) : ''}${contest.decidedBy ? ` by ${contest.decidedBy}` : ''}: ${contest.reason ?? ''}` }),
    result);
  article.evidence = { images, measurement };
  return article;
}

function decision(contest, result, badge) {
  const reason = element('input', { attributes: { name: 'reason', required: '', maxlength: '500', 'aria-label': `Reason for ${contest.challanNumber}` } });
  const form = element('form', { className: 'inline-form decision' },
    element('label', { text: 'Reason ' }, reason),
    element('button', { className: 'button-primary', text: 'Uphold', attributes: { type: 'submit', value: 'uphold' } }),
    element('button', { className: 'button-quiet button-danger', text: 'Cancel challan', attributes: { type: 'submit', value: 'cancel' } }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const action = event.submitter?.value ?? 'uphold';
    const text = reason.value.trim();
    if (!text) {
      notify(result, 'Give a reason; the citizen will read it.');
      reason.focus();
      return;
    }
    try {
      const decided = await postJson(`/api/v1/contests/${encodeURIComponent(contest.id)}/${action}`, { reason: text });
      const status = decided?.status ?? (action === 'uphold' ? 'UPHELD' : 'CANCELLED');
      form.replaceWith(element('p', { text: `${words(status)}: ${text}` }));
      badge.textContent = words(status);
      badge.className = `badge status-${status.toLowerCase()}`;
      notify(result, action === 'uphold' ? 'Upheld: the challan stands and is due again.' : 'Cancelled: the challan is withdrawn.');
    } catch (error) {
      notify(result, error.message);
    }
  });
  return form;
}

async function addEvidence(contest) {
  if (contest.violationId == null) return;
  const article = container.querySelector(`[data-contest-id="${CSS.escape(String(contest.id))}"]`);
  try {
    const violation = await getJson(`/api/v1/violations/${encodeURIComponent(contest.violationId)}`);
    evidenceImages(article.evidence.images, violation.images);
    measurementFacts(article.evidence.measurement, violation.measurement);
  } catch (error) {
    article.evidence.images.replaceChildren(element('p', { className: 'muted', text: `Evidence not available: ${error.message}` }));
  }
}

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  load();
});
load();
