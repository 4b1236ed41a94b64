/**
 * The pack that ships with Footnote: the claim catalogue (assets/claims.json, kept by the claim
 * engine) and the evidence (assets/evidence.json), checked with the same reader as any imported pack.
 * Raise BUILTIN_PACK_VERSION whenever either file changes, so that an update replaces the old
 * built-in records (seeding also replaces an unedited built-in record whose content changed).
 */
import claimCatalogue from '@/assets/claims.json';
import evidence from '@/assets/evidence.json';
import { BUILTIN_CLAIM_IDS } from '../model/claim-ids';
import { BUILTIN_PACK_ID, PACK_FORMAT, PACK_FORMAT_VERSION, readPackData, type Pack } from './pack';

export const BUILTIN_PACK_VERSION = 2;
const BUILTIN_PACK_CREATED = '2026-11-23T00:00:00.000Z';

export { BUILTIN_CLAIM_IDS } from '../model/claim-ids';

/** The claim records of the catalogue file (assets/claims.json), whether it holds an array or `{ claims: [...] }`. */
export function builtinClaimRecords(file: unknown = claimCatalogue): unknown[] {
  if (Array.isArray(file)) return file;
  if (file && typeof file === 'object' && Array.isArray((file as { claims?: unknown }).claims)) return (file as { claims: unknown[] }).claims;
  return [];
}

export function buildBuiltinPack(claims: unknown[] = builtinClaimRecords(), records: unknown = evidence): Pack {
  const reading = readPackData(
    {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      pack: { id: BUILTIN_PACK_ID, version: BUILTIN_PACK_VERSION, title: 'Figures that ship with Footnote' },
      created: BUILTIN_PACK_CREATED,
      claims,
      evidence: records,
    },
    { knownClaimIds: BUILTIN_CLAIM_IDS, allowBuiltin: true },
  );
  // The unit tests read the same files: a bad built-in record fails them long before a release.
  if (!reading.ok) throw new Error(`The built-in evidence pack is invalid: ${reading.errors.join('; ')}`);
  return reading.pack;
}
