// The Site tab against the real `copydesk serve` and real git: a site cloned
// from a bare repository, an article imported from it and edited in the
// editor, then published from the Site tab: the commit in the remote holds the
// draft's text byte for byte, with the message typed and the clone's author.
import { test, expect, goCall, openSite } from './fixtures';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const article = `---
title: 站点发布测试：存储芯片的周期
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

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

test('publish an edited draft from the Site tab', async ({ page }) => {
  const base = mkdtempSync(join(tmpdir(), 'copydesk-site-'));
  const remote = join(base, 'site.git');
  const clone = join(base, 'site');
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(base, 'clone', '--quiet', remote, clone);
  git(clone, 'config', 'user.name', '编辑甲');
  git(clone, 'config', 'user.email', 'editor@example.com');
  writeFileSync(join(clone, 'hugo.toml'), "baseURL = 'https://example.org/'\n");
  writeFileSync(join(clone, 'copydesk.yaml'), 'site:\n  root: .\n');
  mkdirSync(join(clone, 'content', 'posts'), { recursive: true });
  writeFileSync(join(clone, 'content', 'posts', 'memory.md'), article);
  git(clone, 'add', '-A');
  git(clone, 'commit', '--quiet', '-m', 'site');
  git(clone, 'push', '--quiet', 'origin', 'main');

  const { stop } = await openSite(page, clone, { GIT_CONFIG_NOSYSTEM: '1' });
  try {
    await page.getByTestId('draft-row').first().click();
    await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', /^\d+$/);
    const id = await page.getByTestId('pane-editor').getAttribute('data-draft-id');

    await page.locator('.cm-line', { hasText: '存储芯片价格' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('三季度继续上涨。');

    await page.getByTestId('tab-site').click();
    const panel = page.getByTestId('site-panel');
    await expect(panel.getByTestId('site-branch')).toContainText('main');
    // The panel saves the open draft before it looks: the edit shows at once.
    await expect(panel.getByTestId(`site-select-${id}`)).toBeVisible();
    await panel.getByTestId(`site-select-${id}`).check();
    await panel.getByTestId('site-message').fill('存储芯片：补充三季度');
    await panel.getByTestId('site-publish-selected').click();
    await expect(panel.getByTestId('site-notes')).toContainText('已推送到远程仓库');
    await expect(panel.getByTestId('site-drafts-none')).toBeVisible();

    const stored = await goCall<{ text: string }>(page, 'LibraryService.Get', Number(id));
    expect(stored.text).toContain('三季度继续上涨。');
    const log = git(remote, 'log', '-1', '--format=%an <%ae>%n%s');
    expect(log).toBe('编辑甲 <editor@example.com>\n存储芯片：补充三季度\n');
    expect(git(remote, 'show', 'main:content/posts/memory.md')).toBe(stored.text);
    expect(readFileSync(join(clone, 'content', 'posts', 'memory.md'), 'utf8')).toBe(stored.text);
  } finally {
    await stop();
    rmSync(base, { recursive: true, force: true });
  }
});

/** A bare repository and a clone with a Hugo site holding the given articles (paths under content/). */
function siteRepo(files: Record<string, string>): { base: string; remote: string; clone: string } {
  const base = mkdtempSync(join(tmpdir(), 'copydesk-site-'));
  const remote = join(base, 'site.git');
  const clone = join(base, 'site');
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
  git(base, 'clone', '--quiet', remote, clone);
  git(clone, 'config', 'user.name', '编辑甲');
  git(clone, 'config', 'user.email', 'editor@example.com');
  writeFileSync(join(clone, 'hugo.toml'), "baseURL = 'https://example.org/'\n");
  writeFileSync(join(clone, 'copydesk.yaml'), 'site:\n  root: .\n');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(clone, 'content', rel, '..'), { recursive: true });
    writeFileSync(join(clone, 'content', rel), text);
  }
  git(clone, 'add', '-A');
  git(clone, 'commit', '--quiet', '-m', 'site');
  git(clone, 'push', '--quiet', 'origin', 'main');
  return { base, remote, clone };
}

test('a pull that conflicts is resolved side by side, then published', async ({ page }) => {
  const { base, remote, clone } = siteRepo({ 'posts/memory.md': article });
  // Someone else changes the same line and pushes.
  const other = join(base, 'other');
  git(base, 'clone', '--quiet', remote, other);
  writeFileSync(join(other, 'content', 'posts', 'memory.md'), article.replace('二季度回升。', '二季度回升，同事改写。'));
  git(other, '-c', 'user.name=编辑乙', '-c', 'user.email=b@example.com', 'commit', '--quiet', '-am', 'other');
  git(other, 'push', '--quiet');

  const { stop } = await openSite(page, clone, { GIT_CONFIG_NOSYSTEM: '1' });
  try {
    await page.getByTestId('draft-row').first().click();
    await expect(page.getByTestId('pane-editor')).toHaveAttribute('data-draft-id', /^\d+$/);
    const id = await page.getByTestId('pane-editor').getAttribute('data-draft-id');
    await page.locator('.cm-line', { hasText: '存储芯片价格' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type('我的补充。');

    await page.getByTestId('tab-site').click();
    const panel = page.getByTestId('site-panel');
    await panel.getByTestId('site-pull').click();
    await expect(panel.getByTestId('site-notes')).toContainText('冲突 1');
    // The draft is still the editor's own text: no markers.
    const mine = await goCall<{ text: string }>(page, 'LibraryService.Get', Number(id));
    expect(mine.text).toContain('二季度回升。我的补充。');
    expect(mine.text).not.toContain('<<<<<<<');
    await expect(page.locator('.cm-content').first()).toContainText('我的补充。');

    await panel.getByTestId(`site-resolve-${id}`).click();
    const dialog = page.getByTestId('site-conflict');
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('同事改写');
    // Keep both: edit the left side, then use it.
    const left = dialog.locator('.cm-merge-a .cm-line', { hasText: '我的补充' });
    await left.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（同事：同事改写）');
    await dialog.getByTestId('site-use-left').click();
    await expect(dialog).toHaveCount(0);
    await expect(panel.getByTestId('site-notes')).toContainText('已解决');
    await expect(page.locator('.cm-content').first()).toContainText('（同事：同事改写）');

    await panel.getByTestId(`site-select-${id}`).check();
    await panel.getByTestId('site-publish-selected').click();
    await expect(panel.getByTestId('site-notes')).toContainText('已推送到远程仓库');
    const published = git(remote, 'show', 'main:content/posts/memory.md');
    expect(published).toContain('二季度回升。我的补充。（同事：同事改写）');
    const stored = await goCall<{ text: string }>(page, 'LibraryService.Get', Number(id));
    expect(published).toBe(stored.text);
  } finally {
    await stop();
    rmSync(base, { recursive: true, force: true });
  }
});

test('the build check names the broken draft and opens it at the line', async ({ page }) => {
  const hugo = process.env.HUGO;
  test.skip(!hugo, 'HUGO is not set (scripts/tools.sh hugo builds it)');
  const broken = article.replace('## 引文部分', '{{< nosuch-shortcode >}}\n\n## 引文部分');
  const { base, clone } = siteRepo({ 'posts/good.md': article.replace('站点发布测试', '好文章'), 'posts/broken.md': broken });
  writeFileSync(join(clone, 'copydesk.yaml'), `site:\n  root: .\n  hugo: ${hugo}\n`);
  const { stop } = await openSite(page, clone);
  try {
    await page.getByTestId('tab-site').click();
    const panel = page.getByTestId('site-panel');
    await panel.getByTestId('site-build').click();
    await expect(panel.getByTestId('site-build-verdict')).toContainText('Hugo 构建失败');
    const line = broken.split('\n').findIndex((l) => l.includes('nosuch-shortcode')) + 1;
    const issue = panel.getByTestId('site-issues').getByRole('button', { name: `posts/broken.md · 第 ${line} 行` });
    await expect(issue).toBeVisible();
    await issue.click();
    await expect(page.locator('.statusbar')).toContainText(`${line}`);
    await expect(page.locator('.cm-activeLine')).toContainText('nosuch-shortcode');
  } finally {
    await stop();
    rmSync(base, { recursive: true, force: true });
  }
});
