/**
 * The one page watcher of Footnote's content script, with its one set of limits: the page's own
 * changes (never Footnote's) are collected as observe.ts collects them, and a change that only a
 * whole-page read can answer asks for a rescan. A rescan runs RESCAN_DELAY_MS after the change
 * that asked for it (later changes in that time ride along), and at most MAX_RESCANS times per
 * watch: a web app or a feed that never stops changing is then no longer read. The feature
 * lifecycle (feature.ts) watches a page until it needs its feature's script; the highlight session
 * watches the article it marked.
 */
import { watchContent, type ContentWatcher, type RequestFrame } from './observe';

/** A page that keeps changing is read again this long after a change… */
export const RESCAN_DELAY_MS = 800;
/** …and at most this many times. */
export const MAX_RESCANS = 8;

export interface RescanTimers {
  setTimeout(fn: () => void, ms: number): number;
}

export interface PageWatchOptions {
  /** The subtree to watch (normally `document.body`). */
  root: Node;
  /** The watch's end: no change is reported and no rescan runs after it. */
  signal: AbortSignal;
  /** Footnote's own nodes (the card's host, the mark style): changes in them are not the page's. */
  isOwn(node: Node): boolean;
  requestFrame: RequestFrame;
  timers: RescanTimers;
  /** The outermost blocks the page added or changed (default: ask for a rescan). */
  onChange?(changed: Element[]): void;
  /** The page removed nodes (marks may have gone with them). */
  onRemoved?(): void;
  /** Reads the whole page again. */
  rescan(): void;
  /** Every rescan is spent (default: stop watching). */
  exhausted?(): void;
}

export interface PageWatch extends ContentWatcher {
  /** Asks for a rescan: one is scheduled unless one is pending; `exhausted` runs instead once all are spent. */
  requestRescan(): void;
}

export function watchPage(options: PageWatchOptions): PageWatch {
  const { signal, timers } = options;
  let done = 0;
  let timer: number | null = null;

  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const requestRescan = () => {
    if (timer !== null || signal.aborted) return;
    if (done >= MAX_RESCANS) return options.exhausted ? options.exhausted() : stop();
    timer = timers.setTimeout(() => {
      timer = null;
      if (signal.aborted) return;
      done++;
      options.rescan();
    }, RESCAN_DELAY_MS);
  };

  const watcher = watchContent({
    root: options.root,
    signal,
    isOwn: options.isOwn,
    requestFrame: options.requestFrame,
    onChange: options.onChange ?? (() => requestRescan()),
    ...(options.onRemoved ? { onRemoved: options.onRemoved } : {}),
  });
  const stop = () => {
    watcher.stop();
    cancel();
  };
  signal.addEventListener('abort', cancel, { once: true });

  return { quietly: watcher.quietly, stop, requestRescan };
}
