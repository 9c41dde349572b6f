// The citizen's challan lookup: plate + CNIC in, the owner's challans out, each with its evidence
// photo, amount due, due date, payment reference, status, notice and a contest form. An answer
// with no challans reads the same whatever the reason, so the page reveals nothing about others.
import { element, formatDate, formatDateTime, formatRupees } from './console.js';
import { publicCall, TooManyRequests } from './portal-api.js';

const form = document.getElementById('lookup');
const message = document.getElementById('lookup-message');
const results = document.getElementById('results');
const page = document.getElementById('portal-challans');

const STATUS = {
  ISSUED: ['Unpaid', 'غیر ادا شدہ'],
  PAID: ['Paid', 'ادا شدہ'],
  CONTESTED: ['Contested, under review', 'اعتراض زیر غور'],
  CANCELLED: ['Cancelled', 'منسوخ'],
};
const CONTEST = {
  OPEN: 'Pending decision',
  UPHELD: 'Decided: the challan stands and is due',
  CANCELLED: 'Decided: the challan is cancelled',
};

function say(kind, text) {
  message.className = `notice notice-${kind}`;
  message.textContent = text;
  message.hidden = false;
}

function bilingual(english, urdu) {
  return [english, ' ', element('span', { text: urdu, attributes: { lang: 'ur', dir: 'rtl' } })];
}

function asked() {
  const plate = form.elements.plate.value.trim();
  const cnic = form.elements.cnic.value.replace(/\D/g, '');
  return { plate, cnic };
}

async function lookup({ quiet = false } = {}) {
  const { plate, cnic } = asked();
  if (!plate) return invalid(form.elements.plate, 'Enter the vehicle number.');
  if (cnic.length !== 13) return invalid(form.elements.cnic, 'Enter the 13 digits of the owner\'s CNIC.');
  page.dataset.loaded = 'false';
  if (!quiet) {
    message.hidden = true;
    results.replaceChildren();
  }
  try {
    const found = await publicCall(`/api/public/challans?${new URLSearchParams({ plate, cnic })}`);
    results.replaceChildren(...found.items.map((challan) => card(challan, { plate, cnic })));
    if (found.items.length === 0) {
      say('info', 'No challans found for this vehicle number and CNIC. Check both and try again.');
    } else if (!quiet) {
      say('info', `${found.items.length} challan${found.items.length === 1 ? '' : 's'} found.`);
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

function fact(label, urdu, value, className) {
  return [element('dt', {}, ...bilingual(label, urdu)), element('dd', { className, text: value })];
}

function card(challan, owner) {
  const [status, statusUrdu] = STATUS[challan.status] ?? [challan.status, ''];
  const article = element('article', { className: 'portal-card challan', attributes: { 'data-number': challan.number } },
    element('div', { className: 'challan-head' },
      element('h2', { text: `Challan ${challan.number}` }),
      element('span', { className: `status status-${String(challan.status).toLowerCase()}` }, ...bilingual(status, statusUrdu))),
    element('p', { className: 'offence', text: `${challan.offenceName} · ${challan.place ?? ''} · ${formatDateTime(challan.observedAt)}` }),
    challan.evidenceUrl ? element('figure', { className: 'evidence' },
      element('img', { attributes: { src: challan.evidenceUrl, alt: `Camera photo of the offence, challan ${challan.number}` } }),
      element('figcaption', { text: 'Evidence photo from the Safe City camera' })) : null,
    element('dl', { className: 'challan-facts' },
      ...fact('Amount due', 'واجب الادا رقم', formatRupees(challan.amountDuePkr), 'amount'),
      ...fact('Fine', 'جرمانہ', formatRupees(challan.finePkr)),
      ...(challan.surchargePkr ? fact('Late surcharge', 'تاخیری سرچارج', formatRupees(challan.surchargePkr)) : []),
      ...fact('Due date', 'آخری تاریخ', formatDate(challan.dueDate)),
      ...fact('Payment reference', 'ادائیگی حوالہ', challan.paymentReference ?? '—', 'reference')),
    challan.noticeUrl ? element('a', { className: 'button-primary notice-link', attributes: { href: challan.noticeUrl, download: `${challan.number}.pdf` } },
      ...bilingual('Download notice (PDF)', 'نوٹس ڈاؤن لوڈ کریں')) : null,
    contestPart(challan, owner));
  return article;
}

function contestPart(challan, owner) {
  const contest = challan.contest;
  if (contest) {
    return element('section', { className: 'contest' },
      element('h3', {}, ...bilingual('Your contest', 'آپ کا اعتراض')),
      element('p', { className: 'contest-status', text: CONTEST[contest.status] ?? contest.status }),
      element('blockquote', { text: contest.statement }),
      contest.reason ? element('p', { text: `Reason given: ${contest.reason}${contest.decidedAt ? ` (${formatDateTime(contest.decidedAt)})` : ''}` }) : null);
  }
  if (challan.status !== 'ISSUED') return null;
  const id = `statement-${challan.number}`;
  const statement = element('textarea', { attributes: { id, name: 'statement', rows: '4', maxlength: '2000', required: '' } });
  const feedback = element('p', { className: 'notice', attributes: { role: 'status', hidden: '' } });
  const contestForm = element('form', { className: 'contest-form' },
    element('label', { attributes: { for: id } }, ...bilingual('Why is this challan wrong? Your statement', 'آپ کا بیان')),
    statement,
    element('button', { className: 'button-quiet', attributes: { type: 'submit' } }, ...bilingual('Contest this challan', 'اعتراض جمع کریں')),
    feedback);
  contestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = statement.value.trim();
    if (!text) {
      feedback.className = 'notice notice-error';
      feedback.textContent = 'Write your statement first.';
      feedback.hidden = false;
      statement.focus();
      return;
    }
    try {
      await publicCall(`/api/public/challans/${encodeURIComponent(challan.number)}/contest`,
        { method: 'POST', body: { plate: owner.plate, cnic: owner.cnic, statement: text } });
      say('info', `Your contest of challan ${challan.number} was received. An adjudicator will decide it; check back here.`);
      await lookup({ quiet: true });
    } catch (error) {
      feedback.className = `notice ${error instanceof TooManyRequests ? 'notice-warn' : 'notice-error'}`;
      feedback.textContent = error.message;
      feedback.hidden = false;
    }
  });
  return element('details', { className: 'contest' },
    element('summary', {}, ...bilingual('Contest this challan', 'اس چالان پر اعتراض')), contestForm);
}

for (const input of [form.elements.plate, form.elements.cnic]) {
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  lookup();
});
