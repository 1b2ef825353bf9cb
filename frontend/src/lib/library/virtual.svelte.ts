// A Svelte 5 adapter for TanStack's headless virtualiser (@tanstack/virtual-core):
// the list renders only the rows in (and just around) its viewport. The
// core does the measuring and the scroll arithmetic; this file only turns
// its change notifications into runes state.
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect, type VirtualItem } from '@tanstack/virtual-core';

export interface VirtualListOptions {
  count: () => number;
  scrollElement: () => HTMLElement | null;
  estimateSize: number;
  overscan?: number;
}

export class VirtualList {
  items = $state<VirtualItem[]>([]);
  totalSize = $state(0);
  readonly core: Virtualizer<HTMLElement, HTMLElement>;

  constructor(private opts: VirtualListOptions) {
    this.core = new Virtualizer<HTMLElement, HTMLElement>(this.options());
  }

  private options() {
    return {
      count: this.opts.count(),
      getScrollElement: this.opts.scrollElement,
      estimateSize: () => this.opts.estimateSize,
      overscan: this.opts.overscan ?? 6,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: () => this.sync(),
    };
  }

  private sync(): void {
    this.items = this.core.getVirtualItems();
    this.totalSize = this.core.getTotalSize();
  }

  /** Call from an $effect once the scroll element exists; returns the cleanup. */
  mount(): () => void {
    const cleanup = this.core._didMount();
    this.core._willUpdate();
    this.sync();
    return cleanup;
  }

  /** The row count (or the scroll element) changed. */
  update(): void {
    this.core.setOptions(this.options());
    this.core._willUpdate();
    this.sync();
  }

  /** Svelte action for a rendered row: measures its real height (rows wrap). */
  measure = (node: HTMLElement) => {
    this.core.measureElement(node);
  };

  scrollToIndex(index: number): void {
    this.core.scrollToIndex(index, { align: 'auto' });
  }
}
