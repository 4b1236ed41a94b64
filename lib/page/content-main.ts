import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../runtime';
import { startHighlighting } from './controller';
import { createPageScanner } from './highlight-scanner';
import { startClipsBoot } from './clips-boot';

/**
 * What the content script does on every http(s) page: report the page to the background, which
 * answers whether Footnote is paused on this site.
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  const hello = await sendToBackground('page/hello', { url: location.href, title: document.title.slice(0, 2000) });
  if (ctx.isInvalid) return;
  // Clips (clips issue): saved clips found again on this page, and saving a selection as a clip.
  const clips = startClipsBoot(ctx, { paused: hello.paused });
  // Claims (highlight issue): the engine's claims marked, the card, later changes; started while paused too, to resume.
  startHighlighting(ctx, {
    paused: hello.paused,
    scanner: createPageScanner(),
    // The card's "Save clip" (clips issue): the flagged passage with its claim and figures.
    saveClip: (mark, evidenceIds, claim) => void clips.captureElements(mark.pieces, { claimId: mark.match.claimId, evidenceIds, claim }),
  });
}
