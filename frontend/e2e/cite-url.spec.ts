// Adding a citation from a web address against the real `copydesk serve`:
// a news page is served here on loopback, its URL is pasted into the
// citations panel, the fields read from the page are shown with where each
// came from, and confirming writes the exact house-style line and the
// reference at the cursor. A consent-walled page is then read from its
// pasted HTML instead. The archive is switched off: nothing leaves the machine.
import { test as base, expect, goCall, startServer, type CopydeskServer, todayInShanghai, type DraftText } from './fixtures';
import type { Page } from '@playwright/test';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A page shaped like a Chinese outlet's article: JSON-LD NewsArticle with an
// author array and publisher, a site suffix in <title>, 责任编辑 in the footer.
const articlePage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>算力租赁价格二季度回落三成_示例财经网</title>
<meta property="og:site_name" content="示例财经网">
<meta property="og:title" content="算力租赁价格二季度回落三成">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"算力租赁价格二季度回落三成","datePublished":"2025-06-30T22:15:00+08:00",
"author":[{"@type":"Person","name":"李明"},{"@type":"Person","name":"王芳"}],
"publisher":{"@type":"Organization","name":"示例财经网"}}</script>
</head><body><article><h1>算力租赁价格二季度回落三成</h1>
<p>多家平台的报价在二季度下调，部分合同改为按需计费。业内人士认为，新增供给集中释放是主要原因。</p>
<p>分析师预计，价格在下半年将趋于稳定。</p>
<p class="editor">责任编辑：赵编辑</p></article></body></html>`;

// A consent wall standing in front of the article.
const consentPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Before you continue</title></head>
<body><div class="consent"><h1>We value your privacy</h1><p>We and our partners use cookies to store and access information on your device.</p>
<button>Accept all</button><button>Manage options</button></div></body></html>`;

// The same article as the editor's browser shows it after consenting.
const savedPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Cloud GPU prices fall for a second quarter | Example Ledger</title>
<meta property="og:site_name" content="Example Ledger">
<meta name="author" content="Maria Keller">
<meta property="article:published_time" content="2025-07-01T06:00:00+02:00">
</head><body><article><h1>Cloud GPU prices fall for a second quarter</h1><p>Rental prices for accelerators fell again as new capacity came online.</p></article></body></html>`;

/** What the article URL serves now: a test may rewrite the page after it was cited. */
let served = articlePage;

const test = base.extend<{ server: CopydeskServer; site: string }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    // The pages are served on loopback: the link checker may fetch private
    // addresses only when told so.
    const { server, stop } = await startServer({ COPYDESK_ARCHIVE_ENDPOINT: 'none', COPYDESK_LINKS_ALLOW_PRIVATE: '1' });
    await use(server);
    await stop();
  },
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    served = articlePage;
    const held: ServerResponse[] = [];
    const srv: Server = createServer((req, res) => {
      if (req.url === '/2025/06/30/compute-prices.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(served);
      } else if (req.url === '/slow/story') {
        held.push(res); // answers only when the test ends
      } else if (req.url === '/walled/gpu-prices') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(consentPage);
      } else {
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

const draft = ['---', 'title: 算力价格的拐点', 'date: 2025-07-08T09:30:00+08:00', 'draft: true', '---', '', '租赁价格明显回落。', '', '## 引文部分', '', ''].join('\n');

async function openDraft(page: Page, text: string): Promise<number> {
  const d = await goCall<DraftText>(page, 'LibraryService.Create', text);
  await page.reload();
  await page.locator(`[data-testid="draft-row"][data-id="${d.id}"]`).click();
  await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', String(d.id));
  return d.id;
}

/** Pastes text into the focused element as a clipboard paste. */
async function paste(page: Page, selector: string, text: string) {
  await page.locator(selector).focus();
  await page.locator(selector).evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    const area = el as HTMLTextAreaElement;
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

test('paste a URL, see the fields the page gives, confirm: the definition and the reference are written', async ({ app: page, site }, testInfo) => {
  const id = await openDraft(page, draft);
  // Cursor after 回落, before the full stop.
  await page.locator('.cm-line', { hasText: '租赁价格明显回落。' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-add').click();

  const url = `${site}/2025/06/30/compute-prices.html`;
  await paste(page, '[data-testid="capture-urls"]', url);
  const form = panel.getByTestId('citation-form');
  await expect(form).toBeVisible({ timeout: 20_000 });
  await expect(panel.getByTestId('cf-title')).toHaveValue('算力租赁价格二季度回落三成');
  await expect(panel.getByTestId('cf-outlet')).toHaveValue('示例财经网');
  await expect(panel.getByTestId('cf-authors')).toHaveValue('李明, 王芳');
  await expect(panel.getByTestId('cf-published')).toHaveValue('2025/6/30');
  const today = todayInShanghai();
  await expect(panel.getByTestId('cf-retrieved')).toHaveValue(today);
  // Each field says where it came from.
  for (const k of ['title', 'outlet', 'authors', 'published']) {
    await expect(panel.getByTestId(`cf-ev-${k}`)).toHaveAttribute('data-kind', 'page');
  }
  await expect(panel.getByTestId('cf-ev-published')).toHaveAttribute('title', /datePublished/);
  await panel.screenshot({ path: testInfo.outputPath('cite-url-form.png') });

  await panel.getByTestId('cf-save').click();
  await expect(panel.getByTestId('citation-row')).toHaveCount(1);
  const want = draft.replace('明显回落。', '明显回落[^1]。') + `[^1]: [算力租赁价格二季度回落三成](${url})·示例财经网·李明, 王芳（2025/6/30）·检索日期${today}\n`;
  await expect.poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', id)).text, { timeout: 10_000 }).toBe(want);
  await expect(page.locator('.cm-content')).toContainText('明显回落[^1]。');

  // The outlet rewrites the story: a new headline, a different text. A link
  // check says so beside "ok"...
  const rewritten = articlePage
    .replaceAll('算力租赁价格二季度回落三成', '算力租赁价格止跌回升')
    .replace(/<p>多家平台[^]*?<\/p>\s*<p>分析师[^]*?<\/p>/, '<p>最新数据显示，主要平台的报价在七月重新上调，原先的降价合同陆续到期，供需关系再次收紧。</p>');
  served = rewritten;
  await panel.getByTestId('cite-check').click();
  const changed = panel.getByTestId('cite-changed');
  await expect(changed).toBeVisible({ timeout: 20_000 });
  await expect(changed).toContainText('算力租赁价格止跌回升');
  // The row keeps saying so (the comparison is stored with the capture).
  await expect(panel.getByTestId('citation-row').getByTestId('link-changed')).toBeVisible();
  await panel.screenshot({ path: testInfo.outputPath('cite-url-changed.png') });

  // ...and "refresh from the page" offers the new headline field by field.
  await panel.getByTestId('citation-row').hover();
  await panel.getByTestId('refresh-from-page').click();
  const box = panel.getByTestId('refresh-box');
  await expect(box.getByTestId('refresh-field').first()).toBeVisible({ timeout: 20_000 });
  await expect(box.locator('[data-field="title"] .new')).toHaveText('算力租赁价格止跌回升');
  await expect(box.locator('[data-field="title"] .old')).toHaveText('算力租赁价格二季度回落三成');
  await expect(box.locator('[data-field="outlet"]')).toHaveCount(0);
  await panel.screenshot({ path: testInfo.outputPath('cite-url-refresh.png') });
  // Take the headline only; keep the citation's other fields as they are.
  for (const row of await box.getByTestId('refresh-field').all()) {
    if ((await row.getAttribute('data-field')) !== 'title') await row.locator('input[type="checkbox"]').uncheck();
  }
  await box.getByTestId('refresh-apply').click();
  await expect(box).toHaveCount(0);
  await expect
    .poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', id)).text, { timeout: 10_000 })
    .toBe(want.replace('[算力租赁价格二季度回落三成]', '[算力租赁价格止跌回升]'));
});

test('a consent wall is named, and the page read from its pasted HTML instead', async ({ app: page, site }) => {
  const id = await openDraft(page, draft);
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-add').click();
  const url = `${site}/walled/gpu-prices`;
  await panel.getByTestId('capture-urls').fill(url);
  await panel.getByTestId('capture-fetch').click();
  const failed = panel.getByTestId('capture-failed');
  await expect(failed).toHaveAttribute('data-wall', 'consent', { timeout: 20_000 });
  await failed.getByTestId('capture-paste-html').click();
  await failed.getByTestId('capture-html').fill(savedPage);
  await failed.getByTestId('capture-read-html').click();
  await expect(panel.getByTestId('cf-title')).toHaveValue('Cloud GPU prices fall for a second quarter');
  await expect(panel.getByTestId('cf-outlet')).toHaveValue('Example Ledger');
  await expect(panel.getByTestId('cf-published')).toHaveValue('2025/7/1');
  await panel.getByTestId('cf-add-only').click();
  await expect(panel.getByTestId('citation-row')).toHaveCount(1);
  const today = todayInShanghai();
  await expect
    .poll(async () => (await goCall<DraftText>(page, 'LibraryService.Get', id)).text, { timeout: 10_000 })
    .toBe(draft + `[^1]: [Cloud GPU prices fall for a second quarter](${url})·Example Ledger·Maria Keller（2025/7/1）·检索日期${today}\n`);
});

test('several URLs are read one after another with progress, and reading can be stopped', async ({ app: page, site }) => {
  await openDraft(page, draft);
  await page.getByTestId('tab-citations').click();
  const panel = page.getByTestId('citations-panel');
  await panel.getByTestId('cite-add').click();
  await panel.getByTestId('capture-urls').fill(`${site}/2025/06/30/compute-prices.html\n\n${site}/slow/story\n`);
  await expect(panel.getByTestId('capture-fetch')).toHaveText(/2/);
  await panel.getByTestId('capture-fetch').click();
  const progress = panel.getByTestId('capture-progress');
  await expect(progress).toContainText('1 / 2', { timeout: 20_000 });
  await progress.getByTestId('capture-cancel').click();
  // The page read before the stop is offered; the stopped one is not.
  await expect(panel.getByTestId('cf-title')).toHaveValue('算力租赁价格二季度回落三成', { timeout: 20_000 });
  await expect(panel.getByTestId('capture-stopped')).toBeVisible();
  await expect(panel.getByTestId('capture-skip')).toHaveCount(0);
});
