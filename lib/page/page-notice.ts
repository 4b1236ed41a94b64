/**
 * A short notice on the page, in its own shadow root, that goes away by itself: what the reader
 * needs to know when a keyboard shortcut or menu item could not do its job ("Select some text on
 * the page first."), since a browser shortcut gives no feedback of its own.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageNotice } from '@/components/PageNotice';
import noticeCss from '@/components/PageNotice.css?inline';
import { shadowUiSlot, wxtShadowUi, type CreateShadowUi, type ShadowUi } from './shadow-ui';

export const NOTICE_HOST_TAG = 'footnote-notice';
/** Long enough to read a sentence; the reader can dismiss it sooner. */
export const NOTICE_MS = 5000;

export interface NoticeHost {
  show(message: string): Promise<void>;
  hide(): void;
  readonly message: string | null;
  destroy(): void;
}

export interface NoticeTimers {
  setTimeout(cb: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export const wxtNoticeUi = (ctx: ContentScriptContext): CreateShadowUi => wxtShadowUi(ctx, NOTICE_HOST_TAG, noticeCss);

export function createNoticeHost(createUi: CreateShadowUi, timers: NoticeTimers): NoticeHost {
  const slot = shadowUiSlot(createUi);
  let message: string | null = null;
  let timer: number | null = null;
  const unmount = (ui: ShadowUi) => render(null, ui.uiContainer);
  const stopTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const hide = () => {
    stopTimer();
    message = null;
    slot.close(unmount);
  };
  return {
    async show(text) {
      const shown = await slot.open();
      if (!shown) return;
      message = text;
      render(h(PageNotice, { message: text, onClose: hide }), shown.ui.uiContainer);
      stopTimer();
      timer = timers.setTimeout(hide, NOTICE_MS);
    },
    hide,
    get message() {
      return message;
    },
    destroy() {
      stopTimer();
      message = null;
      slot.destroy(unmount);
    },
  };
}
