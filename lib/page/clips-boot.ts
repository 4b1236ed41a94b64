/**
 * What every page carries for clips: one question to the background ("any clips for this
 * page?") and a listener. The clip machinery (anchoring, highlights, the editor) is the `clips-ui`
 * script, loaded only when the page has clips or the reader clips, so that the many pages with
 * neither pay almost nothing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageKey } from '../model/page-key';
import type { Handlers, MessageType, RequestOf, ResponseOf } from '../messages';
import { clipsCapture, clipsChanged, clipsForPageOutline, clipsReveal } from '../messages/clips-page';
import type { ResponseOfDef } from '../messages/define';
import { siteChanged } from '../messages/page';
import { listenFor, sendMessage } from '../messages/messenger';
import type { CaptureResult, ClipsController, ClipSource } from './clips';
import { loadClipsModule, type ClipsModule } from './clips-loader';
import { pageAddress } from './address';

export interface ClipsBootOptions {
  paused: boolean;
  /** Default: the boot sends only 'clips/forPage' (with that message's schemas), and the clip machinery sends the rest itself. */
  send?: <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;
  listen?: (handlers: Handlers) => () => void;
  load?: () => Promise<ClipsModule>;
}

export interface ClipsBoot {
  /** Clips a passage (from a flagged claim's card): loads the clip machinery first if needed. */
  captureRange(range: Range, source?: ClipSource): Promise<CaptureResult>;
  /** Clips the text of these elements, first to last (a flagged claim's mark pieces). */
  captureElements(elements: readonly Element[], source?: ClipSource): Promise<CaptureResult>;
  /** The controller once loaded (tests). */
  readonly controller: ClipsController | null;
}

/** The messages the boot answers, with the schemas it carries (their request schemas only). */
const ANSWERS = [clipsCapture, clipsChanged, clipsReveal, siteChanged] as const;
type Answered = (typeof ANSWERS)[number]['type'];

export function startClipsBoot(ctx: ContentScriptContext, options: ClipsBootOptions): ClipsBoot {
  // 'clips/forPage' without the clip schema: the clip machinery checks the clips before it uses any (lib/page/clips.ts).
  const askForPage = (payload: RequestOf<'clips/forPage'>): Promise<ResponseOfDef<typeof clipsForPageOutline>> =>
    options.send ? options.send('clips/forPage', payload) : sendMessage(clipsForPageOutline, payload);
  const load = options.load ?? loadClipsModule;
  let paused = options.paused;
  let controller: ClipsController | null = null;
  let loading: Promise<ClipsController> | null = null;
  /** The loaded controller's handlers: the boot listener hands messages on to them. */
  let delegate: Handlers | null = null;

  const start = (initial?: ResponseOfDef<typeof clipsForPageOutline>): Promise<ClipsController> => {
    loading ??= load().then((module) => {
      controller = module.startClips(ctx, {
        paused,
        initial,
        messenger: {
          ...(options.send ? { send: options.send } : {}),
          listen(handlers) {
            delegate = handlers;
            return () => {
              delegate = null;
            };
          },
        },
      });
      return controller;
    });
    loading.catch(() => {
      loading = null; // try again on the next occasion
    });
    return loading;
  };

  /** Tells the background which page this is (the side panel asks it), and loads the machinery if the page has clips. */
  const check = async () => {
    if (loading || ctx.isInvalid) return;
    const answer = await askForPage({ url: pageKey(pageAddress(ctx).href), title: document.title.slice(0, 2000) });
    if (!paused && !ctx.isInvalid && !loading && (answer.clips.length > 0 || answer.reveal)) await start(answer);
  };

  const forward = async <T extends Answered>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T> | null> => {
    const handler = delegate?.[type] as ((p: RequestOf<T>, s: object) => ResponseOf<T> | Promise<ResponseOf<T>>) | undefined;
    return handler ? handler(payload, {}) : null;
  };

  const stop = (options.listen ?? ((handlers: Handlers) => listenFor(ANSWERS, handlers)))({
    'clips/capture': async (payload) => {
      if (!delegate) await start();
      return (await forward('clips/capture', payload)) ?? { started: false, reason: 'Footnote could not open the clip editor.' };
    },
    'clips/changed': async (payload) => {
      if (delegate) return (await forward('clips/changed', payload)) ?? {};
      await check();
      return {};
    },
    'clips/reveal': async (payload) => {
      if (!delegate) await check();
      return (await forward('clips/reveal', payload)) ?? { found: false };
    },
    'site/changed': async (payload) => {
      paused = payload.paused;
      if (delegate) return (await forward('site/changed', payload)) ?? {};
      if (!paused) await check();
      return {};
    },
  });
  ctx.onInvalidated(stop);
  // The reader moved to another address of a single-page app: its new page may have clips.
  pageAddress(ctx).onChange(() => {
    if (!delegate) void check().catch(() => undefined);
  });
  void check().catch((err: unknown) => console.debug('[Footnote] clips', err));

  return {
    async captureRange(range, source) {
      const c = controller ?? (await start());
      return c.captureRange(range, source);
    },
    async captureElements(elements, source) {
      const first = elements[0];
      const last = elements.at(-1);
      if (!first?.isConnected || !last?.isConnected) return { started: false, reason: 'That passage is no longer on the page.' };
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(last, last.childNodes.length);
      const c = controller ?? (await start());
      return c.captureRange(range, source);
    },
    get controller() {
      return controller;
    },
  };
}
