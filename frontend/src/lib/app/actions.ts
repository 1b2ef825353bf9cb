// Runs an action of the menu or a shortcut (the names in shortcuts.ts): the
// desktop's native menu sends them as "menu" events, the browser face's keys
// map to the same names, so both faces run this one dispatcher.
import { session } from '../session/draft.svelte';
import type { Commands } from './commands';
import { setLocale } from './locale.svelte';
import type { Action } from './shortcuts';
import { shell } from './shell.svelte';
import { theme } from './theme.svelte';

export function runAction(action: Action, commands: Commands, focusSearch: () => void): void {
  switch (action) {
    case 'new':
      void commands.newDraft();
      break;
    case 'import':
      shell.importing = true;
      break;
    case 'save':
      void session.save(true);
      break;
    case 'quit':
      void commands.quit();
      break;
    case 'toggle-library':
      shell.showLibrary = !shell.showLibrary;
      break;
    case 'toggle-side':
      shell.showSide = !shell.showSide;
      break;
    case 'search':
      shell.showLibrary = true;
      queueMicrotask(focusSearch);
      break;
    case 'theme-system':
    case 'theme-light':
    case 'theme-dark':
      theme.set(action.slice('theme-'.length) as 'system' | 'light' | 'dark');
      break;
    case 'lang-zh-CN':
    case 'lang-en':
      setLocale(action === 'lang-en' ? 'en' : 'zh-CN');
      break;
    case 'about':
      void commands.showAbout();
      break;
    case 'export':
    case 'export-changed':
      shell.exporting = action === 'export' && session.id !== null ? 'one' : 'changed';
      break;
  }
}
