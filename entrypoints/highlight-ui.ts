import { startArticleHighlighting } from '@/lib/page/highlight-main';
import { highlightScript } from '@/lib/page/highlight-loader';

// The claim engine, extraction, highlighting and the card's controller, loaded by the content script
// only on pages that article detection calls articles (lib/page/highlight-boot.ts).
export default defineUnlistedScript(() => {
  highlightScript.register({ startArticleHighlighting });
});
