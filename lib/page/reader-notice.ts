/**
 * The highlight controller's page notice ("Footnote is paused on this site." with Undo): made on
 * first use from the card script, which carries Preact and the notice (lib/page/page-notice.ts), so
 * that pages where the reader never acts on a card never load it. It outlives a session: a pause
 * ends the session, and its notice is what the reader sees next.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { cardScript } from './card-loader';
import type { NoticeHost, PageNoticeAction } from './page-notice';

export interface ReaderNotice {
  show(message: string, action?: PageNoticeAction): Promise<void>;
  hide(): void;
  destroy(): void;
}

export function cardScriptNotice(ctx: ContentScriptContext): () => Promise<NoticeHost> {
  return async () => {
    const module = await cardScript.load();
    return module.createNoticeHost(module.wxtNoticeUi(ctx), { setTimeout: (cb, ms) => ctx.setTimeout(cb, ms), clearTimeout: (id) => clearTimeout(id) });
  };
}

export function lazyNotice(load: () => Promise<NoticeHost>): ReaderNotice {
  let host: Promise<NoticeHost> | null = null;
  let destroyed = false;
  return {
    async show(message, action) {
      if (destroyed) return;
      const loading = (host ??= load());
      try {
        const notice = await loading;
        if (!destroyed) await notice.show(message, action);
      } catch (err) {
        // The card script could not load (the extension was updated under the page): no notice this time.
        if (host === loading) host = null;
        console.debug('[Footnote]', err);
      }
    },
    hide() {
      void host?.then((n) => n.hide(), () => undefined);
    },
    destroy() {
      destroyed = true;
      void host?.then((n) => n.destroy(), () => undefined);
    },
  };
}
