/**
 * What the `highlight-ui` script starts on a page that article detection called an article: the
 * highlight controller (lib/page/controller.ts) with the claim engine's page scanner. The content
 * script's boot (highlight-boot.ts) answers the tab's messages and hands them on through `listen`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Handlers, MessageType, RequestOf, ResponseOf } from '../messages';
import { evidenceForClaim } from '../messages/evidence-card';
import { dismissalsAdd, dismissalsList, dismissalsRemove, pageReport, siteSetPaused } from '../messages/page';
import { reportsAdd } from '../messages/reports';
import { sendingFor } from '../messages/messenger';
import { startHighlighting, type HighlightController, type HighlightOptions } from './controller';
import { createPageScanner } from './highlight-scanner';

/**
 * The messages the controller sends, by definition: this script carries their schemas only, not the
 * whole protocol's (clips, packs, stored records), which would take ~30 ms to build on every article.
 */
export const CONTROLLER_SENDS = {
  [evidenceForClaim.type]: evidenceForClaim,
  [pageReport.type]: pageReport,
  [dismissalsList.type]: dismissalsList,
  [dismissalsAdd.type]: dismissalsAdd,
  [dismissalsRemove.type]: dismissalsRemove,
  [siteSetPaused.type]: siteSetPaused,
  [reportsAdd.type]: reportsAdd,
} as const;

/** Sends the controller's messages; any other is refused, naming the highlight script. */
export const sendFromController = sendingFor('highlight script', CONTROLLER_SENDS) as <T extends MessageType>(
  type: T,
  payload: RequestOf<T>,
) => Promise<ResponseOf<T>>;

export interface ArticleHighlightOptions {
  paused: boolean;
  saveClip?: HighlightOptions['saveClip'];
  /** Where the controller's message handlers go (the boot's listener calls them). */
  listen(handlers: Handlers): () => void;
}

export function startArticleHighlighting(ctx: ContentScriptContext, options: ArticleHighlightOptions): HighlightController {
  return startHighlighting(ctx, {
    paused: options.paused,
    scanner: createPageScanner(),
    messenger: { send: sendFromController, listen: options.listen },
    ...(options.saveClip ? { saveClip: options.saveClip } : {}),
  });
}
