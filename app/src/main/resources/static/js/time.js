// The one way the console and the portal write a time: Pakistan Standard Time (UTC+5 all year),
// year first, 24-hour clock, the zone said: "2026-12-04 21:05:33 PKT"; a day is "2026-12-04". It
// reads the same whatever the browser's language, and it is what a person types into a time field
// (the browser's own date inputs show its locale's format, so the console uses text fields instead).
// The server writes the same with org.safecity.shared.ShownTime.

export const ZONE = 'Asia/Karachi';
const OFFSET_MS = 5 * 3600_000; // Pakistan has kept no daylight saving since 2009

const two = (n) => String(n).padStart(2, '0');

/** The wall-clock fields of an instant in Pakistan. */
function fields(value) {
  const shifted = new Date(new Date(value).getTime() + OFFSET_MS);
  return {
    date: `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`,
    time: `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}`,
  };
}

function valid(value) {
  return value != null && value !== '' && !Number.isNaN(new Date(value).getTime());
}

/** "2026-12-04 21:05:33 PKT". */
export function formatDateTime(value) {
  if (!valid(value)) return '—';
  const { date, time } = fields(value);
  return `${date} ${time} PKT`;
}

/** "2026-12-04": a calendar date as given (an ISO date), or the day an instant falls on in Pakistan. */
export function formatDate(value) {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return valid(value) ? fields(value).date : '—';
}

/** "21:05:33 PKT": the time of day in Pakistan. */
export function formatTime(value) {
  return valid(value) ? `${fields(value).time} PKT` : '—';
}

/** How long ago an instant was, in words an operator reads at a glance. */
export function formatAgo(value, now = Date.now()) {
  if (!value) return '';
  const seconds = Math.round((now - new Date(value).getTime()) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86400)} days ago`;
}

/** What a time field holds for an instant: "2026-12-04 21:05:33", Pakistan time. */
export function toTimeField(value) {
  const { date, time } = fields(value);
  return `${date} ${time}`;
}

const TYPED = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(?:PKT)?\s*$/i;

/**
 * The instant (epoch milliseconds) a person typed in Pakistan time: "2026-12-04 21:05:33",
 * "2026-12-04 21:05", "2026-12-04T21:05" or a day "2026-12-04" (its midnight); NaN when it is none.
 */
export function fromTimeField(text) {
  const m = TYPED.exec(text ?? '');
  if (!m) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - OFFSET_MS;
  // 2026-02-31 is not a day: the fields must come back as typed
  const back = fields(ms);
  return back.date === `${y}-${mo}-${d}` ? ms : Number.NaN;
}
