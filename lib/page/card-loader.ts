/**
 * The content script's side of the card: the card itself (Preact, Floating UI, its stylesheet;
 * lib/page/card.ts) is the `card-ui` script, imported from the extension on the first card a
 * reader opens. Most pages never show a card, so they never load it.
 */
import type { CardProps } from '@/components/Card';
import type { createCardHost, wxtCardUi } from './card';
import { lazyScript } from './lazy-script';
import type { createNoticeHost, wxtNoticeUi } from './page-notice';

export interface CardHost {
  /** Opens (or updates) the card beside `pieces`; with `focus`, focus moves into the dialog. */
  show(pieces: readonly Element[], props: CardProps, options?: { focus?: boolean }): Promise<void>;
  /** Re-renders the open card with new props (the record arrived, an action finished). */
  update(props: CardProps): void;
  hide(): void;
  readonly isOpen: boolean;
  /** Whether an event came from inside the card (events from a shadow root reach the page retargeted to its host). */
  contains(event: Event): boolean;
  /** The dialog element while open (focus checks, tests). */
  readonly dialog: HTMLElement | null;
  destroy(): void;
}

/** What the card-ui script provides once loaded. */
export interface CardModule {
  createCardHost: typeof createCardHost;
  wxtCardUi: typeof wxtCardUi;
  /** The page notice ("Footnote is paused on this site." with Undo), which shares the card's Preact. */
  createNoticeHost: typeof createNoticeHost;
  wxtNoticeUi: typeof wxtNoticeUi;
}

export const cardScript = lazyScript<CardModule>(
  '__footnoteCardModule',
  // A module script from the extension runs in the content script's world (Chromium and Firefox).
  () => import(/* @vite-ignore */ chrome.runtime.getURL('/card-ui.js')),
  'card',
);

/**
 * A card host that loads the real one on first `show`. Until then it is closed and contains
 * nothing; a `hide` while loading wins over the `show` that started the load.
 */
export function lazyCardHost(load: () => Promise<CardHost>): CardHost {
  let host: CardHost | null = null;
  let loading: Promise<CardHost> | null = null;
  let generation = 0;
  let destroyed = false;
  return {
    async show(pieces, props, options) {
      const mine = ++generation;
      if (!host) {
        loading ??= load();
        try {
          host = await loading;
        } catch (err) {
          loading = null; // try again on the next click
          throw err;
        }
      }
      if (mine !== generation || destroyed) return;
      await host.show(pieces, props, options);
    },
    update: (props) => host?.update(props),
    hide() {
      generation++;
      host?.hide();
    },
    get isOpen() {
      return host?.isOpen ?? false;
    },
    contains: (event) => host?.contains(event) ?? false,
    get dialog() {
      return host?.dialog ?? null;
    },
    destroy() {
      destroyed = true;
      generation++;
      host?.destroy();
    },
  };
}
