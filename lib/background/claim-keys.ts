/**
 * The next-claim and previous-claim keys (manifest `commands`, rebindable in the browser's shortcut
 * settings): the background hears the key and tells the active tab's content script to move focus.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messages';

export const NEXT_CLAIM_COMMAND = 'next-claim';
export const PREVIOUS_CLAIM_COMMAND = 'previous-claim';

export function startClaimKeys(): () => void {
  const onCommand = async (command: string, tab?: { id?: number }) => {
    const direction = command === NEXT_CLAIM_COMMAND ? 'next' : command === PREVIOUS_CLAIM_COMMAND ? 'previous' : null;
    if (!direction) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    // A tab without Footnote's content script (a browser page) has no receiver: nothing to move.
    if (id !== undefined) await sendToTab(id, 'page/step', { direction }).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener(onCommand);
  return () => browser.commands?.onCommand.removeListener(onCommand);
}
