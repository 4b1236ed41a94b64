/**
 * The protocol as single definitions (lib/messages/*): composed into the one protocol the
 * background dispatches on, with the same types and schemas; sent and answered one definition at
 * a time by the always-loaded content script (lib/messages/messenger.ts), with the same checks and
 * the same errors as the whole protocol.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, protocol, request } from '@/lib/messages';
import { clipsForPage, clipsForPageOutline } from '@/lib/messages/clips';
import { checkReply, MessageError } from '@/lib/messages/define';
import { pageHello, pageJumpTo, siteChanged } from '@/lib/messages/page';
import { listenFor, sendMessage } from '@/lib/messages/messenger';

describe('the composed protocol', () => {
  it('has every message type, each under its own definition', () => {
    expect(Object.keys(protocol)).toEqual([
      'page/hello', 'page/report', 'tab/state', 'site/get', 'site/setPaused', 'site/changed',
      'evidence/forClaim', 'evidence/list', 'evidence/save', 'evidence/delete', 'evidence/restore', 'packs/export', 'packs/import', 'series/list',
      'dismissals/list', 'dismissals/add', 'dismissals/remove', 'dismissals/all', 'dismissals/clear', 'dismissals/changed',
      'sites/paused', 'sites/resumeAll', 'page/jumpTo', 'page/step',
      'reports/add', 'reports/list', 'reports/delete', 'reports/clear',
      'data/counts', 'data/clear',
      'clips/forPage', 'clips/anchored', 'clips/pageStatus', 'clips/captureTab', 'clips/capture', 'clips/draftStart', 'clips/draftUpdate',
      'clips/draftSave', 'clips/draftDiscard', 'clips/update', 'clips/delete', 'clips/restore', 'clips/import', 'clips/export', 'clips/open', 'clips/reveal',
      'clips/changed',
    ]);
    for (const [type, def] of Object.entries(protocol)) expect(def.type).toBe(type);
    expect(protocol['page/hello']).toBe(pageHello);
    expect(protocol['clips/forPage']).toBe(clipsForPage);
  });
});

describe('one definition through the browser', () => {
  it('is answered by a listener for it, its payload checked against its own schema', async () => {
    const seen: unknown[] = [];
    const stop = listenFor([siteChanged, pageJumpTo], {
      'site/changed': (payload) => (seen.push(payload), {}),
    });
    const [good] = await fakeBrowser.runtime.onMessage.trigger({ type: 'site/changed', payload: { host: 'a.example', paused: true } }, {}, () => undefined);
    expect(good).toEqual({ ok: true, data: {} });
    const [bad] = await fakeBrowser.runtime.onMessage.trigger({ type: 'site/changed', payload: { host: '', paused: true } }, {}, () => undefined);
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^Bad "site\/changed" message: payload\.host/) });
    expect(seen).toEqual([{ host: 'a.example', paused: true }]);
    // No handler for it here (page/jumpTo), or not one of its definitions: left for another listener to answer.
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'page/jumpTo', payload: { claimId: 'x', text: '' } }, {}, () => undefined)).toEqual([undefined]);
    expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'clips/capture', payload: {} }, {}, () => undefined)).toEqual([undefined]);
    // A malformed message is refused as the whole protocol refuses it.
    const [malformed] = await fakeBrowser.runtime.onMessage.trigger({ type: 7 }, {}, () => undefined);
    expect(malformed).toEqual(await dispatch({ type: 7 }, {}, {}));
    stop();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });

  it('is sent with its reply checked against its own response schema', async () => {
    const sent: unknown[] = [];
    let answer = (message: unknown) => dispatch(message, {}, { 'page/hello': () => ({ paused: true }) });
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => (sent.push(message), answer(message)) as never);
    await expect(sendMessage(pageHello, { url: 'https://a.example/', title: 'A' })).resolves.toEqual({ paused: true });
    expect(sent).toEqual([{ type: 'page/hello', payload: { url: 'https://a.example/', title: 'A' } }]);
    answer = async () => ({ ok: true, data: { paused: 'yes' } });
    await expect(sendMessage(pageHello, { url: 'https://a.example/', title: 'A' })).rejects.toThrow('Bad reply to "page/hello": reply.paused');
    vi.restoreAllMocks();
  });
});

describe('clips/forPage in outline (the always-loaded boot) and in full (the clip machinery)', () => {
  const clip = {
    id: 'c1',
    url: 'https://news.example/a',
    title: 'A',
    quote: 'GP practices were closed',
    anchor: [{ type: 'TextQuoteSelector', exact: 'GP practices were closed' }],
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 2,
  };

  it('ask the same question', () => {
    expect(clipsForPageOutline.type).toBe(clipsForPage.type);
    expect(clipsForPageOutline.request).toBe(clipsForPage.request);
  });

  it('the outline takes a page without clips whole, and checks the reveal id', () => {
    expect(checkReply(clipsForPageOutline, { clips: [], reveal: null })).toEqual({ clips: [], reveal: null });
    expect(() => checkReply(clipsForPageOutline, { clips: [], reveal: 'Not An Id' })).toThrow(/Bad reply to "clips\/forPage": reply\.reveal/);
    expect(() => checkReply(clipsForPageOutline, { clips: 'none', reveal: null })).toThrow(/reply\.clips/);
  });

  it('the clips are checked in full before use, with the error the whole request gives', async () => {
    const good = { clips: [clip], reveal: 'c1' };
    expect(checkReply(clipsForPage, checkReply(clipsForPageOutline, good))).toEqual(good);
    const bad = { clips: [{ ...clip, url: 'javascript:alert(1)' }], reveal: null };
    expect(checkReply(clipsForPageOutline, bad)).toEqual(bad);
    let thrown: unknown;
    try {
      checkReply(clipsForPage, bad);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(MessageError);
    const viaRequest = request(async () => ({ ok: true, data: bad }), 'clips/forPage', { url: 'https://news.example/a' });
    await expect(viaRequest).rejects.toThrow((thrown as Error).message);
    expect((thrown as Error).message).toMatch(/^Bad reply to "clips\/forPage": reply\.clips\.0\.url/);
  });
});
