/**
 * What bringing a pack into the store would change, worked out before anything is written. Pure: the
 * repository runs it inside the write transaction on the records it just read.
 *
 * Rules, the same for the built-in pack (seeding) and for packs a reader imports:
 * - A record whose id is new is added, except a pack record the reader deleted when seeding.
 * - A pack replaces only its own records, and only with a newer version (or, for the built-in pack,
 *   with changed content). A record the reader edited is never replaced.
 * - An id already used by another origin (the reader's own record, another pack, the built-in pack)
 *   is refused unless the content is identical.
 * - Records of the pack that a newer version no longer has are removed, unless the reader edited them.
 */
import type { Claim, Evidence, Origin } from '../model/records';
import type { PackInfo } from './pack';
import { tombstoneId, type StoredClaim, type StoredEvidence } from '../model/stored';

export type PlanMode = 'seed' | 'import';

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  refused: number;
  /** Why each refused record was refused, naming it. */
  notes: string[];
}

export interface Existing {
  claims: readonly StoredClaim[];
  evidence: readonly StoredEvidence[];
  tombstones: ReadonlySet<string>;
}

export interface Plan {
  putClaims: StoredClaim[];
  putEvidence: StoredEvidence[];
  deleteClaims: string[];
  deleteEvidence: string[];
  clearTombstones: string[];
  summary: ImportSummary;
}

/** JSON with sorted keys, so that two records compare equal whatever order their fields came in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function bare<T extends { origin: Origin; updatedAt: number }>(stored: T): Omit<T, 'origin' | 'updatedAt'> {
  const { origin: _o, updatedAt: _u, ...rest } = stored;
  return rest;
}

export function describeOrigin(origin: Origin): string {
  if (origin.kind === 'user') return 'your own record';
  if (origin.kind === 'builtin') return 'a built-in record';
  return `a record from pack "${origin.packId ?? '?'}"`;
}

export function emptySummary(): ImportSummary {
  return { added: 0, updated: 0, unchanged: 0, removed: 0, refused: 0, notes: [] };
}

export function planPack(info: PackInfo, claims: readonly Claim[], evidence: readonly Evidence[], existing: Existing, mode: PlanMode, now: number): Plan {
  const plan: Plan = { putClaims: [], putEvidence: [], deleteClaims: [], deleteEvidence: [], clearTombstones: [], summary: emptySummary() };
  const kind: Origin['kind'] = mode === 'seed' ? 'builtin' : 'pack';
  const origin: Origin = { kind, packId: info.id, packVersion: info.version };

  function plan1<R extends { id: string }, S extends R & { origin: Origin; updatedAt: number }>(
    label: 'claim' | 'evidence',
    incoming: readonly R[],
    stored: readonly S[],
    put: S[],
    del: string[],
  ): void {
    const byId = new Map(stored.map((s) => [s.id, s]));
    const ownsIt = (s: S) => s.origin.kind === kind && s.origin.packId === info.id;
    const name = (id: string) => `${label === 'claim' ? 'Claim' : 'Figure'} "${id}"`;

    for (const record of incoming) {
      const s = byId.get(record.id);
      const fresh = { ...record, origin, updatedAt: now } as unknown as S;
      if (!s) {
        const tomb = tombstoneId(label, record.id);
        if (existing.tombstones.has(tomb)) {
          if (mode === 'seed') {
            plan.summary.unchanged++;
            continue; // the reader deleted it: seeding does not bring it back
          }
          plan.clearTombstones.push(tomb);
        }
        put.push(fresh);
        plan.summary.added++;
        continue;
      }
      const same = canonical(bare(s)) === canonical(record);
      if (!ownsIt(s)) {
        if (same) plan.summary.unchanged++;
        else {
          plan.summary.refused++;
          plan.summary.notes.push(`${name(record.id)}: the id is already used by ${describeOrigin(s.origin)} with different content; that record was kept.`);
        }
        continue;
      }
      const storedVersion = s.origin.packVersion ?? 0;
      if (s.origin.editedAt !== undefined) {
        if (same) plan.summary.unchanged++;
        else {
          plan.summary.refused++;
          plan.summary.notes.push(`${name(record.id)}: you edited it, so your version was kept.`);
        }
        continue;
      }
      if (storedVersion > info.version) {
        if (same) plan.summary.unchanged++;
        else {
          plan.summary.refused++;
          plan.summary.notes.push(`${name(record.id)}: version ${storedVersion} of pack "${info.id}" is already stored, newer than this file's version ${info.version}.`);
        }
        continue;
      }
      if (same) {
        // Same content: only the version it is filed under moves forward.
        if (storedVersion < info.version) put.push({ ...s, origin: { ...s.origin, packVersion: info.version } });
        plan.summary.unchanged++;
        continue;
      }
      if (storedVersion === info.version && mode === 'import') {
        plan.summary.refused++;
        plan.summary.notes.push(`${name(record.id)}: version ${info.version} of pack "${info.id}" is already stored with different content; raise the pack's version to replace it.`);
        continue;
      }
      put.push(fresh);
      plan.summary.updated++;
    }

    const incomingIds = new Set(incoming.map((r) => r.id));
    for (const s of stored) {
      if (!ownsIt(s) || incomingIds.has(s.id) || s.origin.editedAt !== undefined) continue;
      if ((s.origin.packVersion ?? 0) < info.version) {
        del.push(s.id);
        plan.summary.removed++;
      }
    }
  }

  plan1('claim', claims, existing.claims, plan.putClaims, plan.deleteClaims);
  plan1('evidence', evidence, existing.evidence, plan.putEvidence, plan.deleteEvidence);
  return plan;
}

export function summaryLine(s: ImportSummary): string {
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.refused} refused`];
  if (s.removed > 0) parts.push(`${s.removed} removed`);
  if (s.unchanged > 0) parts.push(`${s.unchanged} unchanged`);
  return parts.join(', ');
}
