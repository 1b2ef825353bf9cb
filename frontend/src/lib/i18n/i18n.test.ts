import { describe, expect, it } from 'vitest';
import { catalogs, format, localeFromSystem } from './index.svelte';
import { en } from './en';

describe('i18n', () => {
  it('every language has every key, none empty, same placeholders', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), locale).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(text), `${locale} ${key}`).toEqual(holes(en[key as keyof typeof en]));
      }
    }
  });

  it("never gives Hugo's draft flag the label of an editorial status", () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const statuses = Object.entries(catalog)
        .filter(([key]) => /^status\.(draft|in_review|ready|published)$/.test(key))
        .map(([, text]) => text);
      expect(statuses, locale).toHaveLength(4);
      expect(statuses, locale).not.toContain(catalog['field.draft']);
      expect(catalog['field.draft'], locale).toMatch(/Hugo/);
    }
  });

  it('follows the system language, Chinese by default', () => {
    expect(localeFromSystem('zh_CN.UTF-8')).toBe('zh-CN');
    expect(localeFromSystem('en-US')).toBe('en');
    expect(localeFromSystem(undefined)).toBe('zh-CN');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('版本 {version}', { version: '1.0' })).toBe('版本 1.0');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('backend errors', () => {
  it('parse coded errors once and keep them when passed around again', async () => {
    const { toApiError } = await import('../api');
    const e = toApiError('{"code":"draft.conflict","params":{"id":"3"}}');
    expect(e.code).toBe('draft.conflict');
    expect(e.params).toEqual({ id: '3' });
    expect(toApiError(e)).toBe(e);
    expect(toApiError(new Error('disk full')).code).toBe('internal');
  });
});
