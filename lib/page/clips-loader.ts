/**
 * The `clips-ui` script (anchoring, clip highlights, the editor: lib/page/clips.ts), loaded only
 * where the page has clips or the reader clips (clips-boot.ts).
 */
import type { startClips } from './clips';
import { lazyScript } from './lazy-script';

export interface ClipsModule {
  startClips: typeof startClips;
}

export const clipsScript = lazyScript<ClipsModule>(
  '__footnoteClipsModule',
  // A module script from the extension runs in the content script's world (Chromium and Firefox).
  () => import(/* @vite-ignore */ chrome.runtime.getURL('/clips-ui.js')),
  'clips',
);
