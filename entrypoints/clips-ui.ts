import { startClips } from '@/lib/page/clips';
import { clipsScript } from '@/lib/page/clips-loader';

// Clips on the page (anchoring, highlights, the editor), loaded by the content script only where
// there are clips or the reader clips (lib/page/clips-boot.ts).
export default defineUnlistedScript(() => {
  clipsScript.register({ startClips });
});
