import type { Handlers } from '../messages';
import type { SiteSettingsRepository } from '../db/site-settings';
import type { TabRegistry } from './tab-state';

export interface BackgroundDeps {
  sites: SiteSettingsRepository;
  tabs: TabRegistry;
  /** Shows the number of flagged claims on a tab's toolbar button. */
  setBadge(tabId: number, count: number): Promise<void>;
  /** Tells every content script on a host that its pause switch changed. */
  broadcastSiteChange(host: string, paused: boolean): Promise<void>;
}

function hostOf(url: string): string {
  return new URL(url).hostname;
}

export function createBackgroundHandlers(deps: BackgroundDeps): Handlers {
  return {
    'page/hello': async ({ url }, sender) => {
      const host = hostOf(url);
      const paused = await deps.sites.isPaused(host);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        await deps.tabs.update(tabId, { url, host, seen: true, paused, article: null, claims: [] });
        await deps.setBadge(tabId, 0);
      }
      return { paused };
    },
    'page/report': async ({ url, article, claims }, sender) => {
      const flagged = claims.filter((c) => c.highlight).length;
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        await deps.tabs.update(tabId, { url, host: hostOf(url), seen: true, article, claims });
        await deps.setBadge(tabId, flagged);
      }
      return { flagged };
    },
    'tab/state': async ({ tabId }) => {
      const state = await deps.tabs.get(tabId);
      return state.host ? { ...state, paused: await deps.sites.isPaused(state.host) } : state;
    },
    'site/get': async ({ host }) => ({ host, paused: await deps.sites.isPaused(host) }),
    'site/setPaused': async ({ host, paused }) => {
      await deps.sites.setPaused(host, paused);
      await deps.broadcastSiteChange(host, paused);
      return { host, paused };
    },
  };
}
