// The open draft: its text as the editor has it, what was last saved, and
// everything derived from it (fields, problems, counts, preview). Saving is
// optimistic-locked: a stale version is reported as a conflict and the text
// is kept, never overwritten either way.
import { editor, library, ApiError, toApiError, type Inspection } from '../api';
import { debounce } from './debounce';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/** Delay after the last keystroke before an autosave. */
export const AUTOSAVE_DELAY_MS = 800;

export class DraftSession {
  id = $state<number | null>(null);
  text = $state('');
  version = $state(0);
  savedText = $state('');
  saveState = $state<SaveState>('saved');
  saveError = $state<ApiError | null>(null);
  inspection = $state<Inspection | null>(null);
  /** The text the current inspection was computed on. */
  inspectedText = $state('');
  cursor = $state({ line: 1, column: 1 });
  lang = 'zh-CN';
  /** Called after every successful save (the library list refreshes). */
  onSaved: () => void = () => {};

  private inspectSeq = 0;
  /** The inspections running now (one at a time), or null. */
  private inspecting: Promise<void> | null = null;
  /** The text (or language) changed since the running inspection started. */
  private inspectWanted = false;
  private saving: Promise<void> | null = null;
  private saveSoon = debounce(() => void this.save(false), AUTOSAVE_DELAY_MS);

  get dirty(): boolean {
    return this.id !== null && this.text !== this.savedText;
  }

  /** Loads a draft (after saving the current one). */
  async open(id: number): Promise<string> {
    await this.flush();
    const d = await library.get(id);
    this.id = d.id;
    this.version = d.version;
    this.text = d.text;
    this.savedText = d.text;
    this.saveState = 'saved';
    this.saveError = null;
    this.inspection = null;
    this.inspectNow();
    return d.text;
  }

  close(): void {
    this.inspectWanted = false;
    this.inspectSeq++; // an inspection on its way is for a closed draft
    this.saveSoon.cancel();
    this.id = null;
    this.text = '';
    this.savedText = '';
    this.inspection = null;
    this.saveState = 'saved';
  }

  /** The editor's text changed. */
  edited(text: string): void {
    if (this.id === null || text === this.text) return;
    this.text = text;
    if (this.saveState !== 'conflict') {
      this.saveState = this.dirty ? 'dirty' : 'saved';
      this.saveSoon();
    }
    void this.inspectNow();
  }

  /**
   * Re-derives fields, problems, counts and preview from the current text:
   * at once when no inspection is running, else as soon as the running one
   * has landed. Keystrokes that arrive during an inspection are coalesced
   * into one more, of the latest text: there is no fixed delay, and never
   * more than one request per draft in flight.
   */
  inspectNow(): Promise<void> {
    this.inspectWanted = true;
    if (!this.inspecting) {
      this.inspecting = this.runInspections().finally(() => (this.inspecting = null));
    }
    return this.inspecting;
  }

  private async runInspections(): Promise<void> {
    while (this.inspectWanted) {
      this.inspectWanted = false;
      const id = this.id;
      if (id === null) return;
      const seq = ++this.inspectSeq;
      const text = this.text;
      try {
        const result = await editor.inspectDraft(id, text, this.lang);
        if (seq !== this.inspectSeq || this.id !== id) continue; // the draft was closed or switched meanwhile
        this.inspection = result;
        this.inspectedText = text;
      } catch (e) {
        if (seq === this.inspectSeq) this.saveError = toApiError(e);
      }
    }
  }

  /** Saves now. explicit (Ctrl/Cmd+S) also records a revision, even when nothing changed. */
  async save(explicit: boolean): Promise<void> {
    this.saveSoon.cancel();
    if (this.saving) await this.saving;
    if (this.id === null || this.saveState === 'conflict') return;
    if (!explicit && !this.dirty) return;
    const id = this.id;
    const text = this.text;
    this.saveState = 'saving';
    this.saving = (async () => {
      try {
        const d = await library.save(id, text, this.version, explicit);
        if (this.id !== id) return;
        this.version = d.version;
        this.savedText = text;
        this.saveError = null;
        this.saveState = this.text === text ? 'saved' : 'dirty';
        if (this.saveState === 'dirty') this.saveSoon();
        this.onSaved();
      } catch (e) {
        const err = toApiError(e);
        if (this.id !== id) return;
        this.saveError = err;
        this.saveState = err.code === 'draft.conflict' ? 'conflict' : 'error';
      }
    })();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  /** Saves whatever is unsaved (switching drafts, closing, leaving the page). */
  async flush(): Promise<void> {
    this.saveSoon.cancel();
    if (this.saving) await this.saving;
    if (this.dirty && this.saveState !== 'conflict') await this.save(false);
  }

  /** Conflict resolution: take the stored text, dropping ours (the caller keeps a copy first). */
  async reloadStored(): Promise<string> {
    if (this.id === null) return '';
    this.saveState = 'saved';
    this.savedText = this.text; // so open() does not try to save our side over theirs
    return this.open(this.id);
  }
}

export const session = new DraftSession();
