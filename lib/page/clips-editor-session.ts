/**
 * The clip editor's session: a passage the reader selected becomes a capture, a draft stored at
 * once (a tab closed mid-sentence still leaves it), the reader's note and tags stored as they type,
 * and the draft saved as a clip or discarded. One editor is open at a time.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Clip, ClipCapture, ClipDraft } from '../model/clip';
import { pageKey, parseTags } from '../model/clip';
import type { ProtocolMessenger, ResponseOf } from '../messages';
import type { ClipEditorProps, ClipEditorStatus } from '@/components/ClipEditor';
import { describeRange } from './anchor/describe';
import { readPageText } from './anchor/page-text';
import type { EditorHost } from './clips-editor';
import { readPageMeta } from './clips-meta';
import type { Track } from './clips-work';
import { isFootnoteUi } from './footnote-ui';
import { pageAddress } from './address';
import { t } from '../i18n';

export type CaptureResult = ResponseOf<'clips/capture'>;

export interface ClipSource {
  claimId: string;
  evidenceIds: string[];
  /** The claim's short name, shown in the editor. */
  claim?: string;
}

export interface ClipEditorSessionOptions {
  send: ProtocolMessenger['send'];
  editor: EditorHost;
  track: Track;
  /** Milliseconds between the reader's last keystroke and the draft being stored. */
  draftDelayMs: number;
  /** A draft the reader saved as a clip. */
  onSaved(clip: Clip): void;
}

export interface ClipEditorSession {
  /** Clips the reader's current selection: stores a draft and opens the editor. */
  captureSelection(): Promise<CaptureResult>;
  /** Clips a given passage (a flagged claim's pieces, from its card). */
  captureRange(range: Range, source?: ClipSource): Promise<CaptureResult>;
}

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

export function startClipEditorSession(ctx: ContentScriptContext, options: ClipEditorSessionOptions): ClipEditorSession {
  const { send, editor, track } = options;
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
    await send('clips/draftUpdate', { id: e.draft.id, note: e.note, tags: parseTags(e.tags) });
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
    }, options.draftDelayMs);
  };

  const save = async (e: Editing) => {
    if (!e.draft) return;
    if (e.timer !== null) clearTimeout(e.timer);
    e.timer = null;
    e.status = { kind: 'saving' };
    repaint(e);
    try {
      const clip = await send('clips/draftSave', { id: e.draft.id, note: e.note, tags: parseTags(e.tags) });
      if (editing === e) {
        editing = null;
        editor.hide();
      }
      options.onSaved(clip);
    } catch (err) {
      e.status = { kind: 'error', message: t('clipsSaveFailed', err instanceof Error ? err.message : String(err)) };
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
    if (e.draft) await send('clips/draftDiscard', { id: e.draft.id });
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
      e.draft = await send('clips/draftStart', capture);
      e.status = { kind: 'editing', draftKept: true };
      repaint(e);
      // Anything typed while the draft was being made is stored now.
      if (e.note || e.tags) await flushDraft(e);
      return { started: true, reason: null };
    } catch (err) {
      e.status = { kind: 'error', message: t('clipsDraftFailed', err instanceof Error ? err.message : String(err)) };
      repaint(e);
      return { started: false, reason: e.status.message };
    }
  };

  const captureRange = async (range: Range, source?: ClipSource): Promise<CaptureResult> => {
    if (isFootnoteUi(range.commonAncestorContainer)) return { started: false, reason: t('clipsSelectOnPage') };
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
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { started: false, reason: t('clipsSelectFirst') };
    return captureRange(selection.getRangeAt(0));
  };

  // The reader leaves with the editor open: what was typed goes to the store now.
  ctx.addEventListener(window, 'pagehide', () => {
    if (editing) void flushDraft(editing);
  });

  return { captureSelection, captureRange };
}
