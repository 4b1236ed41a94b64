/** The page notice: shown in its own shadow root, announced, gone by itself after NOTICE_MS, or at once on dismiss. */
import { afterEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createNoticeHost, NOTICE_MS, UNDO_NOTICE_MS, wxtNoticeUi } from '@/lib/page/page-notice';
import { shadowOf } from '../shadow-of';

describe('page notice', () => {
  let ctx: ContentScriptContext;
  afterEach(() => {
    ctx?.abort();
    document.body.innerHTML = '';
  });

  function host() {
    ctx = new ContentScriptContext('notice-test');
    const timers: { cb: () => void; ms: number; id: number }[] = [];
    const notice = createNoticeHost(wxtNoticeUi(ctx), {
      setTimeout: (cb, ms) => timers.push({ cb, ms, id: timers.length + 1 }),
      clearTimeout: (id) => timers.splice(timers.findIndex((t) => t.id === id), 1),
    });
    return { notice, timers };
  }
  const shown = () => shadowOf(document.querySelector('footnote-notice'))?.querySelector('[role=status]')?.textContent ?? null;

  it('shows the message politely and takes itself out after a few seconds', async () => {
    const { notice, timers } = host();
    await notice.show('Select some text on the page first.');
    expect(shown()).toContain('Select some text on the page first.');
    expect(shadowOf(document.querySelector('footnote-notice'))!.querySelector('[aria-live=polite]')).not.toBeNull();
    expect(timers.map((t) => t.ms)).toEqual([NOTICE_MS]);
    timers[0]!.cb();
    expect(shown()).toBeNull();
    expect(notice.message).toBeNull();
  });

  it('a second notice replaces the first and restarts the clock', async () => {
    const { notice, timers } = host();
    await notice.show('First');
    await notice.show('Second');
    expect(shown()).toContain('Second');
    expect(document.querySelectorAll('footnote-notice')).toHaveLength(1);
    expect(timers).toHaveLength(1);
    notice.destroy();
    expect(document.querySelector('footnote-notice')).toBeNull();
    expect(timers).toHaveLength(0);
  });

  it('an Undo action stays longer, runs once on click and takes the notice away', async () => {
    const { notice, timers } = host();
    let undone = 0;
    await notice.show('Footnote is paused on this site.', { label: 'Undo', onClick: () => undone++ });
    expect(timers.map((t) => t.ms)).toEqual([UNDO_NOTICE_MS]);
    const button = shadowOf(document.querySelector('footnote-notice'))!.querySelector<HTMLButtonElement>('[data-action=notice-action]')!;
    expect(button.textContent).toBe('Undo');
    button.click();
    expect(undone).toBe(1);
    expect(shown()).toBeNull();
    expect(timers).toHaveLength(0);
  });
});
