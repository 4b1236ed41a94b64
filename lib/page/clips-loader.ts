/**
 * Loading the `clips-ui` script (anchoring, clip highlights, the editor: lib/page/clips.ts) into
 * the content script's world, the way the card is loaded (card-loader.ts).
 */
import { browser } from 'wxt/browser';
import type { startClips } from './clips';

export interface ClipsModule {
  startClips: typeof startClips;
}

// The content script's isolated world: the page cannot see or set this.
const KEY = '__footnoteClipsModule';
type Holder = { [KEY]?: ClipsModule };

/** Called by the clips-ui script when it runs. */
export function registerClipsModule(module: ClipsModule): void {
  (globalThis as Holder)[KEY] = module;
}

export async function loadClipsModule(): Promise<ClipsModule> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) await import(/* @vite-ignore */ browser.runtime.getURL('/clips-ui.js'));
  const module = holder[KEY];
  if (!module) throw new Error('The Footnote clips script did not load.');
  return module;
}
