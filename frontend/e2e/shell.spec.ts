import { test, expect, startServer, goCall } from './fixtures';

test('the UI mounts and shows the backend version fetched through a real Go call', async ({ app }) => {
  await expect(app).toHaveTitle(/Copydesk/);
  const shown = await app.getByTestId('backend-version').textContent();
  const version = await goCall<string>(app, 'SystemService.Version');
  expect(version).toMatch(/\d+\.\d+\.\d+/);
  expect(shown).toContain(version);
  // The token left the address bar, and the page's own fetch without it is refused.
  expect(app.url()).not.toContain('token');
  const bare = await app.evaluate(async () => (await fetch('/api/call', { method: 'POST', body: '{"method":"SystemService.Version","args":[]}' })).status);
  expect(bare).toBe(403);
});

test('requests without the token or from another origin are refused; nothing may frame the UI', async ({ server, request }) => {
  const page = await request.fetch(`${server.origin}/`, { maxRedirects: 0 });
  expect(page.status()).toBe(200); // the bundle itself holds no data
  expect(page.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(page.headers()['x-frame-options']).toBe('DENY');
  const apiNoToken = await request.post(`${server.origin}/api/call`, {
    data: { method: 'SystemService.Version', args: [] },
  });
  expect(apiNoToken.status()).toBe(403);
  const cookieToken = await request.post(`${server.origin}/api/call`, {
    data: { method: 'SystemService.Version', args: [] },
    headers: { Cookie: `copydesk_token=${server.token}` },
  });
  expect(cookieToken.status()).toBe(403);
  const eventsNoToken = await request.fetch(`${server.origin}/api/events`, { maxRedirects: 0 });
  expect(eventsNoToken.status()).toBe(403);
  const wrongToken = await request.fetch(`${server.origin}/?token=00ff`, { maxRedirects: 0 });
  expect(wrongToken.status()).toBe(403);
  const foreignOrigin = await request.post(`${server.origin}/api/call`, {
    data: { method: 'SystemService.Version', args: [] },
    headers: { 'X-Copydesk-Token': server.token, Origin: 'http://evil.example' },
  });
  expect(foreignOrigin.status()).toBe(403);
  expect(await foreignOrigin.text()).toBe('forbidden\n');
  const good = await request.post(`${server.origin}/api/call`, {
    data: { method: 'SystemService.Version', args: [] },
    headers: { 'X-Copydesk-Token': server.token },
  });
  expect(good.status()).toBe(200);
});

test('a second server gets its own token, and both stay usable in one browser', async ({ server, app, context }) => {
  const other = await startServer();
  try {
    expect(other.server.token).not.toBe(server.token);
    expect(other.server.token).toMatch(/^[0-9a-f]{48}$/);
    const second = await context.newPage();
    await second.goto(other.server.url);
    await expect(second.getByTestId('backend-version')).toBeVisible();
    // The first tab still works: opening the second did not replace its credential.
    expect(await goCall<string>(app, 'SystemService.Version')).toMatch(/\d+\.\d+\.\d+/);
    expect(await goCall<string>(second, 'SystemService.Version')).toMatch(/\d+\.\d+\.\d+/);
    // No cookie carries either token to other servers on 127.0.0.1.
    const cookies = await context.cookies();
    expect(cookies.filter((c) => c.value.includes(server.token) || c.value.includes(other.server.token))).toEqual([]);
  } finally {
    await other.stop();
  }
});

test('the About box says where the library lives and which profile is in use', async ({ app, server }) => {
  await app.getByTestId('backend-version').click();
  const notice = app.getByRole('status').filter({ hasText: server.dbPath });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('内置社内规范');
});
