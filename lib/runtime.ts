/** The extension's side of the message protocol: sending through `browser.runtime` and `browser.tabs`. */
import { browser, type Browser } from 'wxt/browser';
import { dispatch, request, type Handlers, type MessageType, type RequestOf, type ResponseOf } from './messages';

export function sendToBackground<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return request((m) => browser.runtime.sendMessage(m), type, payload);
}

export function sendToTab<T extends MessageType>(tabId: number, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return request((m) => browser.tabs.sendMessage(tabId, m), type, payload);
}

/**
 * Listens for protocol messages; returns the function that stops listening. The background
 * (`answersAll`) answers every message, with an error where it has no handler; other listeners leave
 * messages they have no handler for unanswered, so that the background can answer them.
 */
export function listen(handlers: Handlers, { answersAll = false } = {}): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (!answersAll && typeof type === 'string' && !(type in handlers)) return undefined;
    return dispatch(message, sender, handlers);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
