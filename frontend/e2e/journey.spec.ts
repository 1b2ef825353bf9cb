// The editor's core journey against the real `copydesk serve` and a fresh
// database: nothing is mocked. The saved text is read back through the same
// Go method the UI uses, so every assertion is about bytes really stored.
import { test, expect, goCall, type DraftText } from './fixtures';
import type { Page } from '@playwright/test';

async function draftId(page: Page): Promise<number> {
  const id = await page.getByTestId('pane-editor').getAttribute('data-draft-id');
  expect(id).toMatch(/^\d+$/);
  return Number(id);
}

/** Waits until the UI says everything is saved, then reads the stored text. */
async function savedText(page: Page): Promise<string> {
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  const d = await goCall<DraftText>(page, 'LibraryService.Get', await draftId(page));
  return d.text;
}

/** Waits until the stored text satisfies a predicate (autosave runs a moment after typing). */
async function storedTextMatching(page: Page, ok: (text: string) => boolean): Promise<string> {
  const id = await draftId(page);
  let text = '';
  await expect
    .poll(async () => {
      text = (await goCall<DraftText>(page, 'LibraryService.Get', id)).text;
      return ok(text);
    })
    .toBe(true);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  return text;
}

function previewFrame(page: Page) {
  return page.frameLocator('[data-testid="preview-frame"]');
}

test('write a draft: template, form edits, IME typing, preview, quick fix, reload, Chinese search', async ({ app: page }) => {
  // 1. A new draft from the house template.
  await page.getByTestId('new-draft').click();
  await expect(page.getByTestId('field-title')).toHaveValue(/端侧大模型/);
  const t0 = await savedText(page);
  expect(t0.startsWith('---\ntitle: ')).toBe(true);
  expect(t0).toMatch(/^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/m);
  const oldTitle = /^title: (.*)$/m.exec(t0)![1];

  // 2. Change the title and add a tag in the form: exactly those lines change.
  const newTitle = '端侧推理的崛起：终端芯片如何改写算力版图';
  await page.getByTestId('field-title').fill(newTitle);
  await page.getByTestId('field-tags').fill('测试标签');
  await page.getByTestId('field-tags').press('Enter');
  await expect(page.getByTestId('chips-tags')).toContainText('测试标签');
  const t1 = await storedTextMatching(page, (t) => t.includes('测试标签') && t.includes(newTitle));
  const lines0 = t0.split('\n');
  const lastTag = lines0.findIndex((l, i) => i > lines0.indexOf('tags:') && !l.startsWith('  - '));
  const expected = [...lines0];
  expected[lines0.indexOf(`title: ${oldTitle}`)] = `title: ${newTitle}`;
  expected.splice(lastTag, 0, '  - 测试标签');
  expect(t1).toBe(expected.join('\n'));

  // 3. Type a paragraph with a citation; part of it through an input method.
  await page.locator('.cm-line').first().click();
  await page.keyboard.press('Control+End'); // the editor renders only the lines in view
  await page.locator('.cm-line', { hasText: /^## 引文部分$/ }).click();
  await page.keyboard.press('Home');
  await page.keyboard.type('端侧推理也带来新的测试需求，');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'zhongwen', selectionStart: 8, selectionEnd: 8 });
  await cdp.send('Input.imeSetComposition', { text: '中文', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '中文输入' });
  await page.keyboard.type('必须准确无误[^1');
  await expect(page.locator('.cm-tooltip-autocomplete')).toBeVisible();
  await page.keyboard.type(']。');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  const paragraph = '端侧推理也带来新的测试需求，中文输入必须准确无误[^1]。';
  const t2 = await storedTextMatching(page, (t) => t.includes(paragraph));
  expect(t2).toContain(`仍有待观察。\n\n${paragraph}\n\n## 引文部分\n`);
  expect(t2.replace(`${paragraph}\n\n`, '')).toBe(t1);

  // 4. The preview shows the paragraph and the footnote number as Hugo numbers it.
  const para = previewFrame(page).locator('p', { hasText: '中文输入必须准确无误' });
  await expect(para).toBeVisible();
  await expect(para.locator('sup a.footnote-ref')).toHaveText('1');
  await expect(previewFrame(page).locator('script')).toHaveCount(0);

  // 5. A date without an offset: the problem appears, its quick fix adds the offset.
  const dateLine = /^date: (.*)$/m.exec(t2)![1];
  const bare = dateLine.replace(/\+08:00$/, '');
  await page.locator('.cm-line').first().click();
  await page.keyboard.press('Control+Home');
  await page.locator('.cm-line', { hasText: /^date: / }).click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(`date: ${bare}`);
  await expect(page.getByTestId('date-no-offset')).toBeVisible();
  await page.getByTestId('tab-problems').click();
  const problem = page.locator('[data-testid="problem"][data-code="frontmatter.date_format"]');
  await expect(problem).toHaveCount(1);
  await problem.getByTestId('quick-fix').click();
  await expect(page.locator('[data-code="frontmatter.date_format"]')).toHaveCount(0);
  const t3 = await storedTextMatching(page, (t) => t.includes(`date: ${bare}+08:00\n`));
  expect(t3).toBe(t2);

  // 6. Reload: everything is still there.
  await page.reload();
  await expect(page.getByTestId('backend-version')).toBeVisible();
  await page.getByTestId('draft-row').filter({ hasText: newTitle }).click();
  await expect(page.getByTestId('field-title')).toHaveValue(newTitle);
  await expect(previewFrame(page).locator('p', { hasText: '中文输入必须准确无误' })).toBeVisible();
  await expect(page.getByTestId('field-date')).toHaveValue(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  await expect(page.getByTestId('date-no-offset')).toHaveCount(0);
  expect(await savedText(page)).toBe(t3);
  await expect(page.getByTestId('chips-tags')).toContainText('测试标签');

  // 7. Search by a two- and a four-character Chinese word finds it (and not another draft).
  await goCall(page, 'LibraryService.Create', '---\ntitle: 另一篇：数据中心的电力账单\ndate: 2025-07-01T08:00:00+08:00\ndraft: true\n---\n\n电力供应成为瓶颈。\n');
  await page.reload();
  await expect(page.getByTestId('draft-row')).toHaveCount(2);
  for (const word of ['测试', '中文输入']) {
    await page.getByTestId('library-search').fill(word);
    await expect(page.getByTestId('draft-row')).toHaveCount(1);
    await expect(page.getByTestId('draft-row')).toContainText(newTitle);
  }
  await page.getByTestId('library-search').fill('电力');
  await expect(page.getByTestId('draft-row')).toHaveCount(1);
  await expect(page.getByTestId('draft-row')).toContainText('数据中心的电力账单');
});
