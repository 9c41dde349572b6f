// What every console page's script shares: reading the API with the session, and showing
// numbers, money and times the way people in Khyber Pakhtunkhwa read them (times: time.js).

// Times are written by time.js, the one module that does; pages may import them from here too.
export { formatAgo, formatDate, formatDateTime, formatTime } from './time.js';

/** GETs JSON from the API with the session cookie; a lapsed session goes back to sign-in. */
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign('/login');
    throw new Error('The session has ended; sign in again.');
  }
  if (!response.ok) {
    const error = new Error(await problemText(response));
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/**
 * Puts "not found" in place of a record page's content: a record that does not exist, or lies outside
 * the reader's jurisdiction, leaves nothing on the page to act on.
 */
export function showNotFound(main, text, back) {
  main.className = 'page';
  main.dataset.notFound = 'true';
  main.replaceChildren(element('h1', { text: 'Not found' }), element('p', { text }),
    element('p', {}, element('a', { text: back.text, attributes: { href: back.href } })));
}

/** POSTs JSON with the CSRF token the page carries in its meta tags. */
export async function postJson(path, body) {
  return send('POST', path, { json: body });
}

/**
 * Sends a change with the page's CSRF token: a JSON body, or text of a given type (a CSV file).
 * Answers the JSON reply, or null for 204. A refusal throws an Error whose message a person can act
 * on; its {@code problem} is the whole problem document (every bad row of a file, for instance).
 */
export async function send(method, path, { json, text, contentType } = {}) {
  const headers = { Accept: 'application/json', ...csrfHeader() };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (text !== undefined) {
    headers['Content-Type'] = contentType;
    body = text;
  }
  const response = await fetch(path, { method, credentials: 'same-origin', headers, body });
  if (!response.ok) {
    const problem = await problemOf(response);
    const error = new Error(problem.detail || problem.title || `The server answered ${response.status}.`);
    error.problem = problem;
    throw error;
  }
  return response.status === 204 ? null : response.json();
}

export function csrfHeader() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

async function problemText(response) {
  const problem = await problemOf(response);
  return problem.detail || problem.title || `The server answered ${response.status}.`;
}

async function problemOf(response) {
  try {
    return await response.json();
  } catch {
    return { status: response.status };
  }
}

const integer = new Intl.NumberFormat('en-PK', { maximumFractionDigits: 0 });

/**
 * The action, run once for a burst of calls, `ms` after the burst's first call: not after its last, which a steady
 * stream of calls (a province's incident changes) would put off for as long as the stream lasts.
 */
export function onceAfterFirst(action, ms) {
  let pending = null;
  return () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      action();
    }, ms);
  };
}

export function formatCount(value) {
  return value == null ? '—' : integer.format(value);
}

/** Whole rupees in millions and billions, as the Authority's budget papers state them. */
export function formatRupees(rupees) {
  if (rupees == null) return '—';
  const amount = Number(rupees);
  if (Math.abs(amount) >= 1e9) return `Rs ${trim(amount / 1e9, 2)} billion`;
  if (Math.abs(amount) >= 1e6) return `Rs ${trim(amount / 1e6, 1)} million`;
  return `Rs ${integer.format(amount)}`;
}

function trim(value, digits) {
  return new Intl.NumberFormat('en-PK', { maximumFractionDigits: digits }).format(value);
}

/** Words for an enum constant: TRAFFIC_REVIEWER becomes "Traffic reviewer". */
export function words(constant) {
  if (!constant) return '—';
  const text = String(constant).toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A CSS custom property's value, so colours are defined once in console.css. */
export function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** Makes an element with text content only: API values never become markup. */
export function element(tag, { className, text, attributes } = {}, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value != null) node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child != null));
  return node;
}
