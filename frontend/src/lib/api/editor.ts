// The editor's calls into Go (EditorService): the site profile, what Go
// derives from a draft's text (fields, problems, preview, counts), lossless
// front matter edits and typography fixes.
import * as Editor from '../../../wailsjs/go/app/EditorService';
import type { app } from '../../../wailsjs/go/models';
import { wrap, list, type Data } from './call';

export type ProfileInfo = Data<app.ProfileInfo>;
export type FieldInfo = Data<app.FieldInfo>;
export type FieldValue = Data<app.FieldValue>;
export type Problem = Data<app.Problem>;
export type QuickFix = Data<app.QuickFix>;
export type TextEdit = Data<app.TextEdit>;
export type TextCounts = Data<app.TextCounts>;
export type Inspection = Data<app.Inspection>;
export type TypographyFix = Data<app.TypographyFix>;

function normalizeInspection(x: Inspection): Inspection {
  return {
    ...x,
    fields: list(x.fields).map((f) => ({ ...f, items: list(f.items) })),
    problems: list(x.problems).map((p) => ({ ...p, params: p.params ?? {}, fix: p.fix ? { ...p.fix, edits: list(p.fix.edits) } : undefined })),
  };
}

function normalizeProfile(p: ProfileInfo): ProfileInfo {
  return {
    ...p,
    fields: list(p.fields).map((f) => ({ ...f, vocabulary: list(f.vocabulary) })),
    keyOrder: list(p.keyOrder),
  };
}

/** The editor: profile, derived information, lossless front matter edits. */
export const editor = {
  profile: async () => normalizeProfile(await wrap(Editor.Profile())),
  inspect: async (text: string, lang: string) => normalizeInspection(await wrap(Editor.Inspect(text, lang))),
  /** inspect for the open draft: its preview render has a time budget (preview.paused when exceeded). */
  inspectDraft: async (id: number, text: string, lang: string) => normalizeInspection(await wrap(Editor.InspectDraft(id, text, lang))),
  setString: (text: string, key: string, value: string) => wrap(Editor.SetString(text, key, value)),
  setBool: (text: string, key: string, value: boolean) => wrap(Editor.SetBool(text, key, value)),
  setDate: (text: string, key: string, local: string) => wrap(Editor.SetDate(text, key, local)),
  setList: (text: string, key: string, items: string[]) => wrap(Editor.SetList(text, key, items)),
  imageData: (path: string) => wrap(Editor.ImageData(path)),
  /** Every certain typography fix applied to text (the UI applies the result as one edit). */
  fixTypography: (text: string): Promise<TypographyFix> => wrap(Editor.FixTypography(text)),
};
