import { describe, expect, it } from 'vitest';
import evidence from '@/assets/evidence.json';
import { BUILTIN_CLAIM_IDS, BUILTIN_PACK_VERSION, buildBuiltinPack, builtinClaimRecords } from '@/lib/packs/builtin';
import { claimSchema } from '@/lib/model/records';
import { CLAIMS } from '../model/evidence-fixtures';

describe('the built-in pack', () => {
  it('holds every record of assets/evidence.json under the reserved id and its version', () => {
    const p = buildBuiltinPack(CLAIMS);
    expect(p.pack).toMatchObject({ id: 'builtin', version: BUILTIN_PACK_VERSION });
    expect(p.evidence).toHaveLength((evidence as unknown[]).length);
    expect(p.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id));
  });

  it('reads the claim catalogue as an array or as { claims: [...] }, and copes with its absence', () => {
    expect(builtinClaimRecords(CLAIMS)).toEqual(CLAIMS);
    expect(builtinClaimRecords({ version: 1, claims: CLAIMS })).toEqual(CLAIMS);
    expect(builtinClaimRecords({})).toEqual([]);
  });

  it('builds from the files in the repository (assets/claims.json is the claim engine\'s)', () => {
    const p = buildBuiltinPack();
    for (const claim of p.claims) expect(claimSchema.safeParse(claim).success).toBe(true);
    // Whatever the catalogue holds, every evidence record answers one of the fixed claim ids.
    for (const e of p.evidence) for (const id of e.claimIds) expect(BUILTIN_CLAIM_IDS).toContain(id as (typeof BUILTIN_CLAIM_IDS)[number]);
    if (p.claims.length > 0) {
      const ids = new Set(p.claims.map((c) => c.id));
      for (const id of BUILTIN_CLAIM_IDS) expect(ids.has(id), `assets/claims.json lacks claim "${id}"`).toBe(true);
    }
  });

  it('refuses to build from a bad record, naming it', () => {
    const bad = [{ ...(evidence as Record<string, unknown>[])[0], id: 'Bad Id' }];
    expect(() => buildBuiltinPack(CLAIMS, bad)).toThrow(/evidence\[0\] \(id "Bad Id"\), field id/);
  });
});
