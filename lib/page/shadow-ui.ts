/** A page UI in its own shadow root (WXT `createShadowRootUi`), so page CSS cannot reach it. */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { refuseScriptedInput } from './reader-input';

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
      // Closed: a page script gets null from host.shadowRoot, so it can neither read what the UI
      // shows (a clip's note, the reader's other clips) nor reach its buttons.
      mode: 'closed',
      css,
      anchor: () => document.body ?? document.documentElement,
      append: 'last',
      // Keys typed in the UI stay in it: page shortcuts must not fire.
      isolateEvents: true,
      // Only the reader's own input acts on the UI; a page script's synthetic events stop at its root.
      onMount: (_container, shadow) => refuseScriptedInput(shadow, ctx.signal),
    });
}

/** A shadow-root UI made on first show and out of the page while hidden (see shadowUiSlot). */
export interface ShadowUiSlot {
  /** The UI while it is in the page, else null. */
  readonly mounted: ShadowUi | null;
  /**
   * Puts the UI in the page, made on first use. Null when a later open, a close or destroy came
   * first (the first open waits for the UI to be made). `opened`: it was out of the page until
   * now. `current()`: no later open, close or destroy has come since (for the caller's own awaits).
   */
  open(): Promise<{ ui: ShadowUi; opened: boolean; current(): boolean } | null>;
  /** Runs `unmount` on the UI if it is in the page, then takes it out; pending opens are dropped. */
  close(unmount: (ui: ShadowUi) => void): void;
  /** Closes for good: later opens do nothing. */
  destroy(unmount: (ui: ShadowUi) => void): void;
}

/** The card and the clip editor hold their shadow roots this way. */
export function shadowUiSlot(createUi: CreateShadowUi): ShadowUiSlot {
  let ui: Promise<ShadowUi> | null = null;
  let mounted: ShadowUi | null = null;
  let generation = 0;
  let destroyed = false;

  const close = (unmount: (ui: ShadowUi) => void) => {
    generation++;
    if (!mounted) return;
    unmount(mounted);
    mounted.remove();
    mounted = null;
  };

  return {
    get mounted() {
      return mounted;
    },
    async open() {
      if (destroyed) return null;
      const mine = ++generation;
      ui ??= createUi();
      const theUi = await ui;
      if (mine !== generation || destroyed) return null;
      const opened = !mounted;
      if (!mounted) {
        theUi.mount();
        mounted = theUi;
      }
      return { ui: theUi, opened, current: () => mine === generation };
    },
    close,
    destroy(unmount) {
      close(unmount);
      destroyed = true;
    },
  };
}
