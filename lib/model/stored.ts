/**
 * Records as the store keeps them: the shared Evidence and Claim shapes plus where each came from.
 * Options-page messages carry these (the reader sees "built-in", "yours", "edited", "from pack X").
 */
import { z } from 'zod/mini';
import './zod-config';
import { claimSchema, evidenceSchema, originSchema } from './records';

const timestamp = z.number().check(z.int(), z.nonnegative());

export const storedEvidenceSchema = z.extend(evidenceSchema, { origin: originSchema, updatedAt: timestamp });
export type StoredEvidence = z.infer<typeof storedEvidenceSchema>;

export const storedClaimSchema = z.extend(claimSchema, { origin: originSchema, updatedAt: timestamp });
export type StoredClaim = z.infer<typeof storedClaimSchema>;

/** Marks a pack record the reader deleted, so that seeding a newer built-in pack does not restore it. */
export interface Tombstone {
  /** "evidence:<id>" or "claim:<id>". */
  id: string;
  packId: string;
  deletedAt: number;
}

/** A flagged passage the reader marked "not a claim here" on one page. */
export interface Dismissal {
  url: string;
  key: string;
  createdAt: number;
  /** The passage as the page showed it (from version 4; older rows get the key's normalised text). */
  sentence?: string;
}

export function tombstoneId(kind: 'evidence' | 'claim', id: string): string {
  return `${kind}:${id}`;
}

/** The record without the store's bookkeeping, as packs and the content script see it. */
export function bareEvidence(e: StoredEvidence): z.infer<typeof evidenceSchema> {
  const { origin: _origin, updatedAt: _updatedAt, ...rest } = e;
  return rest;
}

export function bareClaim(c: StoredClaim): z.infer<typeof claimSchema> {
  const { origin: _origin, updatedAt: _updatedAt, ...rest } = c;
  return rest;
}
