/**
 * @vitest-environment-options {"url": "https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665#top"}
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository, type ClipsRepository } from '@/lib/db/clips';
import { importClips } from '@/lib/db/clips-import';
import type { Clip } from '@/lib/model/clip';
import { createClipHandlers } from '@/lib/background/clips';
import { dispatch, request, type Handlers, type MessageType, type RequestOf } from '@/lib/messages';
import { describeRange } from '@/lib/page/anchor/describe';
import { readPageText, toSourceRange } from '@/lib/page/anchor/page-text';
import { startClips, type ClipsController, type ClipsMessenger } from '@/lib/page/clips';
import { clipTitle } from '@/lib/page/clips-anchoring';
import { createEditorHost, wxtEditorUi } from '@/lib/page/clips-editor';
import { piecesOf } from '@/lib/page/text-map';
import { isFootnoteSplit } from '@/lib/page/wrap';
import { GP_VOTE_HTML } from './anchor-helpers';
import { shadowOf } from '../shadow-of';

const URL_NOW = 'https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665';
const CLAIM = 'practices delivered 164m face-to-face patient appointments between March 2020 and March 2021';
const LATER = 'An NHS spokesperson said';

const frame = (cb: () => void) => void setTimeout(cb, 0);
const settle = (ms = 20) => new Promise((r) => setTimeout(r, ms));

let ctx: ContentScriptContext;
let db: FootnoteDatabase;
let repo: ClipsRepository;
let tabHandlers: Handlers = {};
let sent: { type: string; payload: unknown }[] = [];
let failSave = false;
let controller: ClipsController | null = null;
let originalHtml = '';
let originalNodes: { node: Text; data: string }[] = [];

function background(): ClipsMessenger {
  const memory = new Map<string, unknown>();
  const handlers = createClipHandlers({
    clips: repo,
    importClips: (text) => importClips(db, text),
    counters: async () => [],
    session: {
      get: async (k) => ({ [k]: memory.get(k) }),
      set: async (items) => void Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
      remove: async (k) => void memory.delete(k),
    },
    sendToTab: (_tabId, type, payload) => request((m) => dispatch(m, {}, tabHandlers), type, payload),
    notifyPages: async () => undefined,
    focusTab: async () => undefined,
    openTab: async () => 1,
  });
  const wrapped: Handlers = {
    ...handlers,
    'clips/draftSave': async (payload, sender) => {
      if (failSave) throw new Error('the disk is full');
      return handlers['clips/draftSave']!(payload, sender);
    },
  };
  return {
    send: (type, payload) => {
      sent.push({ type, payload });
      return request((m) => dispatch(m, { tab: { id: 1 } }, wrapped), type, payload);
    },
    listen(h) {
      tabHandlers = h;
      return () => {
        tabHandlers = {};
      };
    },
  };
}

const toTab = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, tabHandlers), type, payload);

function openPage(html = GP_VOTE_HTML) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.innerHTML = doc.head.innerHTML;
  document.title = doc.title;
  document.body.innerHTML = doc.body.innerHTML;
  originalHtml = document.body.outerHTML;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  originalNodes = [];
  while (walker.nextNode()) originalNodes.push({ node: walker.currentNode as Text, data: (walker.currentNode as Text).data });
}

function expectOriginalDom() {
  expect(document.body.outerHTML).toBe(originalHtml);
  expect(document.querySelector('style[data-footnote-clip-style]')).toBeNull();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const now: Text[] = [];
  while (walker.nextNode()) now.push(walker.currentNode as Text);
  expect(now.map((n) => n.data)).toEqual(originalNodes.map((n) => n.data));
  now.forEach((node, i) => expect(node).toBe(originalNodes[i]!.node));
  expect(now.some(isFootnoteSplit)).toBe(false);
}

function rangeOf(phrase: string): Range {
  const pt = readPageText(document.body);
  const at = pt.norm.text.indexOf(phrase);
  if (at < 0) throw new Error(`no "${phrase}"`);
  const [s, e] = toSourceRange(pt, at, at + phrase.length);
  const pieces = piecesOf(pt.map, s, e);
  const range = document.createRange();
  range.setStart(pieces[0]!.node, pieces[0]!.start);
  range.setEnd(pieces.at(-1)!.node, pieces.at(-1)!.end);
  return range;
}

function select(phrase: string) {
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeOf(phrase));
}

/** A clip of `phrase` as the page is now, stored as if saved on an earlier visit. */
async function savedClip(phrase: string, overrides: Partial<Clip> = {}): Promise<Clip> {
  const d = describeRange(readPageText(document.body), rangeOf(phrase));
  if (!d.ok) throw new Error(d.reason);
  return repo.restore({
    id: `clip-${Math.random().toString(36).slice(2, 10)}`,
    url: URL_NOW,
    title: document.title,
    quote: d.value.quote,
    anchor: d.value.selectors,
    note: 'saved earlier',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  });
}

async function start(paused = false) {
  controller = startClips(ctx, { paused, messenger: background(), createEditor: () => createEditorHost(wxtEditorUi(ctx)), requestFrame: frame, draftDelayMs: 5 });
  await settle();
  await controller.idle();
  return controller;
}

const clipText = (id: string) => (controller!.highlights().get(id) ?? []).map((el) => el.textContent).join('');
const editorRoot = () => shadowOf(document.querySelector('footnote-clip-editor'));
const inEditor = <T extends Element>(sel: string) => editorRoot()?.querySelector<T>(sel) ?? null;
function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  ctx = new ContentScriptContext('clips-test');
  db = new FootnoteDatabase(`clips-page-${Math.random()}`);
  repo = createClipsRepository(db);
  sent = [];
  failSave = false;
  openPage();
});

afterEach(async () => {
  ctx.notifyInvalidated();
  controller = null;
  document.body.innerHTML = '';
  await db.delete();
});

describe('clips on the page', () => {
  it('highlights a saved clip again on load and reports it found', async () => {
    const clip = await savedClip(CLAIM);
    await start();
    expect(clipText(clip.id)).toBe(CLAIM);
    const els = document.querySelectorAll(`footnote-clip[data-clip="${clip.id}"]`);
    expect(els.length).toBeGreaterThan(0);
    expect(els[0]!.getAttribute('title')).toBe(clipTitle());
    expect(document.body.outerHTML).not.toContain('saved earlier');
    expect(document.querySelector('style[data-footnote-clip-style]')).not.toBeNull();
    expect(sent.filter((m) => m.type === 'clips/anchored').at(-1)!.payload).toEqual({ url: URL_NOW, found: [clip.id], orphans: [] });
  });

  it('reports a clip the page no longer has as not found, and anchors it when its text appears later', async () => {
    const clip = await savedClip(LATER);
    const p = [...document.querySelectorAll('p')].find((el) => el.textContent!.startsWith(LATER))!;
    const parent = p.parentElement!;
    p.remove();
    await start();
    expect(controller!.orphans()).toEqual([clip.id]);
    expect(sent.filter((m) => m.type === 'clips/anchored').at(-1)!.payload).toEqual({ url: URL_NOW, found: [], orphans: [clip.id] });
    // "Load more": the paragraph arrives.
    parent.appendChild(p);
    await settle();
    await controller!.idle();
    expect(clipText(clip.id)).toBe(LATER);
    expect(sent.filter((m) => m.type === 'clips/anchored').at(-1)!.payload).toEqual({ url: URL_NOW, found: [clip.id], orphans: [] });
  });

  it('puts a highlight back when the page re-renders the paragraph', async () => {
    const clip = await savedClip(CLAIM);
    await start();
    const p = document.querySelector(`footnote-clip[data-clip="${clip.id}"]`)!.closest('p')!;
    p.innerHTML = p.textContent!; // a framework re-render: new nodes, same text
    await settle();
    await controller!.idle();
    expect(clipText(clip.id)).toBe(CLAIM);
    expect(document.querySelector(`footnote-clip[data-clip="${clip.id}"]`)!.closest('p')).toBe(p);
  });

  it('gives the page its DOM back exactly when the extension goes away', async () => {
    await savedClip(CLAIM);
    await savedClip('face-to-face appointments');
    await start();
    expect(document.querySelectorAll('footnote-clip').length).toBeGreaterThan(1);
    ctx.notifyInvalidated();
    expectOriginalDom();
    expect(Object.keys(tabHandlers)).toEqual([]);
  });

  it('takes highlights out while paused on the site and puts them back on resume', async () => {
    const clip = await savedClip(CLAIM);
    await start();
    await toTab('site/changed', { host: 'www.gponline.com', paused: true });
    expectOriginalDom();
    await toTab('site/changed', { host: 'www.gponline.com', paused: false });
    await settle();
    await controller!.idle();
    expect(clipText(clip.id)).toBe(CLAIM);
  });

  it('removes the highlight of a clip deleted elsewhere', async () => {
    const clip = await savedClip(CLAIM);
    await start();
    await repo.remove(clip.id);
    await toTab('clips/changed', { urls: [URL_NOW] });
    await controller!.idle();
    expect(document.querySelector('footnote-clip')).toBeNull();
    expectOriginalDom();
  });

  it('reveals a clip asked for by the side panel', async () => {
    const clip = await savedClip(CLAIM);
    await start();
    let scrolled = 0;
    Element.prototype.scrollIntoView = function () {
      scrolled++;
    };
    expect(await toTab('clips/reveal', { id: clip.id })).toEqual({ found: true });
    expect(scrolled).toBe(1);
    expect(document.querySelector(`footnote-clip[data-clip="${clip.id}"]`)!.hasAttribute('data-revealed')).toBe(true);
  });
});

describe('saving a selection', () => {
  it('stores a draft at once, keeps what is typed, and saves the clip with note and tags', async () => {
    await start();
    select(CLAIM);
    expect(await toTab('clips/capture', {})).toEqual({ started: true, reason: null });
    await controller!.idle();
    expect(inEditor('[data-testid="clip-quote"]')!.textContent).toBe(CLAIM);
    const [draft] = await repo.drafts();
    expect(draft).toMatchObject({ url: URL_NOW, quote: CLAIM, title: document.title, publisher: 'GPonline', published: '2021-05', note: '' });

    type(inEditor<HTMLTextAreaElement>('[data-testid="clip-note"]')!, 'Figures for the LMC newsletter');
    type(inEditor<HTMLInputElement>('[data-testid="clip-tags"]')!, 'lmc, #face-to-face');
    await settle();
    await controller!.idle();
    expect((await repo.getDraft(draft!.id))!.note).toBe('Figures for the LMC newsletter');

    inEditor<HTMLButtonElement>('[data-testid="clip-save"]')!.click();
    await settle();
    await controller!.idle();
    expect(document.querySelector('footnote-clip-editor')).toBeNull();
    const [clip] = await repo.all();
    expect(clip).toMatchObject({ quote: CLAIM, note: 'Figures for the LMC newsletter', tags: ['lmc', 'face-to-face'] });
    expect(await repo.drafts()).toEqual([]);
    expect(clipText(clip!.id)).toBe(CLAIM);
  });

  it('keeps the draft and what was typed when saving fails', async () => {
    await start();
    select(CLAIM);
    await toTab('clips/capture', {});
    await controller!.idle();
    failSave = true;
    type(inEditor<HTMLTextAreaElement>('[data-testid="clip-note"]')!, 'Do not lose this');
    inEditor<HTMLButtonElement>('[data-testid="clip-save"]')!.click();
    await settle();
    await controller!.idle();
    expect(inEditor('[role="alert"]')!.textContent).toMatch(/Could not save the clip: the disk is full\. What you typed is kept as a draft\./);
    expect(inEditor<HTMLTextAreaElement>('[data-testid="clip-note"]')!.value).toBe('Do not lose this');
    expect((await repo.drafts())[0]!.note).toBe('Do not lose this');
    expect(await repo.count()).toBe(0);
  });

  it('keeps the draft when the editor is closed with Escape, and drops it on Discard', async () => {
    await start();
    select(CLAIM);
    await toTab('clips/capture', {});
    await controller!.idle();
    const note = inEditor<HTMLTextAreaElement>('[data-testid="clip-note"]')!;
    type(note, 'Half a thought');
    note.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await settle();
    await controller!.idle();
    expect(document.querySelector('footnote-clip-editor')).toBeNull();
    expect((await repo.drafts())[0]!.note).toBe('Half a thought');

    select('face-to-face appointments');
    await toTab('clips/capture', {});
    await controller!.idle();
    inEditor<HTMLButtonElement>('[data-testid="clip-discard"]')!.click();
    await settle();
    await controller!.idle();
    expect((await repo.drafts()).map((d) => d.note)).toEqual(['Half a thought']);
  });

  it('refuses to clip without a selection, with the reason', async () => {
    await start();
    document.getSelection()!.removeAllRanges();
    expect(await toTab('clips/capture', {})).toEqual({ started: false, reason: 'Select some text on the page first.' });
    expect(await repo.drafts()).toEqual([]);
    // The shortcut and the menu give no feedback of their own: the page says why nothing opened.
    await controller!.idle();
    const host = document.querySelector('footnote-notice');
    const status = shadowOf(host)?.querySelector('[role=status]');
    expect(status?.textContent).toContain('Select some text on the page first.');
    expect(controller!.notice.message).toBe('Select some text on the page first.');
    // Dismissed by the reader (or by itself a few seconds later), it leaves the page.
    shadowOf(host)!.querySelector<HTMLButtonElement>('button[aria-label=Dismiss]')!.click();
    expect(document.querySelector('footnote-notice')).toBeNull();
    expect(controller!.notice.message).toBeNull();
  });

  it('clips while paused too (the reader asked), without highlighting', async () => {
    await start(true);
    select(CLAIM);
    expect(await toTab('clips/capture', {})).toMatchObject({ started: true });
    await controller!.idle();
    inEditor<HTMLButtonElement>('[data-testid="clip-save"]')!.click();
    await settle();
    await controller!.idle();
    expect(await repo.count()).toBe(1);
    expect(document.querySelector('footnote-clip')).toBeNull();
  });
});

describe('the content script boot', () => {
  async function boot(paused = false) {
    let loads = 0;
    const messenger = background();
    const { startClipsBoot } = await import('@/lib/page/clips-boot');
    const b = startClipsBoot(ctx, {
      paused,
      send: messenger.send,
      listen: messenger.listen,
      load: async () => {
        loads++;
        return {
          startClips: (c, o) => (controller = startClips(c, { ...o, createEditor: () => createEditorHost(wxtEditorUi(c)), requestFrame: frame, draftDelayMs: 5 })),
        };
      },
    });
    await settle();
    await controller?.idle();
    return { b, loads: () => loads };
  }

  it('does not load the clip machinery on a page without clips, but tells the background the page', async () => {
    const { loads } = await boot();
    expect(loads()).toBe(0);
    expect(sent.map((m) => m.type)).toEqual(['clips/forPage']);
    expect(sent[0]!.payload).toEqual({ url: URL_NOW, title: document.title });
  });

  it('loads it on a page with clips, and the clips are highlighted', async () => {
    const clip = await savedClip(CLAIM);
    const { loads } = await boot();
    expect(loads()).toBe(1);
    expect(clipText(clip.id)).toBe(CLAIM);
    // The boot's answer was handed on: the page asked once.
    expect(sent.filter((m) => m.type === 'clips/forPage')).toHaveLength(1);
  });

  it('loads it when the reader clips, and the capture goes through', async () => {
    const { loads } = await boot();
    select(CLAIM);
    expect(await toTab('clips/capture', {})).toEqual({ started: true, reason: null });
    expect(loads()).toBe(1);
    await controller!.idle();
    expect(await repo.drafts()).toHaveLength(1);
  });

  it('loads it when a clip is saved for this page elsewhere', async () => {
    const { loads } = await boot();
    const clip = await savedClip(CLAIM);
    await toTab('clips/changed', { urls: [URL_NOW] });
    await settle();
    await controller!.idle();
    expect(loads()).toBe(1);
    expect(clipText(clip.id)).toBe(CLAIM);
  });

  it('clips a flagged claim from its mark pieces, with the claim and its figures', async () => {
    const { b } = await boot();
    const pt = readPageText(document.body);
    const phrase = 'surgeries had been closed to face-to-face appointments';
    const at = pt.norm.text.indexOf(phrase);
    const [s, e] = toSourceRange(pt, at, at + phrase.length);
    const { wrapPieces } = await import('@/lib/page/wrap');
    const pieces = wrapPieces(piecesOf(pt.map, s, e), () => document.createElement('footnote-mark'));
    expect(await b.captureElements(pieces, { claimId: 'practices-closed', evidenceIds: ['f2f-appointments-2020-21'], claim: 'practices were closed' })).toEqual({
      started: true,
      reason: null,
    });
    await controller!.idle();
    expect(inEditor('.fn-clip-claim')!.textContent).toBe('From the flagged claim: practices were closed');
    expect((await repo.drafts())[0]).toMatchObject({ quote: phrase, claimId: 'practices-closed', evidenceIds: ['f2f-appointments-2020-21'] });
    pieces.forEach((p) => p.remove());
    expect(await b.captureElements(pieces)).toEqual({ started: false, reason: 'That passage is no longer on the page.' });
  });

  it('stays unloaded while paused, and stops listening when invalidated', async () => {
    await savedClip(CLAIM);
    const { loads } = await boot(true);
    expect(loads()).toBe(0);
    ctx.notifyInvalidated();
    expect(Object.keys(tabHandlers)).toEqual([]);
  });
});
