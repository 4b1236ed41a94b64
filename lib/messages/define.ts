/**
 * One message of the protocol as a value: its type and the zod schemas of its payload and reply.
 * Every message is `{ type, payload }`; the receiver checks the payload against the request schema
 * and answers `{ ok: true, data }` or `{ ok: false, error }`, never a thrown error; the sender
 * checks `data` against the response schema.
 *
 * Definitions live in one module per domain (page.ts, evidence.ts, clips.ts), so that a script
 * imports only the schemas of the messages it sends and answers: the always-loaded content script
 * carries a few small schemas, not the clip, pack and evidence ones. index.ts composes them
 * into the one `protocol` the background dispatches on.
 */
// zod/mini, not classic zod: the content script ships this and has a size budget.
import { z } from 'zod/mini';
import '../model/zod-config';

export interface MessageDef<T extends string = string, Req extends z.ZodMiniType = z.ZodMiniType, Res extends z.ZodMiniType = z.ZodMiniType> {
  readonly type: T;
  readonly request: Req;
  readonly response: Res;
}

/** A message definition. Pure: unused definitions leave a bundle with their schemas. */
/* @__NO_SIDE_EFFECTS__ */
export function message<T extends string, Req extends z.ZodMiniType, Res extends z.ZodMiniType>(type: T, request: Req, response: Res): MessageDef<T, Req, Res> {
  return { type, request, response };
}

/**
 * The same message with its reply checked against a stricter schema: for a reply that a small
 * script checks in outline and the script that uses its parts checks in full. The type and the
 * request stay those of `def`, so the message is still defined in one place.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withReply<D extends MessageDef, Res extends z.ZodMiniType>(def: D, response: Res): MessageDef<D['type'], D['request'], Res> {
  return { type: def.type, request: def.request, response };
}

export type RequestOfDef<D extends MessageDef> = z.infer<D['request']>;
export type ResponseOfDef<D extends MessageDef> = z.infer<D['response']>;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export interface MessageSender {
  tab?: { id?: number; url?: string };
  url?: string;
}

import { describeZodError } from '../model/errors';

export { describeZodError };

export const envelopeSchema = z.object({ type: z.string().check(z.maxLength(100)), payload: z.unknown() });

export class MessageError extends Error {
  override name = 'MessageError';
}

type AnyHandler = (payload: never, sender: MessageSender) => unknown;

/**
 * Checks and dispatches one received message. Never throws: a malformed message, an unknown
 * type, a payload that fails its schema or a handler that throws all become `{ ok: false }`.
 * `definitionOf` names the messages this side knows (an unknown type gets an error).
 */
export async function dispatchTo(
  definitionOf: (type: string) => MessageDef | undefined,
  raw: unknown,
  sender: MessageSender,
  handlers: { readonly [type: string]: AnyHandler | undefined },
): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `Not a Footnote message: ${describeZodError(envelope.error, 'message')}` };
  const { type, payload } = envelope.data;
  const def = definitionOf(type);
  if (!def) return { ok: false, error: `Unknown message type "${type.slice(0, 100)}"` };
  const handler = handlers[type];
  if (!handler) return { ok: false, error: `No handler here for "${type}"` };
  const parsed = def.request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `Bad "${type}" message: ${describeZodError(parsed.error)}` };
  try {
    const data = await handler(parsed.data as never, sender);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Sends one message and checks the reply against the response schema of its definition. */
export async function requestDef<D extends MessageDef>(
  transport: (message: unknown) => Promise<unknown>,
  def: D,
  payload: RequestOfDef<D>,
): Promise<ResponseOfDef<D>> {
  const { type } = def;
  const reply = (await transport({ type, payload })) as Reply<unknown> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError(`No reply to "${type}"`);
  if (!reply.ok) throw new MessageError(reply.error);
  return checkReply(def, reply.data);
}

/** A reply's data checked against the response schema of its definition (also for data received earlier, in part checked). */
export function checkReply<D extends MessageDef>(def: D, data: unknown): ResponseOfDef<D> {
  const parsed = def.response.safeParse(data);
  if (!parsed.success) throw new MessageError(`Bad reply to "${def.type}": ${describeZodError(parsed.error, 'reply')}`);
  return parsed.data as ResponseOfDef<D>;
}
