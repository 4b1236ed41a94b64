import { browser } from 'wxt/browser';
import { FootnoteDatabase } from '@/lib/db/database';
import { createSiteSettingsRepository, siteKey } from '@/lib/db/site-settings';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createTabRegistry } from '@/lib/background/tab-state';
import { createEvidenceHandlers } from '@/lib/background/evidence-handlers';
import { createSeeder } from '@/lib/background/evidence-seed';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { listen, sendToTab } from '@/lib/messages';
import { startClipsBackground } from '@/lib/background/clips-main';
import { createReaderControlHandlers } from '@/lib/background/reader-controls';
import { startClaimKeys } from '@/lib/background/claim-keys';
import { createReportRepository } from '@/lib/db/reports';
import { pageKey } from '@/lib/model/page-key';
import { createStoredDataRepository } from '@/lib/db/stored-data';
import { createStoredDataHandlers } from '@/lib/background/stored-data';
import { buildBuiltinPack } from '@/lib/packs/builtin';
import { builtinSeries } from '@/lib/packs/builtin-series';
import { bareSeries, createSeriesRepository } from '@/lib/db/series-store';

export default defineBackground(() => {
  const db = new FootnoteDatabase();
  const tabs = createTabRegistry(browser.storage.session);
  const action = browser.action ?? browser.browserAction;

  // Evidence store: the built-in pack is seeded on install and on every update (a newer pack
  // replaces only its own unedited records); reads wait for it.
  const evidence = createEvidenceRepository(db);
  const seeder = createSeeder(evidence);
  browser.runtime.onInstalled.addListener(({ reason }) => void seeder.seed(reason).catch((err) => console.error('Footnote: seeding the built-in evidence failed', err)));
  // First run: the welcome page says what Footnote does, what it keeps and how to use it.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
  });

  // Series: the built-in files are brought into the store once per background lifetime, before
  // the first read (a series the reader edited, or one from a pack, stays as it is).
  const seriesStore = createSeriesRepository(db);
  let seriesSeeded: Promise<unknown> | null = null;
  const storedSeries = async () => {
    seriesSeeded ??= seriesStore.seedBuiltin(builtinSeries()).catch((err) => {
      seriesSeeded = null;
      console.error('Footnote: seeding the built-in series failed', err);
    });
    await seriesSeeded;
    return (await seriesStore.list()).map(bareSeries);
  };

  // Clips: the "Save selection as clip" menu item, the shortcut, and their handlers.
  const clips = startClipsBackground(db);

  const sites = createSiteSettingsRepository(db);
  const dismissals = createDismissalRepository(db);
  const broadcastSiteChange = async (host: string, paused: boolean) => {
    const all = await browser.tabs.query({});
    await Promise.allSettled(
      all.map(async (tab) => {
        if (tab.id === undefined) return;
        const state = await tabs.get(tab.id);
        if (state.host && siteKey(state.host) === siteKey(host)) {
          await tabs.update(tab.id, { paused });
          await sendToTab(tab.id, 'site/changed', { host, paused });
        }
      }),
    );
  };
  const notifyDismissals = async (url: string) => {
    const all = await browser.tabs.query({});
    await Promise.allSettled(
      all.map(async (tab) => {
        if (tab.id === undefined) return;
        const state = await tabs.get(tab.id);
        if (state.url && pageKey(state.url) === pageKey(url)) await sendToTab(tab.id, 'dismissals/changed', { url: state.url });
      }),
    );
  };

  // The next-claim and previous-claim keys.
  startClaimKeys();

  const base = createBackgroundHandlers({
    sites,
    tabs,
    async setBadge(tabId, count) {
      await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      await action.setBadgeBackgroundColor({ tabId, color: '#8a4b00' });
    },
    broadcastSiteChange,
  });

  // One listener for every message: the background answers each, with an error where no handler fits.
  listen(
    {
      ...base,
      ...createEvidenceHandlers({ evidence, dismissals, seeder, series: storedSeries }),
      ...createReaderControlHandlers({ dismissals, sites, reports: createReportRepository(db), notifyDismissals, broadcastSiteChange }),
      ...clips.handlers,
      ...createStoredDataHandlers({
        data: createStoredDataRepository(db, evidence),
        builtinPack: buildBuiltinPack,
        builtinSeries,
        broadcastSiteChange,
        notifyDismissals,
        clipsChanged: clips.changed,
      }),
    },
    { answersAll: true },
  );

  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
