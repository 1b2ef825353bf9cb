import { describe, expect, it } from 'vitest';
import { formatRelative, formatTime, reasonMessage } from './format';

describe('formatTime', () => {
  it('shows the instant in the profile zone, not the machine zone', () => {
    const s = formatTime('2025-06-27T01:30:05Z', 'Asia/Shanghai', 'en');
    expect(s).toContain('09:30:05');
    expect(s).toContain('GMT+8');
  });
  it('falls back to the system zone for an unknown zone name', () => {
    expect(formatTime('2025-06-27T01:30:05Z', 'Mars/Olympus', 'zh-CN')).toMatch(/2025/);
  });
  it('returns text it cannot read as it came', () => {
    expect(formatTime('yesterday', 'Asia/Shanghai', 'en')).toBe('yesterday');
  });
});

describe('formatRelative', () => {
  const now = new Date('2025-06-27T10:00:00Z');
  it('says minutes, hours and days ago', () => {
    expect(formatRelative('2025-06-27T09:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2025-06-27T07:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelative('2025-06-26T10:00:00Z', now, 'en')).toBe('yesterday');
    expect(formatRelative('2025-06-27T09:57:00Z', now, 'zh-CN')).toBe('3分钟前');
  });
  it('calls the last few seconds now', () => {
    expect(formatRelative('2025-06-27T09:59:55Z', now, 'en')).toBe('now');
  });
});

describe('reasonMessage', () => {
  it('knows every reason the store writes', () => {
    expect(reasonMessage('saved')?.key).toBe('history.reason.saved');
    expect(reasonMessage('before restore')?.key).toBe('history.reason.beforeRestore');
    expect(reasonMessage('restored revision 12')).toEqual({ key: 'history.reason.restored', params: { n: '12' } });
    expect(reasonMessage('something else')).toBeNull();
  });
});
