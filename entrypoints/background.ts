import { browser } from 'wxt/browser';
import { FootnoteDatabase } from '@/lib/db/database';
import { createSiteSettingsRepository, siteKey } from '@/lib/db/site-settings';
import { createBackgroundHandlers } from '@/lib/background/handlers';
import { createTabRegistry } from '@/lib/background/tab-state';
import { listen, sendToTab } from '@/lib/runtime';

export default defineBackground(() => {
  const db = new FootnoteDatabase();
  const tabs = createTabRegistry(browser.storage.session);
  const action = browser.action ?? browser.browserAction;

  listen(
    createBackgroundHandlers({
      sites: createSiteSettingsRepository(db),
      tabs,
      async setBadge(tabId, count) {
        await action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
        await action.setBadgeBackgroundColor({ tabId, color: '#8a4b00' });
      },
      async broadcastSiteChange(host, paused) {
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
      },
    }),
  );

  browser.tabs.onRemoved.addListener((tabId) => void tabs.forget(tabId));
});
