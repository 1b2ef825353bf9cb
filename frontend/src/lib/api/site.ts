// The Site panel's calls into Go (SiteService): the Hugo site as a Git
// working copy. Status, pull, publish and build are long operations: one at a
// time, progress as "site-progress" events, cancel stops git.
import * as Site from '../../../wailsjs/go/app/SiteService';
import type { app, gitsite } from '../../../wailsjs/go/models';
import { toApiError } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data<T> = T extends (infer U)[] ? Data<U>[] : T extends object ? { [K in keyof T as T[K] extends (...a: any[]) => any ? never : K]: Data<T[K]> } : T;

export type SiteStatus = Data<gitsite.Status>;
export type SitePullResult = Data<gitsite.PullResult>;
export type SitePublishResult = Data<gitsite.PublishResult>;
export type SiteBuildResult = Data<gitsite.BuildResult>;
export type SiteBuildIssue = Data<gitsite.BuildIssue>;
export type SiteConflict = Data<app.SiteConflict>;
export type SiteDraftState = 'changed' | 'new' | 'conflicted';
/** The "site-progress" event. */
export interface SiteProgress {
  step: string;
  done: number;
  total: number;
}

async function call<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    throw toApiError(e);
  }
}

// Go sends nil slices as null: the panel always gets arrays.
const arr = <T>(a: T[] | null | undefined): T[] => a ?? [];

const pullOf = (r: SitePullResult): SitePullResult => ({
  ...r,
  created: arr(r.created),
  updated: arr(r.updated),
  merged: arr(r.merged),
  conflicted: arr(r.conflicted),
  unchanged: arr(r.unchanged),
  deleted: arr(r.deleted),
  failed: arr(r.failed),
});

export const siteApi = {
  /** fetch: ask the remote first so "behind" is current. */
  status: async (fetch: boolean): Promise<SiteStatus> => {
    const s = await call(Site.Status(fetch));
    return { ...s, files: arr(s.files), drafts: arr(s.drafts) };
  },
  pull: async (): Promise<SitePullResult> => pullOf(await call(Site.Pull())),
  /** ids: these drafts; allChanged: every draft changed since its last import or export. */
  publish: async (ids: number[], allChanged: boolean, message: string): Promise<SitePublishResult> => {
    const r = await call(Site.Publish(ids, allChanged, message));
    return {
      ...r,
      pulled: r.pulled ? pullOf(r.pulled) : undefined,
      exported: arr(r.exported),
      conflicts: arr(r.conflicts),
      failed: arr(r.failed),
    } as SitePublishResult;
  },
  build: async (): Promise<SiteBuildResult> => {
    const r = await call(Site.Build());
    return { ...r, issues: arr(r.issues) };
  },
  cancel: () => call(Site.Cancel()),
  conflict: (draftId: number): Promise<SiteConflict> => call(Site.Conflict(draftId)),
  /** Makes text the draft's text; the site's side becomes its base. */
  resolve: (draftId: number, text: string, version: number) => call(Site.Resolve(draftId, text, version)),
};
