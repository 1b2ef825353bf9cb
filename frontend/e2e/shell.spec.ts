import { test, expect, startServer } from './fixtures';

test('the UI mounts and shows the backend version fetched through a real Go call', async ({ app }) => {
  await expect(app).toHaveTitle(/Copydesk/);
  const shown = await app.getByTestId('backend-version').textContent();
  const version = await app.evaluate(async () => {
    const r = await fetch('/api/call', { method: 'POST', body: JSON.stringify({ method: 'SystemService.Version', args: [] }) });
    return (await r.json()).result as string;
  });
  expect(version).toMatch(/\d+\.\d+\.\d+/);
  expect(shown).toContain(version);
});

test('requests without the token or from another origin are refused', async ({ server, request }) => {
  const noToken = await request.fetch(`${server.origin}/`, { maxRedirects: 0 });
  expect(noToken.status()).toBe(403);
  const apiNoToken = await request.post(`${server.origin}/api/call`, {
    data: { method: 'SystemService.Version', args: [] },
    headers: { Cookie: '' },
  });
  expect(apiNoToken.status()).toBe(403);
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

test('a second server gets its own token', async ({ server }) => {
  const other = await startServer();
  try {
    expect(other.server.token).not.toBe(server.token);
    expect(other.server.token).toMatch(/^[0-9a-f]{48}$/);
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
