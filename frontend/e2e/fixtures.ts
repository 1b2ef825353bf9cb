// Test fixture: a real `copydesk serve` with a fresh database per test, and a
// page already authenticated with the server's per-run token.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CopydeskServer {
  /** The URL printed by `serve`, token included. */
  url: string;
  /** Origin of the server, e.g. http://127.0.0.1:40123 */
  origin: string;
  token: string;
  /** The temporary data folder (holds library.db). */
  dataDir: string;
  dbPath: string;
  /** What the server printed on stderr so far (for failure messages). */
  stderr: () => string;
}

function binary(): string {
  const bin = process.env.COPYDESK_BIN;
  if (!bin) throw new Error('COPYDESK_BIN is not set: run the end-to-end tests with `make test-e2e`');
  return bin;
}

/** Starts `copydesk serve` on a free loopback port and waits for its URL. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<{ server: CopydeskServer; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-'));
  const dbPath = join(dataDir, 'library.db');
  const child: ChildProcess = spawn(binary(), ['serve', '--addr', '127.0.0.1:0', '--db', dbPath], {
    env: { ...process.env, COPYDESK_DB: dbPath, LANG: 'zh_CN.UTF-8', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`copydesk serve printed no URL within 15 s; stderr: ${err}`)), 15_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`copydesk serve exited with ${code}; stderr: ${err}`));
    });
  });
  const parsed = new URL(url);
  const server: CopydeskServer = {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace(/^#token=/, ''),
    dataDir,
    dbPath,
    stderr: () => err,
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, stop };
}

/** Calls a bound Go method the way the UI does (same token header, same origin). */
export async function goCall<T = unknown>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    async ({ method, args }) => {
      const r = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Copydesk-Token': sessionStorage.getItem('copydesk.token') ?? '' },
        body: JSON.stringify({ method, args }),
      });
      const body = await r.json();
      if (body.error !== undefined) throw new Error(String(body.error));
      return body.result;
    },
    { method, args },
  ) as Promise<T>;
}

/** A draft as LibraryService returns it. */
export interface DraftText {
  id: number;
  text: string;
  version: number;
}

/** Today as a citation date in the profile's zone (the built-in profile: Asia/Shanghai). */
export function todayInShanghai(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return `${get('year')}/${get('month')}/${get('day')}`;
}

/**
 * Starts `copydesk serve` with the site's copydesk.yaml as its profile, opens
 * it in page and imports the site's content folder, as an editor starting on
 * a site does. The caller stops the server.
 */
export async function openSite(
  page: Page,
  siteRoot: string,
  extraEnv: Record<string, string> = {},
): Promise<{ server: CopydeskServer; stop: () => Promise<void> }> {
  const started = await startServer({ COPYDESK_PROFILE: join(siteRoot, 'copydesk.yaml'), ...extraEnv });
  try {
    await page.goto(started.server.url);
    await expect(page.getByTestId('backend-version')).toBeVisible();
    await goCall(page, 'LibraryService.Import', [join(siteRoot, 'content')]);
    await page.reload();
  } catch (e) {
    await started.stop();
    throw e;
  }
  return started;
}

export const test = base.extend<{ server: CopydeskServer; app: Page }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const { server, stop } = await startServer();
    await use(server);
    await stop();
  },
  /** A page that has opened the server's URL (the page keeps the token from its fragment) and mounted the UI. */
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await expect(page.getByTestId('backend-version')).toBeVisible();
    await use(page);
  },
});

export { expect };
