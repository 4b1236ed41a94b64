/**
 * Loading the `highlight-ui` script (the claim engine, extraction, highlighting and the highlight
 * controller: lib/page/highlight-main.ts) into the content script's world, the way the card is
 * loaded (card-loader.ts): only on pages that article detection says are articles.
 */
import { browser } from 'wxt/browser';
import type { startArticleHighlighting } from './highlight-main';

export interface HighlightModule {
  startArticleHighlighting: typeof startArticleHighlighting;
}

// The content script's isolated world: the page cannot see or set this.
const KEY = '__footnoteHighlightModule';
type Holder = { [KEY]?: HighlightModule };

/** Called by the highlight-ui script when it runs. */
export function registerHighlightModule(module: HighlightModule): void {
  (globalThis as Holder)[KEY] = module;
}

export async function loadHighlightModule(): Promise<HighlightModule> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) await import(/* @vite-ignore */ browser.runtime.getURL('/highlight-ui.js'));
  const module = holder[KEY];
  if (!module) throw new Error('The Footnote highlight script did not load.');
  return module;
}
