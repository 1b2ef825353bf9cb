// Images against the real `copydesk serve` and a Hugo site on disk: an image
// pasted into the editor is copied into the site's static images folder,
// `![](/images/….png)` is inserted, and the preview loads it through the
// image route; a leaf bundle's image goes beside its index.md and shows too;
// a dropped image lands where it was dropped;
// the featured image is chosen through the file input. Without a site, the
// paste says so and inserts nothing.
import { test, expect, startServer, goCall, openSite } from './fixtures';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

const article = (title: string) => `---
title: ${title}
date: 2025-06-27T20:10:05+08:00
draft: false
summary: 摘要
tags:
  - 测试
main_topics:
  - 算力与芯片
---

> 导语。

### 小节

存储芯片价格在二季度回升。

## 引文部分

`;

// A 1×1 PNG, for the file input.
const onePixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function makeSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-images-'));
  writeFileSync(join(root, 'hugo.toml'), "baseURL = 'https://example.org/'\n");
  writeFileSync(join(root, 'copydesk.yaml'), 'site:\n  root: .\n');
  mkdirSync(join(root, 'content', 'posts', '芯片 周期'), { recursive: true });
  writeFileSync(join(root, 'content', 'posts', 'memory.md'), article('图片测试：存储芯片'));
  writeFileSync(join(root, 'content', 'posts', '芯片 周期', 'index.md'), article('图片测试：页面包'));
  return root;
}

/** Pastes a w×h PNG drawn in the page, as a screenshot tool puts it on the clipboard. */
async function pastePNG(page: Page, name: string, w: number, h: number) {
  await page.locator('.cm-line', { hasText: '存储芯片价格' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.evaluate(
    async ({ name, w, h }) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#c0392b';
      ctx.fillRect(0, 0, w, h);
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      const editor = document.querySelector('.cm-content')!;
      editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, w, h },
  );
}

async function openDraft(page: Page, title: string) {
  await page.getByTestId('draft-row').filter({ hasText: title }).click();
  await expect(page.locator('.cm-content')).toContainText('存储芯片价格');
}

/** The natural width of the preview's first image once it has loaded (0 while it has not, or when it failed). */
async function previewImageWidth(page: Page): Promise<number> {
  const frame = page.getByTestId('preview-frame').contentFrame();
  const img = frame.locator('img').first();
  if ((await img.count()) === 0) return -1;
  return img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0));
}

test('paste an image into the editor and see it in the preview', async ({ page }) => {
  const site = makeSite();
  const { stop } = await openSite(page, site);
  try {

    // A plain page: into static/images/, addressed from the site's root.
    await openDraft(page, '图片测试：存储芯片');
    await pastePNG(page, '截图 2025-06-27.png', 7, 5);
    const inserted = /!\[\]\(\/images\/截图-2025-06-27-[0-9a-f]{8}\.png\)/;
    await expect(page.locator('.cm-content')).toContainText(inserted);
    const ref = (await page.locator('.cm-content').textContent())!.match(inserted)![0].slice(4, -1);
    const onDisk = readFileSync(join(site, 'static', ref));
    expect(onDisk.subarray(1, 4).toString()).toBe('PNG');
    await expect.poll(() => previewImageWidth(page)).toBe(7);
    // The preview's address is the image route, never the bare /images/ path (which the UI's server does not serve).
    const src = await page.getByTestId('preview-frame').contentFrame().locator('img').first().getAttribute('src');
    expect(src).toMatch(/^\/site-static\/[0-9a-f]+\/static\/images\//);
    // The route answers only with its key.
    const refused = await page.evaluate(async (p) => (await fetch(p)).status, src!.replace(/\/site-static\/[0-9a-f]+\//, '/site-static/0000/'));
    expect(refused).toBe(403);

    // A leaf bundle: beside index.md, addressed relative to the page.
    await openDraft(page, '图片测试：页面包');
    await pastePNG(page, 'chart.png', 3, 9);
    await expect(page.locator('.cm-content')).toContainText(/!\[\]\(chart-[0-9a-f]{8}\.png\)/);
    await expect.poll(() => previewImageWidth(page)).toBe(3);
    expect(readdirSync(join(site, 'content', 'posts', '芯片 周期')).filter((f) => f.endsWith('.png'))).toHaveLength(1);
  } finally {
    await stop();
    rmSync(site, { recursive: true, force: true });
  }
});

test('drop an image onto a line of the editor', async ({ page }) => {
  const site = makeSite();
  const { stop } = await openSite(page, site);
  try {
    await openDraft(page, '图片测试：存储芯片');
    // Dropped at the end of the lead paragraph, wherever the cursor was.
    const lead = page.locator('.cm-line', { hasText: '> 导语。' });
    const box = (await lead.boundingBox())!;
    await page.evaluate(
      async ({ x, y }) => {
        const canvas = document.createElement('canvas');
        canvas.width = 6;
        canvas.height = 6;
        canvas.getContext('2d')!.fillRect(0, 0, 6, 6);
        const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
        const data = new DataTransfer();
        data.items.add(new File([blob], 'Dropped Chart.png', { type: 'image/png' }));
        const target = document.elementFromPoint(x, y)!;
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
      },
      { x: box.x + box.width - 2, y: box.y + box.height / 2 },
    );
    await expect(page.locator('.cm-line', { hasText: '> 导语。' })).toHaveText(/^> 导语。!\[\]\(\/images\/dropped-chart-[0-9a-f]{8}\.png\)$/);
    await expect.poll(() => previewImageWidth(page)).toBe(6);
  } finally {
    await stop();
    rmSync(site, { recursive: true, force: true });
  }
});

test('choose a featured image through the file input', async ({ page }) => {
  const site = makeSite();
  const { stop } = await openSite(page, site);
  try {
    await openDraft(page, '图片测试：存储芯片');
    await page.getByTestId('file-featured_image').setInputFiles({ name: '封面 Cover.PNG', mimeType: 'image/png', buffer: onePixel });
    await expect(page.getByTestId('field-featured_image')).toHaveValue(/^images\/封面-cover-[0-9a-f]{8}\.png$/);
    await expect(page.locator('.cm-content')).toContainText(/featured_image: images\/封面-cover-[0-9a-f]{8}\.png/);
    const value = await page.getByTestId('field-featured_image').inputValue();
    expect(readFileSync(join(site, 'static', value)).equals(onePixel)).toBe(true);
    await expect(page.getByTestId('frontmatter-form').locator('img.thumb')).toBeVisible();

    // Not an image: refused with the reason, the field unchanged.
    await page.getByTestId('file-featured_image').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('# 不是图片\n') });
    await expect(page.getByTestId('image-error')).toContainText('notes.png');
    await expect(page.getByTestId('field-featured_image')).toHaveValue(value);
  } finally {
    await stop();
    rmSync(site, { recursive: true, force: true });
  }
});

test('pasting an image without a site says so and inserts nothing', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-nosite-'));
  writeFileSync(join(dir, 'copydesk.yaml'), 'stale_days: 30\n');
  const { server, stop } = await startServer({ COPYDESK_PROFILE: join(dir, 'copydesk.yaml') });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('backend-version')).toBeVisible();
    await goCall(page, 'LibraryService.Create', article('无站点'));
    await page.reload();
    await openDraft(page, '无站点');
    await pastePNG(page, 'x.png', 2, 2);
    await expect(page.getByRole('status')).toContainText('尚未设置 Hugo 站点');
    await expect(page.locator('.cm-content')).not.toContainText('![](');
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
