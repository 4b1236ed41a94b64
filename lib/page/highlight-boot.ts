/**
 * What every page carries for highlighting: article detection and the tab's highlight messages.
 * Most pages are no article and stop here: Footnote tells the background what the page is, and
 * watches it a while in case it becomes one (a single-page app rendering its article), as the
 * highlight controller does. The claim engine, extraction, highlighting and the controller are the
 * `highlight-ui` script (highlight-main.ts), loaded only once detection says "article"; from then
 * on the controller does everything, and this listener hands the tab's messages on to it.
 */
import isProbablyReaderable from '@mozilla/readability/Readability-readerable.js';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle } from '../claims/article';
import type { ArticleInfo } from '../model/scan';
import { dismissalsChanged, pageJumpTo, pageReport, pageStep, siteChanged } from '../messages/page';
import type { Handlers } from '../messages';
import { listenFor, sendMessage } from '../message-transport';
import type { HighlightOptions } from './controller';
import { pageTitle, readPageSignals } from './extract';
import { loadHighlightModule, type HighlightModule } from './highlight-loader';
import { pageAddress } from './address';

/** A page that keeps changing without becoming an article is read again this long after a change… */
export const RESCAN_DELAY_MS = 800;
/** …and at most this many times, then no longer watched (the controller's limits for a session). */
export const MAX_RESCANS = 8;

export interface HighlightBootOptions {
  /** Whether Footnote is paused on this site (the answer to 'page/hello'). */
  paused: boolean;
  /** The card's "Save clip", handed to the controller. */
  saveClip?: HighlightOptions['saveClip'];
  load?: () => Promise<HighlightModule>;
  send?: typeof sendMessage;
  listen?: typeof listenFor;
}

export interface HighlightBoot {
  /** Whether the highlight script was loaded and its controller started (tests). */
  readonly started: boolean;
  /** Resolves when the loading under way, if any, is done (tests). */
  idle(): Promise<void>;
}

/** Article detection as the page scanner makes it (lib/page/extract scanDocument), and the page as the background hears of a non-article. */
export function detectPage(doc: Document): ArticleInfo {
  const title = pageTitle(doc);
  const detection = detectArticle(readPageSignals(doc, doc.URL), () => isProbablyReaderable(doc));
  return { isArticle: detection.isArticle, onTopic: false, topicScore: 0, title: title.slice(0, 500), signals: detection.signals };
}

/** Whether a batch of mutations added or changed page content (removals alone change nothing to read). */
function addsContent(records: readonly MutationRecord[]): boolean {
  for (const r of records) {
    if (r.type === 'characterData') return true;
    for (const node of r.addedNodes) if (node.nodeType === 1 || node.nodeType === 3) return true;
  }
  return false;
}

interface Watch {
  /** Stops watching; `report`: the background forgets what this page was (pause, navigation). */
  end(report: boolean): void;
}

export function startHighlightBoot(ctx: ContentScriptContext, options: HighlightBootOptions): HighlightBoot {
  const send = options.send ?? sendMessage;
  const load = options.load ?? loadHighlightModule;
  let paused = options.paused;
  let watch: Watch | null = null;
  let loading: Promise<void> | null = null;
  let started = false;
  /** The controller's handlers once it runs: this listener hands messages on to them. */
  let delegate: Handlers | null = null;

  const report = (article: ArticleInfo) =>
    send(pageReport, { url: pageAddress(ctx).href, article, claims: [] }).catch((err: unknown) => console.debug('[Footnote]', err));

  /** The page is an article: load the highlight script and let its controller take over. */
  const handOver = () => {
    loading ??= load().then((module) => {
      if (ctx.isInvalid) return;
      module.startArticleHighlighting(ctx, {
        paused,
        ...(options.saveClip ? { saveClip: options.saveClip } : {}),
        listen(handlers) {
          delegate = handlers;
          return () => {
            delegate = null;
          };
        },
      });
      started = true;
    });
    loading.catch((err: unknown) => {
      // The script could not load (the extension was updated under the page): try again on the next occasion.
      loading = null;
      console.debug('[Footnote]', err);
    });
  };

  /** Reads the page now, and again after it changes (at most MAX_RESCANS times), until it is an article. */
  const watchPage = (): Watch => {
    let article: ArticleInfo | null = null;
    let rescans = 0;
    let timer: number | null = null;
    let stopped = false;
    const observer = new MutationObserver((records) => {
      if (addsContent(records)) scheduleRescan();
    });
    const stop = () => {
      stopped = true;
      observer.disconnect();
      if (timer !== null) clearTimeout(timer);
      timer = null;
    };
    const check = () => {
      if (stopped) return;
      const found = detectPage(document);
      if (found.isArticle) {
        stop();
        if (watch === self) watch = null;
        handOver();
        return;
      }
      article = found;
      void report(found);
    };
    function scheduleRescan() {
      if (timer !== null || stopped) return;
      if (rescans >= MAX_RESCANS) {
        // Still no article after all these changes (a web app, a feed): stop watching this page.
        observer.disconnect();
        return;
      }
      timer = ctx.setTimeout(() => {
        timer = null;
        rescans++;
        check();
      }, RESCAN_DELAY_MS);
    }
    const self: Watch = {
      end(tell) {
        if (stopped) return;
        stop();
        // The badge and the popup forget this page.
        if (tell && article && ctx.isValid) void report(article);
      },
    };
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true, characterData: true });
    watch = self;
    check();
    return self;
  };

  const begin = () => {
    watch?.end(false);
    watch = null;
    watchPage();
  };
  const end = () => {
    watch?.end(true);
    watch = null;
  };

  const stopListening = (options.listen ?? listenFor)([siteChanged, pageJumpTo, pageStep, dismissalsChanged], {
    'site/changed': async (payload) => {
      paused = payload.paused;
      const handler = delegate?.['site/changed'];
      if (handler) return handler(payload, {});
      if (loading) return {}; // the controller starts with the switch as it is when it arrives
      if (paused) end();
      else if (!watch) begin();
      return {};
    },
    'page/jumpTo': async (payload) => {
      const handler = delegate?.['page/jumpTo'];
      return handler ? handler(payload, {}) : { found: false };
    },
    'page/step': async (payload) => {
      const handler = delegate?.['page/step'];
      return handler ? handler(payload, {}) : { found: false };
    },
    'dismissals/changed': async (payload) => {
      const handler = delegate?.['dismissals/changed'];
      return handler ? handler(payload, {}) : {};
    },
  });
  ctx.onInvalidated(() => {
    stopListening();
    watch?.end(false);
    watch = null;
  });
  // The reader moved to another address of a single-page app: a new page as far as the reader is concerned.
  pageAddress(ctx).onChange(() => {
    if (watch) begin();
  });
  if (!paused) begin();

  return {
    get started() {
      return started;
    },
    async idle() {
      await loading?.catch(() => undefined);
    },
  };
}
