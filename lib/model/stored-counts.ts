/**
 * How much of each kind of record Footnote keeps on this computer: what the options page shows,
 * and what clearing all data reports it removed.
 */
import { z } from 'zod/mini';
import './zod-config';

const count = z.number().check(z.int(), z.nonnegative());

export const storedCountsSchema = z.object({
  clips: count,
  drafts: count,
  dismissals: count,
  pausedSites: count,
  reports: count,
  /** The figures that ship with Footnote, as stored now (edited ones included). */
  builtinFigures: count,
  /** Built-in figures the reader edited, and those they deleted (each keeps a tombstone). */
  editedBuiltin: count,
  deletedBuiltin: count,
  /** Figures and claims that came from packs the reader imported, and the packs themselves. */
  importedFigures: count,
  importedClaims: count,
  packs: count,
  /** Figures the reader added with the form. */
  yourFigures: count,
});
export type StoredCounts = z.infer<typeof storedCountsSchema>;
