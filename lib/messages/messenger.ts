/**
 * The one way Footnote sends and answers messages: through `browser.runtime` (to the background
 * and the extension's open pages) and `browser.tabs` (to a tab's content script), over message
 * definitions (define.ts). A bundle hands `createMessenger` the definitions it carries, so that it
 * sends and listens by type with types checked at compile time and payloads and replies checked
 * against those definitions' schemas at run time; a script that must stay small (the always-loaded
 * content script) names only the few it uses, extension pages and the background the whole
 * protocol (index.ts). The messenger is named for the script that sends, and says so when asked
 * to send a message that script does not carry.
 */
import { browser, type Browser } from 'wxt/browser';
import { dispatchTo, MessageError, requestDef, type MessageDef, type MessageSender, type RequestOfDef, type ResponseOfDef } from './define';

/** Sends one definition's message to the background (and the extension's open pages), its reply checked. */
export function sendMessage<D extends MessageDef>(def: D, payload: RequestOfDef<D>): Promise<ResponseOfDef<D>> {
  return requestDef((m) => browser.runtime.sendMessage(m), def, payload);
}

/** Sends one definition's message to a tab's content script, its reply checked. */
export function sendMessageToTab<D extends MessageDef>(tabId: number, def: D, payload: RequestOfDef<D>): Promise<ResponseOfDef<D>> {
  return requestDef((m) => browser.tabs.sendMessage(tabId, m), def, payload);
}

/** A handler for one definition's messages. */
export type DefHandler<D extends MessageDef> = (payload: RequestOfDef<D>, sender: MessageSender) => ResponseOfDef<D> | Promise<ResponseOfDef<D>>;

/** Handlers keyed by message type, for the definitions given to `listenFor`. */
export type DefHandlers<D extends MessageDef> = { [T in D['type']]?: DefHandler<Extract<D, { type: T }>> };

export interface ListenOptions {
  /**
   * Answer every message, with an error where there is no handler (the background). Otherwise a
   * message without a handler here is left unanswered, for another listener (the background) to answer.
   */
  answersAll?: boolean;
}

/**
 * Answers the messages of these definitions that have a handler, each payload checked against its
 * definition's request schema. Returns the function that stops listening.
 */
export function listenFor<Defs extends readonly MessageDef[]>(defs: Defs, handlers: DefHandlers<Defs[number]>, options: ListenOptions = {}): () => void {
  const known = new Map<string, MessageDef>(defs.map((d) => [d.type, d]));
  const table = handlers as unknown as Record<string, never>;
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (!options.answersAll && typeof type === 'string' && !(type in table)) return undefined;
    return dispatchTo((t) => known.get(t), message, sender, table);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Message definitions keyed by their type: what one bundle carries. */
export type Definitions = { readonly [type: string]: MessageDef };

export type TypeOf<Defs extends Definitions> = keyof Defs & string;
export type RequestIn<Defs extends Definitions, T extends TypeOf<Defs>> = RequestOfDef<Defs[T]>;
export type ResponseIn<Defs extends Definitions, T extends TypeOf<Defs>> = ResponseOfDef<Defs[T]>;
export type HandlerIn<Defs extends Definitions, T extends TypeOf<Defs>> = (
  payload: RequestIn<Defs, T>,
  sender: MessageSender,
) => ResponseIn<Defs, T> | Promise<ResponseIn<Defs, T>>;
export type HandlersIn<Defs extends Definitions> = { [T in TypeOf<Defs>]?: HandlerIn<Defs, T> };

export interface Messenger<Defs extends Definitions> {
  /** To the background (and the extension's open pages). */
  send<T extends TypeOf<Defs>>(type: T, payload: RequestIn<Defs, T>): Promise<ResponseIn<Defs, T>>;
  /** Starts answering these definitions' messages; returns the function that stops. */
  listen(handlers: HandlersIn<Defs>, options?: ListenOptions): () => void;
}

/** Sending by type over the definitions one script carries; any other type is refused, naming `sender`. */
export function sendingFor<Defs extends Definitions>(sender: string, defs: Defs): Messenger<Defs>['send'] {
  return async (type, payload) => {
    const def = Object.prototype.hasOwnProperty.call(defs, type) ? defs[type] : undefined;
    if (!def) throw new MessageError(`The ${sender} does not send "${type}"`);
    return sendMessage(def, payload as never) as never;
  };
}

/** The messenger of one script (`sender`, named in its errors) over the definitions it carries. */
export function createMessenger<Defs extends Definitions>(sender: string, defs: Defs): Messenger<Defs> {
  return {
    send: sendingFor(sender, defs),
    listen: (handlers, options) => listenFor(Object.values(defs), handlers as never, options),
  };
}
