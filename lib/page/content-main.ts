import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { pageHello } from '../messages/page';
import { sendMessage } from '../messages/messenger';
import { startClipsBoot } from './clips-boot';
import { startHighlightBoot } from './highlight-boot';
import { pageAddress } from './address';
import { ignoreForgedAnnouncements } from './announcement-guard';

/**
 * What the content script does on every http(s) page: report the page to the background, which
 * answers whether Footnote is paused on this site. This script stays small: it carries article
 * detection and the schemas of the few messages every page needs; the claim engine, highlighting
 * and the card's controller load only on articles (highlight-boot.ts), the clip machinery only
 * where there are clips (clips-boot.ts).
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  ignoreForgedAnnouncements(ctx, 'footnote');
  const hello = await sendMessage(pageHello, { url: pageAddress(ctx).href, title: document.title.slice(0, 2000) });
  if (ctx.isInvalid) return;
  // Clips: saved clips found again on this page, and saving a selection as a clip.
  const clips = startClipsBoot(ctx, { paused: hello.paused });
  // Claims: detection here; on an article the engine's claims marked, the card, later changes.
  // Started while paused too, to resume.
  startHighlightBoot(ctx, {
    paused: hello.paused,
    // The card's "Save clip": the flagged passage with its claim and figures.
    saveClip: (mark, evidenceIds, claim) => void clips.captureElements(mark.pieces, { claimId: mark.match.claimId, evidenceIds, claim }),
  });
}
