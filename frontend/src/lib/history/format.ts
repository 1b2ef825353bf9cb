// How the History tab names a revision: its time in the site's zone (the
// zone the articles are dated in, whatever the machine's zone), how long ago,
// and its reason in the UI language.
import type { Locale, MessageKey } from '../i18n/index.svelte';

/** Absolute time in the profile's zone; the system zone when that one is unknown. */
export function formatTime(iso: string, timeZone: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  };
  let zone: string | undefined = timeZone || undefined;
  try {
    new Intl.DateTimeFormat(locale, { timeZone: zone });
  } catch {
    zone = undefined; // an unknown zone name: the system's
  }
  const time = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone }).format(date);
  // The offset goes last whatever the language (some put the zone mid-date).
  const offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(date)
    .find((p) => p.type === 'timeZoneName')?.value;
  return offset ? `${time} ${offset}` : time;
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "3分钟前"; under ten seconds, "now". */
export function formatRelative(iso: string, now: Date, locale: Locale): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(seconds) < 10) return rtf.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(seconds, 'second');
}

/** The message for a revision's stored reason; null when the reason is not one the store writes. */
export function reasonMessage(reason: string): { key: MessageKey; params?: Record<string, string> } | null {
  switch (reason) {
    case 'saved':
      return { key: 'history.reason.saved' };
    case 'created':
      return { key: 'history.reason.created' };
    case 'imported':
      return { key: 'history.reason.imported' };
    case 'before restore':
      return { key: 'history.reason.beforeRestore' };
  }
  const m = /^restored revision (\d+)$/.exec(reason);
  if (m) return { key: 'history.reason.restored', params: { n: m[1] } };
  return null;
}
