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
import { sendMessage } from '../messages/messenger';
import { startFeature } from './feature';
import type { ClipsController } from './clips';
import type { CaptureResult, ClipSource } from './clips-editor-session';
import { clipsScript, type ClipsModule } from './clips-loader';
import { pageAddress } from './address';
import { t } from '../i18n';

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

export function startClipsBoot(ctx: ContentScriptContext, options: ClipsBootOptions): ClipsBoot {
  // 'clips/forPage' without the clip schema: the clip machinery checks the clips before it uses any (lib/page/clips-anchoring.ts).
  const askForPage = (payload: RequestOf<'clips/forPage'>): Promise<ResponseOfDef<typeof clipsForPageOutline>> =>
    options.send ? options.send('clips/forPage', payload) : sendMessage(clipsForPageOutline, payload);
  type Outline = ResponseOfDef<typeof clipsForPageOutline>;
  /** The answer to hand the clip machinery when it starts (its reveal is used up by asking). */
  let initial: Outline | undefined;

  const feature = startFeature(ctx, {
    paused: options.paused,
    answers: ANSWERS,
    load: options.load ?? clipsScript.load,
    start: (module: ClipsModule, run) =>
      module.startClips(ctx, { paused: run.paused, initial, messenger: { ...(options.send ? { send: options.send } : {}), listen: run.listen } }),
    handlers: (f) => ({
      'clips/capture': async (payload) => {
        if (!f.delegate) await start();
        return (await f.forward('clips/capture', payload)) ?? { started: false, reason: t('clipsEditorNotOpened') };
      },
      'clips/changed': async (payload) => {
        if (f.delegate) return (await f.forward('clips/changed', payload)) ?? {};
        await check();
        return {};
      },
      'clips/reveal': async (payload) => {
        if (!f.delegate) await check();
        return (await f.forward('clips/reveal', payload)) ?? { found: false };
      },
    }),
    async siteChanged(paused) {
      if (!paused) await check();
    },
    // Its new page may have clips.
    addressChanged: () => void check().catch(() => undefined),
    ...(options.listen ? { listen: (_defs, handlers) => options.listen!(handlers) } : {}),
  });

  const start = (answer?: Outline): Promise<ClipsController> => {
    if (!feature.loading) initial = answer;
    return feature.load();
  };

  /** Tells the background which page this is (the side panel asks it), and loads the machinery if the page has clips. */
  const check = async () => {
    if (feature.loading || ctx.isInvalid) return;
    const answer = await askForPage({ url: pageKey(pageAddress(ctx).href), title: document.title.slice(0, 2000) });
    if (!feature.paused && !ctx.isInvalid && !feature.loading && (answer.clips.length > 0 || answer.reveal)) await start(answer);
  };

  void check().catch((err: unknown) => console.debug('[Footnote] clips', err));

  return {
    async captureRange(range, source) {
      const c = feature.controller ?? (await start());
      return c.captureRange(range, source);
    },
    async captureElements(elements, source) {
      const first = elements[0];
      const last = elements.at(-1);
      if (!first?.isConnected || !last?.isConnected) return { started: false, reason: t('clipsPassageGone') };
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(last, last.childNodes.length);
      const c = feature.controller ?? (await start());
      return c.captureRange(range, source);
    },
    get controller() {
      return feature.controller;
    },
  };
}
