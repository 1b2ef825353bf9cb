// The library list as pages fetched around the viewport. Only the pages the
// list shows (and one either side) are asked for; a page next to one already
// held continues from its edge row's cursor (a keyset read, as cheap at row
// 90,000 as at row 0); a page far from any is read by offset (a jump).
import type { DraftFilter, DraftPage, DraftPageRequest, DraftSummary } from '../api';

export const PAGE_SIZE = 100;
/** Pages asked for at once: a fast scroll does not queue a request per page it passed. */
const MAX_IN_FLIGHT = 2;

interface Held {
  rows: DraftSummary[];
  cursors: string[];
}

export class ListPages {
  /** Matching drafts (for a search: counted up to a little past the pages read). */
  total = $state(0);
  /** false while a search may have more matches than total. */
  exact = $state(true);
  /** True until the first page of the current filter has landed. */
  loading = $state(true);
  error = $state<unknown>(null);
  /** Bumped whenever a page lands: readers of row() re-run. */
  version = $state(0);

  private pages = new Map<number, Held>();
  private inFlight = new Set<number>();
  private generation = 0;
  private filter: DraftFilter | null = null;
  private wantFrom = 0;
  private wantTo = 0;
  /** Pages held from before a refresh, shown until their new rows land. */
  private stale = new Set<number>();
  /** Pages whose request failed: not asked again until the next reset or refresh. */
  private failed = new Set<number>();

  constructor(private fetchPage: (req: DraftPageRequest) => Promise<DraftPage>) {}

  /** A new filter: forget every page and read the first. */
  reset(filter: DraftFilter): void {
    this.filter = { ...filter };
    this.generation++;
    this.pages.clear();
    this.inFlight.clear();
    this.stale.clear();
    this.failed.clear();
    this.loading = true;
    this.error = null;
    this.wantFrom = 0;
    this.wantTo = PAGE_SIZE - 1;
    this.pump();
  }

  /** The same filter after a change in the library: re-read the pages in view, keep showing the old rows meanwhile. */
  refresh(): void {
    if (!this.filter) return;
    this.generation++;
    this.inFlight.clear();
    const keep = new Map<number, Held>();
    for (const p of this.viewPages()) {
      const held = this.pages.get(p);
      if (held) keep.set(p, { ...held, cursors: [] }); // stale cursors: read by offset
    }
    this.pages = keep;
    this.stale = new Set(keep.keys());
    this.failed.clear();
    this.pump();
  }

  /** The rows the list shows now (indexes, inclusive): their pages are fetched if missing. */
  want(from: number, to: number): void {
    this.wantFrom = Math.max(0, from);
    this.wantTo = Math.max(this.wantFrom, to);
    this.pump();
  }

  /** Row i, or undefined while its page is on its way. */
  row(i: number): DraftSummary | undefined {
    void this.version;
    return this.pages.get(Math.floor(i / PAGE_SIZE))?.rows[i % PAGE_SIZE];
  }

  /** The index of the draft with this id among the pages held, or -1. */
  indexOf(id: number): number {
    void this.version;
    for (const [p, held] of this.pages) {
      const at = held.rows.findIndex((r) => r.id === id);
      if (at >= 0) return p * PAGE_SIZE + at;
    }
    return -1;
  }

  /** The page numbers covering the wanted rows, one either side, nearest the middle first. */
  private viewPages(): number[] {
    const first = Math.max(0, Math.floor(this.wantFrom / PAGE_SIZE) - 1);
    let last = Math.floor(this.wantTo / PAGE_SIZE) + 1;
    if (!this.loading) last = Math.min(last, Math.max(0, Math.ceil(this.total / PAGE_SIZE) - 1 + (this.exact ? 0 : 1)));
    const middle = (this.wantFrom + this.wantTo) / 2 / PAGE_SIZE;
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out.sort((a, b) => Math.abs(a + 0.5 - middle) - Math.abs(b + 0.5 - middle));
  }

  private pump(): void {
    if (!this.filter) return;
    // Until the first page has landed it is read alone: it is what the
    // window shows first, and the count it brings bounds the rest.
    const most = this.loading ? 1 : MAX_IN_FLIGHT;
    for (const p of this.viewPages()) {
      if (this.inFlight.size >= most) return;
      if (this.inFlight.has(p) || this.failed.has(p) || (this.pages.has(p) && !this.stale.has(p))) continue;
      this.load(p);
    }
  }

  /** The request for page p: from a neighbour's edge cursor when one is held. */
  request(p: number): DraftPageRequest {
    const req: DraftPageRequest = { filter: this.filter!, offset: p * PAGE_SIZE, limit: PAGE_SIZE, after: '', before: '' };
    const prev = this.pages.get(p - 1);
    const next = this.pages.get(p + 1);
    if (prev && prev.cursors.length === PAGE_SIZE) req.after = prev.cursors[PAGE_SIZE - 1];
    else if (next && next.cursors.length > 0) req.before = next.cursors[0];
    return req;
  }

  private load(p: number): void {
    const generation = this.generation;
    this.inFlight.add(p);
    this.fetchPage(this.request(p))
      .then((page) => {
        if (generation !== this.generation) return;
        this.pages.set(p, { rows: page.rows ?? [], cursors: page.cursors ?? [] });
        this.stale.delete(p);
        this.total = page.total;
        this.exact = page.exact;
        this.loading = false;
        this.error = null;
        this.version++;
      })
      .catch((e) => {
        if (generation !== this.generation) return;
        this.error = e;
        this.failed.add(p);
        this.loading = false;
      })
      .finally(() => {
        if (generation !== this.generation) return;
        this.inFlight.delete(p);
        this.pump();
      });
  }
}
