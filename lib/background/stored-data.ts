/**
 * The background's answers about everything Footnote keeps: the counts the options page shows,
 * and "Clear all data". After a clear, the tabs hear what changed for them (sites no longer
 * paused, pages whose dismissals and clips are gone), so their marks and highlights follow at once.
 */
import type { Handlers } from '../messages';
import type { StoredDataRepository } from '../db/stored-data';
import type { Pack } from '../packs/pack';
import type { Series } from '../model/series';

export interface StoredDataDeps {
  data: StoredDataRepository;
  /** The built-in pack as this release ships it, put back by the clear. */
  builtinPack(): Pack;
  /** The built-in series as this release ships them, put back by the clear. */
  builtinSeries(): readonly Series[];
  broadcastSiteChange(host: string, paused: boolean): Promise<void>;
  notifyDismissals(url: string): Promise<void>;
  clipsChanged(urls: string[] | null): Promise<void>;
  now?: () => number;
}

export function createStoredDataHandlers(deps: StoredDataDeps): Handlers {
  const now = deps.now ?? Date.now;
  return {
    'data/counts': () => deps.data.counts(),
    'data/clear': async () => {
      const cleared = await deps.data.clearAll(deps.builtinPack(), deps.builtinSeries(), now());
      // The store is already cleared: a tab that cannot be told (closed, no content script) changes nothing.
      await Promise.allSettled([
        ...cleared.pausedHosts.map((host) => deps.broadcastSiteChange(host, false)),
        ...cleared.dismissedUrls.map((url) => deps.notifyDismissals(url)),
        deps.clipsChanged(cleared.clipUrls),
      ]);
      return { removed: cleared.removed };
    },
  };
}
