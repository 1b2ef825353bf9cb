// The main window's own state: what the backend said at start, the notice
// line, which panes and dialogs are open. Components and the command modules
// share it instead of passing it up and down.
import { toApiError, type ProfileInfo } from '../api';
import { errorText } from '../i18n/index.svelte';

class Shell {
  version = $state<string | null>(null);
  backendError = $state<string | null>(null);
  profile = $state<ProfileInfo | null>(null);
  /** One line above the editor: a result or an error, until closed. */
  notice = $state('');
  showLibrary = $state(true);
  showSide = $state(true);
  importing = $state(false);
  exporting = $state<'one' | 'changed' | null>(null);

  showError(e: unknown): void {
    const err = toApiError(e);
    this.notice = errorText(err.code, err.params, err.message);
  }
}

export const shell = new Shell();
