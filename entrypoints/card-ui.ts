import { createCardHost, wxtCardUi } from '@/lib/page/card';
import { cardScript } from '@/lib/page/card-loader';

// The context card, loaded by the content script on the first card a reader opens (lib/page/card-loader.ts).
export default defineUnlistedScript(() => {
  cardScript.register({ createCardHost, wxtCardUi });
});
