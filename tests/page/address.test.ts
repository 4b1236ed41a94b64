/**
 * The address watcher (lib/page/address.ts): a change counts only when the browser reports a
 * navigation made by the reader, and a storm of changes costs one notice once the address is still.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AddressWindow, SETTLE_MS, watchAddress } from '@/lib/page/address';

/** A navigate or popstate event as the browser (trusted) or a page script (untrusted) makes it. */
function event(type: string, trusted: boolean, extra: Record<string, unknown> = {}): Event {
  const e = new Event(type);
  Object.defineProperty(e, 'isTrusted', { value: trusted });
  Object.assign(e, extra);
  return e;
}

function fakeWindow(withNavigation: boolean) {
  const target = new EventTarget();
  const navigation = withNavigation ? new EventTarget() : undefined;
  const state = { href: 'https://news.example/a' };
  const win: AddressWindow = {
    location: { get href() { return state.href; } },
    ...(navigation ? { navigation } : {}),
    addEventListener: (type, listener, options) => target.addEventListener(type, listener, options),
  };
  const abort = new AbortController();
  const invalidated: (() => void)[] = [];
  const address = watchAddress(win, {
    setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
    onInvalidated: (fn) => void invalidated.push(fn),
    signal: abort.signal,
  });
  const seen: string[] = [];
  address.onChange((h) => seen.push(h));
  return { state, address, seen, target, navigation, invalidate: () => { abort.abort(); invalidated.forEach((f) => f()); } };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('with the Navigation API', () => {
  it.each([
    { how: 'a link the reader followed', trusted: true, extra: { userInitiated: true }, moves: true },
    { how: 'back or forward', trusted: true, extra: { navigationType: 'traverse' }, moves: true },
    // A script may push right after any click of the reader's: the browser still says it was not the reader.
    { how: 'a page script’s pushState, with or without the reader’s click', trusted: true, extra: { navigationType: 'push' }, moves: false },
    { how: 'a page script’s replaceState', trusted: true, extra: { navigationType: 'replace' }, moves: false },
    { how: 'a navigate event the page dispatched itself', trusted: false, extra: { userInitiated: true }, moves: false },
  ])('$how: moves = $moves', async ({ trusted, extra, moves }) => {
    const w = fakeWindow(true);
    w.navigation!.dispatchEvent(event('navigate', trusted, extra));
    w.state.href = 'https://news.example/b';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual(moves ? ['https://news.example/b'] : []);
    expect(w.address.href).toBe(moves ? 'https://news.example/b' : 'https://news.example/a');
  });

  it('2,000 changes in a burst cost one notice, for the address it settled on', async () => {
    const w = fakeWindow(true);
    for (let i = 0; i < 2000; i++) {
      w.state.href = `https://news.example/p${i}`;
      w.navigation!.dispatchEvent(event('navigate', true, { navigationType: 'traverse' }));
    }
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual(['https://news.example/p1999']);
  });

  it('a trusted popstate (back or forward) counts; a dispatched one does not', async () => {
    const w = fakeWindow(true);
    w.state.href = 'https://news.example/b';
    w.target.dispatchEvent(event('popstate', false));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual([]);
    w.target.dispatchEvent(event('popstate', true));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual(['https://news.example/b']);
  });

  it('says nothing once its context is gone', async () => {
    const w = fakeWindow(true);
    w.navigation!.dispatchEvent(event('navigate', true, { userInitiated: true }));
    w.invalidate();
    w.state.href = 'https://news.example/b';
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual([]);
  });
});

describe('without the Navigation API (Firefox)', () => {
  it('takes back and forward only: an address a script moved to is not followed', async () => {
    const w = fakeWindow(false);
    w.state.href = 'https://news.example/script';
    await vi.advanceTimersByTimeAsync(5000);
    expect(w.seen).toEqual([]);
    expect(w.address.href).toBe('https://news.example/a');
    w.state.href = 'https://news.example/back';
    w.target.dispatchEvent(event('popstate', true));
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 10);
    expect(w.seen).toEqual(['https://news.example/back']);
  });
});
