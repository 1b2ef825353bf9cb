import { describe, expect, it } from 'vitest';
import { fieldToLocal, localToField, spelledDate } from './dates';

describe('front matter dates in the form', () => {
  it('shows the local time language-neutrally and reads back what editors type', () => {
    expect(localToField('2025-06-27T20:10:05')).toBe('2025-06-27 20:10:05');
    expect(fieldToLocal('2025-06-27 20:10:05')).toBe('2025-06-27T20:10:05');
    expect(fieldToLocal(' 2025-6-7 8:05 ')).toBe('2025-06-07T08:05:00');
    expect(fieldToLocal('2025-06-27T20:10')).toBe('2025-06-27T20:10:00');
    for (const bad of ['', '2025-06-27', '06/27/2025, 08:10:05 PM', '2025-02-30 10:00', '2025-06-27 24:00', '2025-06-27 20:61', '2025年6月27日 20:10']) {
      expect(fieldToLocal(bad), bad).toBeNull();
    }
  });

  it('spells the date in the UI language and the profile zone, not the machine’s', () => {
    const raw = '2025-06-27T20:10:05+08:00';
    expect(spelledDate(raw, '', true, 'zh-CN', 'Asia/Shanghai')).toBe('2025年6月27日星期五 20:10:05');
    expect(spelledDate(raw, '', true, 'en', 'Asia/Shanghai')).toMatch(/^Friday, June 27, 2025 at 8:10:05\s?PM$/);
    // The same instant for a site in New York is that morning there.
    expect(spelledDate(raw, '', true, 'zh-CN', 'America/New_York')).toBe('2025年6月27日星期五 8:10:05');
    // Near midnight the day itself differs from UTC's.
    expect(spelledDate('2025-06-27T01:30:00+08:00', '', true, 'zh-CN', 'Asia/Shanghai')).toBe('2025年6月27日星期五 1:30:00');
    expect(spelledDate('2025-06-27T01:30:00+08:00', '', true, 'en', 'UTC')).toMatch(/^Thursday, June 26, 2025 at 5:30:00\s?PM$/);
  });

  it('shows a date without an offset as written, and nothing for what it cannot read', () => {
    expect(spelledDate('2025-06-27T20:10:05', '2025-06-27T20:10:05', false, 'zh-CN', 'Asia/Shanghai')).toBe('2025年6月27日星期五 20:10:05');
    expect(spelledDate('soon', '', false, 'en', 'Asia/Shanghai')).toBe('');
    expect(spelledDate('2025-06-27T20:10:05+08:00', '', true, 'en', 'Not/AZone')).toBe('');
  });
});
