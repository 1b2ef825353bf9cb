// The one module components use to reach Go. It wraps the generated Wails
// bindings (../../../wailsjs), which work in both faces once the transport is
// installed, and turns Go's error text into typed errors.
import { installTransport, currentFace, type Face } from './transport';
import { importInBatches } from './batches';
import * as System from '../../../wailsjs/go/app/SystemService';
import * as Library from '../../../wailsjs/go/app/LibraryService';
import * as Editor from '../../../wailsjs/go/app/EditorService';
import type { app } from '../../../wailsjs/go/models';
import { EventsOn, BrowserOpenURL, WindowSetTitle } from '../../../wailsjs/runtime/runtime';

export { installTransport, currentFace, type Face };
export * from './citations';
export * from './history';
export * from './export';
export * from './site';

/** A failed Go call: a stable code with parameters (the UI localizes it), or plain text. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string> = {},
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** Parses what a rejected Go call carries: a JSON {code, params} or free text. */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  const text = raw instanceof Error ? raw.message : String(raw);
  try {
    const parsed = JSON.parse(text) as { code?: string; params?: Record<string, string>; message?: string };
    if (parsed && typeof parsed.code === 'string') return new ApiError(parsed.code, parsed.params ?? {}, parsed.message);
  } catch {
    /* not JSON: plain text */
  }
  return new ApiError('internal', { detail: text }, text);
}

async function wrap<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

export const system = {
  version: () => wrap(System.Version()),
  info: () => wrap(System.Info()),
  ready: (face: string) => wrap(System.Ready(face)),
  quit: () => wrap(System.Quit()),
  /** Tells the backend the UI language, so the desktop's native menu follows it. */
  setLocale: (locale: string) => wrap(System.SetLocale(locale)),
  /** Tells the backend the first library rows are painted (the desktop test times the cold start by it). */
  rowsShown: (n: number) => wrap(System.RowsShown(n)),
};

/** The "open-file" event: a file the desktop was started with (or handed by a second launch), imported. */
export interface OpenedFile { path: string; id: number; conflict: string; error: string }

/** The data of a generated model class, without its helper methods (plain JSON objects). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: Data<T[K]> } : T;

export type DraftFilter = app.DraftFilter;
export type DraftSummary = Data<app.DraftSummary>;
export type DraftPageRequest = Omit<Data<app.DraftPageRequest>, 'filter'> & { filter: DraftFilter };
export type DraftPage = Data<app.DraftPage>;
export type DraftText = Data<app.DraftText>;
export type ImportSummary = Data<app.ImportSummary>;
export interface ImportProgress { done: number; total: number; current: string }
export type UploadedFile = Data<app.UploadedFile>;
export type ProfileInfo = Data<app.ProfileInfo>;
export type FieldInfo = Data<app.FieldInfo>;
export type FieldValue = Data<app.FieldValue>;
export type Problem = Data<app.Problem>;
export type QuickFix = Data<app.QuickFix>;
export type TextEdit = Data<app.TextEdit>;
export type TextCounts = Data<app.TextCounts>;
export type Inspection = Data<app.Inspection>;
export type TypographyFix = Data<app.TypographyFix>;

/** Go's nil slices arrive as null: components always get arrays. */
const list = <T>(xs: T[] | null | undefined): T[] => xs ?? [];

function normalizeSummary(s: DraftSummary): DraftSummary {
  return { ...s, topics: list(s.topics), tags: list(s.tags) };
}

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

/** Subscribes to a backend event; returns the unsubscribe function. */
export function onEvent(name: string, callback: (data: unknown) => void): () => void {
  return EventsOn(name, callback);
}

/** Opens a link outside the app: the system browser (desktop) or a new tab (browser face). */
export function openExternal(url: string): void {
  BrowserOpenURL(url);
}

export function setWindowTitle(title: string): void {
  WindowSetTitle(title);
}
