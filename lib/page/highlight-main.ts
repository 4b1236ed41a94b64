/**
 * What the `highlight-ui` script starts on a page that article detection called an article: the
 * highlight controller (lib/page/controller.ts) with the claim engine's page scanner. The content
 * script's boot (highlight-boot.ts) answers the tab's messages and hands them on through `listen`.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Handlers } from '../messages';
import { sendToBackground } from '../runtime';
import { startHighlighting, type HighlightController, type HighlightOptions } from './controller';
import { createPageScanner } from './highlight-scanner';

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
    messenger: { send: sendToBackground, listen: options.listen },
    ...(options.saveClip ? { saveClip: options.saveClip } : {}),
  });
}
