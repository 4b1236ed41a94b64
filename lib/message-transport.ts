/**
 * Sending and answering single message definitions (lib/messages/*) through `browser.runtime`:
 * what lib/runtime.ts does for the whole protocol, for a script that must carry only the schemas
 * of the messages it uses (the always-loaded content script).
 */
import { browser, type Browser } from 'wxt/browser';
import { dispatchTo, requestDef, type MessageDef, type MessageSender, type RequestOfDef, type ResponseOfDef } from './messages/define';

export function sendMessage<D extends MessageDef>(def: D, payload: RequestOfDef<D>): Promise<ResponseOfDef<D>> {
  return requestDef((m) => browser.runtime.sendMessage(m), def, payload);
}

/** A handler for one definition's messages. */
export type DefHandler<D extends MessageDef> = (payload: RequestOfDef<D>, sender: MessageSender) => ResponseOfDef<D> | Promise<ResponseOfDef<D>>;

/** Handlers keyed by message type, for the definitions given to `listenFor`. */
export type DefHandlers<D extends MessageDef> = { [T in D['type']]?: DefHandler<Extract<D, { type: T }>> };

/**
 * Answers the messages of these definitions that have a handler, each payload checked against its
 * definition's request schema; leaves every other message unanswered (the background or another
 * listener answers it). Returns the function that stops listening.
 */
export function listenFor<Defs extends readonly MessageDef[]>(defs: Defs, handlers: DefHandlers<Defs[number]>): () => void {
  const known = new Map<string, MessageDef>(defs.map((d) => [d.type, d]));
  const table = handlers as unknown as Record<string, never>;
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && !(type in table)) return undefined;
    return dispatchTo((t) => known.get(t), message, sender, table);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
