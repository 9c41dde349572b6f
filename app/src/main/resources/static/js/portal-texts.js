// The portal's words for its scripts, in the page's language (English or Urdu), from the JSON block the
// server writes into the page (i18n/portal*.properties, keys "js.*"). {name} slots are filled from `values`.
const block = document.getElementById('portal-texts');
const texts = block ? JSON.parse(block.textContent) : {};

export const language = document.documentElement.lang || 'en';

export function t(key, values = {}) {
  const template = texts[key] ?? key;
  return template.replace(/\{(\w+)}/g, (slot, name) => (values[name] ?? slot));
}

/** Whole rupees in the page's language ("Rs 2,000" / "2,000 روپے"); Latin digits, as Pakistani bills print them. */
export function rupees(amount) {
  if (amount == null) return '—';
  return t('rupees', { amount: new Intl.NumberFormat('en-PK').format(Number(amount)) });
}
