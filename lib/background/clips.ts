/**
 * The background's side of clips: the one writer of the clip store for content scripts and the
 * side panel, the memory of which page each tab shows and which of its clips were found there,
 * and the way from a clip back to its page.
 *
 * Footnote has no "tabs" permission, so the browser does not tell it tab addresses; each page's
 * content script tells the background its own address when it asks for its clips.
 */
import type { Handlers, MessageType, RequestOf, ResponseOf } from '../messages';
import type { ClipsRepository } from '../db/clips';
import type { ImportSummary } from '../clips/import';
import { exportClips } from '../clips/export';
import { pageKey, type CounterSnapshot } from '../model/clip';
import type { SessionArea } from './tab-state';
import { t } from '../i18n';

export interface ClipBackgroundDeps {
  clips: ClipsRepository;
  importClips(text: string): Promise<ImportSummary>;
  /** Counter-figures as they stand now, for a clip saved from a flagged claim. */
  /** The figures the card showed (series points among them), as the store has them now; `claimId` is the clip's claim. */
  counters(evidenceIds: readonly string[], claimId?: string): Promise<CounterSnapshot[]>;
  session: SessionArea;
  sendToTab<T extends MessageType>(tabId: number, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
  /** Tells extension pages (the side panel) that clips changed. */
  notifyPages(urls: string[] | null): Promise<void>;
  /** Brings a tab to the front. */
  focusTab(tabId: number): Promise<void>;
  /** Opens `url` in the given tab, or in a new one; returns the tab. */
  openTab(url: string, tabId?: number): Promise<number>;
  now?: () => number;
}

export interface TabClips {
  url: string;
  title: string;
  found: string[];
  orphans: string[];
}

const TABS_KEY = 'clips:tabs';
const REVEAL_KEY = 'clips:reveal';
/** A reveal waits this long for its page to load before it is forgotten. */
const REVEAL_TTL_MS = 60_000;

/** What each tab shows, in session storage (the service worker may be stopped between messages). */
export function createTabClipsRegistry(session: SessionArea) {
  let chain: Promise<unknown> = Promise.resolve();
  const read = async (): Promise<Record<string, TabClips>> => {
    const raw = (await session.get(TABS_KEY))[TABS_KEY];
    return raw && typeof raw === 'object' ? (raw as Record<string, TabClips>) : {};
  };
  /** Read-modify-write, one at a time, so that two tabs reporting at once do not lose each other's report. */
  const change = (fn: (all: Record<string, TabClips>) => void): Promise<void> => {
    const next = chain.then(async () => {
      const all = await read();
      fn(all);
      await session.set({ [TABS_KEY]: all });
    });
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    get: async (tabId: number): Promise<TabClips | null> => (await read())[String(tabId)] ?? null,
    set: (tabId: number, value: TabClips) => change((all) => void (all[String(tabId)] = value)),
    update: (tabId: number, fn: (tab: TabClips) => TabClips) =>
      change((all) => {
        const tab = all[String(tabId)];
        if (tab) all[String(tabId)] = fn(tab);
      }),
    forget: (tabId: number) => change((all) => void delete all[String(tabId)]),
    /** Tabs showing one of these pages (null: every tab with a Footnote page). */
    async showing(urls: readonly string[] | null): Promise<number[]> {
      const keys = urls && new Set(urls.map(pageKey));
      return Object.entries(await read())
        .filter(([, tab]) => keys === null || keys.has(tab.url))
        .map(([id]) => Number(id));
    },
  };
}
export type TabClipsRegistry = ReturnType<typeof createTabClipsRegistry>;

/**
 * Tells of changed clips: extension pages hear every change; a tab hears of changes to its own
 * page ([]: none, null: every page).
 */
export function clipsBroadcast(deps: Pick<ClipBackgroundDeps, 'notifyPages' | 'sendToTab'>, registry: TabClipsRegistry) {
  return async (urls: string[] | null): Promise<void> => {
    await deps.notifyPages(urls).catch(() => undefined);
    if (urls !== null && urls.length === 0) return;
    const tabs = await registry.showing(urls);
    await Promise.allSettled(tabs.map((tabId) => deps.sendToTab(tabId, 'clips/changed', { urls })));
  };
}

/** Clip drafts one tab may start in a minute (a reader clips a few; a loop would clip hundreds). */
export const MAX_DRAFT_STARTS_PER_MINUTE = 12;

export function createClipHandlers(deps: ClipBackgroundDeps, registry = createTabClipsRegistry(deps.session)): Handlers {
  const now = deps.now ?? (() => Date.now());
  const recentStarts = new Map<number, number[]>();
  const startsAllowed = (tabId: number): boolean => {
    const current = now();
    const recent = (recentStarts.get(tabId) ?? []).filter((at) => current - at < 60_000);
    if (recent.length >= MAX_DRAFT_STARTS_PER_MINUTE) {
      recentStarts.set(tabId, recent);
      return false;
    }
    recent.push(current);
    recentStarts.set(tabId, recent);
    return true;
  };

  const broadcast = clipsBroadcast(deps, registry);

  const capture = async (tabId: number): Promise<ResponseOf<'clips/capture'>> => {
    try {
      return await deps.sendToTab(tabId, 'clips/capture', {});
    } catch {
      return { started: false, reason: t('clipsCannotClip') };
    }
  };

  return {
    'clips/forPage': async ({ url, title }, sender) => {
      const key = pageKey(url);
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await registry.set(tabId, { url: key, title: title ?? '', found: [], orphans: [] });
      const clips = await deps.clips.forUrl(key);
      let reveal: string | null = null;
      const pending = (await deps.session.get(REVEAL_KEY))[REVEAL_KEY] as { url?: string; id?: string; at?: number } | undefined;
      if (pending?.url === key && typeof pending.id === 'string' && now() - (pending.at ?? 0) < REVEAL_TTL_MS) {
        reveal = pending.id;
        await deps.session.remove(REVEAL_KEY);
      }
      return { clips, reveal };
    },
    'clips/anchored': async ({ url, found, orphans }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) await registry.update(tabId, (tab) => (tab.url === pageKey(url) ? { ...tab, found, orphans } : tab));
      // The side panel shows what was found; no page needs to hear it.
      await broadcast([]);
      return {};
    },
    'clips/pageStatus': async ({ tabId }) => {
      const tab = await registry.get(tabId);
      return tab ? { url: tab.url, title: tab.title, found: tab.found, orphans: tab.orphans } : { url: null, title: null, found: [], orphans: [] };
    },
    'clips/captureTab': async ({ tabId }) => capture(tabId),
    'clips/draftStart': async (capture, sender) => {
      if (!startsAllowed(sender.tab?.id ?? -1)) {
        throw new Error(t('clipsTooMany', MAX_DRAFT_STARTS_PER_MINUTE));
      }
      const draft = await deps.clips.startDraft(capture);
      await broadcast([]);
      return draft;
    },
    'clips/draftUpdate': async ({ id, note, tags }) => {
      await deps.clips.updateDraft(id, { note, tags });
      return {};
    },
    'clips/draftSave': async ({ id, note, tags }) => {
      const draft = await deps.clips.getDraft(id);
      const counters = draft?.evidenceIds?.length ? await deps.counters(draft.evidenceIds, draft.claimId) : undefined;
      const clip = await deps.clips.saveDraft(id, { note, tags }, counters);
      await broadcast([clip.url]);
      return clip;
    },
    'clips/draftDiscard': async ({ id }) => {
      await deps.clips.discardDraft(id);
      await broadcast([]);
      return {};
    },
    'clips/update': async ({ id, note, tags }) => {
      const clip = await deps.clips.update(id, { note, tags });
      await broadcast([clip.url]);
      return clip;
    },
    'clips/delete': async ({ id }) => {
      const clip = (await deps.clips.remove(id)) ?? null;
      if (clip) await broadcast([clip.url]);
      return { clip };
    },
    'clips/restore': async ({ clip }) => {
      const restored = await deps.clips.restore(clip);
      await broadcast([restored.url]);
      return restored;
    },
    'clips/import': async ({ text }) => {
      const summary = await deps.importClips(text);
      await broadcast(null);
      return summary;
    },
    'clips/export': async ({ format }) => {
      const clips = await deps.clips.all();
      return { text: exportClips(format, clips, now()), count: clips.length };
    },
    'clips/open': async ({ id, tabId }) => {
      const clip = await deps.clips.get(id);
      if (!clip) throw new Error(t('clipsGone'));
      const showing = await registry.showing([clip.url]);
      const target = tabId !== undefined && showing.includes(tabId) ? tabId : showing[0];
      if (target !== undefined) {
        // To the front first: a hidden tab may not scroll (no frames are drawn for it).
        await deps.focusTab(target);
        const reply = await deps.sendToTab(target, 'clips/reveal', { id }).catch(() => null);
        if (reply) return { tabId: target };
      }
      // The page loads first: its content script asks for its clips and is told to reveal this one.
      await deps.session.set({ [REVEAL_KEY]: { url: clip.url, id, at: now() } });
      return { tabId: await deps.openTab(clip.url, target ?? tabId) };
    },
  };
}
