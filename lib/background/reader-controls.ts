/**
 * The background's answers for the reader's controls: dismissed passages (undo, restore one or
 * all), paused sites (resume one or all) and false-flag reports. A restore is told to the tabs
 * showing that page, a resume to the tabs on that site, so that their marks come back at once.
 */
import type { Handlers } from '../messages';
import type { DismissalRepository } from '../db/dismissals';
import type { ReportRepository } from '../db/reports';
import type { SiteSettingsRepository } from '../db/site-settings';

export interface ReaderControlDeps {
  dismissals: DismissalRepository;
  sites: SiteSettingsRepository;
  reports: ReportRepository;
  /** Tells every content script showing this page (by page key) that its dismissals changed. */
  notifyDismissals(url: string): Promise<void>;
  /** Tells every content script on a host that its pause switch changed. */
  broadcastSiteChange(host: string, paused: boolean): Promise<void>;
  now?: () => number;
}

export function createReaderControlHandlers(deps: ReaderControlDeps): Handlers {
  const now = deps.now ?? Date.now;
  return {
    'dismissals/remove': async ({ url, key }) => {
      const removed = await deps.dismissals.remove(url, key);
      if (removed) await deps.notifyDismissals(url);
      return { removed };
    },
    'dismissals/all': async () => ({ dismissals: await deps.dismissals.listAll() }),
    'dismissals/clear': async () => {
      const urls = await deps.dismissals.clear();
      await Promise.allSettled(urls.map((url) => deps.notifyDismissals(url)));
      return { removed: urls.length };
    },
    'sites/paused': async () => ({ sites: await deps.sites.listPaused() }),
    'sites/resumeAll': async () => {
      const paused = await deps.sites.listPaused();
      for (const { host } of paused) {
        await deps.sites.setPaused(host, false, now());
        await deps.broadcastSiteChange(host, false);
      }
      return { resumed: paused.length };
    },
    'reports/add': async ({ flag, input }) => ({ id: (await deps.reports.add(flag, input, now())).id }),
    'reports/list': async () => ({ reports: await deps.reports.list() }),
    'reports/delete': async ({ id }) => {
      await deps.reports.remove(id);
      return {};
    },
    'reports/clear': async () => ({ removed: await deps.reports.clear() }),
  };
}
