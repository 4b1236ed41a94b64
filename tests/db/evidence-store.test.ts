import { afterEach, describe, expect, it } from 'vitest';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { summaryLine } from '@/lib/packs/plan';
import { CLAIMS, builtin, ev, freshDb, pack, packText, snapshot } from '../model/evidence-fixtures';

const dbs: FootnoteDatabase[] = [];
async function setup(seed = true) {
  const db = freshDb();
  dbs.push(db);
  const repo = createEvidenceRepository(db);
  if (seed) await repo.seedBuiltin(builtin(1, [ev('b1'), ev('b2', { claimIds: ['no-face-to-face'], direction: 'context' }), ev('b3', { direction: 'supports' })]), 1000);
  return { db, repo };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('seeding the built-in pack', () => {
  it('adds every built-in record on install, marked as built-in', async () => {
    const { repo } = await setup();
    const evidence = await repo.listEvidence();
    expect(evidence.map((e) => e.id).sort()).toEqual(['b1', 'b2', 'b3']);
    expect(evidence[0]!.origin).toEqual({ kind: 'builtin', packId: 'builtin', packVersion: 1 });
    expect((await repo.listClaims()).map((c) => c.id).sort()).toEqual(CLAIMS.map((c) => c.id).sort());
  });

  it('changes nothing when the same version is seeded again', async () => {
    const { db, repo } = await setup();
    const before = await snapshot(db);
    const s = await repo.seedBuiltin(builtin(1, [ev('b1'), ev('b2', { claimIds: ['no-face-to-face'], direction: 'context' }), ev('b3', { direction: 'supports' })]), 2000);
    expect(summaryLine(s)).toBe('0 added, 0 updated, 0 refused, 8 unchanged');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a newer version updates its own records, adds new ones and removes the ones it dropped', async () => {
    const { repo } = await setup();
    const s = await repo.seedBuiltin(builtin(2, [ev('b1', { figure: 'Corrected figure' }), ev('b2', { claimIds: ['no-face-to-face'], direction: 'context' }), ev('b4')]), 2000);
    expect(s).toMatchObject({ added: 1, updated: 1, removed: 1, refused: 0 });
    const all = await repo.listEvidence();
    expect(all.map((e) => e.id).sort()).toEqual(['b1', 'b2', 'b4']);
    expect(all.find((e) => e.id === 'b1')!.figure).toBe('Corrected figure');
    expect(all.every((e) => e.origin.packVersion === 2)).toBe(true);
  });

  it('never touches records the reader added, edited or deleted', async () => {
    const { repo } = await setup();
    await repo.saveEvidence(ev('mine'), 3000);
    await repo.saveEvidence(ev('b1', { figure: 'My wording of b1' }), 3000);
    await repo.deleteEvidence('b3', 3000);
    // A newer built-in pack that changes b1, drops b2, still has b3, and brings an id the reader already uses.
    const s = await repo.seedBuiltin(builtin(2, [ev('b1', { figure: 'Corrected figure' }), ev('b3'), ev('mine', { figure: 'Built-in mine' })]), 4000);
    const byId = new Map((await repo.listEvidence()).map((e) => [e.id, e]));
    expect(byId.get('b1')!.figure).toBe('My wording of b1');
    expect(byId.get('b1')!.origin.editedAt).toBe(3000);
    expect(byId.get('mine')!.figure).toBe('Figure mine');
    expect(byId.get('mine')!.origin.kind).toBe('user');
    expect(byId.has('b3')).toBe(false);
    expect(byId.has('b2')).toBe(false);
    expect(s).toMatchObject({ refused: 2, removed: 1 });
    expect(s.notes.join('\n')).toMatch(/Figure "b1": you edited it/);
    expect(s.notes.join('\n')).toMatch(/Figure "mine": the id is already used by your own record/);
  });

  it('an older built-in pack never overwrites a newer one', async () => {
    const { repo } = await setup();
    await repo.seedBuiltin(builtin(3, [ev('b1', { figure: 'v3' })]), 2000);
    await repo.seedBuiltin(builtin(2, [ev('b1', { figure: 'v2' }), ev('b9')]), 3000);
    const byId = new Map((await repo.listEvidence()).map((e) => [e.id, e]));
    expect(byId.get('b1')!.figure).toBe('v3');
  });

  it('refuses a pack that is not the built-in one', async () => {
    const { repo } = await setup(false);
    await expect(repo.seedBuiltin(pack('other', 1, []))).rejects.toThrow(/not the built-in pack/);
  });
});

describe('reading', () => {
  it('gives a claim and its figures, counter-figures first', async () => {
    const { repo } = await setup();
    await repo.saveEvidence(ev('s1', { claimIds: ['practices-closed', 'no-face-to-face'], direction: 'supports' }));
    const { claim, evidence } = await repo.forClaim('no-face-to-face');
    expect(claim!.statement).toBe('GPs refused to see patients face to face');
    expect(evidence.map((e) => e.id)).toEqual(['b2', 's1']);
    expect((await repo.forClaim('practices-closed')).evidence.map((e) => `${e.id}:${e.direction}`)).toEqual(['b1:counters', 'b3:supports', 's1:supports']);
  });

  it('answers an unknown claim with no claim and no figures', async () => {
    const { repo } = await setup();
    expect(await repo.forClaim('nope')).toEqual({ claim: null, evidence: [] });
  });
});

describe('the reader adding, editing and deleting', () => {
  it('adds the reader\'s own figure as theirs', async () => {
    const { repo } = await setup();
    const saved = await repo.saveEvidence(ev('mine-1'), 5000);
    expect(saved.origin).toEqual({ kind: 'user' });
    expect(await repo.getEvidence('mine-1')).toEqual(saved);
  });

  it('refuses a figure for a claim the store does not have, and a record that fails the schema', async () => {
    const { db, repo } = await setup();
    const before = await snapshot(db);
    await expect(repo.saveEvidence(ev('x', { claimIds: ['unknown-claim'] }))).rejects.toThrow(/claimIds\[0\]: no claim "unknown-claim"/);
    await expect(repo.saveEvidence(ev('x', { source: { ...ev('x').source, url: 'javascript:alert(1)' } }))).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('marks an edited built-in record so that it is kept; saving it unchanged changes nothing', async () => {
    const { repo } = await setup();
    const b1 = (await repo.getEvidence('b1'))!;
    const same = await repo.saveEvidence(ev('b1'), 6000);
    expect(same).toEqual(b1);
    const edited = await repo.saveEvidence(ev('b1', { caution: 'My caution' }), 7000);
    expect(edited.origin).toEqual({ kind: 'builtin', packId: 'builtin', packVersion: 1, editedAt: 7000 });
  });

  it('deletes with undo: the record comes back exactly as it was', async () => {
    const { db, repo } = await setup();
    await repo.saveEvidence(ev('mine-1'), 5000);
    const before = await snapshot(db);
    const deleted = await repo.deleteEvidence('b1', 8000);
    expect(deleted!.id).toBe('b1');
    expect(await repo.getEvidence('b1')).toBeUndefined();
    await repo.restoreEvidence(deleted!);
    expect(await snapshot(db)).toEqual(before);
    expect(await repo.deleteEvidence('never-there')).toBeNull();
  });
});

describe('importing a pack', () => {
  const lmc = pack('lmc-figures', 1, [ev('lmc-1', { claimIds: ['cannot-see-gp'] }), ev('lmc-2')]);

  it('adds its records and says so', async () => {
    const { repo } = await setup();
    const r = await repo.importPackText(packText(lmc), 9000);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(summaryLine(r.summary)).toBe('2 added, 0 updated, 0 refused');
    expect((await repo.getEvidence('lmc-1'))!.origin).toEqual({ kind: 'pack', packId: 'lmc-figures', packVersion: 1 });
  });

  it('importing the same pack twice changes nothing', async () => {
    const { db, repo } = await setup();
    await repo.importPackText(packText(lmc), 9000);
    const before = await snapshot(db);
    const again = await repo.importPackText(packText(lmc), 9999);
    expect(again.ok && summaryLine(again.summary)).toBe('0 added, 0 updated, 0 refused, 2 unchanged');
    expect(await snapshot(db)).toEqual(before);
  });

  it('a newer version of a pack replaces its own records', async () => {
    const { repo } = await setup();
    await repo.importPackText(packText(lmc), 9000);
    const v2 = pack('lmc-figures', 2, [ev('lmc-1', { figure: 'Revised' }), ev('lmc-3')]);
    const r = await repo.importPackText(packText(v2), 9500);
    expect(r.ok && r.summary).toMatchObject({ added: 1, updated: 1, removed: 1, refused: 0 });
    expect((await repo.getEvidence('lmc-1'))!.figure).toBe('Revised');
    expect(await repo.getEvidence('lmc-2')).toBeUndefined();
  });

  it('an older version, a changed record under the same version, and ids owned by others are refused, naming each', async () => {
    const { repo } = await setup();
    await repo.importPackText(packText(pack('lmc-figures', 2, [ev('lmc-1')])), 9000);
    const older = await repo.importPackText(packText(pack('lmc-figures', 1, [ev('lmc-1', { figure: 'Old' })])), 9100);
    expect(older.ok && older.summary.notes).toEqual(['Figure "lmc-1": version 2 of pack "lmc-figures" is already stored, newer than this file\'s version 1.']);
    const sameVersion = await repo.importPackText(packText(pack('lmc-figures', 2, [ev('lmc-1', { figure: 'Sneaky' })])), 9200);
    expect(sameVersion.ok && sameVersion.summary.notes[0]).toMatch(/version 2 of pack "lmc-figures" is already stored with different content/);
    const clash = await repo.importPackText(packText(pack('other', 1, [ev('b1', { figure: 'Not the built-in figure' })])), 9300);
    expect(clash.ok && summaryLine(clash.summary)).toBe('0 added, 0 updated, 1 refused');
    expect(clash.ok && clash.summary.notes[0]).toBe('Figure "b1": the id is already used by a built-in record with different content; that record was kept.');
    expect((await repo.getEvidence('b1'))!.figure).toBe('Figure b1');
  });

  const bad: [string, () => string][] = [
    ['not JSON', () => '{ this is not json'],
    ['the wrong format', () => JSON.stringify({ ...lmc, format: 'something-else' })],
    ['a record missing its source', () => packText(lmc).replace(/"source":\{[^}]*\}/, '"nosource":1')],
    ['a javascript: URL', () => packText(lmc).replace('https://www.example.org/lmc-2', 'javascript:alert(document.cookie)')],
    ['a 50 MB file', () => packText(lmc) + ' '.repeat(50 * 1024 * 1024)],
    ['duplicate ids', () => packText(pack('lmc-figures', 1, [ev('lmc-1'), ev('lmc-1')]))],
    ['a __proto__ key', () => packText(lmc).replace('"id":"lmc-2"', '"id":"lmc-2","__proto__":{"isAdmin":true}')],
    ['evidence for an unknown claim', () => packText(pack('p', 1, [ev('x', { claimIds: ['no-such-claim'] })]))],
    ['a reserved pack id', () => packText(pack('builtin', 99, [ev('b1', { figure: 'Hijacked' })]))],
  ];

  it.each(bad)('refuses %s and leaves the store exactly as it was', async (_name, file) => {
    const { db, repo } = await setup();
    await repo.saveEvidence(ev('mine-1'), 5000);
    await repo.importPackText(packText(lmc), 9000);
    const before = await snapshot(db);
    const r = await repo.importPackText(file(), 9900);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('names the record and field of a refused record', async () => {
    const { repo } = await setup();
    const r = await repo.importPackText(packText(lmc).replace('https://www.example.org/lmc-2', 'javascript:alert(1)'));
    expect(r).toEqual({ ok: false, errors: ['evidence[1] (id "lmc-2"), field source.url: an http(s) URL'] });
  });

  it('writes nothing when a write fails half-way (one transaction)', async () => {
    const { db, repo } = await setup();
    const before = await snapshot(db);
    const original = db.evidence.bulkPut.bind(db.evidence);
    db.evidence.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.evidence.bulkPut;
    const claim = { id: 'new-claim', statement: 'A new claim', short: 'new', wordings: [] };
    await expect(repo.importPackText(packText(pack('p', 1, [ev('x', { claimIds: ['new-claim'] })], [claim])))).rejects.toThrow('disk full');
    db.evidence.bulkPut = original;
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('exporting', () => {
  it('exports the reader\'s records as a pack that imports back after a delete', async () => {
    const { repo } = await setup();
    await repo.saveEvidence(ev('mine-1', { claimIds: ['gps-doing-less'] }), 5000);
    await repo.saveEvidence(ev('b2', { claimIds: ['no-face-to-face'], direction: 'context', caution: 'edited' }), 5000);
    const exported = await repo.exportPack({ now: new Date('2026-11-23T12:00:00Z') });
    expect(exported).toMatchObject({ format: 'footnote-evidence-pack', formatVersion: 1, created: '2026-11-23T12:00:00.000Z', pack: { id: 'my-evidence' } });
    expect(exported.evidence.map((e) => e.id)).toEqual(['b2', 'mine-1']);
    expect(exported.evidence[0]).not.toHaveProperty('origin');
    await repo.deleteEvidence('mine-1');
    const r = await repo.importPackText(JSON.stringify(exported));
    expect(r.ok && summaryLine(r.summary)).toBe('1 added, 0 updated, 0 refused, 1 unchanged');
    expect((await repo.getEvidence('mine-1'))!.figure).toBe('Figure mine-1');
  });

  it('includes the built-in records on request; importing them back changes nothing', async () => {
    const { db, repo } = await setup();
    const all = await repo.exportPack({ includeBuiltin: true });
    expect(all.evidence).toHaveLength(3);
    expect(all.claims).toHaveLength(5);
    const before = await snapshot(db);
    const r = await repo.importPackText(JSON.stringify(all));
    expect(r.ok && r.summary).toMatchObject({ added: 0, updated: 0, refused: 0, unchanged: 8 });
    expect(await snapshot(db)).toEqual(before);
  });

  it('a later export replaces an earlier one where it is imported', async () => {
    const src = await setup();
    await src.repo.saveEvidence(ev('mine-1'), 5000);
    const first = await src.repo.exportPack({ now: new Date('2026-11-23T12:00:00Z') });
    await src.repo.saveEvidence(ev('mine-1', { figure: 'Better' }), 6000);
    const second = await src.repo.exportPack({ now: new Date('2026-11-24T12:00:00Z') });
    const dst = await setup();
    await dst.repo.importPackText(JSON.stringify(first));
    const r = await dst.repo.importPackText(JSON.stringify(second));
    expect(r.ok && r.summary.updated).toBe(1);
    expect((await dst.repo.getEvidence('mine-1'))!.figure).toBe('Better');
  });
});
