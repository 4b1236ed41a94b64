import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendToBackground } from '../runtime';

/**
 * What the content script does on every http(s) page: report the page to the background, which
 * answers whether Footnote is paused on this site.
 */
export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  await sendToBackground('page/hello', { url: location.href, title: document.title.slice(0, 2000) });
}
