import { describe, expect, it } from 'vitest';
import { render, fireEvent } from '@testing-library/svelte';
import ProblemsPane from './ProblemsPane.svelte';
import type { Problem } from '../api';

const problem = (code: string, fixable: boolean): Problem => ({
  code, severity: 'warning', message: code, line: 3, column: 1, from: 10, to: 11, field: '', label: '', params: {},
  fix: fixable ? { title: '改为 ，', edits: [{ from: 10, to: 11, insert: '，' }] } : undefined,
}) as Problem;

describe('ProblemsPane: fix all typography', () => {
  it('offers the action only when a typography problem has a fix, and counts them', async () => {
    let calls = 0;
    const props = { stale: false, onGo: () => {}, onFix: () => {}, onFixTypography: () => calls++ };
    const none = render(ProblemsPane, { ...props, problems: [problem('typography.unpaired_quote', false), problem('frontmatter.date_format', true)] });
    expect(none.queryByTestId('fix-typography')).toBeNull();
    none.unmount();

    const some = render(ProblemsPane, {
      ...props,
      problems: [problem('typography.halfwidth_punctuation', true), problem('typography.quotes', true), problem('typography.unpaired_quote', false)],
    });
    const button = some.getByTestId('fix-typography') as HTMLButtonElement;
    expect(button.textContent).toContain('(2)');
    await fireEvent.click(button);
    expect(calls).toBe(1);
    some.unmount();
  });

  it('is disabled while the problems are stale (computed on older text)', () => {
    const { getByTestId } = render(ProblemsPane, {
      problems: [problem('typography.quotes', true)], stale: true, onGo: () => {}, onFix: () => {}, onFixTypography: () => {},
    });
    expect((getByTestId('fix-typography') as HTMLButtonElement).disabled).toBe(true);
  });
});
