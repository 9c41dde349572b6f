// A partner's camera (a commercial premises' own) opens only for a stated purpose, which the server
// audits and shows to the premises' manager: asked once per camera in this tab, then passed along.
const asked = new Map();

/** The purpose for a camera of a premises (asked of the operator), '' for the Authority's own; null when refused. */
export function purposeFor(cameraId, partnerId) {
  if (partnerId == null) return '';
  const key = `purpose.${cameraId}`;
  let purpose = asked.get(key) ?? sessionStorage.getItem(key);
  while (!purpose || purpose.replace(/[^\p{L}]/gu, '').length < 3) {
    purpose = window.prompt('This camera belongs to a commercial premises. Why are you opening it? '
      + 'Give an incident number or a reason in words; it is recorded and its manager can read it.', purpose ?? '');
    if (purpose == null) return null;
    purpose = purpose.trim();
  }
  asked.set(key, purpose);
  sessionStorage.setItem(key, purpose);
  return purpose;
}

/** The address with the purpose added to its query, when there is one. */
export function withPurpose(address, purpose) {
  if (!purpose) return address;
  return `${address}${address.includes('?') ? '&' : '?'}purpose=${encodeURIComponent(purpose)}`;
}
