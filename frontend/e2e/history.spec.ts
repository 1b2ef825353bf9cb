// The History tab against the real `copydesk serve`: explicit saves become
// revisions, a chosen revision is diffed against the current text, and
// restoring it replaces the editor's text and is itself a new revision.
import { test, expect, goCall, type DraftText } from './fixtures';
import type { Page } from '@playwright/test';

interface RevisionRow {
  id: number;
  reason: string;
}

const article = (body: string) =>
  `---\ntitle: 历史测试：端侧模型的成本账\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\nsummary: 摘要\ntags:\n  - 测试\nmain_topics:\n  - 算力与芯片\n---\n\n${body}\n`;

async function typeAndSave(page: Page, after: string, typed: string) {
  await page.locator('.cm-line', { hasText: after }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(typed);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('save twice, compare in History, restore the older text', async ({ app: page }) => {
  const original = article('第一版：成本主要在推理。');
  const created = await goCall<DraftText>(page, 'LibraryService.Create', original);
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(created.id));

  await typeAndSave(page, '第一版：成本主要在推理。', '训练另计。');
  const firstSaved = (await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text;
  expect(firstSaved).toBe(article('第一版：成本主要在推理。训练另计。'));
  await typeAndSave(page, '训练另计。', '能耗也算。');
  const secondSaved = article('第一版：成本主要在推理。训练另计。能耗也算。');
  expect((await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text).toBe(secondSaved);

  let listCalls = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call') && (r.postData() ?? '').includes('HistoryService.List')) listCalls++;
  });
  await page.getByTestId('tab-history').click();
  const rows = page.getByTestId('revision');
  // The original text (kept at the first change) and the two explicit saves.
  await expect(rows).toHaveCount(3);
  await page.waitForTimeout(1000);
  expect(listCalls, 'the list is read once when the tab opens, not in a loop').toBe(1);
  await expect(rows.nth(0)).toHaveAttribute('data-reason', 'saved');
  await expect(rows.nth(0)).toContainText('保存');
  await expect(rows.nth(2)).toHaveAttribute('data-reason', 'created');
  await expect(rows.nth(0)).toContainText(/GMT\+8/);

  // The first explicit save, compared with the current text.
  await rows.nth(1).click();
  const diff = page.getByTestId('history-diff');
  await expect(diff).toBeVisible();
  await expect(diff.locator('.cm-merge-a')).toContainText('训练另计。');
  await expect(diff.locator('.cm-merge-a')).not.toContainText('能耗也算。');
  await expect(diff.locator('.cm-merge-b')).toContainText('能耗也算。');
  await expect(diff.locator('.cm-changedText').first()).toBeVisible();

  await page.getByTestId('history-restore').click();
  await expect(page.getByTestId('history-message')).toBeVisible();
  const editorText = page.getByTestId('pane-editor').locator('.cm-content');
  await expect(editorText).toContainText('训练另计。');
  await expect(editorText).not.toContainText('能耗也算。');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  const stored = await goCall<DraftText>(page, 'LibraryService.Get', created.id);
  expect(stored.text).toBe(firstSaved);
  const revs = await goCall<RevisionRow[]>(page, 'HistoryService.List', created.id);
  expect(revs).toHaveLength(4);
  expect(revs[0].reason).toMatch(/^restored revision \d+$/);
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAttribute('data-reason', /^restored revision/);

  // The text the restore replaced is still there: restore it back.
  await rows.nth(1).click();
  await expect(page.getByTestId('history-diff').locator('.cm-merge-a')).toContainText('能耗也算。');
  await page.screenshot({ path: '../test-output/e2e/history-zh-CN.png' });
  await page.getByTestId('history-restore').click();
  await expect(editorText).toContainText('能耗也算。');
  expect((await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text).toBe(secondSaved);
});

test('unsaved typing is kept as a revision before a restore', async ({ app: page }) => {
  const original = article('原稿：芯片出口管制的三种情形。');
  const created = await goCall<DraftText>(page, 'LibraryService.Create', original);
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  await typeAndSave(page, '原稿：芯片出口管制的三种情形。', '补一句。');
  // Typed, not saved with Ctrl+S (autosave records no revision).
  await page.keyboard.type('还没保存的话。');
  await page.getByTestId('tab-history').click();
  await expect(page.getByTestId('revision')).toHaveCount(2);
  await page.getByTestId('revision').nth(1).click();
  await page.getByTestId('history-restore').click();
  await expect(page.getByTestId('pane-editor').locator('.cm-content')).not.toContainText('补一句。');
  const revs = await goCall<RevisionRow[]>(page, 'HistoryService.List', created.id);
  expect(revs.map((r) => r.reason.replace(/\d+$/, 'N'))).toEqual(['restored revision N', 'before restore', 'saved', 'created']);
  const kept = await goCall<{ text: string }>(page, 'HistoryService.Get', revs[1].id);
  expect(kept.text).toBe(article('原稿：芯片出口管制的三种情形。补一句。还没保存的话。'));
  expect((await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text).toBe(original);
});
