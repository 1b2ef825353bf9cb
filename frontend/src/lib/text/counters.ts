// Length counters of the front matter form. Lengths count characters as a
// reader sees them (code points), so a Chinese title of 20 characters is 20.

export type LengthState = 'empty' | 'short' | 'ok' | 'long';

export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

export function lengthState(value: string, min: number, max: number): LengthState {
  const n = charLength(value.trim());
  if (n === 0) return 'empty';
  if (min > 0 && n < min) return 'short';
  if (max > 0 && n > max) return 'long';
  return 'ok';
}

/** "12 / 60", "12 / 10–60", or just "12" when the profile sets no bounds. */
export function counterText(value: string, min: number, max: number): string {
  const n = charLength(value.trim());
  if (max > 0 && min > 0) return `${n} / ${min}–${max}`;
  if (max > 0) return `${n} / ${max}`;
  if (min > 0) return `${n} / ≥${min}`;
  return String(n);
}
