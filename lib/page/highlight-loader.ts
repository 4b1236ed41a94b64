/**
 * The `highlight-ui` script (the claim engine, extraction, highlighting and the highlight
 * controller: lib/page/highlight-main.ts), loaded only on pages that article detection says are articles.
 */
import type { startArticleHighlighting } from './highlight-main';
import { lazyScript } from './lazy-script';

export interface HighlightModule {
  startArticleHighlighting: typeof startArticleHighlighting;
}

export const highlightScript = lazyScript<HighlightModule>('__footnoteHighlightModule', '/highlight-ui.js', 'highlight');
