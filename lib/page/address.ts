/**
 * The address a content script serves: the one the tab loaded, and each one it moved to by the
 * reader's own navigation (a link the browser saw followed, back or forward), once it has settled.
 * A page's script can rewrite `location` with `history.pushState` at any time, also right after
 * any click of the reader's, and can dispatch any event it likes, WXT's `wxt:locationchange`
 * included (its name is visible to the page). So neither counts here: a change counts only when
 * the browser itself reports the navigation as the reader's (a trusted `navigate` event that is
 * `userInitiated` or a traversal, or a trusted `popstate`), and a burst of changes costs one notice
 * when the address has been still for SETTLE_MS. A single-page site's own pushState routing is
 * not followed: its clips and dismissals stay those of the address the tab loaded until a reload.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const SETTLE_MS = 400;

export interface PageAddress {
  /** The address in force: the loaded one, or the last one the reader moved to. */
  readonly href: string;
  /** Calls `listener` with each new address once it has settled. Returns the function that stops it. */
  onChange(listener: (href: string) => void): () => void;
}

/** What the watcher reads of the window (a stand-in in unit tests). */
export interface AddressWindow {
  readonly location: { readonly href: string };
  readonly navigation?: EventTarget;
  addEventListener(type: string, listener: (event: Event) => void, options?: AddEventListenerOptions): void;
}

interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  onInvalidated(fn: () => void): void;
  readonly signal: AbortSignal;
}

const instances = new WeakMap<object, PageAddress>();

/** The one address watcher of this content script (made on first use). */
export function pageAddress(ctx: ContentScriptContext): PageAddress {
  let found = instances.get(ctx);
  if (!found) {
    found = watchAddress(window as unknown as AddressWindow, {
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
      onInvalidated: (fn) => void ctx.onInvalidated(fn),
      signal: ctx.signal,
    });
    instances.set(ctx, found);
  }
  return found;
}

export function watchAddress(win: AddressWindow, timers: Timers): PageAddress {
  let href = win.location.href;
  const listeners = new Set<(href: string) => void>();
  /** A navigation the reader made is under way: the address may be taken once it settles. */
  let readerMoved = false;
  let timer: number | null = null;

  const settle = () => {
    timer = null;
    const now = win.location.href;
    if (!readerMoved || now === href) return;
    readerMoved = false;
    href = now;
    for (const l of [...listeners]) l(href);
  };
  const schedule = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(settle, SETTLE_MS);
  };
  const options = { signal: timers.signal };

  if (win.navigation) {
    win.navigation.addEventListener(
      'navigate',
      (event) => {
        if (!event.isTrusted) return;
        const e = event as Event & { navigationType?: string; userInitiated?: boolean };
        if (e.userInitiated || e.navigationType === 'traverse') readerMoved = true;
        schedule();
      },
      options,
    );
  }
  // Back and forward: the browser's own event (a page can dispatch a popstate, but not a trusted one).
  win.addEventListener(
    'popstate',
    (event) => {
      if (!event.isTrusted) return;
      readerMoved = true;
      schedule();
    },
    options,
  );
  timers.onInvalidated(() => {
    if (timer !== null) timers.clearTimeout(timer);
    listeners.clear();
  });

  return {
    get href() {
      return href;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
