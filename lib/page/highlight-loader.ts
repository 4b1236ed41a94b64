/**
 * The `highlight-ui` script (the claim engine, extraction, highlighting and the highlight
 * controller: lib/page/highlight-main.ts), loaded only on pages that article detection says are articles.
 */
import type { startArticleHighlighting } from './highlight-main';
import { lazyScript } from './lazy-script';

export interface HighlightModule {
  startArticleHighlighting: typeof startArticleHighlighting;
}

export const highlightScript = lazyScript<HighlightModule>(
  '__footnoteHighlightModule',
  // A module script from the extension runs in the content script's world (Chromium and Firefox).
  () => import(/* @vite-ignore */ chrome.runtime.getURL('/highlight-ui.js')),
  'highlight',
);
