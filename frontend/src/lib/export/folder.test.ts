import { describe, expect, it } from 'vitest';
import { exportShortcut, rememberFolder, rememberedFolder } from './folder';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  ...mods,
});

describe('exportShortcut', () => {
  it('maps Ctrl/Cmd+E and Ctrl/Cmd+Shift+E', () => {
    expect(exportShortcut(key('e', { ctrlKey: true }))).toBe('export');
    expect(exportShortcut(key('e', { metaKey: true }))).toBe('export');
    expect(exportShortcut(key('E', { ctrlKey: true, shiftKey: true }))).toBe('export-changed');
  });
  it('leaves other keys and input method composition alone', () => {
    expect(exportShortcut(key('e'))).toBeNull();
    expect(exportShortcut(key('s', { ctrlKey: true }))).toBeNull();
    expect(exportShortcut(key('e', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(exportShortcut(key('e', { ctrlKey: true, altKey: true }))).toBeNull();
  });
});

describe('remembered folder', () => {
  it('keeps the last folder, trimmed, and ignores blanks', () => {
    rememberFolder('  /srv/site/content/posts ');
    expect(rememberedFolder()).toBe('/srv/site/content/posts');
    rememberFolder('   ');
    expect(rememberedFolder()).toBe('/srv/site/content/posts');
  });
});
