/** Page scripts' synthetic events stop at Footnote's shadow roots (lib/page/reader-input.ts). */
import { describe, expect, it } from 'vitest';
import { READER_ACTIONS, fromPageScript, refuseScriptedInput } from '@/lib/page/reader-input';

const withTrust = (e: Event, trusted: boolean) => Object.defineProperty(e, 'isTrusted', { value: trusted });

describe('scripted input', () => {
  it.each(READER_ACTIONS.map((type) => [type]))('%s from a page script never reaches the UI; the reader’s does', (type) => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    root.append(button);
    document.body.append(host);
    refuseScriptedInput(root);
    refuseScriptedInput(root); // mounted again: still one guard
    let heard = 0;
    button.addEventListener(type, () => heard++);
    button.dispatchEvent(withTrust(new Event(type, { bubbles: true, cancelable: true }), false));
    expect(heard).toBe(0);
    button.dispatchEvent(withTrust(new Event(type, { bubbles: true, cancelable: true }), true));
    expect(heard).toBe(1);
    host.remove();
  });

  it('treats an event with no isTrusted at all as nobody’s', () => {
    expect(fromPageScript(withTrust(new Event('click'), false))).toBe(true);
    expect(fromPageScript(withTrust(new Event('click'), true))).toBe(false);
  });
});
