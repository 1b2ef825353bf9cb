import { describe, expect, it } from 'vitest';
import { applyEdits, changedLines, minimalChange } from './diff';

describe('minimalChange', () => {
  it('is null for equal texts', () => {
    expect(minimalChange('abc', 'abc')).toBeNull();
  });

  it('replaces only the changed span of a front matter value', () => {
    const before = '---\ntitle: 旧标题\ndate: 2025-06-27T20:10:05+08:00\n---\n正文\n';
    const after = '---\ntitle: 新的标题\ndate: 2025-06-27T20:10:05+08:00\n---\n正文\n';
    const c = minimalChange(before, after)!;
    expect(c).toEqual({ from: 11, to: 12, insert: '新的' });
    expect(applyEdits(before, [c])).toBe(after);
  });

  it('handles insertions at the ends and deletions', () => {
    for (const [a, b] of [
      ['', 'x'],
      ['x', ''],
      ['abc', 'abcd'],
      ['abc', 'zabc'],
      ['aXXb', 'ab'],
      ['tags: [a, b]', 'tags: [a, b, c]'],
    ]) {
      const c = minimalChange(a, b)!;
      expect(applyEdits(a, [c]), `${a} → ${b}`).toBe(b);
    }
  });

  it('never splits a surrogate pair', () => {
    const a = 'x😀y';
    const b = 'x😃y';
    const c = minimalChange(a, b)!;
    expect(c.insert).toBe('😃');
    expect(applyEdits(a, [c])).toBe(b);
  });
});

describe('applyEdits', () => {
  it('applies several edits given in document order', () => {
    expect(applyEdits('0123456789', [{ from: 1, to: 2, insert: 'a' }, { from: 5, to: 7, insert: '' }])).toBe('0a234789');
  });
});

describe('changedLines', () => {
  it('names exactly the lines that differ', () => {
    expect(changedLines('a\nb\nc\nd', 'a\nB\nc\nd')).toEqual([2]);
    expect(changedLines('a\nb\nc', 'a\nb\nx\ny\nc')).toEqual([3, 4]);
    expect(changedLines('a\nb', 'a\nb')).toEqual([]);
  });
});
