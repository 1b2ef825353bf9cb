// The History tab's calls into Go (HistoryService): a draft's revisions, one
// revision's text for the diff, and restoring one (which saves the replaced
// text as a revision first and becomes a revision itself).
import * as History from '../../../wailsjs/go/app/HistoryService';
import type { app } from '../../../wailsjs/go/models';
import { toApiError } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: Data<T[K]> } : T;

export type RevisionRow = Data<app.RevisionRow>;
export type RevisionText = Data<app.RevisionText>;

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

export const history = {
  /** Newest first. */
  list: async (draftId: number): Promise<RevisionRow[]> => (await call(History.List(draftId))) ?? [],
  get: (revisionId: number): Promise<RevisionText> => call(History.Get(revisionId)),
  /** Rejects with code draft.conflict when baseVersion is stale; nothing changes then. */
  restore: (draftId: number, revisionId: number, baseVersion: number) => call(History.Restore(draftId, revisionId, baseVersion)),
};
