/** Messages about claims and their evidence: the card's records, the options page's evidence and packs. */
import { z } from 'zod/mini';
import '../model/zod-config';
import { evidenceSchema } from '../model/records';
import { storedClaimSchema, storedEvidenceSchema } from '../model/stored';
import { seriesSchema } from '../model/series';
import { message } from './define';
import { count } from './fields';

export { evidenceForClaim } from './evidence-card';

// ── Evidence: options page ───────────────────────────────
// The options page reads and writes evidence only through these; the records carry their origin
// (built-in, imported pack, the reader's own) so the page can say where each came from.
/** Options → background: every claim and figure in the store. */
export const evidenceList = message(
  'evidence/list',
  z.object({}),
  z.object({ claims: z.array(storedClaimSchema), evidence: z.array(storedEvidenceSchema) }),
);

/** Options → background: add the reader's figure, or save an edit (a pack's record is then marked edited). */
export const evidenceSave = message('evidence/save', z.object({ evidence: evidenceSchema }), z.object({ evidence: storedEvidenceSchema }));

/** Options → background: delete a figure; the reply holds it, for undo. */
export const evidenceDelete = message(
  'evidence/delete',
  z.object({ id: z.string().check(z.minLength(1), z.maxLength(100)) }),
  z.object({ deleted: z.nullable(storedEvidenceSchema) }),
);

/** Options → background: undo a delete, putting the record back exactly as it was. */
export const evidenceRestore = message('evidence/restore', z.object({ evidence: storedEvidenceSchema }), z.object({}));

/** Options → background: the reader's evidence as pack JSON, ready to save as a file. */
export const packsExport = message(
  'packs/export',
  z.object({ includeBuiltin: z.boolean() }),
  z.object({ fileName: z.string(), text: z.string(), claims: count, evidence: count }),
);

/**
 * Options → background: import a pack file's text. A refused file changes nothing and `errors`
 * names the record and field; otherwise `summary` says what changed ("12 added, 3 updated, 0 refused").
 */
export const packsImport = message(
  'packs/import',
  // Generous here: the store refuses anything over its own limit with a message that says so.
  z.object({ text: z.string().check(z.maxLength(32 * 1024 * 1024)) }),
  z.object({
    ok: z.boolean(),
    packId: z.nullable(z.string()),
    summary: z.nullable(z.object({ added: count, updated: count, unchanged: count, removed: count, refused: count, notes: z.array(z.string()) })),
    errors: z.array(z.string()),
  }),
);

/** Options → background: every series in the store, each with its points and their sources. */
export const seriesList = message('series/list', z.object({}), z.object({ series: z.array(seriesSchema).check(z.maxLength(1000)) }));
