// The citizen portal's calls to the public traffic API: no account, so no sign-in redirect; a
// refusal for too many look-ups (429) is told apart from every other problem. The public API
// takes no CSRF token: it acts on no account.
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
    throw new TooManyRequests(wait > 0
      ? `Too many searches from your connection. Please wait ${wait === 1 ? 'a second' : wait < 120 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`} and try again.`
      : 'Too many searches from your connection. Please wait a minute and try again.');
  }
  if (!response.ok) {
    let message = 'The service could not answer just now. Please try again later.';
    try {
      const problem = await response.json();
      if (response.status < 500) message = problem.detail || problem.title || message;
    } catch { /* not a problem document */ }
    throw new Error(message);
  }
  return response.json();
}
