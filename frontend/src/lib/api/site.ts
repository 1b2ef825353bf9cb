// The Site panel's calls into Go (SiteService): the Hugo site as a Git
// working copy. Status, pull, publish and build are long operations: one at a
// time, progress as "site-progress" events, cancel stops git.
import * as Site from '../../../wailsjs/go/app/SiteService';
import type { app, gitsite } from '../../../wailsjs/go/models';
import { wrap, list, type Data } from './call';

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

const pullOf = (r: SitePullResult): SitePullResult => ({
  ...r,
  created: list(r.created),
  updated: list(r.updated),
  merged: list(r.merged),
  conflicted: list(r.conflicted),
  unchanged: list(r.unchanged),
  deleted: list(r.deleted),
  failed: list(r.failed),
});

export const siteApi = {
  /** fetch: ask the remote first so "behind" is current. */
  status: async (fetch: boolean): Promise<SiteStatus> => {
    const s = await wrap(Site.Status(fetch));
    return { ...s, files: list(s.files), drafts: list(s.drafts) };
  },
  pull: async (): Promise<SitePullResult> => pullOf(await wrap(Site.Pull())),
  /** ids: these drafts; allChanged: every draft changed since its last import or export. */
  publish: async (ids: number[], allChanged: boolean, message: string): Promise<SitePublishResult> => {
    const r = await wrap(Site.Publish(ids, allChanged, message));
    return {
      ...r,
      pulled: r.pulled ? pullOf(r.pulled) : undefined,
      exported: list(r.exported),
      conflicts: list(r.conflicts),
      failed: list(r.failed),
    } as SitePublishResult;
  },
  build: async (): Promise<SiteBuildResult> => {
    const r = await wrap(Site.Build());
    return { ...r, issues: list(r.issues) };
  },
  cancel: () => wrap(Site.Cancel()),
  conflict: (draftId: number): Promise<SiteConflict> => wrap(Site.Conflict(draftId)),
  /** Makes text the draft's text; the site's side becomes its base. */
  resolve: (draftId: number, text: string, version: number) => wrap(Site.Resolve(draftId, text, version)),
};
