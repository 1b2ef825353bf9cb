// The library's calls into Go (LibraryService): drafts, search, trash, import.
import * as Library from '../../../wailsjs/go/app/LibraryService';
import type { app } from '../../../wailsjs/go/models';
import { importInBatches } from './batches';
import { wrap, list, type Data } from './call';

export type DraftFilter = app.DraftFilter;
export type DraftSummary = Data<app.DraftSummary>;
export type DraftPageRequest = Omit<Data<app.DraftPageRequest>, 'filter'> & { filter: DraftFilter };
export type DraftPage = Data<app.DraftPage>;
export type DraftText = Data<app.DraftText>;
export type ImportSummary = Data<app.ImportSummary>;
export interface ImportProgress { done: number; total: number; current: string }
export type UploadedFile = Data<app.UploadedFile>;

function normalizeSummary(s: DraftSummary): DraftSummary {
  return { ...s, topics: list(s.topics), tags: list(s.tags) };
}

export const emptyFilter = (): DraftFilter => ({ query: '', status: '', topic: '', tag: '', hasProblems: false, trashed: false });

/** The library: drafts, search, trash, import. */
export const library = {
  list: async (filter: DraftFilter) => list(await wrap(Library.List(filter))).map(normalizeSummary),
  /** One page of the list with the cursors of its rows and the match count (see LibraryService.Page). */
  page: async (req: DraftPageRequest): Promise<DraftPage> => {
    const p = await wrap(Library.Page(req as app.DraftPageRequest));
    return { ...p, rows: list(p.rows).map(normalizeSummary), cursors: list(p.cursors) };
  },
  get: (id: number) => wrap(Library.Get(id)),
  create: (text: string) => wrap(Library.Create(text)),
  newFromTemplate: () => wrap(Library.NewFromTemplate()),
  /** explicit: Ctrl/Cmd+S (records a revision); false for autosave. Rejects with code draft.conflict when stale. */
  save: (id: number, text: string, baseVersion: number, explicit: boolean) => wrap(Library.Save(id, text, baseVersion, explicit)),
  duplicate: (id: number) => wrap(Library.Duplicate(id)),
  trash: (id: number) => wrap(Library.Trash(id)),
  restore: (id: number) => wrap(Library.Restore(id)),
  tags: async () => list(await wrap(Library.Tags())),
  importPaths: async (paths: string[]) => {
    const r = await wrap(Library.Import(paths));
    return { ...r, failed: list(r.failed) } as ImportSummary;
  },
  cancelImport: () => wrap(Library.CancelImport()),
  /** In batches under the browser face's body cap (batches.ts). */
  importFiles: (files: UploadedFile[]) =>
    importInBatches(files, async (batch) => {
      const r = await wrap(Library.ImportFiles(batch));
      return { ...r, failed: list(r.failed) } as ImportSummary;
    }),
};
