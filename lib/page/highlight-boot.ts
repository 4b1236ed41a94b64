/**
 * What every page carries for highlighting: article detection and the tab's highlight messages.
 * Most pages are no article and stop here: Footnote tells the background what the page is, and
 * the feature lifecycle (feature.ts) watches it a while in case it becomes one (a single-page app
 * rendering its article). The claim engine, extraction, highlighting and the controller are the
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

export function startHighlightBoot(ctx: ContentScriptContext, options: HighlightBootOptions): HighlightBoot {
  const send = options.send ?? sendMessage;
  /** What the page was when last read, while it is no article. */
  let last: ArticleInfo | null = null;

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
    // On an article the highlight script loads and its controller takes over.
    watch: {
      check() {
        const found = detectPage(document);
        if (found.isArticle) return true;
        last = found;
        void report(found);
        return false;
      },
      paused() {
        // The badge and the popup forget this page.
        if (last && ctx.isValid) void report(last);
      },
    },
    ...(options.listen ? { listen: options.listen } : {}),
  });

  return {
    get started() {
      return feature.controller !== null;
    },
    async idle() {
      await feature.loading?.catch(() => undefined);
    },
  };
}
