/**
 * The one message protocol between content scripts, extension pages and the background.
 * Every message is `{ type, payload }`; the receiver checks the payload against the schema for
 * its type and answers `{ ok: true, data }` or `{ ok: false, error }`, never a thrown error.
 *
 * The messages are defined one by one in lib/messages/ (page.ts, evidence.ts, clips.ts), each with
 * its schemas; this module composes them into the protocol the background dispatches on and
 * extension pages send by name. A script that must stay small (the always-loaded content script)
 * imports the definitions it uses from there instead, and sends them through messenger.ts.
 */
import type { z } from 'zod/mini';
import { dispatchTo, requestDef, type MessageSender, type Reply } from './define';
import * as page from './page';
import * as evidence from './evidence';
import * as clips from './clips';
import { createMessenger, sendMessageToTab, type ListenOptions } from './messenger';
import * as reports from './reports';
import * as storedData from './stored-data';

export { describeZodError, envelopeSchema, MessageError, type MessageSender, type Reply } from './define';
export { tabStateSchema, type TabState } from './page';

/** Request and response schema for each message type. */
export const protocol = {
  [page.pageHello.type]: page.pageHello,
  [page.pageReport.type]: page.pageReport,
  [page.tabState.type]: page.tabState,
  [page.siteGet.type]: page.siteGet,
  [page.siteSetPaused.type]: page.siteSetPaused,
  [page.siteChanged.type]: page.siteChanged,

  // ── Evidence ─────────────────────────────────────────────
  [evidence.evidenceForClaim.type]: evidence.evidenceForClaim,
  [evidence.evidenceList.type]: evidence.evidenceList,
  [evidence.evidenceSave.type]: evidence.evidenceSave,
  [evidence.evidenceDelete.type]: evidence.evidenceDelete,
  [evidence.evidenceRestore.type]: evidence.evidenceRestore,
  [evidence.packsExport.type]: evidence.packsExport,
  [evidence.packsImport.type]: evidence.packsImport,
  [evidence.seriesList.type]: evidence.seriesList,

  // ── "Not a claim here" and jump to a claim ───────────
  [page.dismissalsList.type]: page.dismissalsList,
  [page.dismissalsAdd.type]: page.dismissalsAdd,
  [page.dismissalsRemove.type]: page.dismissalsRemove,
  [page.dismissalsAll.type]: page.dismissalsAll,
  [page.dismissalsClear.type]: page.dismissalsClear,
  [page.dismissalsChanged.type]: page.dismissalsChanged,
  [page.sitesPaused.type]: page.sitesPaused,
  [page.sitesResumeAll.type]: page.sitesResumeAll,
  [page.pageJumpTo.type]: page.pageJumpTo,
  [page.pageStep.type]: page.pageStep,

  // ── False-flag reports ───────────────────────────────
  [reports.reportsAdd.type]: reports.reportsAdd,
  [reports.reportsList.type]: reports.reportsList,
  [reports.reportsDelete.type]: reports.reportsDelete,
  [reports.reportsClear.type]: reports.reportsClear,

  // ── Everything stored ───────────────────────────────
  [storedData.dataCounts.type]: storedData.dataCounts,
  [storedData.dataClear.type]: storedData.dataClear,

  // ── Clips ────────────────────────────────────────────────
  [clips.clipsForPage.type]: clips.clipsForPage,
  [clips.clipsAnchored.type]: clips.clipsAnchored,
  [clips.clipsPageStatus.type]: clips.clipsPageStatus,
  [clips.clipsCaptureTab.type]: clips.clipsCaptureTab,
  [clips.clipsCapture.type]: clips.clipsCapture,
  [clips.clipsDraftStart.type]: clips.clipsDraftStart,
  [clips.clipsDraftUpdate.type]: clips.clipsDraftUpdate,
  [clips.clipsDraftSave.type]: clips.clipsDraftSave,
  [clips.clipsDraftDiscard.type]: clips.clipsDraftDiscard,
  [clips.clipsUpdate.type]: clips.clipsUpdate,
  [clips.clipsDelete.type]: clips.clipsDelete,
  [clips.clipsRestore.type]: clips.clipsRestore,
  [clips.clipsImport.type]: clips.clipsImport,
  [clips.clipsExport.type]: clips.clipsExport,
  [clips.clipsOpen.type]: clips.clipsOpen,
  [clips.clipsReveal.type]: clips.clipsReveal,
  [clips.clipsChanged.type]: clips.clipsChanged,
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(protocol, type);
}

export type Handler<T extends MessageType> = (
  payload: RequestOf<T>,
  sender: MessageSender,
) => ResponseOf<T> | Promise<ResponseOf<T>>;
export type Handlers = { [T in MessageType]?: Handler<T> };

const definitionOf = (type: string) => (isMessageType(type) ? protocol[type] : undefined);

/**
 * Checks and dispatches one received message. Never throws: a malformed message, an unknown
 * type, a payload that fails its schema or a handler that throws all become `{ ok: false }`.
 */
export function dispatch(raw: unknown, sender: MessageSender, handlers: Handlers): Promise<Reply<unknown>> {
  return dispatchTo(definitionOf, raw, sender, handlers as Record<string, never>);
}

/** Sends one message and checks the reply against the response schema of its type. */
export function request<T extends MessageType>(
  transport: (message: unknown) => Promise<unknown>,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  return requestDef(transport, protocol[type], payload as never) as Promise<ResponseOf<T>>;
}

/** A script's messenger by message type over the whole protocol (the loaded content-script features are handed one). */
export interface ProtocolMessenger {
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
  /** Starts answering messages sent to this tab; returns the function that stops. */
  listen(handlers: Handlers): () => void;
}

/** The extension's pages and the background send and listen over the whole protocol. */
const extension = createMessenger('extension', protocol);

export const sendToBackground = extension.send;
export function sendToTab<T extends MessageType>(tabId: number, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  return sendMessageToTab(tabId, protocol[type], payload as never) as Promise<ResponseOf<T>>;
}
/**
 * Listens for protocol messages; returns the function that stops listening. The background
 * (`answersAll`) answers every message, with an error where it has no handler; other listeners leave
 * messages they have no handler for unanswered, so that the background can answer them.
 */
export const listen = (handlers: Handlers, options?: ListenOptions): (() => void) => extension.listen(handlers as never, options);
