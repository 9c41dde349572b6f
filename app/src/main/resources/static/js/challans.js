// Challan search (by plate, status, city and date) and one challan: its details, the evidence,
// the history timeline, payments and contest, and its PDF notice, all from the traffic API.
import { element, formatDate, formatDateTime, getJson, showNotFound, words } from './console.js';
import { evidenceImages, facts, newestOnly, notify, place, queryOf, rupees, statusBadge, timeline } from './traffic.js';

const PAGE_SIZE = 50;
const list = document.getElementById('challans');
const one = document.getElementById('challan');

if (list) {
  const filter = document.getElementById('challan-filter');
  const notice = document.getElementById('challans-notice');
  const previous = document.getElementById('previous-page');
  const next = document.getElementById('next-page');
  const readChallans = newestOnly();
  let page = 0;

  // A search can be linked to: /challans?plate=LEB12345 fills the form.
  const asked = new URLSearchParams(window.location.search);
  for (const name of ['plate', 'status', 'city', 'from', 'to']) {
    if (asked.get(name)) filter.elements[name].value = asked.get(name);
  }

  const search = async () => {
    try {
      const found = await readChallans(`/api/v1/challans?${queryOf(filter, { page: String(page), size: String(PAGE_SIZE) })}`);
      if (!found) return;
      document.getElementById('challan-rows').replaceChildren(...found.items.map(row));
      document.getElementById('challans-empty').hidden = found.items.length > 0;
      const total = found.total ?? found.items.length;
      document.getElementById('page-state').textContent = total
        ? `${page * PAGE_SIZE + 1}–${page * PAGE_SIZE + found.items.length} of ${total}` : '';
      previous.disabled = page === 0;
      next.disabled = (page + 1) * PAGE_SIZE >= total;
      notify(notice, null);
    } catch (error) {
      notify(notice, error.message);
    } finally {
      list.dataset.loaded = 'true';
    }
  };

  const row = (challan) => element('tr', { attributes: { 'data-number': challan.number } },
    element('td', {}, element('a', { text: challan.number, attributes: { href: `/challans/${encodeURIComponent(challan.number)}` } })),
    element('td', { className: 'plate', text: challan.plate }),
    element('td', { text: challan.offenceName ?? words(challan.offence) }),
    element('td', { text: place(challan) }),
    element('td', { text: formatDateTime(challan.observedAt) }),
    element('td', { className: 'money', text: rupees(challan.finePkr) }),
    element('td', { className: 'money', text: rupees(challan.amountDuePkr) }),
    element('td', { text: formatDate(challan.dueDate) }),
    element('td', {}, element('span', { className: `badge status-${String(challan.status).toLowerCase()}`, text: words(challan.status) })),
    element('td', { text: challan.ownerName ?? '—' }));

  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    page = 0;
    search();
  });
  previous.addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
  next.addEventListener('click', () => { page += 1; search(); });
  search();
}

if (one) {
  const number = one.dataset.number;
  const notice = document.getElementById('challan-notice');

  const show = (challan) => {
    statusBadge(document.getElementById('challan-status'), challan.status);
    facts(document.getElementById('challan-facts'), [
      ['Plate', challan.plate],
      ['Offence', challan.offenceName ?? words(challan.offence)],
      ['Place', place(challan)],
      ['Offence time', formatDateTime(challan.observedAt)],
      ['Issued', formatDateTime(challan.issuedAt)],
      ['Owner', challan.ownerName],
      ['Fine', rupees(challan.finePkr)],
      ['Late surcharge', challan.surchargePkr ? rupees(challan.surchargePkr) : null],
      ['Amount due', rupees(challan.amountDuePkr)],
      ['Due date', formatDate(challan.dueDate)],
      ['Payment reference', challan.paymentReference],
    ]);
    timeline(document.getElementById('challan-history'), challan.history);
    const payments = challan.payments ?? [];
    document.getElementById('payment-rows').replaceChildren(...payments.map((payment) => element('tr', {},
      element('td', { text: formatDateTime(payment.paidAt ?? payment.at) }),
      element('td', { className: 'money', text: rupees(payment.amountPkr) }),
      element('td', { text: payment.bankTransactionId ?? '—' }))));
    document.getElementById('payments-empty').hidden = payments.length > 0;
    const contest = challan.contest;
    if (contest) {
      document.getElementById('challan-contest').replaceChildren(element('dl', { className: 'em-facts' },
        ...[['Status', words(contest.status)], ['Statement', contest.statement], ['Submitted', formatDateTime(contest.submittedAt)],
          ['Decided', contest.decidedAt ? formatDateTime(contest.decidedAt) : null], ['By', contest.decidedBy], ['Reason', contest.reason]]
          .filter(([, value]) => value != null)
          .flatMap(([label, value]) => [element('dt', { text: label }), element('dd', { text: value })])));
    }
  };

  (async () => {
    try {
      const challan = await getJson(`/api/v1/challans/${encodeURIComponent(number)}`);
      show(challan);
      if (challan.violationId != null) {
        // an investigator reads challans but not the review's evidence: then the images are simply left out
        getJson(`/api/v1/violations/${encodeURIComponent(challan.violationId)}`)
          .then((violation) => evidenceImages(document.getElementById('challan-images'), violation.images))
          .catch(() => {});
      }
    } catch (error) {
      if (error.status === 404) {
        showNotFound(one, `There is no challan ${number}, or it lies outside your jurisdiction.`,
          { href: '/challans', text: 'Back to the challans' });
      } else {
        notify(notice, error.message);
      }
    } finally {
      one.dataset.loaded = 'true';
    }
  })();
}
