// Front matter dates in the form. The text field holds the time in the
// profile's zone as "YYYY-MM-DD HH:MM:SS": the same in every language, and
// unambiguous (a browser's date picker shows the browser's locale instead,
// e.g. "06/27/2025, 08:10:05 PM" inside a Chinese UI). Beside it the date is
// spelled out in the UI's language, in the profile's zone.

/** The backend's local time ("2025-06-27T20:10:05") as the field shows it. */
export function localToField(local: string): string {
  return local.replace('T', ' ');
}

/**
 * What an editor typed into the field, as the backend's local time text, or
 * null when it is not a date and time. Accepts "2025-06-27 20:10", with
 * seconds, a "T" instead of the space, and single-digit month, day or hour.
 */
export function fieldToLocal(text: string): string | null {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s = '00'] = m.slice(1);
  const n = (x: string) => Number(x);
  const date = new Date(Date.UTC(n(y), n(mo) - 1, n(d), n(h), n(mi), n(s)));
  // Reject 2025-02-30, 24:00 and the like instead of letting Date roll them over.
  if (
    date.getUTCFullYear() !== n(y) ||
    date.getUTCMonth() !== n(mo) - 1 ||
    date.getUTCDate() !== n(d) ||
    date.getUTCHours() !== n(h) ||
    date.getUTCMinutes() !== n(mi) ||
    date.getUTCSeconds() !== n(s)
  )
    return null;
  const p = (x: number) => String(x).padStart(2, '0');
  return `${y}-${p(n(mo))}-${p(n(d))}T${p(n(h))}:${mi}:${p(n(s))}`;
}

/**
 * The date spelled out in the UI's language, in the profile's zone:
 * "2025年6月27日星期五 20:10:05" or "Friday, June 27, 2025 at 8:10:05 PM".
 * raw is the front matter value: with an offset it is an instant, shown in
 * timeZone; without one (Hugo reads it as UTC, the form warns about it) the
 * wall time local is shown as written. "" when neither can be read.
 */
export function spelledDate(raw: string, local: string, hasOffset: boolean, locale: string, timeZone: string): string {
  let instant: number;
  let zone = timeZone;
  if (hasOffset && !Number.isNaN(Date.parse(raw.trim()))) {
    instant = Date.parse(raw.trim());
  } else {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(local);
    if (!m) return '';
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
    instant = Date.UTC(y, mo - 1, d, h, mi, s);
    zone = 'UTC'; // the wall time itself, whatever zone the machine is in
  }
  try {
    return new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      weekday: 'long',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(instant);
  } catch {
    return ''; // an unknown zone name: the zone note says which
  }
}
