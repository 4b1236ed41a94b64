/**
 * The clip messages every page's content script uses, without the clip schema: the
 * boot's question "any clips for this page?" and the messages it answers. lib/messages/clips.ts
 * holds the rest and composes these in.
 */
import { z } from 'zod/mini';
import '../model/zod-config';
import { recordId } from '../model/records';
import { message } from './define';
import { pageUrl } from './fields';

/** A clip's id (the clip schema's own `id` field), without the rest of the clip schema. */
export const clipIdSchema = recordId;
/** Whether the editor opened; if not, why (no selection, a selection Footnote cannot clip). */
export const captureResultSchema = z.object({ started: z.boolean(), reason: z.nullable(z.string()) });
const clipsForPageRequest = z.object({ url: pageUrl, title: z.optional(z.string().check(z.maxLength(2000))) });

/**
 * Content script → background: this page (the background learns tab addresses only this way) and
 * its clips, and one to scroll to (after "open clip").
 *
 * As the always-loaded boot checks its reply: the outline, and every id. The clips
 * themselves are checked against the clip schema (`clipsForPage` in clips.ts) by the clip
 * machinery before any is used (lib/page/clips.ts); a page without clips gets `clips: []`, whole.
 */
export const clipsForPageOutline = message(
  'clips/forPage',
  clipsForPageRequest,
  z.object({ clips: z.array(z.unknown()), reveal: z.nullable(clipIdSchema) }),
);

/** Background → content script: clip the reader's selection and open the editor. */
export const clipsCapture = message('clips/capture', z.object({}), captureResultSchema);

/** Background → content script: scroll to a clip and show it. */
export const clipsReveal = message('clips/reveal', z.object({ id: clipIdSchema }), z.object({ found: z.boolean() }));

/** Background → content scripts and extension pages: clips changed (on these pages; null: anywhere). */
export const clipsChanged = message('clips/changed', z.object({ urls: z.nullable(z.array(z.string().check(z.maxLength(8192)))) }), z.object({}));
