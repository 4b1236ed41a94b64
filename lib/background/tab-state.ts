import { tabStateSchema, type TabState } from '../messages';

/** The part of `browser.storage.session` the tab registry needs (a fake in tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const emptyTabState = (): TabState => ({ url: null, host: null, seen: false, paused: false, article: null, claims: [] });

/**
 * What Footnote knows of each open tab. Kept in session storage because Chrome stops an idle
 * service worker and its memory with it; nothing here outlives the browser session.
 */
export function createTabRegistry(area: SessionArea) {
  const key = (tabId: number) => `tab:${tabId}`;
  return {
    async get(tabId: number): Promise<TabState> {
      const raw = (await area.get(key(tabId)))[key(tabId)];
      const parsed = tabStateSchema.safeParse(raw);
      return parsed.success ? parsed.data : emptyTabState();
    },
    async update(tabId: number, change: Partial<TabState>): Promise<TabState> {
      const next = { ...(await this.get(tabId)), ...change };
      await area.set({ [key(tabId)]: next });
      return next;
    },
    async forget(tabId: number): Promise<void> {
      await area.remove(key(tabId));
    },
  };
}
export type TabRegistry = ReturnType<typeof createTabRegistry>;
