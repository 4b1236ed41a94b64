/**
 * A short notice on the page, in its own shadow root, that goes away by itself: what the reader
 * needs to know when a keyboard shortcut or menu item could not do its job ("Select some text on
 * the page first."), since a browser shortcut gives no feedback of its own.
 */
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageNotice, type PageNoticeAction } from '@/components/PageNotice';
import noticeCss from '@/components/PageNotice.css?inline';
import { shadowUiSlot, wxtShadowUi, type CreateShadowUi, type ShadowUi } from './shadow-ui';

import { NOTICE_HOST_TAG } from './page-notice-tag';

export { NOTICE_HOST_TAG };
/** Long enough to read a sentence; the reader can dismiss it sooner. */
export const NOTICE_MS = 5000;
/** A notice with an Undo stays longer: time to read it, decide and reach the button. */
export const UNDO_NOTICE_MS = 10_000;

export type { PageNoticeAction } from '@/components/PageNotice';

export interface NoticeHost {
  /** Shows `message` (replacing any notice shown); an action's click also takes the notice away. */
  show(message: string, action?: PageNoticeAction): Promise<void>;
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
    async show(text, action) {
      const shown = await slot.open();
      if (!shown) return;
      message = text;
      const props = action
        ? {
            message: text,
            onClose: hide,
            action: {
              label: action.label,
              onClick: () => {
                hide();
                action.onClick();
              },
            },
          }
        : { message: text, onClose: hide };
      render(h(PageNotice, props), shown.ui.uiContainer);
      stopTimer();
      timer = timers.setTimeout(hide, action ? UNDO_NOTICE_MS : NOTICE_MS);
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
