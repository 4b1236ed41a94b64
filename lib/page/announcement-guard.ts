/**
 * WXT ends a running content script when a document event announces a newer one of the same name.
 * The event's name is `<extension id>:footnote:wxt:content-script-started`, and a page can dispatch
 * any event, so a page that knows the (public) extension id could end Footnote with one line. A
 * newer Footnote only ever starts once this one's extension context is gone, and `ctx.isInvalid`
 * notices that by itself (the runtime has no id any more); so an announcement heard while this
 * context is still valid is a forgery, and it is stopped here, in the capturing phase at the
 * window, before it reaches WXT's listener on the document.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** WXT's name for the announcement (its `getUniqueEventName`), for the content script named `name`. */
export const announcementType = (name: string): string => `${browser.runtime.id}:${name}:wxt:content-script-started`;

export function ignoreForgedAnnouncements(ctx: ContentScriptContext, name: string, win: Window = window): void {
  win.addEventListener(
    announcementType(name),
    (event) => {
      if (!ctx.isInvalid) event.stopImmediatePropagation();
    },
    { capture: true, signal: ctx.signal },
  );
}
