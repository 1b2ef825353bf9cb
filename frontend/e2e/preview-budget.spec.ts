// Pathological Markdown (20,000 footnotes: goldmark needs seconds for it, as
// Hugo does): the preview is paused for that text after the render budget,
// the editor stays responsive, and a text that renders quickly is shown again.
import { test, expect, goCall, startServer } from './fixtures';

function pathological(n: number): string {
  let refs = '';
  let defs = '';
  for (let i = 1; i <= n; i++) {
    refs += `引用[^${i}]。`;
    defs += `[^${i}]: 来源${i}\n`;
  }
  return `---\ntitle: 病态脚注\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\n---\n\n${refs}\n\n${defs}`;
}

test('a preview that takes too long is paused for that text; the editor stays responsive', async ({ page }) => {
  test.setTimeout(90_000);
  // A budget of 300 ms (the app's is 2 s): the article takes about 2 s to
  // render on this machine, so it is over budget however fast the machine,
  // and the short text below is far under it.
  const { server, stop } = await startServer({ COPYDESK_PREVIEW_BUDGET_MS: '300' });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('backend-version')).toBeVisible();
    await goCall(page, 'LibraryService.Create', pathological(20000));
    await page.reload();
    await page.getByTestId('draft-row').first().click();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await expect(frame.locator('.copydesk-paused')).toContainText('预览已暂停', { timeout: 20_000 });

    // Typing is not held up by the abandoned render.
    await page.locator('.cm-content').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('---\ntitle: 恢复\n---\n\n短短的正文。\n');
    await expect(page.locator('.cm-content')).toContainText('短短的正文。');
    // Once the old render has finished, the new text renders (never two renders of one draft at once).
    await expect(frame.locator('p', { hasText: '短短的正文。' })).toBeVisible({ timeout: 60_000 });
    await expect(frame.locator('.copydesk-paused')).toHaveCount(0);
  } finally {
    await stop();
  }
});
