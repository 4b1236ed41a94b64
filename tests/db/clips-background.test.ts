import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository, type ClipsRepository } from '@/lib/db/clips';
import { importClips } from '@/lib/db/clips-import';
import { createClipHandlers, MAX_DRAFT_STARTS_PER_MINUTE } from '@/lib/background/clips';
import { dispatch, request, type MessageType, type RequestOf } from '@/lib/messages';
import { clip, GP_VOTE } from '../clips/fixtures';

let db: FootnoteDatabase;
let repo: ClipsRepository;
let toTabs: { tabId: number; type: string; payload: unknown }[];
let pages: (string[] | null)[];
let opened: { url: string; tabId?: number }[];
let focused: number[];
let revealAnswer: { found: boolean } | null;
let send: <T extends MessageType>(type: T, payload: RequestOf<T>, tabId?: number) => Promise<unknown>;

beforeEach(() => {
  db = new FootnoteDatabase(`clips-bg-${Math.random()}`);
  repo = createClipsRepository(db, { now: () => Date.UTC(2026, 10, 24) });
  toTabs = [];
  pages = [];
  opened = [];
  focused = [];
  revealAnswer = { found: true };
  const memory = new Map<string, unknown>();
  const handlers = createClipHandlers({
    clips: repo,
    importClips: (text) => importClips(db, text),
    counters: async (ids) => (ids.includes('f2f-appointments-2020-21') ? clip().counters! : []),
    session: {
      get: async (k) => ({ [k]: structuredClone(memory.get(k)) }),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => memory.set(k, structuredClone(v))),
      remove: async (k) => void memory.delete(k),
    },
    sendToTab: (async (tabId: number, type: string, payload: unknown) => {
      toTabs.push({ tabId, type, payload });
      if (type === 'clips/reveal') {
        if (!revealAnswer) throw new Error('no content script');
        return revealAnswer;
      }
      if (type === 'clips/capture') return { started: false, reason: 'Select some text on the page first.' };
      return {};
    }) as never,
    notifyPages: async (urls) => void pages.push(urls),
    focusTab: async (tabId) => void focused.push(tabId),
    openTab: async (url, tabId) => {
      opened.push({ url, tabId });
      return tabId ?? 99;
    },
    now: () => 1000,
  });
  send = (type, payload, tabId) => request((m) => dispatch(m, tabId === undefined ? {} : { tab: { id: tabId } }, handlers), type, payload);
});
afterEach(async () => {
  await db.delete();
});

describe('clip handlers', () => {
  const passage = () => {
    const c = clip();
    return { url: c.url, title: c.title, quote: c.quote, anchor: c.anchor };
  };
  it(`starts at most ${MAX_DRAFT_STARTS_PER_MINUTE} clip drafts a minute from one tab, and says why`, async () => {
    for (let i = 0; i < MAX_DRAFT_STARTS_PER_MINUTE; i++) {
      await send('clips/draftStart', { ...passage(), quote: `Passage ${i} of the page.` }, 7);
    }
    await expect(send('clips/draftStart', { ...passage(), quote: 'One more passage.' }, 7)).rejects.toThrow(/in the last minute/);
    // Another tab is not held back by this one.
    await send('clips/draftStart', { ...passage(), quote: 'Another tab’s passage.' }, 8);
    expect(await repo.drafts()).toHaveLength(MAX_DRAFT_STARTS_PER_MINUTE + 1);
  });

  it('learns which page each tab shows from its content script, and what it found there', async () => {
    await repo.restore(clip());
    expect(await send('clips/forPage', { url: `${GP_VOTE.url}#x`, title: GP_VOTE.title }, 7)).toMatchObject({ clips: [{ id: clip().id }], reveal: null });
    expect(await send('clips/pageStatus', { tabId: 7 })).toEqual({ url: GP_VOTE.url, title: GP_VOTE.title, found: [], orphans: [] });
    await send('clips/anchored', { url: GP_VOTE.url, found: [], orphans: [clip().id] }, 7);
    expect(await send('clips/pageStatus', { tabId: 7 })).toMatchObject({ orphans: [clip().id] });
    expect(pages).toEqual([[]]); // the panel hears it; no tab does
    expect(await send('clips/pageStatus', { tabId: 8 })).toEqual({ url: null, title: null, found: [], orphans: [] });
  });

  it('keeps reports from two tabs arriving together', async () => {
    await Promise.all([
      send('clips/forPage', { url: 'https://a.example/1' }, 1),
      send('clips/forPage', { url: 'https://b.example/2' }, 2),
      send('clips/forPage', { url: 'https://c.example/3' }, 3),
    ]);
    for (const [tabId, url] of [[1, 'https://a.example/1'], [2, 'https://b.example/2'], [3, 'https://c.example/3']] as const) {
      expect(await send('clips/pageStatus', { tabId })).toMatchObject({ url });
    }
  });

  it('saves a draft from a flag with its counter-figures and tells the tabs showing its page', async () => {
    await send('clips/forPage', { url: GP_VOTE.url }, 4);
    await send('clips/forPage', { url: 'https://other.example/' }, 5);
    const c = clip();
    const draft = (await send('clips/draftStart', { url: c.url, title: c.title, quote: c.quote, anchor: c.anchor, claimId: 'practices-closed', evidenceIds: ['f2f-appointments-2020-21'] }, 4)) as { id: string };
    const saved = (await send('clips/draftSave', { id: draft.id, note: 'n', tags: ['t'] }, 4)) as { counters: unknown[] };
    expect(saved.counters).toEqual(clip().counters);
    expect(toTabs.filter((m) => m.type === 'clips/changed')).toEqual([{ tabId: 4, type: 'clips/changed', payload: { urls: [GP_VOTE.url] } }]);
  });

  it('opens a clip in the tab already showing it and scrolls there', async () => {
    await repo.restore(clip());
    await send('clips/forPage', { url: GP_VOTE.url }, 4);
    expect(await send('clips/open', { id: clip().id, tabId: 9 })).toEqual({ tabId: 4 });
    expect(toTabs.at(-1)).toEqual({ tabId: 4, type: 'clips/reveal', payload: { id: clip().id } });
    expect(focused).toEqual([4]);
    expect(opened).toEqual([]);
  });

  it('opens the page of a clip no tab shows and has it revealed once it loads', async () => {
    await repo.restore(clip());
    expect(await send('clips/open', { id: clip().id, tabId: 9 })).toEqual({ tabId: 9 });
    expect(opened).toEqual([{ url: GP_VOTE.url, tabId: 9 }]);
    // The page loads in tab 9 and asks for its clips: it is told which to reveal, once.
    expect(await send('clips/forPage', { url: GP_VOTE.url }, 9)).toMatchObject({ reveal: clip().id });
    expect(await send('clips/forPage', { url: GP_VOTE.url }, 9)).toMatchObject({ reveal: null });
  });

  it('passes a capture on to the tab and explains when the tab cannot clip', async () => {
    expect(await send('clips/captureTab', { tabId: 3 })).toEqual({ started: false, reason: 'Select some text on the page first.' });
  });

  it('imports, telling every tab, and refuses a bad file with its reason', async () => {
    await send('clips/forPage', { url: GP_VOTE.url }, 4);
    const good = JSON.stringify({ format: 'footnote-clips', version: 1, clips: [clip()] });
    expect(await send('clips/import', { text: good })).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect(toTabs.at(-1)).toEqual({ tabId: 4, type: 'clips/changed', payload: { urls: null } });
    await expect(send('clips/import', { text: '{"format":"footnote-clips","version":1,"clips":[{"id":"x"}]}' })).rejects.toThrow(/^Clip 1 \(id "x"\), field url/);
  });

  it('deletes with the clip returned, and restores it', async () => {
    await repo.restore(clip());
    const { clip: removed } = (await send('clips/delete', { id: clip().id })) as { clip: ReturnType<typeof clip> };
    expect(await repo.count()).toBe(0);
    await send('clips/restore', { clip: removed });
    expect(await repo.get(clip().id)).toEqual(clip());
  });
});
