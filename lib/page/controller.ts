/**
 * The content side of highlighting: scan results become marks, a mark opens the card, the card's
 * actions go to the background, and the page's later changes are scanned as they come.
 *
 * One `startHighlighting(ctx, …)` per content script. While Footnote is active on a page there is
 * a session (highlight-session.ts; one per URL: single-page apps get a new one on navigation);
 * pausing ends the session, which takes every mark, the mark style and the card out of the page.
 * This module owns what outlives a session: the card host, the page notice and the tab's messages.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ProtocolMessenger } from '../messages';
import { cardScript, lazyCardHost, type CardHost } from './card-loader';
import type { Mark } from './highlight';
import { startHighlightSession } from './highlight-session';
import type { RequestFrame } from './observe';
import type { NoticeHost } from './page-notice';
import { pageSessions } from './page-session';
import { cardScriptNotice, lazyNotice } from './reader-notice';
import type { PageScan, PageScanner } from './scan-scheduler';

export type { PageScan, PageScanner } from './scan-scheduler';

export type Messenger = ProtocolMessenger;

export interface HighlightOptions {
  scanner: PageScanner;
  /** Whether Footnote is paused on this site (the answer to 'page/hello'). */
  paused: boolean;
  /** The page's first scan, when the caller already made it (it is used once, for the first session). */
  initialScan?: PageScan;
  /**
   * To the background and from the tab: the highlight script's (lib/page/highlight-main.ts sends the
   * few messages it needs by definition, so that this module does not build the whole protocol).
   */
  messenger: Messenger;
  /** Makes the card host (default: loads the card-ui script and mounts in a WXT shadow root). */
  loadCardHost?: () => Promise<CardHost>;
  /** Makes the page notice for the card's actions (default: from the card-ui script). */
  loadNoticeHost?: () => Promise<NoticeHost>;
  requestFrame?: RequestFrame;
  /**
   * The card's "Save clip" hands the claim's passage on (with the figures the card
   * shows and the claim's short name); without it the card has no such button.
   */
  saveClip?(mark: Mark, evidenceIds: string[], claim: string): void;
}

export interface HighlightController {
  /** Resolves when the work started so far (scans, marks, reports) is done: for tests and benchmarks. */
  idle(): Promise<void>;
  /** The marks on the page, in reading order. */
  marks(): Mark[];
  readonly paused: boolean;
  readonly card: CardHost;
}

export function startHighlighting(ctx: ContentScriptContext, options: HighlightOptions): HighlightController {
  const messenger = options.messenger;
  const requestFrame: RequestFrame = options.requestFrame ?? ((cb) => void ctx.requestAnimationFrame(() => cb()));
  const card = lazyCardHost(
    options.loadCardHost ??
      (async () => {
        const module = await cardScript.load();
        return module.createCardHost(module.wxtCardUi(ctx));
      }),
  );
  ctx.onInvalidated(() => card.destroy());
  const notice = lazyNotice(options.loadNoticeHost ?? cardScriptNotice(ctx));
  ctx.onInvalidated(() => notice.destroy());
  let initialScan = options.initialScan;
  const sessions = pageSessions(ctx, () => {
    const first = initialScan;
    initialScan = undefined;
    return startHighlightSession(ctx, {
      scanner: options.scanner,
      messenger,
      requestFrame,
      card,
      notice,
      ...(first ? { initialScan: first } : {}),
      ...(options.saveClip ? { saveClip: options.saveClip } : {}),
      endSession: () => sessions.end(),
    });
  });

  const stopListening = messenger.listen({
    'site/changed': sessions.siteChanged,
    'page/jumpTo': async ({ claimId, text }) => ({ found: (await sessions.current?.jumpTo(claimId, text)) ?? false }),
    'page/step': ({ direction }) => ({ found: sessions.current?.step(direction) ?? false }),
    // Answered at once: marking waits for frames, which a tab in the background may not get for long.
    'dismissals/changed': () => {
      void sessions.current?.refreshDismissals(null);
      return {};
    },
  });
  ctx.onInvalidated(() => {
    stopListening();
    // The extension went away (disabled, updated): the page gets its own DOM back.
    sessions.end();
  });
  if (!options.paused) sessions.begin();

  return {
    idle: async () => {
      // A session may start another round of work when the last one ends (a report, a rescan).
      for (let i = 0; i < 5 && sessions.current; i++) await sessions.current.idle();
    },
    marks: () => sessions.current?.marks.all() ?? [],
    get paused() {
      return sessions.current === null;
    },
    card,
  };
}
