import { createCardHost, wxtCardUi } from '@/lib/page/card';
import { cardScript } from '@/lib/page/card-loader';
import { createNoticeHost, wxtNoticeUi } from '@/lib/page/page-notice';

// The context card (and the page notice its actions show), loaded by the content script on the first card a reader opens (lib/page/card-loader.ts).
export default defineUnlistedScript(() => {
  cardScript.register({ createCardHost, wxtCardUi, createNoticeHost, wxtNoticeUi });
});
