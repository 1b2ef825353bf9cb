// The browser face caps a call's body near the article limit (the server's
// maxCallBody: twice 10 MB plus 1 MB), so files picked for import travel in
// batches under that cap instead of in one call of any size.

/** Bytes a batch of uploads may take as JSON: well under the server's cap. */
export const uploadBudget = 16 << 20;

/** An upper bound of the UTF-8 size of value as JSON (3 bytes per UTF-16 unit). */
function jsonBytes(value: unknown): number {
  return 3 * JSON.stringify(value).length;
}

/** Splits items into consecutive batches of at most budget JSON bytes; an item larger than budget goes alone. */
export function batchesUnder<T>(items: T[], budget: number = uploadBudget): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const item of items) {
    const n = jsonBytes(item);
    if (cur.length > 0 && size + n > budget) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(item);
    size += n;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

interface Summary<F> {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: F[];
  cancelled: boolean;
}

/** Imports in batches, adding up the summaries; stops after a cancelled batch. */
export async function importInBatches<T, F, S extends Summary<F>>(items: T[], importBatch: (batch: T[]) => Promise<S>, budget: number = uploadBudget): Promise<S> {
  let total: S | undefined;
  for (const batch of batchesUnder(items, budget)) {
    const r = await importBatch(batch);
    total = total
      ? { ...total, total: total.total + r.total, created: total.created + r.created, updated: total.updated + r.updated,
          unchanged: total.unchanged + r.unchanged, failed: [...total.failed, ...r.failed], cancelled: r.cancelled }
      : r;
    if (r.cancelled) break;
  }
  return total ?? importBatch([]);
}
