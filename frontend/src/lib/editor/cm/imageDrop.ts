// Pasting or dropping image files into the editor: each file is copied into
// the site (through the hook, which calls Go) and `![](address)` is inserted
// where it was pasted or dropped. Copying takes a moment, and the editor may
// type on meanwhile: the insertion point is kept in a state field that maps
// it through every change, so the image lands where it was put, not where
// the cursor happens to be when the copy finishes. (When another draft is
// opened meanwhile, its state has no such point: the image stays in the
// site and nothing is inserted into the wrong draft.)
import { StateEffect, StateField, type EditorState, type Extension, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

export interface ImageDropHooks {
  /** Copies the file into the site and returns the address to write; null when nothing should be inserted. */
  place: (file: File) => Promise<string | null>;
  /** Whether images can be placed now (a draft is open). */
  enabled: () => boolean;
  /** A file could not be placed. */
  onError: (error: unknown) => void;
}

export const addPending = StateEffect.define<{ id: number; pos: number }>();
const removePending = StateEffect.define<number>();

/** The insertion points of images being copied, by id, mapped through edits. */
export const pending = StateField.define<Map<number, number>>({
  create: () => new Map(),
  update(value, tr) {
    let next = value;
    if (!tr.docChanged && !tr.effects.some((e) => e.is(addPending) || e.is(removePending))) return value;
    next = new Map();
    for (const [id, pos] of value) next.set(id, tr.changes.mapPos(pos, 1));
    for (const e of tr.effects) {
      if (e.is(addPending)) next.set(e.value.id, e.value.pos);
      if (e.is(removePending)) next.delete(e.value);
    }
    return next;
  },
});

let nextId = 1;

/** The image files among a paste's or drop's data; empty when it carries none (plain text pastes as usual). */
export function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files).filter((f) => f.type === '' || f.type.startsWith('image/'));
}

/** The Markdown for an image at an address: empty alt text for the editor to fill. */
export function imageMarkdown(address: string): string {
  // An address with spaces or parentheses would end the link early: <…> keeps it whole.
  return /[\s()<>]/.test(address) ? `![](<${address}>)` : `![](${address})`;
}

/**
 * The transaction that ends image id: ![](address) inserted at its mapped
 * insertion point (nothing when address is null). null when the state has
 * no such point (another draft's state is shown now).
 */
export function finishImage(state: EditorState, id: number, address: string | null): TransactionSpec | null {
  const at = state.field(pending, false)?.get(id);
  if (at === undefined) return null;
  const effects = removePending.of(id);
  if (address === null) return { effects };
  const text = imageMarkdown(address);
  return {
    changes: { from: at, insert: text },
    selection: { anchor: at + text.length },
    effects,
    userEvent: 'input.paste', // the editor's own paste: one undo step, like typed text
  };
}

function start(view: EditorView, files: File[], pos: number, hooks: ImageDropHooks): void {
  for (const file of files) {
    const id = nextId++;
    view.dispatch({ effects: addPending.of({ id, pos }) });
    hooks
      .place(file)
      .then((address) => {
        const spec = finishImage(view.state, id, address);
        if (spec) view.dispatch(spec);
      })
      .catch((e) => {
        const spec = finishImage(view.state, id, null);
        if (spec) view.dispatch(spec);
        hooks.onError(e);
      });
  }
}

/** The paste and drop handlers, and the field that keeps their insertion points. */
export function imageDrop(hooks: ImageDropHooks): Extension {
  return [
    pending,
    EditorView.domEventHandlers({
      paste(event, view) {
        const files = imageFiles(event.clipboardData);
        if (files.length === 0 || !hooks.enabled()) return false;
        event.preventDefault();
        start(view, files, view.state.selection.main.head, hooks);
        return true;
      },
      drop(event, view) {
        const files = imageFiles(event.dataTransfer);
        if (files.length === 0 || !hooks.enabled()) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
        start(view, files, pos, hooks);
        return true;
      },
    }),
  ];
}
