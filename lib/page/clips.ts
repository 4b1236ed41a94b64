/**
 * Clips on the page: the anchoring session (saved clips found again and highlighted, orphans
 * reported) while Footnote runs on the site, and the editor session that turns a selection into a
 * clip, wired to the messages the background sends. Everything this starts stops when the content
 * script's context is invalidated; pausing Footnote on the site ends the highlights (clipping
 * still works) and the page gets its DOM back.
 *
 * The `clips-ui` script: the content script loads it only on pages that have clips or when the
 * reader clips (clips-boot.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageKey } from '../model/clip';
import { listen, sendToBackground, type ProtocolMessenger } from '../messages';
import type { clipsForPageOutline } from '../messages/clips';
import type { ResponseOfDef } from '../messages/define';
import { startAnchoring } from './clips-anchoring';
import { createEditorHost, wxtEditorUi, type EditorHost } from './clips-editor';
import { startClipEditorSession, type ClipEditorSession } from './clips-editor-session';
import { clipsWork } from './clips-work';
import { createNoticeHost, wxtNoticeUi, type NoticeHost } from './page-notice';
import { pageSessions } from './page-session';
import type { RequestFrame } from './observe';
import { pageAddress } from './address';
import { t } from '../i18n';

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

export interface ClipsController extends ClipEditorSession {
  /** Resolves when anchoring, reporting and editor work under way is done (tests). */
  idle(): Promise<void>;
  /** Highlight elements by clip id. */
  highlights(): Map<string, HTMLElement[]>;
  /** Clips of this page not found (yet). */
  orphans(): string[];
  readonly editor: EditorHost;
  readonly notice: NoticeHost;
}

export function startClips(ctx: ContentScriptContext, options: ClipsOptions): ClipsController {
  const send = options.messenger?.send ?? sendToBackground;
  const requestFrame: RequestFrame = options.requestFrame ?? ((cb) => void ctx.requestAnimationFrame(() => cb()));
  const editor = options.createEditor?.() ?? createEditorHost(wxtEditorUi(ctx));
  const notice = options.createNotice?.() ?? createNoticeHost(wxtNoticeUi(ctx), { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms), clearTimeout: (id) => clearTimeout(id) });
  let initial = options.initial;
  const { track, idle } = clipsWork();

  const sessions = pageSessions(ctx, () =>
    startAnchoring(ctx, {
      send,
      track,
      requestFrame,
      takeInitial: () => {
        const given = initial;
        initial = undefined;
        return given;
      },
    }),
  );
  const editing = startClipEditorSession(ctx, {
    send,
    editor,
    track,
    draftDelayMs: options.draftDelayMs ?? 400,
    onSaved: (clip) => sessions.current?.add(clip),
  });

  const stopListening = (options.messenger?.listen ?? listen)({
    // The shortcut and the context menu give no feedback of their own: say on the page why nothing opened.
    'clips/capture': async () => {
      const result = await editing.captureSelection();
      if (!result.started) void track(notice.show(result.reason ?? t('clipsEditorNotOpened')));
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

  ctx.onInvalidated(() => {
    stopListening();
    editor.destroy();
    notice.destroy();
    sessions.end();
  });
  if (!options.paused) sessions.begin();

  return {
    captureSelection: editing.captureSelection,
    captureRange: editing.captureRange,
    idle,
    highlights: () => new Map(sessions.current?.highlights ?? []),
    orphans: () => [...(sessions.current?.pending ?? [])],
    editor,
    notice,
  };
}
