/**
 * The one message protocol between content scripts, extension pages and the background.
 * Every message is `{ type, payload }`; the receiver checks the payload against the schema for
 * its type and answers `{ ok: true, data }` or `{ ok: false, error }`, never a thrown error.
 */
// zod/mini, not classic zod: the content script ships this and has a size budget.
import { z } from 'zod/mini';
import './zod-config';
import { articleInfoSchema, claimMatchSchema } from './claims/types';
import { claimSchema, evidenceSchema } from './db/records';
import { storedClaimSchema, storedEvidenceSchema } from './db/stored';
import { clipCaptureSchema, clipDraftSchema, clipSchema } from './db/clips-schema';

const host = z.string().check(z.minLength(1), z.maxLength(253));
const pageUrl = z.string().check(z.maxLength(8192), z.refine((s) => /^https?:\/\//i.test(s), 'an http(s) page URL'));
const count = z.number().check(z.int(), z.nonnegative());

// Clips (clips issue): shared parts of the clip messages below.
const clipIdSchema = clipSchema.shape.id;
const clipEditSchema = z.object({
  id: clipIdSchema,
  note: z.optional(clipSchema.shape.note),
  tags: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
});
/** Whether the editor opened; if not, why (no selection, a selection Footnote cannot clip). */
const captureResultSchema = z.object({ started: z.boolean(), reason: z.nullable(z.string()) });

export const tabStateSchema = z.object({
  url: z.nullable(z.string()),
  host: z.nullable(z.string()),
  seen: z.boolean(),
  paused: z.boolean(),
  article: z.nullable(articleInfoSchema),
  claims: z.array(claimMatchSchema),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** Request and response schema for each message type. */
export const protocol = {
  /** Content script → background: the script started on a page. */
  'page/hello': {
    request: z.object({ url: pageUrl, title: z.string().check(z.maxLength(2000)) }),
    response: z.object({ paused: z.boolean() }),
  },
  /** Content script → background: what the engine found on the page. */
  'page/report': {
    request: z.object({ url: pageUrl, article: articleInfoSchema, claims: z.array(claimMatchSchema).check(z.maxLength(500)) }),
    response: z.object({ flagged: count }),
  },
  /** Popup → background: what Footnote knows of a tab. */
  'tab/state': {
    request: z.object({ tabId: count }),
    response: tabStateSchema,
  },
  'site/get': {
    request: z.object({ host }),
    response: z.object({ host, paused: z.boolean() }),
  },
  /** Pause or resume Footnote on one site; content scripts on that site are told at once. */
  'site/setPaused': {
    request: z.object({ host, paused: z.boolean() }),
    response: z.object({ host, paused: z.boolean() }),
  },
  /** Background → content script: the site's pause switch changed. */
  'site/changed': {
    request: z.object({ host, paused: z.boolean() }),
    response: z.object({}),
  },

  // ── Evidence (store issue) ─────────────────────────────────────────────
  /** Content script → background: the claim record and the evidence that answers it, for the card. */
  'evidence/forClaim': {
    request: z.object({ claimId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: z.object({ claim: z.nullable(claimSchema), evidence: z.array(evidenceSchema) }),
  },

  // ── Evidence: options page (store issue) ───────────────────────────────
  // The options page reads and writes evidence only through these; the records carry their origin
  // (built-in, imported pack, the reader's own) so the page can say where each came from.
  /** Options → background: every claim and figure in the store. */
  'evidence/list': {
    request: z.object({}),
    response: z.object({ claims: z.array(storedClaimSchema), evidence: z.array(storedEvidenceSchema) }),
  },
  /** Options → background: add the reader's figure, or save an edit (a pack's record is then marked edited). */
  'evidence/save': {
    request: z.object({ evidence: evidenceSchema }),
    response: z.object({ evidence: storedEvidenceSchema }),
  },
  /** Options → background: delete a figure; the reply holds it, for undo. */
  'evidence/delete': {
    request: z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
    response: z.object({ deleted: z.nullable(storedEvidenceSchema) }),
  },
  /** Options → background: undo a delete, putting the record back exactly as it was. */
  'evidence/restore': {
    request: z.object({ evidence: storedEvidenceSchema }),
    response: z.object({}),
  },
  /** Options → background: the reader's evidence as pack JSON, ready to save as a file. */
  'packs/export': {
    request: z.object({ includeBuiltin: z.boolean() }),
    response: z.object({ fileName: z.string(), text: z.string(), claims: count, evidence: count }),
  },
  /**
   * Options → background: import a pack file's text. A refused file changes nothing and `errors`
   * names the record and field; otherwise `summary` says what changed ("12 added, 3 updated, 0 refused").
   */
  'packs/import': {
    // Generous here: the store refuses anything over its own limit with a message that says so.
    request: z.object({ text: z.string().check(z.maxLength(32 * 1024 * 1024)) }),
    response: z.object({
      ok: z.boolean(),
      packId: z.nullable(z.string()),
      summary: z.nullable(
        z.object({ added: count, updated: count, unchanged: count, removed: count, refused: count, notes: z.array(z.string()) }),
      ),
      errors: z.array(z.string()),
    }),
  },

  // ── "Not a claim here" (highlight issue) ───────────────────────────────
  /** The marks a reader dismissed on one page; a key names one flagged passage (see lib/page). */
  'dismissals/list': {
    request: z.object({ url: pageUrl }),
    response: z.object({ keys: z.array(z.string()) }),
  },
  'dismissals/add': {
    request: z.object({ url: pageUrl, key: z.string().check(z.minLength(1), z.maxLength(1000)) }),
    response: z.object({}),
  },

  // ── Jump to a flagged claim (highlight issue) ──────────────────────────
  /** Popup → content script: scroll to the mark of this claim and open its card. */
  'page/jumpTo': {
    request: z.object({ claimId: z.string().check(z.minLength(1), z.maxLength(100)), text: z.string().check(z.maxLength(5000)) }),
    response: z.object({ found: z.boolean() }),
  },

  // ── Clips (clips issue) ────────────────────────────────────────────────
  // Content scripts never open the database: they ask here. The side panel reads clips from the
  // database itself (an extension page, same origin) and writes through here, so that the
  // background can tell the tabs showing a changed page.
  /** Content script → background: this page (the background learns tab addresses only this way) and its clips, and one to scroll to (after "open clip"). */
  'clips/forPage': {
    request: z.object({ url: pageUrl, title: z.optional(z.string().check(z.maxLength(2000))) }),
    response: z.object({ clips: z.array(clipSchema), reveal: z.nullable(clipIdSchema) }),
  },
  /** Content script → background: which of the page's clips were found, and which not (orphans). */
  'clips/anchored': {
    request: z.object({ url: pageUrl, found: z.array(clipIdSchema), orphans: z.array(clipIdSchema) }),
    response: z.object({}),
  },
  /** Side panel → background: the page a tab shows (as its content script said) and which of its clips were found. */
  'clips/pageStatus': {
    request: z.object({ tabId: count }),
    response: z.object({ url: z.nullable(z.string()), title: z.nullable(z.string()), found: z.array(clipIdSchema), orphans: z.array(clipIdSchema) }),
  },
  /** Popup → background: clip the selection in this tab (as the context menu and shortcut do). */
  'clips/captureTab': {
    request: z.object({ tabId: count }),
    response: captureResultSchema,
  },
  /** Background → content script: clip the reader's selection and open the editor. */
  'clips/capture': {
    request: z.object({}),
    response: captureResultSchema,
  },
  /** Content script → background: store a draft at once, before the reader types a word. */
  'clips/draftStart': {
    request: clipCaptureSchema,
    response: clipDraftSchema,
  },
  /** Content script → background: what the reader has typed so far. */
  'clips/draftUpdate': {
    request: clipEditSchema,
    response: z.object({}),
  },
  /** Content script or side panel → background: the draft becomes a clip (with its counter-figures, when it came from a flag). */
  'clips/draftSave': {
    request: clipEditSchema,
    response: clipSchema,
  },
  'clips/draftDiscard': {
    request: z.object({ id: clipIdSchema }),
    response: z.object({}),
  },
  /** Side panel → background: edit a clip's note and tags in place. */
  'clips/update': {
    request: clipEditSchema,
    response: clipSchema,
  },
  /** Side panel → background: delete a clip; the reply carries it so that "Undo" can put it back. */
  'clips/delete': {
    request: z.object({ id: clipIdSchema }),
    response: z.object({ clip: z.nullable(clipSchema) }),
  },
  'clips/restore': {
    request: z.object({ clip: clipSchema }),
    response: clipSchema,
  },
  /** Side panel → background: a Footnote JSON file's text, checked in full before anything is written. */
  'clips/import': {
    // Generous here (as packs/import): the store refuses a file over its own 64 MB limit with a message that says so.
    request: z.object({ text: z.string().check(z.maxLength(96 * 1024 * 1024)) }),
    response: z.object({ added: count, updated: count, unchanged: count }),
  },
  /** Side panel → background: open a clip's page (or go to its tab) and scroll to the clip. */
  'clips/open': {
    request: z.object({ id: clipIdSchema, tabId: z.optional(count) }),
    response: z.object({ tabId: count }),
  },
  /** Background → content script: scroll to a clip and show it. */
  'clips/reveal': {
    request: z.object({ id: clipIdSchema }),
    response: z.object({ found: z.boolean() }),
  },
  /** Background → content scripts and extension pages: clips changed (on these pages; null: anywhere). */
  'clips/changed': {
    request: z.object({ urls: z.nullable(z.array(z.string().check(z.maxLength(8192)))) }),
    response: z.object({}),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<Protocol[T]['response']>;
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export const envelopeSchema = z.object({ type: z.string().check(z.maxLength(100)), payload: z.unknown() });

export function isMessageType(type: string): type is MessageType {
  return Object.prototype.hasOwnProperty.call(protocol, type);
}

/** A zod error as one line a reader can act on: "payload.url: an http(s) page URL". */
export function describeZodError(error: { issues: readonly { path: PropertyKey[]; message: string }[] }, root = 'payload'): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[root, ...issue.path.map(String)].join('.')}: ${issue.message}`)
    .join('; ');
}

export type Handler<T extends MessageType> = (
  payload: RequestOf<T>,
  sender: MessageSender,
) => ResponseOf<T> | Promise<ResponseOf<T>>;
export type Handlers = { [T in MessageType]?: Handler<T> };
export interface MessageSender {
  tab?: { id?: number; url?: string };
  url?: string;
}

/**
 * Checks and dispatches one received message. Never throws: a malformed message, an unknown
 * type, a payload that fails its schema or a handler that throws all become `{ ok: false }`.
 */
export async function dispatch(raw: unknown, sender: MessageSender, handlers: Handlers): Promise<Reply<unknown>> {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, error: `Not a Footnote message: ${describeZodError(envelope.error, 'message')}` };
  const { type, payload } = envelope.data;
  if (!isMessageType(type)) return { ok: false, error: `Unknown message type "${type.slice(0, 100)}"` };
  const handler = handlers[type] as Handler<typeof type> | undefined;
  if (!handler) return { ok: false, error: `No handler here for "${type}"` };
  const parsed = protocol[type].request.safeParse(payload);
  if (!parsed.success) return { ok: false, error: `Bad "${type}" message: ${describeZodError(parsed.error)}` };
  try {
    const data = await handler(parsed.data as never, sender);
    return { ok: true, data };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export class MessageError extends Error {
  override name = 'MessageError';
}

/** Sends one message and checks the reply against the response schema of its type. */
export async function request<T extends MessageType>(
  transport: (message: unknown) => Promise<unknown>,
  type: T,
  payload: RequestOf<T>,
): Promise<ResponseOf<T>> {
  const reply = (await transport({ type, payload })) as Reply<unknown> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError(`No reply to "${type}"`);
  if (!reply.ok) throw new MessageError(reply.error);
  const parsed = protocol[type].response.safeParse(reply.data);
  if (!parsed.success) throw new MessageError(`Bad reply to "${type}": ${describeZodError(parsed.error, 'reply')}`);
  return parsed.data as ResponseOf<T>;
}
