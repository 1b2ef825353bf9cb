// Restoring a revision through the open draft's session: the editor's text is
// saved first (so the server keeps it as a revision before replacing it),
// then the restored text is applied to the editor as one undoable change and
// the session takes the new version as saved.
import { ApiError, history, type DraftText } from '../api';
import type { DraftSession } from '../session/draft.svelte';

export async function restoreRevision(
  session: DraftSession,
  revisionId: number,
  apply: (text: string) => void,
): Promise<DraftText | null> {
  const id = session.id;
  if (id === null) return null;
  await session.flush();
  if (session.dirty && session.saveState !== 'conflict') await session.flush(); // typed while saving
  if (session.saveState === 'conflict') throw new ApiError('draft.conflict', { id: String(id) });
  if (session.saveState === 'error' && session.saveError) throw session.saveError;
  const d = await history.restore(id, revisionId, session.version);
  if (session.id !== id) return d; // another draft was opened meanwhile
  session.version = d.version;
  session.savedText = d.text;
  apply(d.text);
  session.edited(d.text); // no-op when the editor already reported it
  session.onSaved();
  return d;
}
