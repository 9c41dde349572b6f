// The citizen's challan lookup: plate + CNIC in, the owner's challans out, each with its evidence
// photo, amount due, due date, payment reference, status, notice and a contest form. An answer
// with no challans reads the same whatever the reason, so the page reveals nothing about others.
// Every word is in the page's language (portal-texts.js).
import { element, formatDate, formatDateTime } from './console.js';
import { publicCall, TooManyRequests } from './portal-api.js';
import { language, rupees, t } from './portal-texts.js';

const form = document.getElementById('lookup');
const message = document.getElementById('lookup-message');
const results = document.getElementById('results');
const page = document.getElementById('portal-challans');

function say(kind, text) {
  message.className = `notice notice-${kind}`;
  message.textContent = text;
  message.hidden = false;
}

/** The offence in the page's language: the API gives the schedule's English name and its Urdu. */
function offenceName(challan) {
  return (language === 'ur' && challan.offenceNameUrdu) || challan.offenceName;
}

function asked() {
  const plate = form.elements.plate.value.trim();
  const cnic = form.elements.cnic.value.replace(/\D/g, '');
  return { plate, cnic };
}

async function lookup({ quiet = false } = {}) {
  const { plate, cnic } = asked();
  if (!plate) return invalid(form.elements.plate, t('enterPlate'));
  if (cnic.length !== 13) return invalid(form.elements.cnic, t('enterCnic'));
  page.dataset.loaded = 'false';
  if (!quiet) {
    message.hidden = true;
    results.replaceChildren();
  }
  try {
    const found = await publicCall(`/api/public/challans?${new URLSearchParams({ plate, cnic })}`);
    results.replaceChildren(...found.items.map((challan) => card(challan, { plate, cnic })));
    if (found.items.length === 0) {
      say('info', t('none'));
    } else if (!quiet) {
      say('info', found.items.length === 1 ? t('found.one') : t('found.many', { n: found.items.length }));
    }
  } catch (error) {
    say(error instanceof TooManyRequests ? 'warn' : 'error', error.message);
  } finally {
    page.dataset.loaded = 'true';
  }
}

function invalid(input, text) {
  input.setAttribute('aria-invalid', 'true');
  input.focus();
  say('error', text);
}

function fact(label, value, className) {
  return [element('dt', { text: t(label) }), element('dd', { className, text: value })];
}

function card(challan, owner) {
  const article = element('article', { className: 'portal-card challan', attributes: { 'data-number': challan.number } },
    element('div', { className: 'challan-head' },
      element('h2', { text: t('challan', { number: challan.number }) }),
      element('span', { className: `status status-${String(challan.status).toLowerCase()}`, text: t(`status.${challan.status}`) })),
    element('p', { className: 'offence', text: `${offenceName(challan)} · ${challan.place ?? ''} · ${formatDateTime(challan.observedAt)}` }),
    challan.evidenceUrl ? element('figure', { className: 'evidence' },
      element('img', { attributes: { src: challan.evidenceUrl, alt: t('evidenceAlt', { number: challan.number }) } }),
      element('figcaption', { text: t('evidenceCaption') })) : null,
    element('dl', { className: 'challan-facts' },
      ...fact('amountDue', rupees(challan.amountDuePkr), 'amount'),
      ...fact('fine', rupees(challan.finePkr)),
      ...(challan.surchargePkr ? fact('surcharge', rupees(challan.surchargePkr)) : []),
      ...fact('dueDate', formatDate(challan.dueDate)),
      ...fact('reference', challan.paymentReference ?? '—', 'reference')),
    challan.noticeUrl ? element('a', { className: 'button-primary notice-link', text: t('download'),
      attributes: { href: challan.noticeUrl, download: `${challan.number}.pdf` } }) : null,
    contestPart(challan, owner));
  return article;
}

function contestPart(challan, owner) {
  const contest = challan.contest;
  if (contest) {
    return element('section', { className: 'contest' },
      element('h3', { text: t('yourContest') }),
      element('p', { className: 'contest-status', text: t(`contest.${contest.status}`) }),
      element('blockquote', { text: contest.statement }),
      contest.reason ? element('p', { text: `${t('reasonGiven', { reason: contest.reason })}${contest.decidedAt ? ` (${formatDateTime(contest.decidedAt)})` : ''}` }) : null);
  }
  if (challan.status !== 'ISSUED') return null;
  const id = `statement-${challan.number}`;
  const statement = element('textarea', { attributes: { id, name: 'statement', rows: '4', maxlength: '2000', required: '' } });
  const feedback = element('p', { className: 'notice', attributes: { role: 'status', hidden: '' } });
  const contestForm = element('form', { className: 'contest-form' },
    element('label', { attributes: { for: id }, text: t('statement') }),
    statement,
    element('button', { className: 'button-quiet', attributes: { type: 'submit' }, text: t('contestSubmit') }),
    feedback);
  contestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = statement.value.trim();
    if (!text) {
      feedback.className = 'notice notice-error';
      feedback.textContent = t('writeFirst');
      feedback.hidden = false;
      statement.focus();
      return;
    }
    try {
      await publicCall(`/api/public/challans/${encodeURIComponent(challan.number)}/contest`,
        { method: 'POST', body: { plate: owner.plate, cnic: owner.cnic, statement: text } });
      say('info', t('contestReceived', { number: challan.number }));
      await lookup({ quiet: true });
    } catch (error) {
      feedback.className = `notice ${error instanceof TooManyRequests ? 'notice-warn' : 'notice-error'}`;
      feedback.textContent = error.message;
      feedback.hidden = false;
    }
  });
  return element('details', { className: 'contest' },
    element('summary', { text: t('contestSummary') }), contestForm);
}

for (const input of [form.elements.plate, form.elements.cnic]) {
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  lookup();
});
