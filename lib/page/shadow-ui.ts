/** A page UI in its own shadow root (WXT `createShadowRootUi`), so page CSS cannot reach it. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** What a host needs of a shadow-root UI (WXT's, or a plain one in unit tests). */
export interface ShadowUi {
  /** The element that hosts the shadow root (in the page while mounted). */
  readonly shadowHost: HTMLElement;
  /** The element inside the shadow root that the UI renders into. */
  readonly uiContainer: HTMLElement;
  mount(): void;
  remove(): void;
}

export type CreateShadowUi = () => Promise<ShadowUi>;

/** A shadow-root UI named `name`, appended to the page's body, with `css` inside it. */
export function wxtShadowUi(ctx: ContentScriptContext, name: string, css: string): CreateShadowUi {
  return () =>
    createShadowRootUi(ctx, {
      name,
      position: 'inline',
      css,
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      // Keys typed in the UI stay in it: page shortcuts must not fire.
      isolateEvents: true,
      onMount: () => undefined,
    });
}
