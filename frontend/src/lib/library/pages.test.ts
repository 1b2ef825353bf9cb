import { describe, it, expect } from 'vitest';
import { ListPages, PAGE_SIZE } from './pages.svelte';
import { emptyFilter, type DraftPage, type DraftPageRequest, type DraftSummary } from '../api';

/** An in-memory list answering page requests the way LibraryService.Page does (cursor = "id"). */
function source(n: number) {
  const all: DraftSummary[] = Array.from({ length: n }, (_, i) => ({
    id: n - i, title: `t${n - i}`, status: 'draft', date: '', updatedAt: '', topics: [], tags: [], errors: 0, warnings: 0, path: '', snippet: '',
  }));
  const requests: DraftPageRequest[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const pending: (() => void)[] = [];
  const fetchPage = (req: DraftPageRequest): Promise<DraftPage> => {
    requests.push(req);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    let start = req.offset;
    if (req.after) start = all.findIndex((r) => String(r.id) === req.after) + 1;
    else if (req.before) start = all.findIndex((r) => String(r.id) === req.before) - req.limit;
    const rows = all.slice(start, start + req.limit);
    return new Promise((resolve) =>
      pending.push(() => {
        inFlight--;
        resolve({ offset: req.offset, rows, cursors: rows.map((r) => String(r.id)), total: n, exact: true });
      }),
    );
  };
  /** Answers every request made so far (and those they trigger), in order. */
  const settle = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { fetchPage, requests, settle, mostInFlight: () => mostInFlight };
}

describe('ListPages', () => {
  it('reads the pages in view, continues from a held neighbour by cursor, jumps by offset', async () => {
    const src = source(1234);
    const pages = new ListPages(src.fetchPage);
    pages.reset(emptyFilter());
    await src.settle();
    expect(pages.total).toBe(1234);
    expect(pages.row(0)?.id).toBe(1234);
    expect(pages.row(150)?.id).toBe(1234 - 150); // page 1 is read too (one page either side)
    src.requests.length = 0;
    pages.want(150, 160); // page 2 comes into reach: continued from page 1's last row
    await src.settle();
    expect(src.requests).toHaveLength(1);
    expect(src.requests[0]).toMatchObject({ offset: 200, after: String(1234 - 199) });
    expect(pages.row(250)?.id).toBe(1234 - 250);

    src.requests.length = 0;
    pages.want(1000, 1010); // a jump: pages 10, 9 and 11
    await src.settle();
    expect(src.mostInFlight()).toBeLessThanOrEqual(2);
    expect(src.requests[0]).toMatchObject({ offset: 10 * PAGE_SIZE, after: '', before: '' });
    // Pages 10 and 9 are asked for together, by offset; page 11 then continues from page 10.
    expect(src.requests[2]).toMatchObject({ offset: 11 * PAGE_SIZE, after: String(1234 - 1099) });
    for (const i of [900, 1005, 1199]) expect(pages.row(i)?.id).toBe(1234 - i);
    pages.want(1225, 1233); // the end: the last page is partial, nothing is asked for past it
    await src.settle();
    expect(pages.row(1233)?.id).toBe(1);
    expect(pages.row(1234)).toBeUndefined();
    expect(src.requests.every((r) => r.offset < 1234)).toBe(true);
    expect(pages.indexOf(1234 - 1100)).toBe(1100);
  });

  it('drops the answers for a filter that was replaced', async () => {
    const src = source(300);
    const pages = new ListPages(src.fetchPage);
    pages.reset(emptyFilter());
    pages.reset({ ...emptyFilter(), query: '芯片' });
    await src.settle();
    expect(src.requests.filter((r) => r.filter.query === '芯片').length).toBeGreaterThan(0);
    // Every page held was asked for under the second filter.
    expect(pages.version).toBe(src.requests.filter((r) => r.filter.query === '芯片').length);
  });
});
