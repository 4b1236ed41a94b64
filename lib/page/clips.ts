/**
 * Clips on the page: saved clips found again and highlighted (`footnote-clip`), clips whose text
 * appears later found when it appears, clips that cannot be found reported as orphans, and the
 * editor that turns a selection into a clip. Everything this starts stops when the content
 * script's context is invalidated or Footnote is paused on the site; the page gets its DOM back.
 *
 * Part of the `clips-ui` script (with anchoring and the editor): the content script loads it only
 * on pages that have clips or when the reader clips (clips-boot.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Clip, ClipCapture, ClipDraft } from '../model/clip';
import { pageKey, parseTags } from '../model/clip';
import { listen, sendToBackground, type ProtocolMessenger, type ResponseOf } from '../messages';
import { clipsForPage, type clipsForPageOutline } from '../messages/clips';
import { checkReply, type ResponseOfDef } from '../messages/define';
import type { ClipEditorProps, ClipEditorStatus } from '@/components/ClipEditor';
import { anchor, type Anchored } from './anchor/anchor';
import { describeRange } from './anchor/describe';
import { readPageText, toSourceRange, type PageText } from './anchor/page-text';
import { createEditorHost, EDITOR_HOST_TAG, wxtEditorUi, type EditorHost } from './clips-editor';
import { readPageMeta } from './clips-meta';
import { createNoticeHost, NOTICE_HOST_TAG, wxtNoticeUi, type NoticeHost } from './page-notice';
import { CLIP_STYLE_ATTR, CLIP_TAG, ensureClipStyle } from './clips-style';
import { pageSessions } from './page-session';
import { watchContent, type RequestFrame } from './observe';
import { piecesOf } from './text-map';
import { unwrap, wrapPieces } from './wrap';
import { pageAddress } from './address';

/** `send` by default: to the background through the whole protocol (the content script's boot hands on only its listener). */
export type ClipsMessenger = Partial<Pick<ProtocolMessenger, 'send'>> & Pick<ProtocolMessenger, 'listen'>;

export interface ClipsOptions {
  /** Whether Footnote is paused on this site: no clip highlights then (clipping still works). */
  paused: boolean;
  messenger?: ClipsMessenger;
  /** The editor's host (default: WXT's shadow-root UI). */
  createEditor?: () => EditorHost;
  /** Where a capture that could not start says why (default: WXT's shadow-root UI). */
  createNotice?: () => NoticeHost;
  /**
   * The answer to 'clips/forPage' the boot script already has (its reveal is used up by asking),
   * checked there in outline only: its clips are checked here against the clip schema before use.
   */
  initial?: ResponseOfDef<typeof clipsForPageOutline>;
  requestFrame?: RequestFrame;
  /** Milliseconds between the reader's last keystroke and the draft being stored. */
  draftDelayMs?: number;
}

export type CaptureResult = ResponseOf<'clips/capture'>;

export interface ClipSource {
  claimId: string;
  evidenceIds: string[];
  /** The claim's short name, shown in the editor. */
  claim?: string;
}

export interface ClipsController {
  /** Clips the reader's current selection: stores a draft and opens the editor. */
  captureSelection(): Promise<CaptureResult>;
  /** Clips a given passage (a flagged claim's pieces, from its card). */
  captureRange(range: Range, source?: ClipSource): Promise<CaptureResult>;
  /** Resolves when anchoring, reporting and editor work under way is done (tests). */
  idle(): Promise<void>;
  /** Highlight elements by clip id. */
  highlights(): Map<string, HTMLElement[]>;
  /** Clips of this page not found (yet). */
  orphans(): string[];
  readonly editor: EditorHost;
  readonly notice: NoticeHost;
}

/** A clip whose highlight the page keeps taking out is put back at most this often (no tug of war). */
/**
 * The highlight's tooltip. The page can read every attribute, so the reader's note and tags stay
 * in Footnote (side panel) and never reach the page's DOM.
 */
export const CLIP_TITLE = 'Your clip (your note is in Footnote’s side panel)';

const MAX_REANCHORS = 5;
/** Clips not found yet are looked for again when the page changes, at most this often (the page keeps its frames). */
const RETRY_MS = 250;
const REVEAL_MS = 2500;

function isFootnoteUi(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!el?.closest(`${EDITOR_HOST_TAG}, ${NOTICE_HOST_TAG}, footnote-card`);
}

export function startClips(ctx: ContentScriptContext, options: ClipsOptions): ClipsController {
  const messenger = { send: options.messenger?.send ?? sendToBackground, listen: options.messenger?.listen ?? listen };
  const requestFrame: RequestFrame = options.requestFrame ?? ((cb) => void ctx.requestAnimationFrame(() => cb()));
  const editor = options.createEditor?.() ?? createEditorHost(wxtEditorUi(ctx));
  const notice = options.createNotice?.() ?? createNoticeHost(wxtNoticeUi(ctx), { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms), clearTimeout: (id) => clearTimeout(id) });
  let initial = options.initial;
  const draftDelay = options.draftDelayMs ?? 400;
  const work = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    const t = p.catch((err: unknown) => console.debug('[Footnote] clips', err)).finally(() => work.delete(t));
    work.add(t);
    return p;
  };
  const sessions = pageSessions(ctx, createSession);

  // ── The editor ──
  interface Editing {
    draft: ClipDraft | null;
    capture: ClipCapture;
    note: string;
    tags: string;
    claim?: string;
    status: ClipEditorStatus;
    timer: number | null;
    /** The text last sent to the store, to skip needless writes. */
    stored: string;
  }
  let editing: Editing | null = null;

  const props = (e: Editing): ClipEditorProps => ({
    quote: e.capture.quote,
    note: e.note,
    tags: e.tags,
    claim: e.claim ?? null,
    status: e.status,
    onNote: (value) => edit(e, { note: value }),
    onTags: (value) => edit(e, { tags: value }),
    onSave: () => void track(save(e)),
    onDiscard: () => void track(discard(e)),
    onClose: () => close(e),
  });
  const repaint = (e: Editing) => {
    if (editing === e) editor.update(props(e));
  };

  const flushDraft = async (e: Editing) => {
    if (e.timer !== null) {
      clearTimeout(e.timer);
      e.timer = null;
    }
    const key = `${e.note}\u0000${e.tags}`;
    if (!e.draft || key === e.stored) return;
    await messenger.send('clips/draftUpdate', { id: e.draft.id, note: e.note, tags: parseTags(e.tags) });
    e.stored = key;
  };

  const edit = (e: Editing, change: { note?: string; tags?: string }) => {
    if (change.note !== undefined) e.note = change.note;
    if (change.tags !== undefined) e.tags = change.tags;
    if (e.status.kind === 'error') e.status = { kind: 'editing', draftKept: e.draft !== null };
    repaint(e);
    if (e.timer !== null) clearTimeout(e.timer);
    e.timer = ctx.setTimeout(() => {
      e.timer = null;
      void track(flushDraft(e));
    }, draftDelay);
  };

  const save = async (e: Editing) => {
    if (!e.draft) return;
    if (e.timer !== null) clearTimeout(e.timer);
    e.timer = null;
    e.status = { kind: 'saving' };
    repaint(e);
    try {
      const clip = await messenger.send('clips/draftSave', { id: e.draft.id, note: e.note, tags: parseTags(e.tags) });
      if (editing === e) {
        editing = null;
        editor.hide();
      }
      sessions.current?.add(clip);
    } catch (err) {
      e.status = { kind: 'error', message: `Could not save the clip: ${err instanceof Error ? err.message : String(err)}. What you typed is kept as a draft.` };
      repaint(e);
      await flushDraft(e).catch(() => undefined);
    }
  };

  const discard = async (e: Editing) => {
    if (e.timer !== null) clearTimeout(e.timer);
    e.timer = null;
    if (editing === e) {
      editing = null;
      editor.hide();
    }
    if (e.draft) await messenger.send('clips/draftDiscard', { id: e.draft.id });
  };

  const close = (e: Editing) => {
    if (editing === e) {
      editing = null;
      editor.hide();
    }
    void track(flushDraft(e));
  };

  const openEditor = async (capture: ClipCapture, source?: ClipSource): Promise<CaptureResult> => {
    if (editing) close(editing);
    const e: Editing = { draft: null, capture, note: '', tags: '', claim: source?.claim, status: { kind: 'starting' }, timer: null, stored: '\u0000' };
    editing = e;
    await editor.show(props(e));
    try {
      // Stored before the reader types: a tab closed mid-sentence still leaves the draft.
      e.draft = await messenger.send('clips/draftStart', capture);
      e.status = { kind: 'editing', draftKept: true };
      repaint(e);
      // Anything typed while the draft was being made is stored now.
      if (e.note || e.tags) await flushDraft(e);
      return { started: true, reason: null };
    } catch (err) {
      e.status = { kind: 'error', message: `Footnote could not keep a draft: ${err instanceof Error ? err.message : String(err)}` };
      repaint(e);
      return { started: false, reason: e.status.message };
    }
  };

  const captureRange = async (range: Range, source?: ClipSource): Promise<CaptureResult> => {
    if (isFootnoteUi(range.commonAncestorContainer)) return { started: false, reason: 'Select text on the page, not in Footnote.' };
    const doc = range.commonAncestorContainer.ownerDocument ?? document;
    const root = doc.body ?? doc.documentElement;
    const described = describeRange(readPageText(root), range);
    if (!described.ok) return { started: false, reason: described.reason };
    const address = pageAddress(ctx).href;
    const meta = readPageMeta(doc, address);
    const capture: ClipCapture = {
      url: pageKey(address),
      title: meta.title,
      ...(meta.publisher ? { publisher: meta.publisher } : {}),
      ...(meta.published ? { published: meta.published } : {}),
      quote: described.value.quote,
      anchor: described.value.selectors,
      ...(source ? { claimId: source.claimId, evidenceIds: source.evidenceIds.slice(0, 50) } : {}),
    };
    return track(openEditor(capture, source));
  };

  const captureSelection = async (): Promise<CaptureResult> => {
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { started: false, reason: 'Select some text on the page first.' };
    return captureRange(selection.getRangeAt(0));
  };

  // ── Sessions: highlights while Footnote is active on this page ──

  interface Session {
    add(clip: Clip): void;
    sync(): Promise<void>;
    reveal(id: string): boolean;
    highlights: Map<string, HTMLElement[]>;
    pending: Set<string>;
    end(): void;
  }

  function createSession(): Session {
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
          el.setAttribute('title', CLIP_TITLE);
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
      if (wantReveal && highlights.has(wantReveal)) {
        const id = wantReveal;
        wantReveal = null;
        reveal(id);
      }
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
      void track(messenger.send('clips/anchored', { url, found, orphans }));
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
      const given = initial;
      initial = undefined;
      const { clips: list, reveal: revealId } = given
        ? checkReply(clipsForPage, given)
        : await messenger.send('clips/forPage', { url, title: document.title.slice(0, 2000) });
      if (signal.aborted) return;
      set(list);
      if (revealId) wantReveal = revealId;
      if (pending.size > 0) anchorPending(); // at once: the page has loaded
      else report();
      if (wantReveal && highlights.has(wantReveal)) {
        const id = wantReveal;
        wantReveal = null;
        reveal(id);
      }
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

  const stopListening = messenger.listen({
    // The shortcut and the context menu give no feedback of their own: say on the page why nothing opened.
    'clips/capture': async () => {
      const result = await captureSelection();
      if (!result.started) void track(notice.show(result.reason ?? 'Footnote could not open the clip editor.'));
      return result;
    },
    'clips/changed': async ({ urls }) => {
      const session = sessions.current;
      if (session && (urls === null || urls.some((u) => pageKey(u) === pageKey(pageAddress(ctx).href)))) await track(session.sync());
      return {};
    },
    'clips/reveal': ({ id }) => ({ found: sessions.current?.reveal(id) ?? false }),
    'site/changed': sessions.siteChanged,
  });

  // The reader leaves with the editor open: what was typed goes to the store now.
  ctx.addEventListener(window, 'pagehide', () => {
    if (editing) void flushDraft(editing);
  });
  ctx.onInvalidated(() => {
    stopListening();
    editor.destroy();
    notice.destroy();
    sessions.end();
  });
  if (!options.paused) sessions.begin();

  return {
    captureSelection,
    captureRange,
    async idle() {
      for (let i = 0; i < 10 && work.size > 0; i++) await Promise.allSettled([...work]);
    },
    highlights: () => new Map(sessions.current?.highlights ?? []),
    orphans: () => [...(sessions.current?.pending ?? [])],
    editor,
    notice,
  };
}
