import { describe, expect, it } from 'vitest';
import { isAction, shortcutAction } from './shortcuts';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  ...mods,
});

describe('shortcuts', () => {
  it('map Ctrl or Cmd combinations to actions', () => {
    expect(shortcutAction(key('s', { ctrlKey: true }))).toBe('save');
    expect(shortcutAction(key('S', { metaKey: true }))).toBe('save');
    expect(shortcutAction(key('n', { ctrlKey: true }))).toBe('new');
    expect(shortcutAction(key('F', { ctrlKey: true, shiftKey: true }))).toBe('search');
    expect(shortcutAction(key('e', { ctrlKey: true }))).toBe('export');
    expect(shortcutAction(key('e', { metaKey: true }))).toBe('export');
    expect(shortcutAction(key('E', { ctrlKey: true, shiftKey: true }))).toBe('export-changed');
  });
  it('ignore plain keys and keys during input-method composition', () => {
    expect(shortcutAction(key('s'))).toBeNull();
    expect(shortcutAction(key('s', { ctrlKey: true, isComposing: true }))).toBeNull();
    expect(shortcutAction(key('e', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutAction(key('x', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
  it('accept only known menu actions', () => {
    expect(isAction('save')).toBe(true);
    expect(isAction('rm -rf')).toBe(false);
    expect(isAction(3)).toBe(false);
  });
});
