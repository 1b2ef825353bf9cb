// Chinese typography in the app: the problems appear as warnings with quick
// fixes, and "Fix all typography" applies every certain fix as one edit that
// is saved as a revision (the text before it stays in the history).
import { test, expect, goCall, type DraftText } from './fixtures';

interface RevisionRow {
  id: number;
  reason: string;
}

const article = (body: string) =>
  `---\ntitle: 排版测试,端侧模型\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\nsummary: 摘要\ntags:\n  - 测试\nmain_topics:\n  - 算力与芯片\n---\n\n${body}\n`;

test('fix all typography: one edit, saved as a revision, code and unpaired quotes untouched', async ({ app: page }) => {
  const body = 'Meta 在 2025 年投入"超过600亿美元"...真的！！运行`a, b`后,模型(如Llama 4)更强。\n\n他说“未闭合';
  const created = await goCall<DraftText>(page, 'LibraryService.Create', article(body));
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(created.id));

  await page.getByTestId('tab-problems').click();
  const typo = page.locator('[data-testid="problem"][data-code^="typography."]');
  await expect(typo.first()).toBeVisible();
  await expect(page.locator('[data-testid="problem"][data-code="typography.quotes"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="problem"][data-code="typography.unpaired_quote"] [data-testid="quick-fix"]')).toHaveCount(0);

  await page.getByTestId('fix-typography').click();
  const fixed = article('Meta在2025年投入“超过600亿美元”……真的！运行`a, b`后，模型（如Llama 4）更强。\n\n他说“未闭合').replace('排版测试,端侧', '排版测试，端侧');
  await expect.poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text).toBe(fixed);
  await expect(page.getByTestId('fix-typography')).toHaveCount(0);
  await expect(page.locator('[data-testid="problem"][data-code^="typography."]')).toHaveCount(1); // the unpaired quote, for a person
  await expect(page.getByRole('status')).toContainText('排版');

  // One undo step takes the whole fix back.
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+z');
  await expect(page.locator('.cm-content')).toContainText('"超过600亿美元"...');
  await page.keyboard.press('Control+y');
  await expect(page.locator('.cm-content')).toContainText('“超过600亿美元”……');

  // The fix is a revision: the text before it is in the history.
  const revisions = await goCall<RevisionRow[]>(page, 'HistoryService.List', created.id);
  expect(revisions[0].reason).toBe('saved');
  expect((await goCall<{ text: string }>(page, 'HistoryService.Get', revisions[0].id)).text).toBe(fixed);
  const oldest = revisions[revisions.length - 1];
  expect((await goCall<{ text: string }>(page, 'HistoryService.Get', oldest.id)).text).toBe(article(body));
});
