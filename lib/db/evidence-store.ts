/**
 * The evidence store's repository: the only code that reads or writes evidence, claims and
 * tombstones. The background calls it; everything else reaches it through typed messages.
 */
import type { FootnoteDatabase } from './database';
import { evidenceSchema, type Claim, type Evidence } from '../model/records';
import { BUILTIN_PACK_ID, buildPack, readPack, type Pack, type PackInfo, type PackReading } from '../packs/pack';
import { canonical, planPack, type ImportSummary, type PlanMode } from '../packs/plan';
import { bareClaim, bareEvidence, tombstoneId, type StoredClaim, type StoredEvidence } from '../model/stored';
import { bareSeries, putSeries, type SeriesSummary } from './series-store';

export type ImportResult = { ok: true; summary: ImportSummary; pack: PackInfo; series?: SeriesSummary } | { ok: false; errors: string[] };

export class EvidenceStoreError extends Error {
  override name = 'EvidenceStoreError';
}

const DIRECTION_ORDER = { counters: 0, context: 1, supports: 2 } as const;

/** Counter-figures first, then the rest; newest period first within each. */
function byDirectionThenRecency(a: StoredEvidence, b: StoredEvidence): number {
  return DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] || (a.period.to < b.period.to ? 1 : a.period.to > b.period.to ? -1 : 0) || (a.id < b.id ? -1 : 1);
}

export function createEvidenceRepository(db: FootnoteDatabase) {
  async function applyPack(pack: Pack, mode: PlanMode, now: number): Promise<ImportSummary & { series?: SeriesSummary }> {
    // One transaction: the plan is made from what it reads, and either all of it is written or none.
    return db.transaction('rw', [db.evidence, db.claims, db.tombstones, db.series], async () => {
      const [claims, evidence, tombstones] = await Promise.all([db.claims.toArray(), db.evidence.toArray(), db.tombstones.toCollection().primaryKeys()]);
      const plan = planPack(pack.pack, pack.claims, pack.evidence, { claims, evidence, tombstones: new Set(tombstones) }, mode, now);
      if (plan.deleteClaims.length) await db.claims.bulkDelete(plan.deleteClaims);
      if (plan.deleteEvidence.length) await db.evidence.bulkDelete(plan.deleteEvidence);
      if (plan.putClaims.length) await db.claims.bulkPut(plan.putClaims);
      if (plan.putEvidence.length) await db.evidence.bulkPut(plan.putEvidence);
      if (plan.clearTombstones.length) await db.tombstones.bulkDelete(plan.clearTombstones);
      if (!pack.series) return plan.summary;
      const origin = { kind: 'pack', packId: pack.pack.id, packVersion: pack.pack.version } as const;
      const series = await putSeries(db, pack.series.map((s) => ({ ...s, origin, updatedAt: now })));
      return { ...plan.summary, series };
    });
  }

  return {
    async listClaims(): Promise<StoredClaim[]> {
      return db.claims.orderBy('id').toArray();
    },

    async listEvidence(): Promise<StoredEvidence[]> {
      return (await db.evidence.toArray()).sort(byDirectionThenRecency);
    },

    async getEvidence(id: string): Promise<StoredEvidence | undefined> {
      return db.evidence.get(id);
    },

    /** The claim record and every figure that answers, qualifies or supports it. */
    async forClaim(claimId: string): Promise<{ claim: StoredClaim | null; evidence: StoredEvidence[] }> {
      const [claim, evidence] = await Promise.all([db.claims.get(claimId), db.evidence.where('claimIds').equals(claimId).toArray()]);
      return { claim: claim ?? null, evidence: evidence.sort(byDirectionThenRecency) };
    },

    /**
     * Adds the reader's own figure, or saves an edit. Editing a pack's record marks it edited, so
     * that neither seeding nor an import replaces it afterwards.
     */
    async saveEvidence(input: Evidence, now = Date.now()): Promise<StoredEvidence> {
      const record = evidenceSchema.parse(input);
      return db.transaction('rw', db.evidence, db.claims, async () => {
        const known = new Set(await db.claims.toCollection().primaryKeys());
        record.claimIds.forEach((claimId, i) => {
          if (!known.has(claimId)) throw new EvidenceStoreError(`claimIds[${i}]: no claim "${claimId}" in Footnote`);
        });
        const stored = await db.evidence.get(record.id);
        let next: StoredEvidence;
        if (!stored) next = { ...record, origin: { kind: 'user' }, updatedAt: now };
        else if (canonical(bareEvidence(stored)) === canonical(record)) return stored;
        else if (stored.origin.kind === 'user') next = { ...record, origin: stored.origin, updatedAt: now };
        else next = { ...record, origin: { ...stored.origin, editedAt: now }, updatedAt: now };
        await db.evidence.put(next);
        return next;
      });
    },

    /** Deletes a figure and returns it (for undo). A pack's record leaves a tombstone so seeding keeps it deleted. */
    async deleteEvidence(id: string, now = Date.now()): Promise<StoredEvidence | null> {
      return db.transaction('rw', db.evidence, db.tombstones, async () => {
        const stored = await db.evidence.get(id);
        if (!stored) return null;
        await db.evidence.delete(id);
        if (stored.origin.kind !== 'user') {
          await db.tombstones.put({ id: tombstoneId('evidence', id), packId: stored.origin.packId ?? '', deletedAt: now });
        }
        return stored;
      });
    },

    /** Undo of a delete: puts the record back exactly as it was. */
    async restoreEvidence(record: StoredEvidence): Promise<void> {
      await db.transaction('rw', db.evidence, db.tombstones, async () => {
        await db.evidence.put(record);
        await db.tombstones.delete(tombstoneId('evidence', record.id));
      });
    },

    /** Seeds or updates the built-in pack; records the reader added, edited or deleted are left as they are. */
    async seedBuiltin(pack: Pack, now = Date.now()): Promise<ImportSummary> {
      if (pack.pack.id !== BUILTIN_PACK_ID) throw new EvidenceStoreError(`not the built-in pack: "${pack.pack.id}"`);
      return applyPack(pack, 'seed', now);
    },

    /** Reads a pack file's text in full, then writes it in one transaction; a refused file changes nothing. */
    async importPackText(text: string, now = Date.now()): Promise<ImportResult> {
      const known = await db.claims.toCollection().primaryKeys();
      const reading: PackReading = readPack(text, { knownClaimIds: known });
      if (!reading.ok) return reading;
      const { series, ...summary } = await applyPack(reading.pack, 'import', now);
      return { ok: true, summary, pack: reading.pack.pack, ...(series ? { series } : {}) };
    },

    /**
     * The reader's evidence and claims as a pack: what they added, edited or imported. With
     * `includeBuiltin`, the unedited built-in records too. The version grows with time, so a later
     * export of the same pack replaces an earlier one where it is imported.
     */
    async exportPack(options: { includeBuiltin?: boolean; now?: Date } = {}): Promise<Pack> {
      const now = options.now ?? new Date();
      const mine = (r: { origin: { kind: string; editedAt?: number } }) => options.includeBuiltin || r.origin.kind !== 'builtin' || r.origin.editedAt !== undefined;
      const [claims, evidence, series] = await Promise.all([db.claims.orderBy('id').toArray(), db.evidence.orderBy('id').toArray(), db.series.orderBy('id').toArray()]);
      const info: PackInfo = { id: 'my-evidence', version: Math.max(1, Math.floor(now.getTime() / 1000)), title: 'Evidence exported from Footnote' };
      const outClaims: Claim[] = claims.filter(mine).map(bareClaim);
      const outEvidence: Evidence[] = evidence.filter(mine).map(bareEvidence);
      return buildPack(info, outClaims, outEvidence, now, series.filter(mine).map(bareSeries));
    },

    /** The version of the built-in pack in the store, or null if it was never seeded. */
    async builtinVersion(): Promise<number | null> {
      const [claims, evidence, tombstones] = await Promise.all([
        db.claims.where('origin.kind').equals('builtin').toArray(),
        db.evidence.where('origin.kind').equals('builtin').toArray(),
        db.tombstones.count(),
      ]);
      const versions = [...claims, ...evidence].map((r) => r.origin.packVersion ?? 0);
      if (versions.length === 0) return tombstones > 0 ? 0 : null;
      return Math.max(...versions);
    },

    async counts(): Promise<{ claims: number; evidence: number }> {
      const [claims, evidence] = await Promise.all([db.claims.count(), db.evidence.count()]);
      return { claims, evidence };
    },
  };
}
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
