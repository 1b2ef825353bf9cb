import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { session } from '../session/draft.svelte';
import { runAction } from './actions';
import type { Commands } from './commands';
import { restoreLocale, setLocale } from './locale.svelte';
import { shell } from './shell.svelte';
import { theme } from './theme.svelte';

function recordingCommands() {
  const calls: string[] = [];
  const commands = new Proxy({} as Commands, {
    get: (_, name) => () => {
      calls.push(String(name));
      return Promise.resolve();
    },
  });
  return { commands, calls };
}

describe('runAction', () => {
  afterEach(() => {
    shell.showLibrary = true;
    shell.showSide = true;
    shell.importing = false;
    shell.exporting = null;
  });

  it('toggles the panes and opens the dialogs', () => {
    const { commands, calls } = recordingCommands();
    runAction('toggle-library', commands, () => {});
    runAction('toggle-side', commands, () => {});
    expect([shell.showLibrary, shell.showSide]).toEqual([false, false]);
    runAction('toggle-side', commands, () => {});
    expect(shell.showSide).toBe(true);
    runAction('import', commands, () => {});
    expect(shell.importing).toBe(true);
    // No draft is open: Export asks for every changed draft.
    runAction('export', commands, () => {});
    expect(shell.exporting).toBe('changed');
    expect(calls).toEqual([]);
  });

  it('shows the library before focusing its search', async () => {
    shell.showLibrary = false;
    const focus = vi.fn(() => expect(shell.showLibrary).toBe(true));
    runAction('search', recordingCommands().commands, focus);
    expect(focus).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(focus).toHaveBeenCalledOnce();
  });

  it('hands draft actions to the commands', () => {
    const { commands, calls } = recordingCommands();
    runAction('new', commands, () => {});
    runAction('about', commands, () => {});
    runAction('quit', commands, () => {});
    expect(calls).toEqual(['newDraft', 'showAbout', 'quit']);
  });

  it('picks a theme', () => {
    runAction('theme-dark', recordingCommands().commands, () => {});
    expect([theme.choice, document.documentElement.dataset.theme]).toEqual(['dark', 'dark']);
    runAction('theme-system', recordingCommands().commands, () => {});
    expect([theme.choice, document.documentElement.dataset.theme]).toEqual(['system', undefined]);
  });
});

describe('locale', () => {
  afterEach(() => localStorage.clear());

  it('a chosen language is remembered and restored', () => {
    runAction('lang-en', recordingCommands().commands, () => {});
    expect([i18n.locale, session.lang, localStorage.getItem('copydesk.locale')]).toEqual(['en', 'en', 'en']);
    i18n.locale = 'zh-CN';
    session.lang = 'zh-CN';
    restoreLocale();
    expect([i18n.locale, session.lang]).toEqual(['en', 'en']);
    setLocale('zh-CN');
    expect(localStorage.getItem('copydesk.locale')).toBe('zh-CN');
  });

  it('ignores a stored value that is no language of the UI', () => {
    i18n.locale = 'zh-CN';
    localStorage.setItem('copydesk.locale', 'fr');
    restoreLocale();
    expect([i18n.locale, session.lang]).toEqual(['zh-CN', 'zh-CN']);
  });
});
