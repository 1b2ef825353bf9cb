// What the panes share about the library: a version that grows whenever drafts
// change in the backend (a save, an import, a pull), which the library list
// and the history read again on, and the tags in use, for suggestions and the
// tag filter.
import { library } from '../api';

/** Tags are read again after a save at most this often: a save rarely adds one. */
const TAGS_AFTER_SAVE_MS = 5000;

class LibraryState {
  /** Grows on every change to the stored drafts; readers reload when it does. */
  version = $state(0);
  tags = $state<string[]>([]);
  #lastTagsAfterSave = 0;

  /** Drafts changed in the backend: lists that show them read again. */
  changed(): void {
    this.version++;
  }

  async refreshTags(): Promise<void> {
    try {
      this.tags = await library.tags();
    } catch {
      /* suggestions are optional */
    }
  }

  /** A draft was saved: lists read again, and the tags too unless they were read moments ago. */
  saved(): void {
    this.changed();
    if (Date.now() - this.#lastTagsAfterSave > TAGS_AFTER_SAVE_MS) {
      this.#lastTagsAfterSave = Date.now();
      void this.refreshTags();
    }
  }
}

export const libraryState = new LibraryState();
