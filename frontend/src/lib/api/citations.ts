// The citations panel's calls into Go (CitationService): list and edit a
// draft's citations, check links, the sources library and the audit. Every
// edit takes the current text and resolves to the new whole text; the panel
// applies it to the editor as a minimal change.
import * as Citation from '../../../wailsjs/go/app/CitationService';
import type { app } from '../../../wailsjs/go/models';
import { toApiError } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: Data<T[K]> } : T;

export type CitationFields = Data<app.CitationFields>;
export type LinkState = Data<app.LinkState>;
export type CitationRow = Data<app.CitationRow>;
export type CitationList = Data<app.CitationList>;
export type AddedCitation = Data<app.AddedCitation>;
export type SourceSuggestion = Data<app.SourceSuggestion>;
export type SourceRow = Data<app.SourceRow>;
export type SourceCite = Data<app.SourceCite>;
export type SourceApplied = Data<app.SourceApplied>;
export type DraftSourceUpdate = Data<app.DraftSourceUpdate>;
export type LinkResult = Data<app.LinkResult>;
export type LinkCheckSummary = Data<app.LinkCheckSummary>;
export type RetrievedMarked = Data<app.RetrievedMarked>;
export type SkippedSource = Data<app.SkippedSource>;
export type AuditDraft = Data<app.AuditDraft>;
export type AuditProblem = Data<app.AuditProblem>;
export type CapturedCitation = Data<app.CapturedCitation>;
export type CaptureEvidence = Data<app.CaptureEvidence>;
export type CaptureSummary = Data<app.CaptureSummary>;
export type LinkChange = Data<app.LinkChange>;
/** The "capture-progress" event. */
export interface CaptureProgress {
  jobId: string;
  done: number;
  total: number;
  result: CapturedCitation;
}
/** The "links-progress" event. */
export interface LinkCheckProgress {
  jobId: string;
  done: number;
  total: number;
  result: LinkResult;
}

/** The link statuses, in the order summaries show them. */
export const linkStatuses = ['ok', 'redirected', 'dead', 'unverifiable', 'error'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

const arr = <T>(xs: T[] | null | undefined): T[] => xs ?? [];

export function emptyFields(): CitationFields {
  return { title: '', url: '', outlet: '', authors: [], published: '', retrieved: '' };
}

const fields = (f: CitationFields): CitationFields => ({ ...f, authors: arr(f.authors) });
const cites = (c: SourceCite[] | null | undefined) => arr(c);
const captured = (c: CapturedCitation): CapturedCitation => ({ ...c, fields: fields(c.fields), warnings: arr(c.warnings) });

export const citations = {
  list: async (text: string): Promise<CitationList> => {
    const l = await call(Citation.List(text));
    return { ...l, rows: arr(l.rows).map((r) => ({ ...r, fields: fields(r.fields) })) };
  },
  update: (text: string, label: string, f: CitationFields) => call(Citation.Update(text, label, f)),
  /** cursor: UTF-16 offset where the reference goes, or -1 for none. */
  add: (text: string, f: CitationFields, cursor: number) => call(Citation.Add(text, f, cursor)) as Promise<AddedCitation>,
  remove: (text: string, label: string, alsoRefs: boolean) => call(Citation.Delete(text, label, alsoRefs)),
  renumber: (text: string) => call(Citation.Renumber(text)),
  suggest: async (url: string): Promise<SourceSuggestion> => {
    const s = await call(Citation.Suggest(url));
    return { ...s, fields: fields(s.fields), citedBy: cites(s.citedBy) };
  },
  /** Runs until done or cancelled; progress arrives as "links-progress" events carrying jobId. */
  checkLinks: async (jobId: string, text: string): Promise<LinkCheckSummary> => {
    const s = await call(Citation.CheckLinks(jobId, text));
    return { ...s, results: arr(s.results), counts: s.counts ?? {} };
  },
  cancelCheck: (jobId: string) => call(Citation.CancelCheck(jobId)),
  markRetrievedToday: async (text: string, labels: string[]): Promise<RetrievedMarked> => {
    const m = await call(Citation.MarkRetrievedToday(text, labels));
    return { ...m, marked: arr(m.marked), skipped: arr(m.skipped) };
  },
  sources: async (): Promise<SourceRow[]> =>
    arr(await call(Citation.Sources())).map((s) => ({ ...s, fields: fields(s.fields), citedBy: cites(s.citedBy) })),
  applySourceToText: async (text: string, url: string, f: CitationFields): Promise<SourceApplied> => {
    const r = await call(Citation.ApplySourceToText(text, url, f));
    return { ...r, labels: arr(r.labels) };
  },
  applySourceToDrafts: async (url: string, f: CitationFields, draftIds: number[]): Promise<DraftSourceUpdate[]> =>
    arr(await call(Citation.ApplySourceToDrafts(url, f, draftIds))).map((u) => ({ ...u, labels: arr(u.labels) })),
  /**
   * Reads each page as a citation (fields, where each came from, warnings).
   * Runs until done or cancelled with cancelCheck(jobId); progress arrives as
   * "capture-progress" events carrying jobId.
   */
  captureUrls: async (jobId: string, urls: string[]): Promise<CaptureSummary> => {
    const s = await call(Citation.CaptureURLs(jobId, urls));
    return { ...s, results: arr(s.results).map(captured) };
  },
  /** Reads a page the editor saved or copied as HTML, as the page at url. */
  captureHtml: async (html: string, url: string): Promise<CapturedCitation> => captured(await call(Citation.CaptureHTML(html, url))),
  audit: async (lang: string): Promise<AuditDraft[]> =>
    arr(await call(Citation.Audit(lang))).map((d) => ({
      ...d,
      problems: arr(d.problems).map((p) => ({ ...p, params: p.params ?? {} })),
    })),
};
