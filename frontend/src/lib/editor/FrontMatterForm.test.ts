import { describe, expect, it } from 'vitest';
import { render, fireEvent } from '@testing-library/svelte';
import FrontMatterForm from './FrontMatterForm.svelte';
import type { FieldValue, ProfileInfo } from '../api';
import type { FormEdit } from './formEdits';

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
});
