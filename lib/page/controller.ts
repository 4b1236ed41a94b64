/**
 * The content side of highlighting: scan results become marks, a mark opens the card, the card's
 * actions go to the background, and the page's later changes are scanned as they come.
 *
 * One `startHighlighting(ctx, …)` per content script. While Footnote is active on a page there is
 * a session (one per URL: single-page apps get a new one on navigation); pausing ends the session,
 * which takes every mark, the mark style and the card out of the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { claimFigures } from '../claims/claim-figures';
import { formatMonth } from '../claims/claim-time';
import type { Series } from '../model/series';
import type { ArticleInfo, ClaimMatch } from '../model/scan';
import type { Evidence } from '../model/records';
import type { ProtocolMessenger, ResponseOf } from '../messages';
import type { CardProps } from '@/components/Card';
import { groupFigures, type CardArticle, type CardFigure, type CardSeries, type CardSpeaksOf } from '@/components/CardFigures';
import { cardActions } from './card-actions';
import { tabLeavesAtEnd } from './card-focus';
import { focusMark, stepMark } from './mark-steps';
import { NOTICE_HOST_TAG } from './page-notice-tag';
import { cardScriptNotice, lazyNotice } from './reader-notice';
import type { NoticeHost } from './page-notice';
import { cardScript, lazyCardHost, type CardHost } from './card-loader';
import { MarkSet, fallbackShort, flaggedMatches, markClaims, markKey, setActive, setExpanded, type Mark } from './highlight';
import { ensureMarkStyle, MARK_STYLE_ATTR } from './mark-style';
import { createFrameQueue, watchContent, type RequestFrame } from './observe';
import { pageSessions } from './page-session';
import { scheduleRescans } from './rescan';
import type { TextMap } from './text-map';
import { pageAddress } from './address';
import { fromPageScript } from './reader-input';
import { pageKey } from '../model/page-key';

/** What the engine found in the whole page. `claims` offsets index `map.text`. */
export interface PageScan {
  article: ArticleInfo;
  map: TextMap;
  claims: ClaimMatch[];
}

export interface PageScanner {
  /**
   * Reads the whole page: whether it is an article on the topic, and the claims it makes. A long
   * page is read in slices: between them the scanner awaits `slice()`, which lets the page have
   * the frame once the controller's time budget for it is spent. A very long article's claims in
   * view and near it may be given to `early` before the rest is read (marked at once).
   */
  scanDocument(doc: Document, slice: () => Promise<void>, early?: (scan: PageScan) => void): PageScan | Promise<PageScan>;
  /**
   * Reads one part of the page added or changed after the first scan, in the context of the
   * article found then; null when that part is not article text (comments, related links…).
   * 'rescan' when only a whole-page scan can tell (the article itself was replaced). Without this
   * method, changes are read by scanning the whole page again (throttled).
   */
  scanFragment?(root: Element, article: ArticleInfo): { map: TextMap; claims: ClaimMatch[] } | null | 'rescan';
}

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

type ForClaim = ResponseOf<'evidence/forClaim'>;

/** Marks wrapped in one go (a frame may take several such chunks while its budget lasts). */
const SMALL_CHUNK = 10;
/**
 * On a very long article every frame that changes the page pays for laying out all of it (tens of
 * milliseconds whatever the change), so its marks go in fewer, larger chunks.
 */
const LARGE_PAGE_CHUNK = 40;
/** Time Footnote may take from one frame before giving the page its turn. */
const FRAME_BUDGET_MS = 8;
/** Above this many characters a changed block is scanned child block by child block, a frame at a time. */
const SPLIT_CHARS = 4000;
/** A block the page keeps rewriting is scanned at most this often in one session (no tug of war). */
const MAX_SCANS_PER_BLOCK = 3;
/**
 * A passage whose mark the page took out this often is not marked again in this session: a page
 * that re-renders its article from its own state (React-style) makes new blocks every time, so
 * counting scans per block cannot end that tug of war; counting per passage does.
 */
const MAX_MARKS_TAKEN_OUT = 3;
const RECORD_WAIT_MS = 1500;


/** The card's shadow host element (lib/page/card.ts names it so; kept here to spare the content script that module). */
const CARD_HOST_TAG = 'footnote-card';

/**
 * The card's view of a claim's evidence: the one ranking (lib/claims/evidence-order, the order
 * `npm run scan` lists) with later figures marked, the note where the store has no figure for the
 * article's nation, the article's date and nation as Footnote read them, and the period the claim
 * speaks of where its own words set it. With series, the point of the claim's time leads
 * (`series`, shown above the one-off figures); `shown` is every figure's id in the card's order.
 */
export function rankFigures(
  evidence: readonly Evidence[],
  match: ClaimMatch,
  article: ArticleInfo | null,
  series: readonly Series[] = [],
): { figures: CardFigure[]; series: CardSeries | null; shown: string[]; nationNote: string | null; article: CardArticle | null; speaksOf: CardSpeaksOf | null } {
  const all = claimFigures(evidence, series, match, article);
  const { order, series: choice } = all;
  const read: CardArticle | null =
    article && (article.published || article.nation)
      ? {
          date: article.published?.date ?? null,
          nation: article.nation?.nation ?? null,
          ...(article.published?.how.startsWith('url') ? { dateFromAddress: true } : {}),
        }
      : null;
  const points = all.figures.filter((f) => f.series !== undefined);
  const lead = choice.lead && points[0];
  return {
    figures: order.figures.map((f) => ({ evidence: f.evidence, afterArticle: f.afterArticle })),
    series:
      choice.lead && lead
        ? {
            series: choice.lead.series,
            lead: { evidence: lead.evidence, afterArticle: false },
            later: points[1] ? { evidence: points[1].evidence, afterArticle: true } : null,
            articleMonth: choice.articleMonth === null ? null : formatMonth(choice.articleMonth),
            leadPeriod: choice.lead.point.period,
          }
        : null,
    shown: all.figures.map((f) => f.evidence.id),
    nationNote: order.nationNote,
    article: read,
    speaksOf: order.speaksOf,
  };
}

/** Splits a big changed subtree into its blocks, so that each frame scans a bounded amount. */
export function splitForScan(root: Element, maxChars = SPLIT_CHARS): Element[] {
  if ((root.textContent?.length ?? 0) <= maxChars) return [root];
  const children = [...root.children];
  const hasOwnText = [...root.childNodes].some(
    (n) => (n.nodeType === 3 && /\S/.test((n as Text).data)) || (n.nodeType === 1 && !isBlockLike(n as Element) && /\S/.test(n.textContent ?? '')),
  );
  if (hasOwnText || children.length === 0) return [root];
  return children.flatMap((child) => splitForScan(child, maxChars));
}

function isBlockLike(el: Element): boolean {
  return /^(P|DIV|SECTION|ARTICLE|MAIN|ASIDE|HEADER|FOOTER|NAV|UL|OL|LI|DL|DT|DD|BLOCKQUOTE|FIGURE|FIGCAPTION|TABLE|TBODY|THEAD|TR|TD|TH|H[1-6]|PRE|FORM|FIELDSET|DETAILS|SUMMARY)$/.test(
    el.tagName.toUpperCase(),
  );
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
  const pageNotice = lazyNotice(options.loadNoticeHost ?? cardScriptNotice(ctx));
  ctx.onInvalidated(() => pageNotice.destroy());
  let initialScan = options.initialScan;
  const sessions = pageSessions(ctx, createSession);

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

  interface Session {
    marks: MarkSet;
    idle(): Promise<void>;
    jumpTo(claimId: string, text: string): Promise<boolean>;
    /** The next-claim and previous-claim keys: focus moves to that mark; false when there is none. */
    step(direction: 'next' | 'previous'): boolean;
    /** Reads the page's dismissals again and marks what is no longer dismissed (focusing `focusKey`'s mark). */
    refreshDismissals(focusKey: string | null): Promise<void>;
    end(): void;
  }

  function createSession(): Session {
    const doc = document;
    const url = pageKey(pageAddress(ctx).href);
    const abort = new AbortController();
    const signal = abort.signal;
    const forgetInvalidation = ctx.onInvalidated(() => abort.abort());
    const marks = new MarkSet();
    // The mark style goes into the page with the first mark: a page with nothing flagged is left as it is.
    let removeStyle: (() => void) | null = null;
    const queue = createFrameQueue({ requestFrame, signal, budgetMs: FRAME_BUDGET_MS });
    const records = new Map<string, Promise<ForClaim>>();
    const shorts = new Map<string, string>();
    const scansOf = new WeakMap<Element, { text: string; count: number }>();
    let dismissed = new Set<string>();
    const takenOut = new Map<string, number>();
    let article: ArticleInfo | null = null;
    let openMark: Mark | null = null;
    let busy = false;
    let notice: string | null = null;
    let reportQueued = false;
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

    const watcher = watchContent({
      root: doc.body ?? doc.documentElement,
      signal,
      isOwn,
      requestFrame,
      onRemoved: () => {
        const gone = watcher.quietly(() => marks.prune());
        for (const mark of gone) takenOut.set(mark.key, (takenOut.get(mark.key) ?? 0) + 1);
        if (gone.length > 0) {
          if (openMark && gone.includes(openMark)) closeCard(false);
          queueReport();
        }
      },
      onChange: (blocks) => {
        if (!article?.isArticle || !article.onTopic || !options.scanner.scanFragment) return scheduleFullRescan();
        for (const block of blocks) for (const part of splitForScan(block)) queue.push(() => scanFragment(part));
        queueReport();
      },
    });

    // ── Records (claim statement, short name, evidence) come from the store through the background ──

    const recordFor = (claimId: string): Promise<ForClaim> => {
      let found = records.get(claimId);
      if (!found) {
        found = messenger.send('evidence/forClaim', { claimId });
        records.set(claimId, found);
        found.then(
          (r) => r.claim && shorts.set(claimId, r.claim.short),
          () => records.delete(claimId), // asked again when a card opens
        );
      }
      return found;
    };

    /** Asks for the records of these claims, waiting a little so that marks get their proper names. */
    const prefetch = async (claims: readonly ClaimMatch[]) => {
      const ids = [...new Set(claims.filter((c) => c.highlight).map((c) => c.claimId))].filter((id) => !shorts.has(id));
      if (ids.length === 0) return;
      const wait = new Promise<void>((resolve) => ctx.setTimeout(resolve, RECORD_WAIT_MS));
      await Promise.race([Promise.allSettled(ids.map(recordFor)), wait]);
    };

    const shortOf = (match: ClaimMatch) => shorts.get(match.claimId) ?? fallbackShort(match.text);
    const skip = (_match: ClaimMatch, key: string) => dismissed.has(key) || (takenOut.get(key) ?? 0) >= MAX_MARKS_TAKEN_OUT;

    // ── Scanning and marking ──

    const markInChunks = (map: TextMap, claims: readonly ClaimMatch[]) => {
      const chosen = flaggedMatches(claims);
      const size = article?.textChars !== undefined ? LARGE_PAGE_CHUNK : SMALL_CHUNK;
      // Last chunk first: wrapping never moves the offsets of text before it.
      for (let end = chosen.length; end > 0; end -= size) {
        const chunk = chosen.slice(Math.max(0, end - size), end);
        queue.push(() =>
          watcher.quietly(() => {
            const added = markClaims(map, chunk, { shortOf, skip });
            if (added.length > 0) removeStyle ??= ensureMarkStyle(doc);
            marks.add(added);
          }),
        );
      }
      queueReport();
    };

    /** Resolves at once while this frame's budget lasts, else in the next frame. */
    let sliceStart = performance.now();
    const slice = (): Promise<void> => {
      if (performance.now() - sliceStart < FRAME_BUDGET_MS) return Promise.resolve();
      return new Promise((resolve) =>
        requestFrame(() => {
          sliceStart = performance.now();
          resolve();
        }),
      );
    };

    const fullScan = async (scan?: PageScan) => {
      sliceStart = performance.now();
      let early: Promise<void> | null = null;
      const markEarly = (part: PageScan) => {
        article = part.article;
        early = prefetch(part.claims).then(() => {
          if (!signal.aborted) markInChunks(part.map, part.claims);
        });
      };
      const result = scan ?? (await options.scanner.scanDocument(doc, slice, markEarly));
      if (signal.aborted) return;
      article = result.article;
      // The claims marked early are in the full result too; marking skips text already marked.
      if (early) await early;
      await prefetch(result.claims);
      if (signal.aborted) return;
      markInChunks(result.map, result.claims);
      if (!article.isArticle || !article.onTopic) queueReport();
    };

    // Still no article after all these changes (a web app, a feed): stop watching this page.
    const rescans = scheduleRescans(
      ctx,
      () => {
        if (!signal.aborted) track(fullScan());
      },
      () => {
        if (!article?.onTopic) watcher.stop();
      },
    );
    const scheduleFullRescan = () => rescans.request();

    const scanFragment = (root: Element) => {
      if (!root.isConnected || !article || isOwn(root)) return;
      const text = root.textContent ?? '';
      const seen = scansOf.get(root);
      // Never read the same content twice, and never fight a page that keeps rewriting a block.
      if (seen && (seen.text === text || seen.count >= MAX_SCANS_PER_BLOCK)) return;
      scansOf.set(root, { text, count: (seen?.count ?? 0) + 1 });
      const result = options.scanner.scanFragment!(root, article);
      if (result === 'rescan') return scheduleFullRescan();
      if (!result || result.claims.length === 0) return;
      const unknown = result.claims.some((c) => c.highlight && !shorts.has(c.claimId));
      if (unknown) {
        // Mark once the names are known (a frame or two later), then continue.
        track(
          prefetch(result.claims).then(() => {
            if (!signal.aborted) markInChunks(result.map, result.claims);
          }),
        );
      } else markInChunks(result.map, result.claims);
    };

    const report = () => {
      // One report once the marking in hand is done, not one a chunk.
      if (queue.size > 0) return queue.push(report);
      // In a task of its own: the frame that wrapped the last marks also pays for the page's layout.
      track(
        new Promise<void>((resolve) => ctx.setTimeout(resolve, 0)).then(() => {
          reportQueued = false;
          if (!article || signal.aborted) return;
          const claims = marks.all().map((m) => m.match).slice(0, 500);
          return messenger.send('page/report', { url: pageAddress(ctx).href, article, claims }).then(() => undefined);
        }),
      );
    };

    function queueReport() {
      if (reportQueued) return;
      reportQueued = true;
      queue.push(report);
    }

    // ── The card ──

    const propsFor = (mark: Mark, record: ForClaim | null, error: string | null): CardProps => ({
      quote: mark.match.text,
      stance: mark.match.stance,
      wording: mark.match.wording,
      ...(mark.match.cues ? { cues: mark.match.cues } : {}),
      statement: record?.claim?.statement ?? null,
      ...(() => {
        const ranked = rankFigures(record?.evidence ?? [], mark.match, article, record?.series ?? []);
        return {
          figures: groupFigures(ranked.figures),
          series: ranked.series,
          nationNote: ranked.nationNote,
          article: ranked.article,
          speaksOf: ranked.speaksOf,
        };
      })(),
      status: error ? { kind: 'error', message: error } : record ? { kind: 'ready' } : { kind: 'loading' },
      notice,
      busy,
      onClose: () => closeCard(true),
      onDismiss: () => void dismiss(mark),
      onPause: () => void actions.pause(location.hostname),
      onReport: (input) =>
        void actions.keepReport({ url: pageAddress(ctx).href, title: document.title }, mark.match, record?.claim?.statement ?? shortOf(mark.match), input),
      onCopy: (text, format, event) => actions.copy(text, format, event),
      ...(options.saveClip
        ? {
            onSaveClip: () => {
              const { shown } = rankFigures(record?.evidence ?? [], mark.match, article, record?.series ?? []);
              closeCard(false); // the clip editor takes focus
              options.saveClip!(mark, shown, shortOf(mark.match));
            },
          }
        : {}),
      onKeyDown: (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          closeCard(true);
        } else if (event.key === 'Tab' && !event.shiftKey && tabLeavesAtEnd(event.currentTarget, event.target)) {
          // Past the card's last control: back to the mark in the article, not out to the browser.
          event.preventDefault();
          closeCard(true);
        }
      },
    });

    let cardRecord: ForClaim | null = null;
    let cardError: string | null = null;
    const repaint = () => {
      if (openMark) card.update(propsFor(openMark, cardRecord, cardError));
    };

    const openCard = async (mark: Mark, focus: boolean) => {
      if (openMark && openMark !== mark) closeCard(false);
      openMark = mark;
      notice = null;
      setExpanded(mark, true);
      setActive(mark, true);
      cardRecord = null;
      cardError = null;
      const pending = recordFor(mark.match.claimId);
      const ready = await Promise.race([pending, Promise.resolve(null)]).catch(() => null);
      if (openMark !== mark) return;
      cardRecord = ready;
      try {
        await card.show(mark.pieces, propsFor(mark, cardRecord, null), { focus });
      } catch (err) {
        // The card script could not load (the extension was updated under the page): no card, no stuck state.
        if (openMark === mark) closeCard(false);
        console.debug('[Footnote]', err);
        return;
      }
      if (ready || openMark !== mark) return;
      try {
        const record = await pending;
        if (openMark !== mark) return;
        cardRecord = record;
      } catch (err) {
        if (openMark !== mark) return;
        cardError = err instanceof Error ? err.message : String(err);
      }
      repaint();
    };

    function closeCard(returnFocus: boolean) {
      const mark = openMark;
      openMark = null;
      card.hide();
      if (!mark) return;
      setExpanded(mark, false);
      setActive(mark, false);
      if (returnFocus && mark.pieces[0]?.isConnected) mark.pieces[0].focus();
    }

    const act = async (what: string, action: () => Promise<void>) => {
      if (busy) return;
      busy = true;
      notice = null;
      repaint();
      try {
        await action();
      } catch (err) {
        notice = `Could not ${what}: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        busy = false;
        repaint();
      }
    };

    const dismiss = (mark: Mark) =>
      act('remember this', async () => {
        await messenger.send('dismissals/add', { url, key: mark.key, sentence: mark.match.text.slice(0, 5000) });
        dismissed.add(mark.key);
        const following = marks.all().find((m) => m.key !== mark.key && m.pieces[0]!.compareDocumentPosition(mark.pieces[0]!) & 2);
        closeCard(false);
        watcher.quietly(() => {
          for (const m of marks.all()) if (m.key === mark.key) marks.remove(m);
        });
        // Keyboard users carry on from where the mark was.
        if (following) following.pieces[0]!.focus();
        queueReport();
        actions.dismissed(url, mark.key);
      });

    const actions = cardActions({
      messenger,
      notice: pageNotice,
      act,
      setCardNotice: (text) => {
        notice = text;
      },
      refreshDismissals: (key) => refreshDismissals(key),
      endSession: () => sessions.end(),
    });

    let refreshing: Promise<void> = Promise.resolve();
    const refreshDismissals = (focusKey: string | null): Promise<void> => {
      refreshing = refreshing.then(async () => {
        if (signal.aborted) return;
        dismissed = new Set((await messenger.send('dismissals/list', { url })).keys);
        if (signal.aborted) return;
        await fullScan();
        await queue.idle();
        const back = focusKey ? marks.all().find((m) => m.key === focusKey) : undefined;
        if (back) focusMark(back);
      });
      track(refreshing);
      return refreshing;
    };

    // ── Reader input: delegated from the document, removed with the session ──

    const on = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
      doc.addEventListener(type, handler as EventListener, { signal });

    on('click', (event) => {
      if (fromPageScript(event)) return;
      const mark = marks.find(event.target);
      if (mark) {
        // A mark inside a link opens the card rather than leaving the page.
        event.preventDefault();
        void openCard(mark, true);
      } else if (openMark && !card.contains(event)) closeCard(false);
    });
    on('keydown', (event) => {
      if (fromPageScript(event)) return;
      const mark = marks.find(event.target);
      if (!mark || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        void openCard(mark, true);
      } else if (event.key === 'Escape' && openMark) {
        closeCard(true);
      }
    });
    on('mouseover', (event) => {
      const mark = marks.find(event.target);
      if (mark && marks.find(event.relatedTarget) !== mark) setActive(mark, true);
    });
    on('mouseout', (event) => {
      const mark = marks.find(event.target);
      if (mark && marks.find(event.relatedTarget) !== mark && mark !== openMark) setActive(mark, false);
    });
    on('focusin', (event) => {
      const mark = marks.find(event.target);
      if (mark) setActive(mark, true);
      // Focus went elsewhere in the page: the card steps aside.
      if (openMark && mark !== openMark && !card.contains(event)) closeCard(false);
    });
    on('focusout', (event) => {
      const mark = marks.find(event.target);
      if (mark && mark !== openMark) setActive(mark, false);
    });

    // ── Start ──

    const first = initialScan;
    initialScan = undefined;
    track(
      (async () => {
        try {
          dismissed = new Set((await messenger.send('dismissals/list', { url })).keys);
        } catch (err) {
          // Without the store's answer every claim is marked; a dismissal is remembered next time.
          console.debug('[Footnote] dismissals', err);
        }
        if (!signal.aborted) await fullScan(first);
      })(),
    );

    return {
      marks,
      async idle() {
        while (started.size > 0) await Promise.all([...started]);
        await queue.idle();
      },
      step(direction) {
        const all = marks.all();
        const current = marks.find(document.activeElement) ?? openMark ?? null;
        const to = stepMark(all, current, direction);
        if (!to) return false;
        if (openMark) closeCard(false);
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
        await openCard(mark, true);
        return true;
      },
      end() {
        if (signal.aborted && marks.size === 0) return;
        const wasArticle = article;
        closeCard(false);
        abort.abort();
        forgetInvalidation();
        rescans.cancel();
        marks.clear();
        removeStyle?.();
        // The badge and the popup forget this page's claims.
        if (wasArticle && ctx.isValid) {
          messenger.send('page/report', { url: pageAddress(ctx).href, article: wasArticle, claims: [] }).catch(() => undefined);
        }
      },
    };
  }
}
