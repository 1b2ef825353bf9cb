// The citations panel against the real `copydesk serve`: links are checked
// against a small HTTP server started here on loopback (ok, redirect, 404,
// 503), the archive is switched off so nothing leaves the machine, and the
// stored text is read back to assert exactly which bytes changed.
import { test as base, expect, goCall, startServer, type CopydeskServer, todayInShanghai, type DraftText } from './fixtures';
import type { Page } from '@playwright/test';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const test = base.extend<{ server: CopydeskServer; sites: string }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const { server, stop } = await startServer({ COPYDESK_ARCHIVE_ENDPOINT: 'none', COPYDESK_LINKS_ALLOW_PRIVATE: '1' });
    await use(server);
    await stop();
  },
  // eslint-disable-next-line no-empty-pattern
  sites: async ({}, use) => {
    const held: ServerResponse[] = [];
    const srv: Server = createServer((req, res) => {
      switch (req.url) {
        case '/news/ok':
        case '/news/final':
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end('<!doctype html><title>报道</title><p>正文</p>');
          return;
        case '/news/moved':
          res.writeHead(301, { Location: '/news/final' });
          res.end();
          return;
        case '/news/slow':
          held.push(res); // answers only when the test ends
          return;
        case '/news/busy':
          res.writeHead(503);
          res.end('busy');
          return;
        default:
          res.writeHead(404);
          res.end('not found');
      }
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const { port } = srv.address() as AddressInfo;
    await use(`http://127.0.0.1:${port}`);
    held.forEach((res) => res.destroy());
    srv.closeAllConnections();
    await new Promise((r) => srv.close(r));
  },
});

function article(site: string): string {
  return [
    '---',
    'title: 算力租赁市场的降温信号',
    'date: 2025-07-08T09:30:00+08:00',
    'draft: true',
    'summary: 测试引文面板的链接检查。',
    'tags:',
    '  - 算力',
    'main_topics:',
    '  - 算力与芯片',
    '---',
    '',
    '> 租赁价格回落，说明算力供需正在重新平衡。',
    '',
    '### 价格走势',
    '',
    '多家平台的报价在二季度下调[^1]，部分合同改为按需计费[^2]。',
    '',
    '一些早期报道已经无法访问[^3]，另一些平台暂时无法连接[^4]。',
    '',
    '## 引文部分',
    '',
    `[^1]: [算力租赁报价连续下调](${site}/news/ok)·示例财经·李明（2025/6/20）·检索日期2025/7/1`,
    `[^2]: [按需计费成为新常态](${site}/news/moved)·示例科技（2025/6/25）·检索日期2025/7/1`,
    `[^3]: [早期报道：租赁价格创新高](${site}/news/removed)·示例日报·王芳（2024/12/1）·检索日期2025/1/5`,
    `[^4]: [平台公告：维护期间暂停服务](${site}/news/busy)·示例平台（2025/7/2）·检索日期2025/7/3`,
    '',
  ].join('\n');
}

async function openDraft(page: Page, text: string): Promise<number> {
  const d = await goCall<DraftText>(page, 'LibraryService.Create', text);
  await page.reload();
  await page.locator(`[data-testid="draft-row"][data-id="${d.id}"]`).click();
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(d.id));
  return d.id;
}

test('check the links of a draft and mark only the verified ones retrieved today', async ({ app: page, sites }, testInfo) => {
  const original = article(sites);
  const id = await openDraft(page, original);
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  const rows = panel.getByTestId('citation-row');
  await expect(rows).toHaveCount(4);
  await expect(panel.getByTestId('link-status')).toHaveCount(4);
  for (const s of await panel.getByTestId('link-status').all()) await expect(s).toHaveAttribute('data-status', 'never');
  await expect(panel.getByTestId('cite-mark-all')).toBeDisabled();

  // Check the links: progress, then a summary naming the failures.
  await panel.getByTestId('cite-check').click();
  await expect(panel.getByTestId('cite-summary')).toBeVisible({ timeout: 30_000 });
  const status = (label: string) => rows.and(page.locator(`[data-label="${label}"]`)).getByTestId('link-status');
  await expect(status('1')).toHaveAttribute('data-status', 'ok');
  await expect(status('2')).toHaveAttribute('data-status', 'redirected');
  await expect(status('3')).toHaveAttribute('data-status', 'dead');
  await expect(status('4')).toHaveAttribute('data-status', 'error');
  await expect(panel.getByTestId('cite-summary')).toContainText('/news/removed');
  await expect(panel.getByTestId('cite-summary')).toContainText('/news/busy');

  // The results are cached in the sources table with the time of the check.
  const sources = await goCall<{ normUrl: string; link: { status: string; checkedAt: string; httpStatus: number } }[]>(page, 'CitationService.Sources');
  const cached = Object.fromEntries(sources.map((s) => [s.normUrl.replace(sites, ''), s.link]));
  expect(cached['/news/ok'].status).toBe('ok');
  expect(cached['/news/moved'].status).toBe('redirected');
  expect(cached['/news/removed']).toMatchObject({ status: 'dead', httpStatus: 404 });
  expect(cached['/news/busy']).toMatchObject({ status: 'error', httpStatus: 503 });
  for (const link of Object.values(cached)) expect(Date.now() - Date.parse(link.checkedAt)).toBeLessThan(120_000);

  // Only the two verified sources are offered, per row and all at once.
  await expect(panel.getByTestId('mark-one')).toHaveCount(2);
  await expect(panel.getByTestId('cite-mark-all')).toBeEnabled();
  await panel.screenshot({ path: testInfo.outputPath('citations-after-check.png') });
  await panel.getByTestId('cite-mark-all').click();
  await expect(panel.getByTestId('cite-notice')).toBeVisible();

  // Exactly the 检索日期 of [^1] and [^2] changed; every other byte is kept.
  const today = todayInShanghai();
  let stored = '';
  await expect
    .poll(async () => {
      stored = (await goCall<DraftText>(page, 'LibraryService.Get', id)).text;
      return stored !== original;
    })
    .toBe(true);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  stored = (await goCall<DraftText>(page, 'LibraryService.Get', id)).text;
  const before = original.split('\n');
  const after = stored.split('\n');
  expect(after.length).toBe(before.length);
  const changed = after.map((line, i) => ({ i, line })).filter(({ i, line }) => line !== before[i]);
  expect(changed.map((c) => c.line)).toEqual([
    `[^1]: [算力租赁报价连续下调](${sites}/news/ok)·示例财经·李明（2025/6/20）·检索日期${today}`,
    `[^2]: [按需计费成为新常态](${sites}/news/moved)·示例科技（2025/6/25）·检索日期${today}`,
  ]);
  expect(changed.map((c) => c.i)).toEqual([21, 22]);
  await expect(panel.getByTestId('mark-one')).toHaveCount(0);
  await expect(panel.getByTestId('cite-mark-all')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('citations-marked.png') });

  // The sources library lists the four URLs with their checks; the audit
  // lists this draft (a dead link is an error).
  await panel.getByTestId('cite-view-sources').click();
  await expect(panel.getByTestId('source-row')).toHaveCount(4);
  await panel.screenshot({ path: testInfo.outputPath('citations-sources.png') });
  await panel.getByTestId('cite-view-audit').click();
  await expect(panel.getByTestId('audit-draft')).toHaveCount(1);
  await expect(panel.getByTestId('audit-draft')).toHaveAttribute('data-errors', /^[1-9]/);
  await panel.getByTestId('audit-draft').getByRole('button', { expanded: false }).click();
  await expect(panel.getByTestId('audit-draft')).toContainText('[^3]');
  await panel.screenshot({ path: testInfo.outputPath('citations-audit.png') });
});

test('add a citation at the cursor with metadata from the sources library, then delete it with its reference', async ({ app: page, sites }, testInfo) => {
  // A first draft makes the source known to the library.
  await goCall(page, 'LibraryService.Create', article(sites));
  const text = [
    '---',
    'title: 第二篇：按需计费的账本',
    'date: 2025-07-09T09:30:00+08:00',
    'draft: true',
    '---',
    '',
    '按需计费改变了成本结构。',
    '',
    '## 引文部分',
    '',
    '',
  ].join('\n');
  const d = await goCall<DraftText>(page, 'LibraryService.Create', text);
  await page.reload();
  await page.getByTestId('draft-row').filter({ hasText: '按需计费的账本' }).click();
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(d.id));

  // Cursor after 成本结构, before the full stop.
  await page.locator('.cm-line', { hasText: '按需计费改变了成本结构。' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-add').click();
  // Adding starts from a URL box; "Enter by hand" opens the empty form.
  await panel.getByTestId('capture-manual').click();
  await panel.getByTestId('cf-url').fill(`${sites}/news/moved`);
  await expect(panel.getByTestId('cf-suggestion')).toContainText('按需计费成为新常态');
  await panel.getByTestId('cf-use-suggestion').click();
  await expect(panel.getByTestId('cf-outlet')).toHaveValue('示例科技');
  await panel.screenshot({ path: testInfo.outputPath('citations-add-form.png') });
  await panel.getByTestId('cf-save').click();
  await expect(panel.getByTestId('citation-row')).toHaveCount(1);

  const today = todayInShanghai();
  const withCitation = text.replace('成本结构。', '成本结构[^1]。') + `[^1]: [按需计费成为新常态](${sites}/news/moved)·示例科技（2025/6/25）·检索日期${today}\n`;
  await expect.poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', d.id)).text).toBe(withCitation);

  // Delete asks first, then removes the definition and its reference.
  await panel.getByTestId('citation-row').hover();
  await panel.getByTestId('delete').click();
  await panel.getByTestId('confirm-delete').click();
  await expect(panel.getByTestId('citation-row')).toHaveCount(0);
  await expect.poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', d.id)).text).toBe(text);
});

test('a link check can be cancelled: unfinished links are not cached', async ({ app: page, sites }) => {
  const text = article(sites).replace('/news/removed', '/news/slow').replace('/news/busy', '/news/slow?second');
  await openDraft(page, text);
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-check').click();
  await expect(panel.getByTestId('cite-progress')).toBeVisible();
  await expect(panel.getByTestId('cite-progress')).toContainText('/ 4');
  await panel.getByTestId('cite-cancel-check').click();
  await expect(panel.getByTestId('cite-summary')).toContainText('检查已取消');
  await expect(panel.getByTestId('cite-check')).toBeEnabled();
  const status = (label: string) => panel.locator(`[data-testid="citation-row"][data-label="${label}"]`).getByTestId('link-status');
  await expect(status('3')).toHaveAttribute('data-status', 'never');
  await expect(status('4')).toHaveAttribute('data-status', 'never');
  const sources = await goCall<{ normUrl: string; link: { status: string } }[]>(page, 'CitationService.Sources');
  for (const s of sources.filter((x) => x.normUrl.includes('/news/slow'))) expect(s.link.status).toBe('');
});

test('editing a source in the sources library rewrites its citations in every draft that cites it', async ({ app: page, sites }) => {
  const first = article(sites);
  const second = [
    '---',
    'title: 第二篇：租赁合同的新条款',
    'date: 2025-07-09T09:30:00+08:00',
    'draft: true',
    '---',
    '',
    '合同条款也在变化[^1]。',
    '',
    '## 引文部分',
    '',
    `[^1]: [按需计费成为新常态](${sites}/news/moved#terms)·示例科技（2025/6/25）·检索日期2025/7/6`,
    '',
  ].join('\n');
  const other = await goCall<DraftText>(page, 'LibraryService.Create', second);
  const id = await openDraft(page, first);
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-view-sources').click();
  const row = panel.getByTestId('source-row').filter({ hasText: '按需计费成为新常态' });
  await expect(row).toContainText('第二篇');
  await row.getByRole('button', { name: '编辑信息' }).click();
  await panel.getByTestId('cf-title').fill('按需计费成为行业新常态');
  await panel.getByTestId('cf-authors').fill('赵敏');
  await panel.getByTestId('cf-save').click();
  await expect(panel.getByTestId('source-apply')).toContainText('第二篇');
  await panel.getByTestId('source-apply-run').click();
  await expect(panel.getByTestId('source-row').filter({ hasText: '按需计费成为行业新常态' })).toHaveCount(1);

  // The open draft changed in the editor (then autosaved), the other one in
  // the library; each keeps its own URL as written and its own 检索日期.
  const stored = async (draft: number) => (await goCall<DraftText>(page, 'LibraryService.Get', draft)).text;
  await expect.poll(() => stored(id)).toBe(
    first.replace('[按需计费成为新常态](' + sites + '/news/moved)·示例科技（', '[按需计费成为行业新常态](' + sites + '/news/moved)·示例科技·赵敏（'),
  );
  await expect.poll(() => stored(other.id)).toBe(
    second.replace('[按需计费成为新常态](' + sites + '/news/moved#terms)·示例科技（', '[按需计费成为行业新常态](' + sites + '/news/moved#terms)·示例科技·赵敏（'),
  );
});
