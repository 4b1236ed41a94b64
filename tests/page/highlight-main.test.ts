/**
 * The highlight script sends the controller's messages by definition (lib/page/highlight-main.ts),
 * not through the whole protocol: every message the controller sends must be one it has, with the
 * protocol's own definition, and anything else is refused with a clear error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, protocol, type MessageType } from '@/lib/messages';
import { CONTROLLER_SENDS, sendFromController } from '@/lib/page/highlight-main';

describe('the controller’s messages', () => {
  it('are all ones the highlight script can send, with the protocol’s definitions', () => {
    // The controller's modules, and the card's actions it runs (lib/page/card-actions.ts).
    const modules = ['controller.ts', 'highlight-session.ts', 'scan-scheduler.ts', 'record-cache.ts', 'card-presenter.ts', 'mark-input.ts', 'card-actions.ts'];
    const source = modules.map((f) => readFileSync(resolve(import.meta.dirname, '../../lib/page', f), 'utf8')).join('\n');
    const sent = [...new Set([...source.matchAll(/\.send\(\s*'([^']+)'/g)].map((m) => m[1]!))].sort();
    expect(sent.length).toBeGreaterThan(3);
    expect(Object.keys(CONTROLLER_SENDS).sort()).toEqual(sent);
    for (const [type, def] of Object.entries(CONTROLLER_SENDS)) expect(def).toBe(protocol[type as MessageType]);
  });

  it('go to the background with their replies checked; others are refused', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => dispatch(m, {}, { 'dismissals/list': () => ({ keys: ['k'] }) }) as never);
    await expect(sendFromController('dismissals/list', { url: 'https://a.example/' })).resolves.toEqual({ keys: ['k'] });
    await expect(sendFromController('clips/forPage', { url: 'https://a.example/' })).rejects.toThrow('The highlight script does not send "clips/forPage"');
    vi.restoreAllMocks();
  });
});
