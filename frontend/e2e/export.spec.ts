// The export dialog against the real `copydesk serve`: a draft is written
// byte for byte into the chosen folder (remembered for next time), and a file
// someone else changed is shown as a conflict with the diff and left alone
// when the editor cancels.
import { test, expect, goCall, type DraftText } from './fixtures';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const article = (body: string) =>
  `---\ntitle: 导出测试：晶圆代工的产能账\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\nsummary: 摘要\ntags:\n  - 测试\nmain_topics:\n  - 算力与芯片\n---\n\n${body}\n\n## 引文部分\n\n`;

test('export a draft, then refuse to clobber a file changed on disk', async ({ app: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  try {
    const created = await goCall<DraftText>(page, 'LibraryService.Create', article('二季度产能利用率回升到八成。'));
    await page.reload();
    await page.getByTestId('draft-row').first().click();
    await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(created.id));

    let previews = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/call') && (r.postData() ?? '').includes('ExportService.Preview')) previews++;
    });
    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('export-folder').fill(dir);
    await page.getByTestId('export-folder').press('Enter');
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'new');
    await page.waitForTimeout(1000);
    expect(previews, 'the target is read once the folder stops changing, not in a loop').toBeLessThanOrEqual(2);
    await expect(page.getByTestId('export-target')).toContainText(dir);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-summary')).toContainText('已写入');
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'identical');

    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const target = join(dir, files[0]);
    const stored = await goCall<DraftText>(page, 'LibraryService.Get', created.id);
    expect(readFileSync(target)).toEqual(Buffer.from(stored.text, 'utf8'));
    await page.getByTestId('export-close').click();
    await expect(dialog).toHaveCount(0);

    // Someone edits the exported file; the editor changes the draft too.
    const theirs = stored.text.replace('回升到八成', '回升到九成（站点编辑改）');
    writeFileSync(target, theirs);
    await page.locator('.cm-line', { hasText: '二季度产能利用率' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('先进制程更紧。');

    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-folder')).toHaveValue(dir); // remembered
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'conflict');
    const diff = page.getByTestId('export-diff');
    await expect(diff.locator('.cm-merge-a')).toContainText('站点编辑改');
    await expect(diff.locator('.cm-merge-b')).toContainText('先进制程更紧。');
    await expect(page.getByTestId('export-run')).toHaveCount(0);
    await expect(page.getByTestId('export-force')).toBeVisible();
    await page.screenshot({ path: '../test-output/e2e/export-conflict-zh-CN.png' });
    await page.getByTestId('export-cancel').click();
    await expect(dialog).toHaveCount(0);
    expect(readFileSync(target, 'utf8')).toBe(theirs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a draft with errors is exported only after confirming; force replaces a conflicting file', async ({ app: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  try {
    // No date: an error the editor must confirm.
    const broken = article('缺少日期的文稿。').replace('date: 2025-07-01T08:00:00+08:00\n', '');
    const created = await goCall<DraftText>(page, 'LibraryService.Create', broken);
    await page.reload();
    await page.getByTestId('draft-row').first().click();
    await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(created.id));
    await page.keyboard.press('Control+e');
    await page.getByTestId('export-folder').fill(dir);
    await expect(page.getByTestId('export-errors')).toBeVisible();
    await expect(page.getByTestId('export-run')).toBeDisabled();
    await page.getByTestId('export-confirm-errors').check();
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'identical');
    const target = join(dir, readdirSync(dir)[0]);
    expect(readFileSync(target, 'utf8')).toBe(broken);
    await page.getByTestId('export-close').click();
    // As a person would: press the shortcut again once the dialog has gone.
    await expect(page.getByTestId('export-status')).toHaveCount(0);

    writeFileSync(target, '别人写的内容\n');
    await page.keyboard.press('Control+e');
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'conflict');
    await page.getByTestId('export-confirm-errors').check();
    await page.getByTestId('export-force').click();
    await expect(page.getByTestId('export-status')).toHaveAttribute('data-status', 'identical');
    expect(readFileSync(target, 'utf8')).toBe(broken);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export all changed: progress to a summary naming the conflict', async ({ app: page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-export-'));
  try {
    const drafts: DraftText[] = [];
    for (const [title, body] of [['先进封装', '第一篇。'], ['光刻机', '第二篇。']]) {
      drafts.push(await goCall<DraftText>(page, 'LibraryService.Create', article(body).replace('晶圆代工的产能账', title)));
    }
    await page.reload();
    await expect(page.getByTestId('draft-row')).toHaveCount(2);
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByTestId('export-dialog')).toContainText('导出所有已修改的文稿');
    await page.getByTestId('export-folder').fill(dir);
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-summary')).toContainText('待导出 2 篇：写入 2 篇');
    await expect(page.getByTestId('export-summary').locator('li')).toHaveCount(0);
    await page.getByTestId('export-close').click();

    // Both drafts change; someone else edits the first one's file meanwhile.
    for (const d of drafts) {
      const cur = await goCall<DraftText>(page, 'LibraryService.Get', d.id);
      await goCall(page, 'LibraryService.Save', d.id, cur.text.replace('篇。', '篇，补充。'), cur.version, false);
    }
    const files = readdirSync(dir).sort();
    const first = files.find((f) => f.includes('先进封装'))!;
    writeFileSync(join(dir, first), '别人改过\n');
    await page.keyboard.press('Control+Shift+E');
    await expect(page.getByTestId('export-folder')).toHaveValue(dir);
    await page.getByTestId('export-run').click();
    const summary = page.getByTestId('export-summary');
    await expect(summary).toContainText('待导出 2 篇：写入 1 篇，冲突 1 篇');
    await expect(summary.locator('li')).toHaveCount(1);
    await expect(summary.locator('li')).toContainText(first);
    expect(readFileSync(join(dir, first), 'utf8')).toBe('别人改过\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
