// The commands on drafts that the library, the menu, the side pane and the
// conflict bar run: open, new, duplicate, trash, restore, keep a copy, reload,
// fix typography. Each saves what is pending first where that matters, tells
// the library list to read again, and shows a failure on the notice line.
import { editor, library, system, type OpenedFile, type Problem } from '../api';
import { t } from '../i18n/index.svelte';
import { session } from '../session/draft.svelte';
import { libraryState } from '../library/libraryState.svelte';
import type { Change } from '../text/diff';
import { shell } from './shell.svelte';

/** What the commands need of the Markdown editor (MarkdownEditor.svelte's exported functions). */
export interface EditorHandle {
  open(id: number, text: string): void;
  forget(id: number): void;
  text(): string;
  replaceText(next: string, source?: string): void;
  applyEdits(edits: Change[], source?: string): void;
  goto(pos: number): void;
  gotoLine(line: number): void;
  focus(): void;
}

export type Commands = ReturnType<typeof draftCommands>;

/** Runs a command; a failure becomes the notice, never an unhandled rejection. */
async function attempt(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    shell.showError(e);
  }
}

/** The commands, on the editor that getEditor returns (bound after mount). */
export function draftCommands(getEditor: () => EditorHandle) {
  const openDraft = (id: number) =>
    attempt(async () => {
      const text = await session.open(id);
      getEditor().open(id, text);
      getEditor().focus();
    });

  return {
    openDraft,

    /** Opens a draft at a line (a Hugo build error), or at its start. */
    async openDraftAt(id: number, line?: number) {
      if (session.id !== id) await openDraft(id);
      if (line && session.id === id) getEditor().gotoLine(line);
    },

    /** A pull or a resolution changed drafts: the list reloads, and the open
     * draft takes its new stored text (it was saved before the site work). Text
     * typed meanwhile is never dropped: its save meets the newer version and the
     * editor's conflict bar offers to keep it as a copy. */
    async siteChanged(ids: number[]) {
      libraryState.changed();
      if (session.id !== null && ids.includes(session.id) && !session.dirty) {
        await attempt(async () => {
          const id = session.id!;
          const text = await session.reloadStored();
          getEditor().open(id, text);
        });
      }
    },

    newDraft: () =>
      attempt(async () => {
        await session.flush();
        const d = await library.newFromTemplate();
        libraryState.changed();
        await openDraft(d.id);
      }),

    duplicate: (id: number) =>
      attempt(async () => {
        await session.flush();
        const d = await library.duplicate(id);
        libraryState.changed();
        await openDraft(d.id);
      }),

    trash: (id: number) =>
      attempt(async () => {
        if (session.id === id) {
          await session.flush();
          session.close();
          getEditor().forget(id);
        }
        await library.trash(id);
        libraryState.changed();
      }),

    restore: (id: number) =>
      attempt(async () => {
        await library.restore(id);
        libraryState.changed();
      }),

    /** The conflict bar: the text typed becomes a new draft. */
    saveCopy: () =>
      attempt(async () => {
        const d = await library.create(session.text);
        session.close();
        libraryState.changed();
        await openDraft(d.id);
      }),

    /** The conflict bar: the stored text replaces what was typed. */
    async reloadStored() {
      const id = session.id;
      if (id === null) return;
      await attempt(async () => {
        const text = await session.reloadStored();
        getEditor().forget(id);
        getEditor().open(id, text);
      });
    },

    goToProblem(p: Problem) {
      if (p.field) {
        const el = document.getElementById(`fm-${p.field}`);
        if (el) {
          el.focus();
          return;
        }
      }
      getEditor().goto(p.from);
    },

    applyFix(p: Problem) {
      if (!p.fix || session.inspectedText !== getEditor().text()) return;
      getEditor().applyEdits(p.fix.edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert })));
      void session.inspectNow();
    },

    // Every certain typography fix as one edit (one undo step), saved as a
    // revision so the draft before it can be restored from the history.
    async fixTypography() {
      const before = getEditor().text();
      if (session.id === null || session.inspectedText !== before) return;
      await attempt(async () => {
        const r = await editor.fixTypography(before);
        if (getEditor().text() !== before) return; // typed meanwhile: the fixes were computed on old text
        getEditor().replaceText(r.text, 'typography');
        session.edited(r.text);
        await session.save(true);
        shell.notice = t('problems.typographyFixed', { fixed: r.fixed, remaining: r.remaining });
        void session.inspectNow();
      });
    },

    /** A file the desktop was started with (`copydesk article.md`, a double click): show its draft. */
    async openFile(f: OpenedFile) {
      if (f.error || !f.id) {
        shell.notice = t('open.failed', { path: f.path, detail: f.error });
        return;
      }
      libraryState.changed();
      await openDraft(f.id);
      if (f.conflict) shell.notice = t('open.conflict', { path: f.path });
    },

    /** About: the version, where the library lives and which site profile is in use. */
    async showAbout() {
      let dbPath = '';
      try {
        dbPath = (await system.info()).dbPath;
      } catch {
        /* the version alone is still worth showing */
      }
      shell.notice = t('about.text', {
        version: shell.version ?? '',
        db: dbPath,
        profile: shell.profile?.path || t('about.builtinProfile'),
      });
    },

    async quit() {
      await session.flush();
      await system.quit();
    },
  };
}
