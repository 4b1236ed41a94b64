/**
 * One page's highlighting while Footnote runs on it: the page is read (scan-scheduler.ts), its
 * claims marked, the marks kept in step with the page (a mark the page took out is counted, and a
 * passage the page keeps taking out is left alone), the card opened on them (card-presenter.ts,
 * mark-input.ts), and the reader's "Not a claim here" remembered. Ending the session takes every
 * mark, the mark style and the card out of the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ClaimMatch } from '../model/scan';
import { pageKey } from '../model/page-key';
import type { ProtocolMessenger } from '../messages';
import { pageAddress } from './address';
import { cardActions } from './card-actions';
import type { CardHost } from './card-loader';
import { cardPresenter } from './card-presenter';
import { MarkSet, markClaims, markKey, type Mark } from './highlight';
import { focusMark, stepMark } from './mark-steps';
import { listenToMarks } from './mark-input';
import { ensureMarkStyle, MARK_STYLE_ATTR } from './mark-style';
import type { RequestFrame } from './observe';
import { NOTICE_HOST_TAG } from './page-notice-tag';
import { watchPage } from './page-watch';
import { recordCache } from './record-cache';
import type { ReaderNotice } from './reader-notice';
import { scanScheduler, type PageScan, type PageScanner } from './scan-scheduler';
import { t } from '../i18n';

/**
 * A passage whose mark the page took out this often is not marked again in this session: a page
 * that re-renders its article from its own state (React-style) makes new blocks every time, so
 * counting scans per block cannot end that tug of war; counting per passage does.
 */
const MAX_MARKS_TAKEN_OUT = 3;

/** The card's shadow host element (lib/page/card.ts names it so; kept here to spare the content script that module). */
const CARD_HOST_TAG = 'footnote-card';

export interface HighlightSession {
  marks: MarkSet;
  idle(): Promise<void>;
  jumpTo(claimId: string, text: string): Promise<boolean>;
  /** The next-claim and previous-claim keys: focus moves to that mark; false when there is none. */
  step(direction: 'next' | 'previous'): boolean;
  /** Reads the page's dismissals again and marks what is no longer dismissed (focusing `focusKey`'s mark). */
  refreshDismissals(focusKey: string | null): Promise<void>;
  end(): void;
}

export interface SessionDeps {
  scanner: PageScanner;
  messenger: ProtocolMessenger;
  requestFrame: RequestFrame;
  card: CardHost;
  notice: ReaderNotice;
  /** The page's first scan, when the caller already made it. */
  initialScan?: PageScan;
  saveClip?(mark: Mark, evidenceIds: string[], claim: string): void;
  /** Ends this session from within (the reader paused Footnote on the site). */
  endSession(): void;
}

export function startHighlightSession(ctx: ContentScriptContext, deps: SessionDeps): HighlightSession {
  const { messenger, card } = deps;
  const doc = document;
  const url = pageKey(pageAddress(ctx).href);
  const abort = new AbortController();
  const signal = abort.signal;
  const forgetInvalidation = ctx.onInvalidated(() => abort.abort());
  const marks = new MarkSet();
  // The mark style goes into the page with the first mark: a page with nothing flagged is left as it is.
  let removeStyle: (() => void) | null = null;
  const records = recordCache(messenger, ctx);
  let dismissed = new Set<string>();
  const takenOut = new Map<string, number>();
  /** Work under way outside the frame queue (messages, scans waiting for records), for idle(). */
  const started = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    const tracked = work.catch((err: unknown) => console.debug('[Footnote]', err)).finally(() => started.delete(tracked));
    started.add(tracked);
  };

  const isOwn = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return false;
    return el.localName === CARD_HOST_TAG || el.closest(`${CARD_HOST_TAG}, ${NOTICE_HOST_TAG}`) !== null || el.matches(`style[${MARK_STYLE_ATTR}]`);
  };

  const watcher = watchPage({
    root: doc.body ?? doc.documentElement,
    signal,
    isOwn,
    requestFrame: deps.requestFrame,
    timers: ctx,
    onRemoved: () => {
      const gone = watcher.quietly(() => marks.prune());
      for (const mark of gone) takenOut.set(mark.key, (takenOut.get(mark.key) ?? 0) + 1);
      if (gone.length > 0) {
        if (presenter.open && gone.includes(presenter.open)) presenter.closeCard(false);
        scheduler.queueReport();
      }
    },
    onChange: (blocks) => scheduler.changed(blocks),
    rescan: () => track(scheduler.fullScan()),
    // Still no article after all these changes (a web app, a feed): stop watching this page.
    exhausted: () => {
      if (!scheduler.article?.onTopic) watcher.stop();
    },
  });

  const skip = (_match: ClaimMatch, key: string) => dismissed.has(key) || (takenOut.get(key) ?? 0) >= MAX_MARKS_TAKEN_OUT;

  const scheduler = scanScheduler({
    doc,
    scanner: deps.scanner,
    timers: ctx,
    requestFrame: deps.requestFrame,
    signal,
    records,
    isOwn,
    mark: (map, chunk) =>
      watcher.quietly(() => {
        const added = markClaims(map, chunk, { shortOf: records.shortOf, skip });
        if (added.length > 0) removeStyle ??= ensureMarkStyle(doc);
        marks.add(added);
      }),
    report: async (article) => {
      const claims = marks.all().map((m) => m.match).slice(0, 500);
      await messenger.send('page/report', { url: pageAddress(ctx).href, article, claims });
    },
    track,
    requestRescan: () => watcher.requestRescan(),
  });

  const presenter = cardPresenter({
    card,
    records,
    article: () => scheduler.article,
    dismiss: (mark) => void dismiss(mark),
    pause: () => void actions.pause(location.hostname),
    keepReport: (mark, claim, input) => void actions.keepReport({ url: pageAddress(ctx).href, title: document.title }, mark.match, claim, input),
    copy: (text, format, event) => actions.copy(text, format, event),
    ...(deps.saveClip ? { saveClip: deps.saveClip } : {}),
  });

  const dismiss = (mark: Mark) =>
    presenter.act((error) => t('cardCouldNotRemember', error), async () => {
      await messenger.send('dismissals/add', { url, key: mark.key, sentence: mark.match.text.slice(0, 5000) });
      dismissed.add(mark.key);
      const following = marks.all().find((m) => m.key !== mark.key && m.pieces[0]!.compareDocumentPosition(mark.pieces[0]!) & 2);
      presenter.closeCard(false);
      watcher.quietly(() => {
        for (const m of marks.all()) if (m.key === mark.key) marks.remove(m);
      });
      // Keyboard users carry on from where the mark was.
      if (following) following.pieces[0]!.focus();
      scheduler.queueReport();
      actions.dismissed(url, mark.key);
    });

  const actions = cardActions({
    messenger,
    notice: deps.notice,
    act: presenter.act,
    setCardNotice: presenter.setNotice,
    refreshDismissals: (key) => refreshDismissals(key),
    endSession: deps.endSession,
  });

  let refreshing: Promise<void> = Promise.resolve();
  const refreshDismissals = (focusKey: string | null): Promise<void> => {
    refreshing = refreshing.then(async () => {
      if (signal.aborted) return;
      dismissed = new Set((await messenger.send('dismissals/list', { url })).keys);
      if (signal.aborted) return;
      await scheduler.fullScan();
      await scheduler.idle();
      const back = focusKey ? marks.all().find((m) => m.key === focusKey) : undefined;
      if (back) focusMark(back);
    });
    track(refreshing);
    return refreshing;
  };

  listenToMarks(doc, signal, marks, card, presenter);

  const first = deps.initialScan;
  track(
    (async () => {
      try {
        dismissed = new Set((await messenger.send('dismissals/list', { url })).keys);
      } catch (err) {
        // Without the store's answer every claim is marked; a dismissal is remembered next time.
        console.debug('[Footnote] dismissals', err);
      }
      if (!signal.aborted) await scheduler.fullScan(first);
    })(),
  );

  return {
    marks,
    async idle() {
      while (started.size > 0) await Promise.all([...started]);
      await scheduler.idle();
    },
    step(direction) {
      const current = marks.find(document.activeElement) ?? presenter.open ?? null;
      const to = stepMark(marks.all(), current, direction);
      if (!to) return false;
      if (presenter.open) presenter.closeCard(false);
      focusMark(to);
      return true;
    },
    refreshDismissals,
    async jumpTo(claimId, text) {
      const key = markKey(claimId, text);
      const mark = marks.all().find((m) => m.key === key) ?? marks.all().find((m) => m.match.claimId === claimId);
      if (!mark) return false;
      const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      mark.pieces[0]!.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      await presenter.openCard(mark, true);
      return true;
    },
    end() {
      if (signal.aborted && marks.size === 0) return;
      const wasArticle = scheduler.article;
      presenter.closeCard(false);
      abort.abort();
      forgetInvalidation();
      marks.clear();
      removeStyle?.();
      // The badge and the popup forget this page's claims.
      if (wasArticle && ctx.isValid) {
        messenger.send('page/report', { url: pageAddress(ctx).href, article: wasArticle, claims: [] }).catch(() => undefined);
      }
    },
  };
}
