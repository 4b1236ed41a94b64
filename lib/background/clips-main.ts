/**
 * Wires clips into the background: message handlers, the context-menu item "Save selection as
 * clip", the keyboard shortcut (manifest `commands`), and forgetting closed tabs.
 */
import { browser } from 'wxt/browser';
import type { FootnoteDatabase } from '../db/database';
import { createClipsRepository, counterSnapshot } from '../db/clips';
import { importClips } from '../db/clips-import';
import type { CounterSnapshot } from '../model/clip';
import { evidenceSchema, type Evidence } from '../model/records';
import { seriesSchema } from '../model/series';
import { seriesPointFigure } from '../claims/series-order';
import { sendToTab, type Handlers } from '../messages';
import { clipsChanged } from '../messages/clips';
import { sendMessage } from '../messages/messenger';
import { t } from '../i18n';
import { clipsBroadcast, createClipHandlers, createTabClipsRegistry, type ClipBackgroundDeps } from './clips';

export const SAVE_CLIP_MENU_ID = 'footnote-save-clip';
/** The manifest command (wxt.config.ts) for the keyboard shortcut. */
export const SAVE_CLIP_COMMAND = 'save-clip';

/**
 * Starts the clip menu item, shortcut and tab bookkeeping, and returns the clip message handlers for
 * the background's one listener, with the function that stops the rest.
 */
export function startClipsBackground(db: FootnoteDatabase): { handlers: Handlers; changed(urls: string[] | null): Promise<void>; stop(): void } {
  const clips = createClipsRepository(db);
  const session = browser.storage.session;

  /**
   * Evidence as the store has it now, in the order shown; an id that is no figure is looked up as
   * a series point. A record that no longer checks out is left out, not guessed.
   */
  const counters = async (ids: readonly string[], claimId?: string): Promise<CounterSnapshot[]> => {
    const records = await db.table('evidence').bulkGet([...ids]);
    const series = records.some((r) => r === undefined)
      ? (await db.table('series').toArray()).flatMap((s) => {
          const parsed = seriesSchema.safeParse(s);
          return parsed.success ? [parsed.data] : [];
        })
      : [];
    return records.flatMap((r, i) => {
      const e: Evidence | null = r === undefined ? seriesPointFigure(series, ids[i]!, claimId ?? null) : evidenceSchema.safeParse(r).data ?? null;
      return e ? [counterSnapshot(e)] : [];
    });
  };

  const capture = (tabId: number) =>
    sendToTab(tabId, 'clips/capture', {}).catch((err: unknown) => {
      console.debug('[Footnote] clip capture', err);
      return null;
    });

  const registry = createTabClipsRegistry(session);
  const deps: ClipBackgroundDeps = {
    clips,
    importClips: (text) => importClips(db, text),
    counters,
    session,
    sendToTab,
    async notifyPages(urls) {
      // Extension pages (the side panel) listen for this; with none open there is no receiver.
      await sendMessage(clipsChanged, { urls }).catch(() => undefined);
    },
    async focusTab(tabId) {
      await browser.tabs.update(tabId, { active: true }).catch(() => undefined);
    },
    async openTab(url, tabId) {
      if (tabId !== undefined) {
        const updated = await browser.tabs.update(tabId, { url, active: true }).catch(() => null);
        if (updated?.id !== undefined) return updated.id;
      }
      const created = await browser.tabs.create({ url, active: true });
      return created.id!;
    },
  };
  const handlers = createClipHandlers(deps, registry);

  // Context menu: made afresh at every start (removeAll first, so a restarted worker never hits "duplicate id").
  const menus = browser.contextMenus;
  const onMenu = (info: { menuItemId: string | number }, tab?: { id?: number }) => {
    if (info.menuItemId === SAVE_CLIP_MENU_ID && tab?.id !== undefined) void capture(tab.id);
  };
  if (menus) {
    void menus
      .removeAll()
      .then(() => menus.create({ id: SAVE_CLIP_MENU_ID, title: t('contextMenuSaveClip'), contexts: ['selection'] }))
      .catch((err: unknown) => console.debug('[Footnote] context menu', err));
    menus.onClicked.addListener(onMenu);
  }

  const onCommand = async (command: string, tab?: { id?: number }) => {
    if (command !== SAVE_CLIP_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) await capture(id);
  };
  browser.commands?.onCommand.addListener(onCommand);

  const onRemoved = (tabId: number) => void registry.forget(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);

  return {
    handlers,
    /** Tells the side panel and the tabs showing these pages (null: all) that their clips changed. */
    changed: clipsBroadcast(deps, registry),
    stop() {
      menus?.onClicked.removeListener(onMenu);
      browser.commands?.onCommand.removeListener(onCommand);
      browser.tabs.onRemoved.removeListener(onRemoved);
    },
  };
}
