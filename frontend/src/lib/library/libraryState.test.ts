import { afterEach, describe, expect, it, vi } from 'vitest';
import { library } from '../api';
import { libraryState } from './libraryState.svelte';

describe('libraryState', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('every change grows the version the lists reload on', () => {
    const v = libraryState.version;
    libraryState.changed();
    libraryState.saved();
    expect(libraryState.version).toBe(v + 2);
  });

  it('reads the tags after a save at most every five seconds', async () => {
    // After any save an earlier test made (the store is one for the app).
    const t0 = Date.now() + 60_000;
    vi.useFakeTimers();
    vi.setSystemTime(t0);
    const tags = vi.spyOn(library, 'tags').mockResolvedValue(['甲', 'b']);
    libraryState.saved();
    libraryState.saved();
    vi.setSystemTime(t0 + 4_900);
    libraryState.saved();
    expect(tags).toHaveBeenCalledTimes(1);
    vi.setSystemTime(t0 + 5_100);
    libraryState.saved();
    expect(tags).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(libraryState.tags).toEqual(['甲', 'b']));
  });

  it('keeps the last tags when reading them fails', async () => {
    libraryState.tags = ['kept'];
    vi.spyOn(library, 'tags').mockRejectedValue(new Error('{"code":"library.open"}'));
    await libraryState.refreshTags();
    expect(libraryState.tags).toEqual(['kept']);
  });
});
