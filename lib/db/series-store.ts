/**
 * The series repository: the only code that reads or writes the series table. Built-in series are
 * seeded from the files that ship (replacing an unedited built-in series whose content changed);
 * a pack's series come in with its evidence, checked in full before anything is written.
 */
import type { FootnoteDatabase } from './database';
import type { Origin } from '../model/records';
import type { Series } from '../model/series';
import { BUILTIN_PACK_ID } from '../packs/pack';
import { canonical } from '../packs/plan';

export type StoredSeries = Series & { origin: Origin; updatedAt: number };

export function bareSeries(s: StoredSeries): Series {
  const { origin: _origin, updatedAt: _updatedAt, ...rest } = s;
  return rest;
}

export function storedBuiltinSeries(series: readonly Series[], now: number): StoredSeries[] {
  return series.map((s) => ({ ...s, origin: { kind: 'builtin', packId: BUILTIN_PACK_ID }, updatedAt: now }));
}

export interface SeriesSummary {
  added: number;
  updated: number;
  unchanged: number;
  /** Series whose id is held by another origin (the reader's, another pack's), left as they are. */
  refused: string[];
}

export function createSeriesRepository(db: FootnoteDatabase) {
  return {
    async list(): Promise<StoredSeries[]> {
      return db.series.orderBy('id').toArray();
    },

    /** Brings the built-in series up to this release's files; a series the reader edited stays. */
    async seedBuiltin(series: readonly Series[], now = Date.now()): Promise<SeriesSummary> {
      return putSeries(db, storedBuiltinSeries(series, now));
    },

    /** The series that are not the unedited built-in ones (or all, with `includeBuiltin`), for an export. */
    async exportable(includeBuiltin = false): Promise<Series[]> {
      const all = await db.series.orderBy('id').toArray();
      return all.filter((s) => includeBuiltin || s.origin.kind !== 'builtin' || s.origin.editedAt !== undefined).map(bareSeries);
    },
  };
}
export type SeriesRepository = ReturnType<typeof createSeriesRepository>;

/**
 * Writes series of one origin (call inside a transaction on `db.series` to join a pack's write):
 * a new id is added; a series of the same origin is replaced where its content changed and the
 * reader did not edit it; an id held by another origin is refused.
 */
export async function putSeries(db: FootnoteDatabase, incoming: readonly StoredSeries[]): Promise<SeriesSummary> {
  const summary: SeriesSummary = { added: 0, updated: 0, unchanged: 0, refused: [] };
  const existing = new Map((await db.series.bulkGet(incoming.map((s) => s.id))).flatMap((s) => (s ? [[s.id, s] as const] : [])));
  const put: StoredSeries[] = [];
  for (const next of incoming) {
    const had = existing.get(next.id);
    if (!had) {
      summary.added++;
      put.push(next);
    } else if (had.origin.kind !== next.origin.kind || had.origin.packId !== next.origin.packId || had.origin.editedAt !== undefined) {
      if (canonical(bareSeries(had)) === canonical(bareSeries(next))) summary.unchanged++;
      else summary.refused.push(next.id);
    } else if (canonical(bareSeries(had)) === canonical(bareSeries(next))) {
      summary.unchanged++;
    } else {
      summary.updated++;
      put.push(next);
    }
  }
  if (put.length > 0) await db.series.bulkPut(put);
  return summary;
}
