// A library of a few thousand drafts: the list keeps only the rows in view in
// the page, shows the count without reading every row, scrolls to the end,
// and the keyboard moves through rows that were not rendered yet.
import { test, expect } from './fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const N = 2500;

/** Article i: dated i hours after 2020-01-01 (so the newest is the highest i), titles of varied length. */
function article(i: number): string {
  const date = new Date(Date.UTC(2020, 0, 1) + i * 3600_000).toISOString().replace('.000Z', '+00:00');
  const title = i % 7 === 0 ? `第${i}篇：一个很长很长的标题，讨论算力、芯片、数据中心与电力之间越来越紧的关系` : `第${i}篇`;
  return `---\ntitle: ${title}\ndate: ${date}\ndraft: true\nsummary: 摘要\ntags:\n  - 标签${i % 13}\nmain_topics:\n  - 算力与芯片\n---\n\n正文${i}。\n`;
}

test('a large library: only the rows in view are in the page; scroll and keys reach every row', async ({ app: page, server }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-scale-'));
  try {
    for (let d = 0; d < 10; d++) mkdirSync(join(dir, String(d)));
    for (let i = 0; i < N; i++) writeFileSync(join(dir, String(i % 10), `a-${i}.md`), article(i));
    execFileSync(process.env.COPYDESK_BIN!, ['import', '--db', server.dbPath, dir], { stdio: 'pipe' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.reload();
  const rows = page.getByTestId('draft-row');
  await expect(rows.first()).toContainText(`第${N - 1}篇`);
  await expect(page.getByTestId('library-count')).toContainText(String(N));
  const inDom = await rows.count();
  expect(inDom).toBeGreaterThan(3);
  expect(inDom).toBeLessThan(80);

  // Drag to the very end: the oldest draft appears, still few rows in the page.
  await page.getByTestId('pane-library').locator('.scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('[data-testid="draft-row"]', { hasText: /^第0篇/ })).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);

  // Keyboard: Home goes to the newest, End to the oldest, arrows step.
  await page.locator('[data-testid="draft-row"]', { hasText: /^第0篇/ }).focus();
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid="draft-row"]:focus')).toContainText(`第${N - 1}篇`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-testid="draft-row"]:focus')).toContainText(`第${N - 3}篇`);
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="draft-row"]:focus')).toContainText('第0篇');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('[data-testid="draft-row"]:focus')).toContainText('第1篇');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('field-title')).toHaveValue('第1篇');
  await expect(page.locator('[data-testid="draft-row"][aria-current="true"]')).toContainText('第1篇');

  // A filter is counted in SQL; a search narrows the list.
  await page.getByTestId('filter-tag').selectOption('标签3');
  await expect(page.getByTestId('library-count')).toContainText(String(Math.ceil((N - 3) / 13)));
  await page.getByTestId('filter-tag').selectOption('');
  await page.getByTestId('library-search').fill('正文1234');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('第1234篇');
});
