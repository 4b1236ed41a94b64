/**
 * The card's place in the page: a shadow root (WXT `createShadowRootUi`) created on first use,
 * holding the Preact card in a fixed-position box that Floating UI keeps beside the mark and on
 * screen while the page scrolls. While the card is closed its host is out of the page, so the
 * page's DOM is its own again.
 *
 * This module (Preact, Floating UI, the card) is not in the content script: it is built as the
 * `card-ui` script and loaded on the first card a reader opens (see card-loader.ts), which keeps
 * what every page pays for small. Its stylesheet travels inside it and goes into the shadow root.
 */
import { h, render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Card, type CardProps } from '@/components/Card';
import cardCss from '@/components/Card.css?inline';
import type { CardHost } from './card-loader';
import { shadowUiSlot, wxtShadowUi, type CreateShadowUi, type ShadowUi } from './shadow-ui';

export type { CardHost } from './card-loader';

/** The shadow host's tag (the controller knows it too, to tell the card's DOM changes from the page's). */
export const CARD_HOST_TAG = 'footnote-card';

export type CardUi = ShadowUi;
export type CreateCardUi = CreateShadowUi;

export const wxtCardUi = (ctx: ContentScriptContext): CreateCardUi => wxtShadowUi(ctx, CARD_HOST_TAG, cardCss);

/** The box around several inline pieces, for positioning the card against the whole claim. */
export function piecesReference(pieces: readonly Element[]): VirtualElement {
  const live = () => pieces.filter((p) => p.isConnected);
  return {
    contextElement: pieces[0],
    getClientRects: () => live().flatMap((p) => [...p.getClientRects()]) as unknown as DOMRectList,
    getBoundingClientRect() {
      const rects = live().map((p) => p.getBoundingClientRect());
      if (rects.length === 0) return new DOMRect();
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return new DOMRect(left, top, right - left, bottom - top);
    },
  };
}

export function createCardHost(createUi: CreateCardUi): CardHost {
  const slot = shadowUiSlot(createUi);
  let float: HTMLElement | null = null;
  let stopTracking: (() => void) | null = null;
  let current: CardProps | null = null;

  const paint = () => {
    if (float && current) render(h(Card, current), float);
  };

  /** Places the card and keeps it placed; resolves once it first stands in its place. */
  const track = async (pieces: readonly Element[]): Promise<void> => {
    stopTracking?.();
    stopTracking = null;
    const box = float!;
    const reference = piecesReference(pieces);
    const place = async () => {
      const { x, y } = await computePosition(reference, box, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          // Below the claim, or above it where there is more room; never over it.
          flip({ padding: 8, fallbackStrategy: 'bestFit' }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              box.style.setProperty('--fn-max-height', `${Math.max(160, Math.floor(availableHeight))}px`);
            },
          }),
          // Stays inside the viewport even when the claim scrolls away, so the card is never lost.
          shift({ padding: 8, crossAxis: true }),
        ],
      });
      box.style.left = `${Math.round(x)}px`;
      box.style.top = `${Math.round(y)}px`;
      box.style.visibility = 'visible';
    };
    await place();
    if (float !== box) return;
    stopTracking = autoUpdate(reference, box, () => void place());
  };

  /** Empties the box the card renders into (it is in the page exactly while the UI is). */
  const unmount = () => {
    if (float) render(null, float);
    float = null;
  };

  const hide = () => {
    stopTracking?.();
    stopTracking = null;
    current = null;
    slot.close(unmount);
  };

  return {
    async show(pieces, props, options = {}) {
      const shown = await slot.open();
      if (!shown) return;
      if (shown.opened) {
        float = document.createElement('div');
        float.className = 'fn-float';
        // Hidden until placed: a card flashing at the corner would be read as a glitch.
        float.style.cssText = 'position:fixed;left:0;top:0;z-index:2147483647;visibility:hidden;';
        shown.ui.uiContainer.replaceChildren(float);
      }
      current = props;
      paint();
      await track(pieces);
      if (!shown.current()) return;
      // preventScroll: the card is already on screen; scrolling would move the claim away from it.
      if (options.focus) float?.querySelector<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
    },
    update(props) {
      if (!current) return;
      current = props;
      paint();
    },
    hide,
    get isOpen() {
      return current !== null;
    },
    get dialog() {
      return float?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
    },
    contains(event) {
      const mounted = slot.mounted;
      return mounted !== null && event.composedPath().includes(mounted.shadowHost);
    },
    destroy() {
      hide();
      slot.destroy(unmount);
    },
  };
}
