/**
 * Everything Footnote keeps, as a whole: how much of each kind there is, and clearing all of it.
 * The evidence, dismissal, clip, report and site repositories each own their tables; this one
 * reads across them so that a count is of one moment and a clear is one transaction.
 */
import type { FootnoteDatabase } from './database';
import type { EvidenceRepository } from './evidence-store';
import { BUILTIN_PACK_ID, type Pack } from '../packs/pack';
import type { StoredCounts } from '../model/stored-counts';
import type { Series } from '../model/series';
import { putSeries, storedBuiltinSeries } from './series-store';

export interface ClearedData {
  /** What the store held just before it was cleared. */
  removed: StoredCounts;
  /** Sites that were paused and pages that had dismissals: their tabs must hear that these are gone. */
  pausedHosts: string[];
  dismissedUrls: string[];
  /** Pages that had clips. */
  clipUrls: string[];
}

export function createStoredDataRepository(db: FootnoteDatabase, evidence: EvidenceRepository) {
  async function countAll(): Promise<StoredCounts> {
    const [clips, drafts, dismissals, sites, reports, figures, claims, tombstones] = await Promise.all([
      db.clips.count(),
      db.clipDrafts.count(),
      db.dismissals.count(),
      db.siteSettings.toArray(),
      db.reports.count(),
      db.evidence.toArray(),
      db.claims.where('origin.kind').equals('pack').toArray(),
      db.tombstones.toArray(),
    ]);
    const builtin = figures.filter((f) => f.origin.kind === 'builtin');
    const imported = figures.filter((f) => f.origin.kind === 'pack');
    const packs = new Set([...imported, ...claims].map((r) => r.origin.packId ?? ''));
    return {
      clips,
      drafts,
      dismissals,
      pausedSites: sites.filter((s) => s.paused).length,
      reports,
      builtinFigures: builtin.length,
      editedBuiltin: builtin.filter((f) => f.origin.editedAt !== undefined).length,
      deletedBuiltin: tombstones.filter((t) => t.packId === BUILTIN_PACK_ID && t.id.startsWith('evidence:')).length,
      importedFigures: imported.length,
      importedClaims: claims.length,
      packs: packs.size,
      yourFigures: figures.filter((f) => f.origin.kind === 'user').length,
    };
  }

  return {
    async counts(): Promise<StoredCounts> {
      return db.transaction('r', db.tables, countAll);
    },

    /**
     * Empties every table and puts the built-in pack and series back as they ship, in one
     * transaction: a failure anywhere leaves everything as it was, and no reader of the store ever
     * sees it without evidence.
     */
    async clearAll(builtin: Pack, series: readonly Series[], now = Date.now()): Promise<ClearedData> {
      return db.transaction('rw', db.tables, async () => {
        const removed = await countAll();
        const [sites, dismissalUrls, clipUrls] = await Promise.all([
          db.siteSettings.filter((s) => s.paused).toArray(),
          db.dismissals.orderBy('url').uniqueKeys(),
          db.clips.orderBy('url').uniqueKeys(),
        ]);
        await Promise.all(db.tables.map((table) => table.clear()));
        await evidence.seedBuiltin(builtin, now);
        await putSeries(db, storedBuiltinSeries(series, now));
        return {
          removed,
          pausedHosts: sites.map((s) => s.host),
          dismissedUrls: dismissalUrls.map(String),
          clipUrls: clipUrls.map(String),
        };
      });
    },
  };
}
export type StoredDataRepository = ReturnType<typeof createStoredDataRepository>;
