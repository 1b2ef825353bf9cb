import { describe, expect, it } from 'vitest';
import { render, fireEvent } from '@testing-library/svelte';
import TextField from './TextField.svelte';
import TagsField from './TagsField.svelte';

const spec = (over: Partial<{ key: string; minLen: number; maxLen: number }> = {}) => ({
  key: 'title',
  type: 'string',
  required: true,
  minLen: 0,
  maxLen: 0,
  vocabulary: [],
  unique: false,
  ...over,
});

describe('TextField', () => {
  it('counts characters against the bounds as the user types and reports each change', async () => {
    const edits: string[] = [];
    const { getByTestId } = render(TextField, {
      field: spec({ minLen: 5, maxLen: 10 }),
      label: '标题',
      value: '短标题',
      multiline: false,
      invalid: false,
      onEdit: (v: string) => edits.push(v),
    });
    const counter = getByTestId('counter-title');
    expect(counter.textContent).toBe('3 / 5–10');
    expect(counter.classList.contains('short')).toBe(true);
    await fireEvent.input(getByTestId('field-title'), { target: { value: '边缘推理的崛起与挑战' } });
    expect(counter.textContent).toBe('10 / 5–10');
    expect(counter.classList.contains('ok')).toBe(true);
    expect(edits).toEqual(['边缘推理的崛起与挑战']);
  });
});

describe('TagsField', () => {
  it('adds a tag on Enter but not while an input method is composing', async () => {
    const edits: string[][] = [];
    const { getByTestId } = render(TagsField, {
      field: spec({ key: 'tags' }),
      label: '标签',
      items: ['端侧AI'],
      suggestions: [],
      placeholder: '',
      removeLabel: '删除',
      onEdit: (xs: string[]) => edits.push(xs),
    });
    const input = getByTestId('field-tags') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: '芯片' } });
    await fireEvent.keyDown(input, { key: 'Enter', isComposing: true });
    expect(edits).toEqual([]);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(edits).toEqual([['端侧AI', '芯片']]);
  });
});
