/** A debounced call that can also be run at once (flush) or dropped (cancel). */
export interface Debounced {
  (): void;
  flush: () => void;
  cancel: () => void;
  pending: () => boolean;
}

export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    fn();
  };
  const d = (() => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced;
  d.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };
  d.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  d.pending = () => timer !== undefined;
  return d;
}
