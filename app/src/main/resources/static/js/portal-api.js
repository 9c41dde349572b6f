// The citizen portal's calls to the public traffic API: no account, so no sign-in redirect; a
// refusal for too many look-ups (429) is told apart from every other problem. The public API
// takes no CSRF token: it acts on no account.
import { t } from './portal-texts.js';

export class TooManyRequests extends Error {}

export async function publicCall(path, { method = 'GET', body } = {}) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 429) {
    const wait = Number(response.headers.get('Retry-After'));
    const period = !(wait > 0) ? t('tooMany.minute')
      : wait === 1 ? t('tooMany.second') : wait < 120 ? t('tooMany.seconds', { n: wait }) : t('tooMany.minutes', { n: Math.ceil(wait / 60) });
    throw new TooManyRequests(t('tooMany', { wait: period }));
  }
  if (!response.ok) {
    let message = t('unavailable');
    try {
      const problem = await response.json();
      if (response.status < 500) message = problem.detail || problem.title || message;
    } catch { /* not a problem document */ }
    throw new Error(message);
  }
  return response.json();
}
