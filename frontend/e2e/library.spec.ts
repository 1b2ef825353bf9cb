// Library actions, conflicts and the preview's links, against the real
// `copydesk serve` with a fresh database.
import { test, expect, goCall, type DraftText } from './fixtures';
import type { Page } from '@playwright/test';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const article = (title: string, body: string) =>
  `---\ntitle: ${title}\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\nsummary: 摘要\ntags:\n  - 测试\nmain_topics:\n  - 算力与芯片\n---\n\n${body}\n`;

async function openedId(page: Page): Promise<number> {
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', /^\d+$/);
  return Number(await page.getByTestId('pane-editor').getAttribute('data-draft-id'));
}

test('duplicate, move to trash and restore', async ({ app: page }) => {
  await page.getByTestId('new-draft').click();
  await expect(page.getByTestId('field-title')).toHaveValue(/端侧大模型/);
  await page.getByTestId('duplicate').click();
  await expect(page.getByTestId('draft-row')).toHaveCount(2);
  await expect(page.getByTestId('field-title')).toHaveValue(/（副本）$/);

  await page.getByTestId('trash').click();
  await expect(page.getByTestId('draft-row')).toHaveCount(1);
  await expect(page.getByTestId('draft-row')).not.toContainText('（副本）');
  await page.getByTestId('filter-trash').check();
  await expect(page.getByTestId('restore')).toHaveCount(1);
  await page.getByTestId('restore').click();
  await expect(page.getByTestId('restore')).toHaveCount(0);
  await page.getByTestId('filter-trash').uncheck();
  await expect(page.getByTestId('draft-row')).toHaveCount(2);
});

test('import a folder: progress, then a summary naming the failure', async ({ app: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-import-'));
  try {
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', 'a.md'), article('导入一：芯片出口管制', '正文一。'));
    writeFileSync(join(dir, 'posts', 'b.md'), article('导入二：开源模型生态', '正文二。'));
    writeFileSync(join(dir, 'posts', 'broken.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x01]));
    await page.getByTestId('import').click();
    await page.locator('#import-paths').fill(dir);
    await page.getByTestId('import-run').click();
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('3');
    await expect(summary).toContainText('broken.md');
    await page.getByTestId('import-dialog').getByRole('button', { name: '关闭' }).click();
    await expect(page.getByTestId('draft-row')).toHaveCount(2);
    await page.getByTestId('library-search').fill('芯片出口');
    await expect(page.getByTestId('draft-row')).toHaveCount(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a stale save is shown as a conflict and overwrites nothing', async ({ app: page }) => {
  const created = await goCall<DraftText>(page, 'LibraryService.Create', article('冲突测试', '原来的正文。'));
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  expect(await openedId(page)).toBe(created.id);
  // Someone else saves first.
  const theirs = article('冲突测试', '别处写入的正文。');
  await goCall(page, 'LibraryService.Save', created.id, theirs, created.version, false);
  // Then we type.
  await page.locator('.cm-line', { hasText: '原来的正文。' }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('我的补充。');
  await expect(page.getByTestId('conflict')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'conflict');
  expect((await goCall<DraftText>(page, 'LibraryService.Get', created.id)).text).toBe(theirs);
  // Keep ours as a new draft: both texts survive.
  await page.getByTestId('conflict').getByRole('button', { name: '另存为新文稿' }).click();
  await expect(page.getByTestId('draft-row')).toHaveCount(2);
  await expect.poll(() => openedId(page)).not.toBe(created.id);
  const copyId = await openedId(page);
  expect((await goCall<DraftText>(page, 'LibraryService.Get', copyId)).text).toContain('原来的正文。我的补充。');
});

test('links in the preview open outside the app, and the preview runs no script', async ({ app: page, context }) => {
  await goCall(
    page,
    'LibraryService.Create',
    article('链接测试', '见[来源](https://example.com/report)。\n\n<script>window.parent.hacked = 1</script>\n\n<img src=x onerror="window.parent.hacked = 2">'),
  );
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  const frame = page.frameLocator('[data-testid="preview-frame"]');
  await expect(frame.locator('a', { hasText: '来源' })).toBeVisible();
  // The machine has no network: answer the external address locally.
  await context.route('https://example.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>outside</p>' }));
  const popup = context.waitForEvent('page');
  await frame.locator('a', { hasText: '来源' }).click();
  expect((await popup).url()).toContain('example.com/report');
  expect(page.url()).not.toContain('example.com');
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await expect(page.locator('iframe[data-testid="preview-frame"]')).toHaveAttribute('sandbox', 'allow-same-origin');
});

test('the interface switches to English and back', async ({ app: page }) => {
  await expect(page.getByTestId('new-draft')).toHaveText('新建文稿');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('new-draft')).toHaveText('New draft');
  await page.reload();
  await expect(page.getByTestId('new-draft')).toHaveText('New draft');
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('new-draft')).toHaveText('新建文稿');
});

test('a problem takes you to its form field or its line; Ctrl+S saves', async ({ app: page }) => {
  const text = article('', '第一段。\n\n第二段引用了不存在的来源[^9]。');
  await goCall(page, 'LibraryService.Create', text);
  await page.reload();
  await page.getByTestId('draft-row').first().click();
  await page.getByTestId('tab-problems').click();
  await page.locator('[data-testid="problem"][data-code="frontmatter.required"]').first().locator('.go').click();
  await expect(page.getByTestId('field-title')).toBeFocused();
  await page.locator('[data-testid="problem"][data-code="footnote.undefined"] .go').click();
  const line = text.split('\n').findIndex((l) => l.includes('[^9]')) + 1;
  await expect(page.getByTestId('cursor')).toContainText(`第 ${line} 行`);
  await expect(page.locator('.cm-content')).toBeFocused();
  await page.keyboard.type('补充');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const id = Number(await page.getByTestId('pane-editor').getAttribute('data-draft-id'));
  expect((await goCall<DraftText>(page, 'LibraryService.Get', id)).text).toContain('补充');
});

test('typing keeps focus and the preview scroll; undo survives switching drafts; the title marks unsaved work', async ({ app: page }) => {
  await page.getByTestId('new-draft').click();
  await expect(page.getByTestId('field-title')).toHaveValue(/端侧大模型/);
  const first = await openedId(page);
  const frame = page.locator('iframe[data-testid="preview-frame"]');
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('h3').first()).toBeVisible();
  await frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.scrollingElement!.scrollTo(0, 400));

  await page.locator('.cm-line', { hasText: /^### 技术动因/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('（新增）');
  await expect(page).toHaveTitle(/^● .*Copydesk$/);
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('h3', { hasText: '（新增）' })).toBeVisible();
  expect(await frame.evaluate((f: HTMLIFrameElement) => f.contentDocument!.scrollingElement!.scrollTop)).toBe(400);
  await expect(page.locator('.cm-content')).toBeFocused();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page).toHaveTitle(/^(?!●).*Copydesk$/);

  // Another draft, then back: Ctrl+Z still undoes the typing above.
  await page.getByTestId('new-draft').click();
  await expect.poll(() => openedId(page)).not.toBe(first);
  await page.getByTestId('draft-row').filter({ hasText: '端侧大模型' }).last().click();
  await expect.poll(() => openedId(page)).toBe(first);
  await page.locator('.cm-content').focus();
  await page.keyboard.press('Control+z');
  await expect(page.frameLocator('[data-testid="preview-frame"]').locator('h3', { hasText: '（新增）' })).toHaveCount(0);
  await expect.poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', first)).text.includes('（新增）')).toBe(false);
});
