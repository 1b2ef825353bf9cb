// The UI figures of scripts/bench-ui.sh, measured in Debian's Chromium
// against a running `copydesk serve` (its URL in COPYDESK_URL):
//   first rows after navigation, rows in the DOM, scroll jumps (rows filled
//   in, longest main-thread task), search to result, and
//   keystroke to preview on two drafts (titles in REF_TITLE and BIG_TITLE).
// Prints one "name: value" line per figure.
import { chromium } from 'playwright-core';

const url = process.env.COPYDESK_URL;
const rounds = Number(process.env.ROUNDS ?? 5);
if (!url) throw new Error('COPYDESK_URL is not set (run scripts/bench-ui.sh)');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Records when the first library row enters the page, relative to the navigation's start.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="draft-row"]')) {
        window.__firstRow = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });

  const firstRows = [];
  for (let i = 0; i < rounds; i++) {
    // The address carries the session's token in its fragment: going to it
    // again from the page itself would only change the fragment, not load
    // the page, and every round would report the first load.
    await page.goto('about:blank');
    await page.goto(url);
    await page.waitForSelector('[data-testid="draft-row"]');
    firstRows.push(await page.evaluate(() => window.__firstRow));
  }
  console.log(`first rows after navigation: median ${median(firstRows).toFixed(0)} ms (${firstRows.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`rows in the DOM: ${await page.locator('[data-testid="draft-row"]').count()} of ${(await page.getByTestId('library-count').textContent())?.trim()}`);

  // Scroll jumps, as when the scrollbar is dragged: from setting the scroll
  // position to every row in view filled in (no placeholder), and the longest
  // task the main thread ran meanwhile (a stall shows there first).
  const jumps = await page.evaluate(async () => {
    const list = document.querySelector('[data-testid="draft-list"]');
    const scroller = list.parentElement;
    let longest = 0;
    const observer = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longest = Math.max(longest, e.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const filled = () => {
      const view = scroller.getBoundingClientRect();
      const inView = [...list.querySelectorAll('[data-index]')].filter((li) => {
        const r = li.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      });
      return inView.length > 0 && inView.every((li) => !li.querySelector('.placeholder'));
    };
    const times = [];
    for (const at of [0.5, 0.93, 0.12, 0.77, 0.999, 0.31, 0.64, 0.05]) {
      const start = performance.now();
      scroller.scrollTop = at * (scroller.scrollHeight - scroller.clientHeight);
      do {
        await new Promise((r) => requestAnimationFrame(r));
        if (performance.now() - start > 10_000) return null;
      } while (!filled());
      times.push(performance.now() - start);
    }
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    scroller.scrollTop = 0;
    return { times, longest };
  });
  if (!jumps) throw new Error('a scroll jump left placeholders in view for 10 s');
  console.log(
    `scroll jump to rows filled in: median ${median(jumps.times).toFixed(0)} ms (${jumps.times.map((x) => x.toFixed(0)).join(', ')}); ` +
      (jumps.longest > 0 ? `longest main-thread task ${jumps.longest.toFixed(0)} ms` : 'no main-thread task over 50 ms'),
  );

  // Search: from the last keystroke (the input event) to the matching row on screen.
  const searches = [];
  const queries = ['第1234号观察', '第7777号观察', '第42号观察', '第9001号观察', '第3131号观察', '第5555号观察', '第808号观察'];
  for (const q of queries.slice(0, Math.max(rounds, 5))) {
    const ms = await page.evaluate(async (q) => {
      const input = document.querySelector('[data-testid="library-search"]');
      input.focus();
      input.value = q;
      const start = performance.now();
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: q.slice(-1) }));
      for (;;) {
        const rows = document.querySelectorAll('[data-testid="draft-row"]');
        if (rows.length === 1 && rows[0].textContent.includes(q)) return performance.now() - start;
        if (performance.now() - start > 10_000) return -1;
        await new Promise((r) => requestAnimationFrame(r));
      }
    }, q);
    if (ms < 0) throw new Error(`search for ${q} showed no single result within 10 s`);
    searches.push(ms);
  }
  console.log(`search to result (typed query over the library): median ${median(searches).toFixed(0)} ms, max ${Math.max(...searches).toFixed(0)} ms`);

  for (const [label, title] of [['reference article', process.env.REF_TITLE], ['200 KB article', process.env.BIG_TITLE]]) {
    await page.getByTestId('library-search').fill(title);
    await page.locator('[data-testid="draft-row"]', { hasText: title }).first().click();
    const frame = page.frameLocator('[data-testid="preview-frame"]');
    await frame.locator('h3').first().waitFor();
    await page.locator('.cm-line', { hasText: /^### / }).first().click();
    await page.keyboard.press('End');
    const times = [];
    for (let i = 0; i < 15; i++) {
      const ms = await page.evaluate(async (marker) => {
        const body = document.querySelector('[data-testid="preview-frame"]').contentDocument.body;
        const start = performance.now();
        document.execCommand('insertText', false, marker);
        while (!body.textContent.includes(marker)) {
          await new Promise((r) => requestAnimationFrame(r));
          if (performance.now() - start > 10_000) return -1;
        }
        return performance.now() - start;
      }, `测${i}速`);
      if (ms < 0) throw new Error(`the preview of the ${label} did not show a keystroke within 10 s`);
      times.push(ms);
    }
    console.log(`keystroke to preview, ${label}: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  }
} finally {
  await browser.close();
}
