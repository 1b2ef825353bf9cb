// The citations panel's calls into Go (CitationService): list and edit a
// draft's citations, check links, the sources library and the audit. Every
// edit takes the current text and resolves to the new whole text; the panel
// applies it to the editor as a minimal change.
import * as Citation from '../../../wailsjs/go/app/CitationService';
import type { app, citations as backend } from '../../../wailsjs/go/models';
import { wrap, list, type Data } from './call';

export type CitationFields = Data<backend.Fields>;
export type LinkState = Data<backend.LinkState>;
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
export type CaptureEvidence = Data<backend.Evidence>;
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

export function emptyFields(): CitationFields {
  return { title: '', url: '', outlet: '', authors: [], published: '', retrieved: '' };
}

const fields = (f: CitationFields): CitationFields => ({ ...f, authors: list(f.authors) });
const cites = (c: SourceCite[] | null | undefined) => list(c);
const captured = (c: CapturedCitation): CapturedCitation => ({ ...c, fields: fields(c.fields), warnings: list(c.warnings) });

export const citations = {
  list: async (text: string): Promise<CitationList> => {
    const l = await wrap(Citation.List(text));
    return { ...l, rows: list(l.rows).map((r) => ({ ...r, fields: fields(r.fields) })) };
  },
  update: (text: string, label: string, f: CitationFields) => wrap(Citation.Update(text, label, f)),
  /** cursor: UTF-16 offset where the reference goes, or -1 for none. */
  add: (text: string, f: CitationFields, cursor: number) => wrap(Citation.Add(text, f, cursor)) as Promise<AddedCitation>,
  remove: (text: string, label: string, alsoRefs: boolean) => wrap(Citation.Delete(text, label, alsoRefs)),
  renumber: (text: string) => wrap(Citation.Renumber(text)),
  suggest: async (url: string): Promise<SourceSuggestion> => {
    const s = await wrap(Citation.Suggest(url));
    return { ...s, fields: fields(s.fields), citedBy: cites(s.citedBy) };
  },
  /** Runs until done or cancelled; progress arrives as "links-progress" events carrying jobId. */
  checkLinks: async (jobId: string, text: string): Promise<LinkCheckSummary> => {
    const s = await wrap(Citation.CheckLinks(jobId, text));
    return { ...s, results: list(s.results), counts: s.counts ?? {} };
  },
  cancelCheck: (jobId: string) => wrap(Citation.CancelCheck(jobId)),
  markRetrievedToday: async (text: string, labels: string[]): Promise<RetrievedMarked> => {
    const m = await wrap(Citation.MarkRetrievedToday(text, labels));
    return { ...m, marked: list(m.marked), skipped: list(m.skipped) };
  },
  sources: async (): Promise<SourceRow[]> =>
    list(await wrap(Citation.Sources())).map((s) => ({ ...s, fields: fields(s.fields), citedBy: cites(s.citedBy) })),
  applySourceToText: async (text: string, url: string, f: CitationFields): Promise<SourceApplied> => {
    const r = await wrap(Citation.ApplySourceToText(text, url, f));
    return { ...r, labels: list(r.labels) };
  },
  applySourceToDrafts: async (url: string, f: CitationFields, draftIds: number[]): Promise<DraftSourceUpdate[]> =>
    list(await wrap(Citation.ApplySourceToDrafts(url, f, draftIds))).map((u) => ({ ...u, labels: list(u.labels) })),
  /**
   * Reads each page as a citation (fields, where each came from, warnings).
   * Runs until done or cancelled with cancelCheck(jobId); progress arrives as
   * "capture-progress" events carrying jobId.
   */
  captureUrls: async (jobId: string, urls: string[]): Promise<CaptureSummary> => {
    const s = await wrap(Citation.CaptureURLs(jobId, urls));
    return { ...s, results: list(s.results).map(captured) };
  },
  /** Reads a page the editor saved or copied as HTML, as the page at url. */
  captureHtml: async (html: string, url: string): Promise<CapturedCitation> => captured(await wrap(Citation.CaptureHTML(html, url))),
  audit: async (lang: string): Promise<AuditDraft[]> =>
    list(await wrap(Citation.Audit(lang))).map((d) => ({
      ...d,
      problems: list(d.problems).map((p) => ({ ...p, params: p.params ?? {} })),
    })),
};
