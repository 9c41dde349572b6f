// The page a notice's QR code opens: asks the public API whether the number and signature are
// genuine and says so plainly, with the facts of the challan to compare with the paper, in the
// page's language (portal-texts.js).
import { element, formatDateTime } from './console.js';
import { publicCall } from './portal-api.js';
import { language, rupees, t } from './portal-texts.js';

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
    show('unknown', t('verify.scan'), element('p', { text: t('verify.noCode') }));
    return;
  }
  try {
    const answer = await publicCall(`/api/public/notices/verify?${new URLSearchParams({ n: number, s: signature })}`);
    if (!answer.valid) {
      show('forged', t('verify.forged'), element('p', { text: t('verify.forgedText', { number }) }));
      return;
    }
    const offence = (language === 'ur' && answer.offenceNameUrdu) || answer.offenceName;
    const rows = [['verify.challan', answer.number], ['verify.vehicle', answer.plate], ['verify.offence', offence],
      ['verify.time', formatDateTime(answer.observedAt)], ['verify.amountDue', rupees(answer.amountDuePkr)],
      ['verify.status', t(`status.${answer.status}`)]];
    show('genuine', t('verify.genuine'),
      element('p', { text: t('verify.genuineText') }),
      element('dl', { className: 'challan-facts' },
        ...rows.flatMap(([label, value]) => [element('dt', { text: t(label) }), element('dd', { text: value ?? '—' })])));
  } catch (error) {
    show('unknown', t('verify.failed'), element('p', { text: error.message }));
  }
}

check();
