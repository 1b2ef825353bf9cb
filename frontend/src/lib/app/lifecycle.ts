// The window's life: what happens at start (the backend's version and the
// face, the site profile, the tags), the backend's events (menu, close, a file
// to open), and saving what is pending when the window hides or closes.
import { currentFace, editor, onEvent, system, type OpenedFile } from '../api';
import { session } from '../session/draft.svelte';
import { libraryState } from '../library/libraryState.svelte';
import type { Commands } from './commands';
import { restoreLocale } from './locale.svelte';
import { isAction, type Action } from './shortcuts';
import { shell } from './shell.svelte';
import { theme } from './theme.svelte';

/** Starts the window (call from onMount); returns what stops it. */
export function startWindow(commands: Commands, runAction: (action: Action) => void): () => void {
  restoreLocale();
  session.onSaved = () => libraryState.saved();
  const stops = [
    theme.follow(),
    onEvent('menu', (data) => {
      if (isAction(data)) runAction(data);
    }),
    onEvent('close-requested', () => void commands.quit()),
    onEvent('open-file', (data) => void commands.openFile(data as OpenedFile)),
  ];
  const hidden = () => {
    if (document.visibilityState === 'hidden') void session.flush();
  };
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (session.dirty) {
      void session.flush();
      e.preventDefault();
    }
  };
  document.addEventListener('visibilitychange', hidden);
  window.addEventListener('beforeunload', beforeUnload);
  void connect();
  return () => {
    stops.forEach((s) => s());
    document.removeEventListener('visibilitychange', hidden);
    window.removeEventListener('beforeunload', beforeUnload);
  };
}

/** Asks the backend for its version and announces the face; then the profile and the tags. */
async function connect(): Promise<void> {
  try {
    shell.version = await system.version();
    await system.ready(currentFace());
  } catch (e) {
    shell.backendError = e instanceof Error ? e.message : String(e);
    return;
  }
  try {
    shell.profile = await editor.profile();
  } catch (e) {
    shell.showError(e);
  }
  // The tags are counted over the whole library: with the library pane shown
  // they are first read once its first rows are painted (onRowsShown), so the
  // first paint never waits behind them.
  if (!shell.showLibrary) void libraryState.refreshTags();
}
