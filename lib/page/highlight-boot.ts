/**
 * What every page carries for highlighting: article detection and the tab's highlight messages.
 * Most pages are no article and stop here: Footnote tells the background what the page is, and
 * watches it a while in case it becomes one (a single-page app rendering its article), as the
 * highlight controller does. The claim engine, extraction, highlighting and the controller are the
 * `highlight-ui` script (highlight-main.ts), loaded only once detection says "article"; from then
 * on the controller does everything, and this listener hands the tab's messages on to it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ArticleInfo } from '../model/scan';
import { dismissalsChanged, pageJumpTo, pageReport, pageStep, siteChanged } from '../messages/page';
import { sendMessage } from '../messages/messenger';
import type { HighlightOptions } from './controller';
import { startFeature, type Listen } from './feature';
import { highlightScript, type HighlightModule } from './highlight-loader';
import { pageAddress } from './address';
import { scheduleRescans } from './rescan';
import { detectedInfo, detectPage as detect } from './scan';

export interface HighlightBootOptions {
  /** Whether Footnote is paused on this site (the answer to 'page/hello'). */
  paused: boolean;
  /** The card's "Save clip", handed to the controller. */
  saveClip?: HighlightOptions['saveClip'];
  load?: () => Promise<HighlightModule>;
  send?: typeof sendMessage;
  listen?: Listen;
}

export interface HighlightBoot {
  /** Whether the highlight script was loaded and its controller started (tests). */
  readonly started: boolean;
  /** Resolves when the loading under way, if any, is done (tests). */
  idle(): Promise<void>;
}

/** Article detection as the page scan makes it (lib/page/scan.ts), and the page as the background hears of a non-article. */
export function detectPage(doc: Document): ArticleInfo {
  const { title, detection } = detect(doc);
  return detectedInfo(title, detection);
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
  let watch: Watch | null = null;

  const report = (article: ArticleInfo) =>
    send(pageReport, { url: pageAddress(ctx).href, article, claims: [] }).catch((err: unknown) => console.debug('[Footnote]', err));

  const feature = startFeature(ctx, {
    paused: options.paused,
    answers: [siteChanged, pageJumpTo, pageStep, dismissalsChanged],
    load: options.load ?? highlightScript.load,
    start: (module: HighlightModule, run) =>
      module.startArticleHighlighting(ctx, { ...run, ...(options.saveClip ? { saveClip: options.saveClip } : {}) }),
    handlers: (f) => ({
      'page/jumpTo': async (payload) => (await f.forward('page/jumpTo', payload)) ?? { found: false },
      'page/step': async (payload) => (await f.forward('page/step', payload)) ?? { found: false },
      'dismissals/changed': async (payload) => (await f.forward('dismissals/changed', payload)) ?? {},
    }),
    siteChanged(paused) {
      if (paused) end();
      else if (!watch) begin();
    },
    addressChanged() {
      if (watch) begin();
    },
    invalidated() {
      watch?.end(false);
      watch = null;
    },
    ...(options.listen ? { listen: options.listen } : {}),
  });

  /** The page is an article: load the highlight script and let its controller take over. */
  const handOver = () => void feature.load().catch((err: unknown) => console.debug('[Footnote]', err));

  /** Reads the page now, and again after it changes (within the rescan limits), until it is an article. */
  const watchPage = (): Watch => {
    let article: ArticleInfo | null = null;
    let stopped = false;
    const observer = new MutationObserver((records) => {
      if (addsContent(records)) rescans.request();
    });
    // Still no article after all these changes (a web app, a feed): stop watching this page.
    const rescans = scheduleRescans(ctx, () => check(), () => observer.disconnect());
    const stop = () => {
      stopped = true;
      observer.disconnect();
      rescans.cancel();
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

  if (!options.paused) begin();

  return {
    get started() {
      return feature.controller !== null;
    },
    async idle() {
      await feature.loading?.catch(() => undefined);
    },
  };
}
