/**
 * The lifecycle every content-script feature (claims and their card, clips) shares: the small part
 * that runs on every page answers the tab's messages, follows the site's pause switch and the
 * reader's moves to another address, and stops when the extension's context goes; the feature's
 * machinery is a script of its own (lazy-script.ts), loaded only when the page needs it. Once loaded,
 * its controller takes the tab's messages over: the listener here hands them on to it. A feature
 * that needs its script only once the page becomes something (an article) has the page watched
 * here until then (page-watch.ts), within the watcher's limits.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Handlers, MessageType, RequestOf, ResponseOf } from '../messages';
import type { MessageDef } from '../messages/define';
import { listenFor } from '../messages/messenger';
import { pageAddress } from './address';
import { watchPage } from './page-watch';

export type Listen = (defs: readonly MessageDef[], handlers: Handlers) => () => void;

export interface Feature<C> {
  /** Whether Footnote is paused on this site, as last heard. */
  readonly paused: boolean;
  /** The loaded script's controller, once started. */
  readonly controller: C | null;
  /** The loading under way or done; null before, and again after a failed load. */
  readonly loading: Promise<C> | null;
  /** The controller's handlers once it takes the tab's messages: the listener hands them on. */
  readonly delegate: Handlers | null;
  /** Loads the script and starts its controller (once; again after a failed load). */
  load(): Promise<C>;
  /** The started controller's answer to a message it handles; null while it takes none. */
  forward<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T> | null>;
}

export interface FeatureOptions<M, C> {
  /** Whether Footnote is paused on this site (the answer to 'page/hello'). */
  paused: boolean;
  /** The tab's messages this feature answers, 'site/changed' among them. */
  answers: readonly MessageDef[];
  load(): Promise<M>;
  /** Starts the loaded script's controller, which answers the tab's messages through `listen`. */
  start(module: M, run: { paused: boolean; listen(handlers: Handlers): () => void }): C;
  /** The answers before the controller takes over ('site/changed' is answered here). */
  handlers(feature: Feature<C>): Handlers;
  /** The pause switch changed while the script is not loaded. */
  siteChanged?(paused: boolean): void | Promise<void>;
  /** The reader moved to another address while the script is not running. */
  addressChanged?(): void;
  /**
   * Until the script is loaded, while Footnote runs on the site: the page is read now, again after
   * it changes, and at each address the reader moves to; the script loads once `check` says so.
   */
  watch?: {
    /** Reads the page: true when it needs the feature's script. */
    check(): boolean;
    /** The reader paused Footnote on the site, which ended the watch. */
    paused?(): void;
  };
  /** Where the tab's messages come from (default: `browser.runtime`). */
  listen?: Listen;
}

export function startFeature<M, C>(ctx: ContentScriptContext, options: FeatureOptions<M, C>): Feature<C> {
  // Plain fields, read by the feature's boot (the always-loaded script counts its bytes).
  const feature: { -readonly [K in keyof Feature<C>]: Feature<C>[K] } = {
    paused: options.paused,
    controller: null,
    loading: null,
    delegate: null,
    load() {
      const loading = (feature.loading ??= options.load().then((module) => {
        if (ctx.isInvalid) throw new Error('Context invalidated');
        return (feature.controller = options.start(module, {
          paused: feature.paused,
          listen(handlers) {
            feature.delegate = handlers;
            return () => {
              feature.delegate = null;
            };
          },
        }));
      }));
      // The script could not load (the extension was updated under the page): try again on the next occasion.
      loading.catch(() => {
        if (feature.loading === loading) feature.loading = null;
      });
      return loading;
    },
    async forward(type, payload) {
      const handler = feature.delegate?.[type] as ((p: typeof payload, s: object) => ResponseOf<typeof type> | Promise<ResponseOf<typeof type>>) | undefined;
      return handler ? handler(payload, {}) : null;
    },
  };

  let watching: AbortController | null = null;
  const stopWatching = () => {
    watching?.abort();
    watching = null;
  };
  /** Reads the page now, and again after it changes (within the watcher's limits), until it needs the script. */
  const watch = () => {
    stopWatching();
    const what = options.watch;
    if (!what) return;
    const abort = new AbortController();
    watching = abort;
    const check = () => {
      if (abort.signal.aborted || !what.check()) return;
      stopWatching();
      void feature.load().catch((err: unknown) => console.debug('[Footnote]', err));
    };
    watchPage({
      root: document.body ?? document.documentElement,
      signal: abort.signal,
      isOwn: () => false,
      // In the mutation's own task: a tab in the background gets no frames, and the rescan delay gathers changes anyway.
      requestFrame: (callback) => callback(),
      timers: ctx,
      rescan: check,
    });
    check();
  };

  const stopListening = (options.listen ?? (listenFor as Listen))(options.answers, {
    ...options.handlers(feature),
    'site/changed': async (payload) => {
      feature.paused = payload.paused;
      if (feature.delegate) return (await feature.forward('site/changed', payload)) ?? {};
      // While loading, the controller starts with the switch as it is when it arrives.
      if (feature.loading) return {};
      if (feature.paused && watching) {
        stopWatching();
        options.watch?.paused?.();
      } else if (!feature.paused && !watching) watch();
      await options.siteChanged?.(feature.paused);
      return {};
    },
  });
  ctx.onInvalidated(() => {
    stopListening();
    stopWatching();
  });
  // The reader moved to another address of a single-page app: a new page as far as the reader is concerned.
  pageAddress(ctx).onChange(() => {
    if (feature.delegate) return;
    if (watching) watch();
    options.addressChanged?.();
  });
  if (!options.paused) watch();
  return feature;
}
