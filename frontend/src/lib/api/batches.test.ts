import { describe, expect, it } from 'vitest';
import { batchesUnder, importInBatches } from './batches';

const file = (name: string, size: number) => ({ name, text: '文'.repeat(size) });

describe('batchesUnder', () => {
  it('keeps every item, in order, each batch under the budget unless one item alone is larger', () => {
    const items = [file('a', 100), file('b', 100), file('c', 2000), file('d', 10), file('e', 10)];
    const batches = batchesUnder(items, 1000);
    expect(batches.flat().map((f) => f.name).join('')).toBe('abcde');
    expect(batches.map((b) => b.map((f) => f.name).join(''))).toEqual(['ab', 'c', 'de']);
  });

  it('counts Chinese text by its UTF-8 size, not its length', () => {
    // 300 characters are 900 bytes: two do not fit in 1000.
    expect(batchesUnder([file('a', 300), file('b', 300)], 1000)).toHaveLength(2);
  });
});

describe('importInBatches', () => {
  it('adds up the summaries and stops after a cancelled batch', async () => {
    const calls: number[] = [];
    const sum = await importInBatches([file('a', 300), file('b', 300), file('c', 300)], async (batch) => {
      calls.push(batch.length);
      return { total: batch.length, created: 1, updated: 0, unchanged: 0, failed: ['x'], cancelled: calls.length === 2 };
    }, 1000);
    expect(calls).toEqual([1, 1]);
    expect(sum).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0, failed: ['x', 'x'], cancelled: true });
  });
});
