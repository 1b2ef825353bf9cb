// The export dialog's calls into Go (ExportService): what exporting a draft
// would do (target path, how the file on disk compares, its text for the
// diff), exporting one draft or every changed one, and the desktop's folder
// picker.
import * as Export from '../../../wailsjs/go/app/ExportService';
import type { app } from '../../../wailsjs/go/models';
import { wrap, type Data } from './call';

export type ExportPreview = Data<app.ExportPreview>;
export type ExportSummary = Data<app.ExportSummary>;
export type ExportStatus = 'new' | 'identical' | 'changed' | 'conflict' | 'refused';
/** The "export-progress" event. */
export interface ExportProgress {
  done: number;
  total: number;
  current: string;
}

const summary = (s: ExportSummary): ExportSummary => ({
  ...s,
  done: s.done ?? [],
  conflicts: s.conflicts ?? [],
  failed: s.failed ?? [],
});

export const exporter = {
  preview: (draftId: number, folder: string): Promise<ExportPreview> => wrap(Export.Preview(draftId, folder)),
  /** force: replace a file someone else changed (only after the editor saw the diff). */
  exportDraft: async (draftId: number, folder: string, force: boolean) => summary(await wrap(Export.Export(draftId, folder, force))),
  /** Progress arrives as "export-progress" events; cancelExport stops it. */
  exportChanged: async (folder: string) => summary(await wrap(Export.ExportChanged(folder))),
  cancelExport: () => wrap(Export.CancelExport()),
  /** Desktop only; rejects with code export.no_picker in the browser. "" when cancelled. */
  pickFolder: (title: string) => wrap(Export.PickFolder(title)),
};
