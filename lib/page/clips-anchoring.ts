/**
 * The anchoring session of one page: its saved clips found again and highlighted
 * (`footnote-clip`), clips whose text appears later found when it appears, highlights the page
 * takes out put back, and what could not be found reported as orphans. Ending the session gives
 * the page its DOM back.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Clip } from '../model/clip';
import { pageKey } from '../model/clip';
import type { ProtocolMessenger } from '../messages';
import { clipsForPage, type clipsForPageOutline } from '../messages/clips';
import { checkReply, type ResponseOfDef } from '../messages/define';
import { anchor, type Anchored } from './anchor/anchor';
import { readPageText, toSourceRange, type PageText } from './anchor/page-text';
import { CLIP_STYLE_ATTR, CLIP_TAG, ensureClipStyle } from './clips-style';
import type { Track } from './clips-work';
import { isFootnoteUi } from './footnote-ui';
import { watchContent, type RequestFrame } from './observe';
import { piecesOf } from './text-map';
import { unwrap, wrapPieces } from './wrap';
import { pageAddress } from './address';
import { t } from '../i18n';

/**
 * The highlight's tooltip. The page can read every attribute, so the reader's note and tags stay
 * in Footnote (side panel) and never reach the page's DOM.
 */
export const clipTitle = (): string => t('clipsHighlightTitle');

/** A clip whose highlight the page keeps taking out is put back at most this often (no tug of war). */
const MAX_REANCHORS = 5;
/** Clips not found yet are looked for again when the page changes, at most this often (the page keeps its frames). */
const RETRY_MS = 250;
const REVEAL_MS = 2500;

export interface AnchoringOptions {
  send: ProtocolMessenger['send'];
  track: Track;
  requestFrame: RequestFrame;
  /** The answer to 'clips/forPage' already at hand, if any (handed out once: its reveal is used up). */
  takeInitial(): ResponseOfDef<typeof clipsForPageOutline> | undefined;
}

export interface AnchoringSession {
  /** A clip just saved on this page: highlighted at once. */
  add(clip: Clip): void;
  /** Asks the store for this page's clips again and anchors what changed. */
  sync(): Promise<void>;
  /** Scrolls to a clip's highlight; a clip not found yet is revealed once it is. */
  reveal(id: string): boolean;
  highlights: Map<string, HTMLElement[]>;
  /** Clips of this page not found (yet). */
  pending: Set<string>;
  end(): void;
}

export function startAnchoring(ctx: ContentScriptContext, options: AnchoringOptions): AnchoringSession {
  const { send, track, requestFrame } = options;
  const doc = document;
  const root = doc.body ?? doc.documentElement;
  const url = pageKey(pageAddress(ctx).href);
  const abort = new AbortController();
  const signal = abort.signal;
  const forget = ctx.onInvalidated(() => abort.abort());
  const clips = new Map<string, Clip>();
  const highlights = new Map<string, HTMLElement[]>();
  const pending = new Set<string>();
  const reanchors = new Map<string, number>();
  let removeStyle: (() => void) | null = null;
  let scheduled = false;
  let wantReveal: string | null = null;
  let lastReport = '';

  const isOwn = (node: Node): boolean => {
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.localName === CLIP_TAG || el.matches(`style[${CLIP_STYLE_ATTR}]`)) return true;
    }
    return isFootnoteUi(node);
  };

  const watcher = watchContent({
    root,
    signal,
    isOwn,
    requestFrame,
    onRemoved: () => checkLost(),
    onChange: () => schedule(),
  });

  const unhighlight = (id: string) => {
    const els = highlights.get(id);
    if (!els) return;
    highlights.delete(id);
    watcher.quietly(() => {
      for (const el of els) unwrap(el);
    });
    if (highlights.size === 0) {
      removeStyle?.();
      removeStyle = null;
    }
  };

  const wrap = (pt: PageText, clip: Clip, a: Anchored) => {
    const [s, e] = toSourceRange(pt, a.start, a.end);
    const pieces = piecesOf(pt.map, s, e);
    if (pieces.length === 0) return false;
    watcher.quietly(() => {
      removeStyle ??= ensureClipStyle(doc);
      const els = wrapPieces(pieces, () => {
        const el = doc.createElement(CLIP_TAG);
        el.setAttribute('data-clip', clip.id);
        el.setAttribute('title', clipTitle());
        return el;
      });
      highlights.set(clip.id, els);
    });
    return true;
  };

  /** Finds pending clips in the page as it is now and highlights them. */
  const anchorPending = () => {
    scheduled = false;
    if (signal.aborted || pending.size === 0) return report();
    let pt = readPageText(root);
    const found: { clip: Clip; a: Anchored }[] = [];
    for (const id of pending) {
      const clip = clips.get(id);
      if (!clip) {
        pending.delete(id);
        continue;
      }
      const a = anchor(pt, clip.anchor);
      if (a) found.push({ clip, a });
    }
    // Last first: wrapping splits text nodes after the start only, so earlier offsets stay valid.
    found.sort((x, y) => y.a.start - x.a.start);
    let lowest = Infinity;
    for (const f of found) {
      let a: Anchored | null = f.a;
      if (a.end > lowest) {
        // Overlaps a passage just wrapped: read the page again for this one.
        pt = readPageText(root);
        a = anchor(pt, f.clip.anchor);
        if (!a) continue;
      }
      if (wrap(pt, f.clip, a)) {
        pending.delete(f.clip.id);
        lowest = Math.min(lowest, a.start);
      }
    }
    revealWanted();
    report();
  };

  let lastRound = -Infinity;
  /** Looks for pending clips in the next frame, but not more often than every RETRY_MS. */
  function schedule() {
    if (scheduled || signal.aborted || pending.size === 0) return;
    scheduled = true;
    const wait = lastRound + RETRY_MS - performance.now();
    const run = () =>
      requestFrame(() => {
        lastRound = performance.now();
        anchorPending();
      });
    if (wait > 0) ctx.setTimeout(run, wait);
    else run();
  }

  /** Highlights the page took out (a re-render) are put back, a few times at most. */
  function checkLost() {
    for (const [id, els] of highlights) {
      if (els.every((el) => el.isConnected)) continue;
      unhighlight(id);
      const n = (reanchors.get(id) ?? 0) + 1;
      reanchors.set(id, n);
      if (n <= MAX_REANCHORS) pending.add(id);
    }
    schedule();
    report();
  }

  function report() {
    if (signal.aborted) return;
    const found = [...highlights.keys()].sort();
    const orphans = [...pending].sort();
    const key = `${found.join(',')}|${orphans.join(',')}`;
    if (key === lastReport) return;
    lastReport = key;
    void track(send('clips/anchored', { url, found, orphans }));
  }

  function reveal(id: string): boolean {
    const els = highlights.get(id);
    if (!els?.[0]) {
      if (clips.has(id)) wantReveal = id;
      return false;
    }
    // Smooth only where it shows: not for readers who ask for reduced motion, not in a hidden tab.
    const smooth = !document.hidden && !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    els[0].scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    watcher.quietly(() => els.forEach((el) => el.setAttribute('data-revealed', '')));
    ctx.setTimeout(() => watcher.quietly(() => els.forEach((el) => el.removeAttribute('data-revealed'))), REVEAL_MS);
    return true;
  }

  /** The clip the reader asked to see, once it is highlighted. */
  function revealWanted() {
    if (wantReveal && highlights.has(wantReveal)) {
      const id = wantReveal;
      wantReveal = null;
      reveal(id);
    }
  }

  const set = (list: readonly Clip[]) => {
    const next = new Map(list.filter((c) => pageKey(c.url) === url).map((c) => [c.id, c]));
    for (const id of [...clips.keys()]) {
      if (next.has(id)) continue;
      clips.delete(id);
      pending.delete(id);
      unhighlight(id);
    }
    for (const [id, clip] of next) {
      const known = clips.has(id);
      clips.set(id, clip);
      if (!known && !highlights.has(id)) pending.add(id);
    }
  };

  const sync = async () => {
    const given = options.takeInitial();
    const { clips: list, reveal: revealId } = given
      ? checkReply(clipsForPage, given)
      : await send('clips/forPage', { url, title: document.title.slice(0, 2000) });
    if (signal.aborted) return;
    set(list);
    if (revealId) wantReveal = revealId;
    if (pending.size > 0) anchorPending(); // at once: the page has loaded
    else report();
    revealWanted();
  };

  void track(sync());

  return {
    add(clip) {
      if (signal.aborted || pageKey(clip.url) !== url) return;
      set([...clips.values(), clip]);
      anchorPending();
    },
    sync,
    reveal,
    highlights,
    pending,
    end() {
      abort.abort();
      forget();
      watcher.stop();
      for (const id of [...highlights.keys()]) unhighlight(id);
      removeStyle?.();
    },
  };
}
