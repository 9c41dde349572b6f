// The page a compliance certificate's QR code opens: asks the public API whether the certificate is
// genuine and whether it still holds, and says so plainly in the page's language (portal-texts.js).
import { element, formatDateTime } from './console.js';
import { publicCall } from './portal-api.js';
import { t } from './portal-texts.js';

const page = document.getElementById('premises-verify');
const verdict = document.getElementById('verdict');
const asked = new URLSearchParams(window.location.search);
const number = asked.get('c');
const signature = asked.get('s');

function show(kind, heading, ...rest) {
  verdict.className = `portal-card verdict verdict-${kind}`;
  verdict.replaceChildren(element('h2', { text: heading }), ...rest);
  page.dataset.loaded = 'true';
  page.dataset.verdict = kind;
}

async function check() {
  if (!number || !signature) {
    show('unknown', t('certificate.scan'), element('p', { text: t('certificate.noCode') }));
    return;
  }
  try {
    const answer = await publicCall(`/api/public/premises/certificates/verify?${new URLSearchParams({ c: number, s: signature })}`);
    if (!answer.valid) {
      show('forged', t('certificate.forged', { number }), element('p', { text: t('certificate.forgedText') }));
      return;
    }
    const rows = [['certificate.number', answer.number], ['certificate.premises', answer.premisesName],
      ['certificate.category', answer.category], ['certificate.city', answer.cityCode],
      ['certificate.since', formatDateTime(answer.compliantSince)]];
    const facts = element('dl', { className: 'challan-facts' },
      ...rows.flatMap(([label, value]) => [element('dt', { text: t(label) }), element('dd', { text: value ?? '—' })]));
    if (answer.holds) {
      show('genuine', t('certificate.genuine'), facts);
    } else {
      show('forged', t('certificate.noLonger', { status: t(`certificate.status.${answer.statusNow}`) }), facts);
    }
  } catch (error) {
    show('unknown', t('certificate.failed'), element('p', { text: error.message }));
  }
}

check();
