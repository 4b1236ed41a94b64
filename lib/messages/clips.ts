/**
 * Messages about clips. Content scripts never open the database: they ask here. The
 * side panel reads clips from the database itself (an extension page, same origin) and writes
 * through here, so that the background can tell the tabs showing a changed page.
 */
import { z } from 'zod/mini';
import '../model/zod-config';
import { clipCaptureSchema, clipDraftSchema, clipNoteSchema, clipSchema } from '../model/clip';
import { captureResultSchema, clipIdSchema, clipsForPageOutline } from './clips-page';
import { message, withReply } from './define';
import { count, pageUrl } from './fields';

export { clipIdSchema, clipsCapture, clipsChanged, clipsForPageOutline, clipsReveal } from './clips-page';

const clipEditSchema = z.object({
  id: clipIdSchema,
  note: z.optional(clipNoteSchema),
  tags: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(100))),
});

/** 'clips/forPage' (clips-page.ts) with its clips checked against the clip schema: what the clip machinery uses. */
export const clipsForPage = withReply(clipsForPageOutline, z.object({ clips: z.array(clipSchema), reveal: z.nullable(clipIdSchema) }));

/** Content script → background: which of the page's clips were found, and which not (orphans). */
export const clipsAnchored = message(
  'clips/anchored',
  z.object({ url: pageUrl, found: z.array(clipIdSchema), orphans: z.array(clipIdSchema) }),
  z.object({}),
);

/** Side panel → background: the page a tab shows (as its content script said) and which of its clips were found. */
export const clipsPageStatus = message(
  'clips/pageStatus',
  z.object({ tabId: count }),
  z.object({ url: z.nullable(z.string()), title: z.nullable(z.string()), found: z.array(clipIdSchema), orphans: z.array(clipIdSchema) }),
);

/** Popup → background: clip the selection in this tab (as the context menu and shortcut do). */
export const clipsCaptureTab = message('clips/captureTab', z.object({ tabId: count }), captureResultSchema);


/** Content script → background: store a draft at once, before the reader types a word. */
export const clipsDraftStart = message('clips/draftStart', clipCaptureSchema, clipDraftSchema);

/** Content script → background: what the reader has typed so far. */
export const clipsDraftUpdate = message('clips/draftUpdate', clipEditSchema, z.object({}));

/** Content script or side panel → background: the draft becomes a clip (with its counter-figures, when it came from a flag). */
export const clipsDraftSave = message('clips/draftSave', clipEditSchema, clipSchema);

export const clipsDraftDiscard = message('clips/draftDiscard', z.object({ id: clipIdSchema }), z.object({}));

/** Side panel → background: edit a clip's note and tags in place. */
export const clipsUpdate = message('clips/update', clipEditSchema, clipSchema);

/** Side panel → background: delete a clip; the reply carries it so that "Undo" can put it back. */
export const clipsDelete = message('clips/delete', z.object({ id: clipIdSchema }), z.object({ clip: z.nullable(clipSchema) }));

export const clipsRestore = message('clips/restore', z.object({ clip: clipSchema }), clipSchema);

/** Side panel → background: a Footnote JSON file's text, checked in full before anything is written. */
export const clipsImport = message(
  'clips/import',
  // Generous here (as packs/import): the store refuses a file over its own 64 MB limit with a message that says so.
  z.object({ text: z.string().check(z.maxLength(96 * 1024 * 1024)) }),
  z.object({ added: count, updated: count, unchanged: count }),
);

/** Options page → background: every clip, as a file in one of the export formats (lib/clips/export.ts). */
export const clipsExport = message(
  'clips/export',
  z.object({ format: z.enum(['markdown', 'csv', 'json', 'jsonld']) }),
  z.object({ text: z.string(), count }),
);

/** Side panel → background: open a clip's page (or go to its tab) and scroll to the clip. */
export const clipsOpen = message('clips/open', z.object({ id: clipIdSchema, tabId: z.optional(count) }), z.object({ tabId: count }));


