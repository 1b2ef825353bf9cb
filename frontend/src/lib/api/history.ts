// The History tab's calls into Go (HistoryService): a draft's revisions, one
// revision's text for the diff, and restoring one (which saves the replaced
// text as a revision first and becomes a revision itself).
import * as History from '../../../wailsjs/go/app/HistoryService';
import type { app } from '../../../wailsjs/go/models';
import { wrap, type Data } from './call';

export type RevisionRow = Data<app.RevisionRow>;
export type RevisionText = Data<app.RevisionText>;

export const history = {
  /** Newest first. */
  list: async (draftId: number): Promise<RevisionRow[]> => (await wrap(History.List(draftId))) ?? [],
  get: (revisionId: number): Promise<RevisionText> => wrap(History.Get(revisionId)),
  /** Rejects with code draft.conflict when baseVersion is stale; nothing changes then. */
  restore: (draftId: number, revisionId: number, baseVersion: number) => wrap(History.Restore(draftId, revisionId, baseVersion)),
};
