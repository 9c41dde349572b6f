// The page a notice's QR code opens: asks the public API whether the number and signature are
// genuine and says so plainly, with the facts of the challan to compare with the paper.
import { element, formatDateTime, formatRupees, words } from './console.js';
import { publicCall } from './portal-api.js';

const page = document.getElementById('portal-verify');
const verdict = document.getElementById('verdict');
const asked = new URLSearchParams(window.location.search);
const number = asked.get('n');
const signature = asked.get('s');

function show(kind, heading, ...rest) {
  verdict.className = `portal-card verdict verdict-${kind}`;
  verdict.replaceChildren(element('h2', { text: heading }), ...rest);
  page.dataset.loaded = 'true';
}

async function check() {
  if (!number || !signature) {
    show('unknown', 'Scan the QR code on the notice',
      element('p', { text: 'The link carries the notice\'s number and signature; this address has none.' }));
    return;
  }
  try {
    const answer = await publicCall(`/api/public/notices/verify?${new URLSearchParams({ n: number, s: signature })}`);
    if (!answer.valid) {
      show('forged', 'This notice is NOT genuine',
        element('p', { text: `The Safe City Authority did not issue a notice ${number} with this code. Do not pay against it; report it to the police on 15.` }),
        element('p', { attributes: { lang: 'ur', dir: 'rtl' }, text: 'یہ نوٹس اصلی نہیں ہے۔' }));
      return;
    }
    const rows = [['Challan', answer.number], ['Vehicle', answer.plate], ['Offence', answer.offenceName],
      ['Time', formatDateTime(answer.observedAt)], ['Amount due', formatRupees(answer.amountDuePkr)], ['Status', words(answer.status)]];
    show('genuine', 'Genuine notice',
      element('p', { text: 'The Safe City Authority issued this notice. Compare these details with the paper:' }),
      element('p', { attributes: { lang: 'ur', dir: 'rtl' }, text: 'یہ نوٹس اصلی ہے۔' }),
      element('dl', { className: 'challan-facts' }, ...rows.flatMap(([label, value]) => [element('dt', { text: label }), element('dd', { text: value ?? '—' })])));
  } catch (error) {
    show('unknown', 'The notice could not be checked just now', element('p', { text: error.message }));
  }
}

check();
