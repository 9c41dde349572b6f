// The page a compliance certificate's QR code opens: asks the public API whether the certificate is
// genuine and whether it still holds, and says so plainly in English and Urdu.
import { element, formatDateTime } from './console.js';
import { publicCall } from './portal-api.js';

const page = document.getElementById('premises-verify');
const verdict = document.getElementById('verdict');
const asked = new URLSearchParams(window.location.search);
const number = asked.get('c');
const signature = asked.get('s');

function show(kind, heading, urdu, ...rest) {
  verdict.className = `portal-card verdict verdict-${kind}`;
  verdict.replaceChildren(element('h2', { text: heading }), element('p', { text: urdu, attributes: { lang: 'ur', dir: 'rtl' } }), ...rest);
  page.dataset.loaded = 'true';
  page.dataset.verdict = kind;
}

async function check() {
  if (!number || !signature) {
    show('unknown', 'Scan the code on the certificate', 'سرٹیفکیٹ پر موجود کوڈ اسکین کریں');
    return;
  }
  try {
    const answer = await publicCall(`/api/public/premises/certificates/verify?${new URLSearchParams({ c: number, s: signature })}`);
    if (!answer.valid) {
      show('forged', `Not genuine: certificate ${number} was not issued as printed`, 'یہ سرٹیفکیٹ اصلی نہیں ہے');
      return;
    }
    const rows = [['Certificate', answer.number], ['Premises', answer.premisesName], ['Category', answer.category],
      ['City', answer.cityCode], ['Compliant since', formatDateTime(answer.compliantSince)]];
    const facts = element('dl', { className: 'challan-facts' },
      ...rows.flatMap(([label, value]) => [element('dt', { text: label }), element('dd', { text: value ?? '—' })]));
    if (answer.holds) {
      show('genuine', 'Genuine: the premises is compliant', 'اصلی: یہ ادارہ قانون کے تقاضے پورے کرتا ہے', facts);
    } else {
      show('forged', `Genuine, but no longer valid: the premises is now ${answer.statusNow.replace('_', ' ').toLowerCase()}`,
        'سرٹیفکیٹ اصلی ہے مگر اب مؤثر نہیں: ادارہ اب تقاضے پورے نہیں کرتا', facts);
    }
  } catch (error) {
    show('unknown', 'The certificate could not be checked', 'تصدیق نہیں ہو سکی', element('p', { text: error.message }));
  }
}

check();
