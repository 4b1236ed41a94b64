/**
 * The background's clip handlers over a test database, with every browser-facing dependency made
 * inert: for tests of other handlers that need clips beside them (export, import, clear all).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createClipHandlers, type ClipBackgroundDeps } from '@/lib/background/clips';
import type { ClipsRepository } from '@/lib/db/clips';
import { importClips } from '@/lib/db/clips-import';
import type { FootnoteDatabase } from '@/lib/db/database';

export function quietClipHandlers(db: FootnoteDatabase, clips: ClipsRepository, overrides: Partial<ClipBackgroundDeps> = {}) {
  return createClipHandlers({
    clips,
    importClips: (text) => importClips(db, text),
    counters: async () => [],
    session: fakeBrowser.storage.session,
    sendToTab: async () => ({}) as never,
    notifyPages: async () => undefined,
    focusTab: async () => undefined,
    openTab: async () => 1,
    ...overrides,
  });
}
