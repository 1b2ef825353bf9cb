import { describe, expect, it } from 'vitest';
import { render, fireEvent } from '@testing-library/svelte';
import FrontMatterForm from './FrontMatterForm.svelte';
import type { FieldValue, ProfileInfo } from '../api';
import type { FormEdit } from './formEdits';
import { i18n } from '../i18n/index.svelte';

const spec = (key: string, type: string, vocabulary: string[] = []) => ({
  key, type, required: true, minLen: 0, maxLen: 0, vocabulary, unique: false,
});

const profile: ProfileInfo = {
  timeZone: 'Asia/Shanghai', offset: '+08:00', keyOrder: [], siteKnown: false, citationsHeading: '## 引文部分', path: '',
  fields: [spec('title', 'string'), spec('draft', 'bool'), spec('tags', 'list'), spec('main_topics', 'list', ['算力与芯片', '前沿模型与算法'])],
};

const value = (v: Partial<FieldValue> & { key: string }): FieldValue => ({
  kind: 'string', text: '', bool: false, items: [], raw: '', line: 1, local: '', hasOffset: false, known: true, ...v,
});

describe('FrontMatterForm', () => {
  it('edits what it can show, shows the rest as written', async () => {
    const edits: FormEdit[] = [];
    const { getByTestId, queryByTestId } = render(FrontMatterForm, {
      profile,
      fields: [
        value({ key: 'title', text: '标题' }),
        value({ key: 'draft', kind: 'bool', bool: true, raw: 'true' }),
        value({ key: 'tags', kind: 'string', text: '某标签', raw: '某标签' }),
        value({ key: 'main_topics', kind: 'list', items: ['算力与芯片'] }),
        value({ key: 'weight', kind: 'string', text: '3', raw: '3', known: false }),
      ],
      frontMatter: 'ok',
      tagSuggestions: [],
      invalidKeys: new Set<string>(),
      onEdit: (e: FormEdit) => edits.push(e),
    });
    expect((getByTestId('field-title') as HTMLInputElement).value).toBe('标题');
    expect(getByTestId('readonly-tags').textContent).toContain('某标签');
    expect(queryByTestId('field-tags')).toBeNull();
    expect(getByTestId('unknown-weight').textContent).toContain('3');

    await fireEvent.click(getByTestId('field-draft'));
    await fireEvent.click(getByTestId('frontmatter-form').querySelector('button[aria-pressed="false"]')!);
    expect(edits).toEqual([
      { kind: 'bool', key: 'draft', value: false },
      { kind: 'list', key: 'main_topics', items: ['算力与芯片', '前沿模型与算法'] },
    ]);
  });

  it('shows dates in the UI language and the profile zone, and edits them as typed', async () => {
    const withDate: ProfileInfo = { ...profile, timeZone: 'America/New_York', offset: '-04:00', fields: [spec('date', 'date')] };
    const date = value({ key: 'date', text: '2025-06-27T20:10:05+08:00', raw: '2025-06-27T20:10:05+08:00', local: '2025-06-27T08:10:05', hasOffset: true });
    const edits: FormEdit[] = [];
    const props = {
      profile: withDate, fields: [date], frontMatter: 'ok', tagSuggestions: [], invalidKeys: new Set<string>(),
      onEdit: (e: FormEdit) => edits.push(e),
    };
    const before = i18n.locale;
    try {
      i18n.locale = 'zh-CN';
      const zh = render(FrontMatterForm, props);
      const input = zh.getByTestId('field-date') as HTMLInputElement;
      expect(input.value).toBe('2025-06-27 08:10:05');
      // New York's morning of the same instant, spelled in Chinese: not the browser's en-US, not UTC.
      expect(zh.getByTestId('date-spelled-date').textContent).toBe('2025年6月27日星期五 8:10:05');
      await fireEvent.change(input, { target: { value: '2025-07-01 9:30' } });
      expect(edits).toEqual([{ kind: 'date', key: 'date', local: '2025-07-01T09:30:00' }]);
      await fireEvent.change(input, { target: { value: '07/01/2025, 09:30 AM' } });
      expect(zh.getByTestId('date-bad-date')).toBeTruthy();
      expect(edits).toHaveLength(1);
      zh.unmount();

      i18n.locale = 'en';
      const en = render(FrontMatterForm, props);
      expect(en.getByTestId('date-spelled-date').textContent).toMatch(/^Friday, June 27, 2025 at 8:10:05\s?AM$/);
      expect((en.getByTestId('field-date') as HTMLInputElement).value).toBe('2025-06-27 08:10:05');
      en.unmount();
    } finally {
      i18n.locale = before;
    }
  });
});
