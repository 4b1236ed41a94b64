import { afterEach, describe, expect, it } from 'vitest';
import { createEvidenceHandlers, exportFileName } from '@/lib/background/evidence-handlers';
import { createSeeder } from '@/lib/background/evidence-seed';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { dispatch, request, type MessageType, type RequestOf } from '@/lib/messages';
import { CLAIMS, builtin, ev, freshDb, pack, packText } from '../model/evidence-fixtures';

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup(builtinVersion = 1) {
  const db = freshDb();
  dbs.push(db);
  const evidence = createEvidenceRepository(db);
  const logs: string[] = [];
  const seeder = createSeeder(evidence, () => builtin(builtinVersion, [ev('b1'), ev('b2', { claimIds: ['cannot-see-gp'], direction: 'supports' })]), (l) => logs.push(l));
  const handlers = createEvidenceHandlers({ evidence, dismissals: createDismissalRepository(db), seeder, now: () => new Date('2026-11-23T12:00:00Z') });
  // Through the real protocol: payloads and replies are checked against their schemas both ways.
  const send = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, handlers), type, payload);
  return { db, evidence, seeder, send, logs };
}

describe('evidence messages', () => {
  it('answers the card with the claim and its figures, seeding the built-in pack on first use', async () => {
    const { send, logs } = setup();
    const r = await send('evidence/forClaim', { claimId: 'cannot-see-gp' });
    expect(r.claim).toEqual(CLAIMS.find((c) => c.id === 'cannot-see-gp'));
    expect(r.evidence.map((e) => e.id)).toEqual(['b2']);
    expect(r.evidence[0]).not.toHaveProperty('origin');
    expect(logs).toEqual(['Footnote: built-in evidence pack v1 (first use): 7 added, 0 updated, 0 refused']);
  });

  it('lists, saves, deletes and restores for the options page', async () => {
    const { send } = setup();
    const list = await send('evidence/list', {});
    expect(list.evidence.map((e) => `${e.id}:${e.origin.kind}`)).toEqual(['b1:builtin', 'b2:builtin']);
    const saved = await send('evidence/save', { evidence: ev('mine-1', { claimIds: ['gps-doing-less'] }) });
    expect(saved.evidence.origin).toEqual({ kind: 'user' });
    const { deleted } = await send('evidence/delete', { id: 'mine-1' });
    expect(deleted?.id).toBe('mine-1');
    expect((await send('evidence/list', {})).evidence).toHaveLength(2);
    await send('evidence/restore', { evidence: deleted! });
    expect((await send('evidence/list', {})).evidence.map((e) => e.id)).toContain('mine-1');
  });

  it('refuses a bad figure with the field named', async () => {
    const { send } = setup();
    await expect(send('evidence/save', { evidence: { ...ev('x'), source: { ...ev('x').source, url: 'javascript:alert(1)' } } })).rejects.toThrow(
      /payload\.evidence\.source\.url: an http\(s\) URL/,
    );
  });

  it('exports a pack file and imports it back with a summary', async () => {
    const { send } = setup();
    await send('evidence/save', { evidence: ev('mine-1') });
    const out = await send('packs/export', { includeBuiltin: false });
    expect(out.fileName).toBe('footnote-evidence-2026-11-23.json');
    expect(out.evidence).toBe(1);
    await send('evidence/delete', { id: 'mine-1' });
    const r = await send('packs/import', { text: out.text });
    expect(r).toMatchObject({ ok: true, packId: 'my-evidence', errors: [], summary: { added: 1, updated: 0, refused: 0 } });
  });

  it('refuses a bad pack file with the record and field named, changing nothing', async () => {
    const { send } = setup();
    const before = await send('evidence/list', {});
    const r = await send('packs/import', { text: packText(pack('p', 1, [ev('a', { claimIds: ['nope'] })])) });
    expect(r).toEqual({ ok: false, packId: null, summary: null, errors: ['evidence[0] (id "a"), field claimIds[0]: no claim "nope" in this pack or in Footnote'] });
    expect(await send('evidence/list', {})).toEqual(before);
  });

  it('remembers dismissals per page', async () => {
    const { send } = setup();
    await send('dismissals/add', { url: 'https://www.gponline.com/x#top', key: 'para-3' });
    expect(await send('dismissals/list', { url: 'https://www.gponline.com/x' })).toEqual({ keys: ['para-3'] });
  });

  it('names the export file by date', () => {
    expect(exportFileName(new Date('2027-01-02T23:00:00Z'))).toBe('footnote-evidence-2027-01-02.json');
  });
});

describe('seeding', () => {
  it('seeds on install once and does not seed again before reads', async () => {
    const { seeder, send, logs } = setup();
    await seeder.seed('install');
    await send('evidence/list', {});
    await send('evidence/forClaim', { claimId: 'practices-closed' });
    expect(logs).toEqual(['Footnote: built-in evidence pack v1 (install): 7 added, 0 updated, 0 refused']);
  });

  it('an install event and a first read at the same moment seed once', async () => {
    const { seeder, send, logs } = setup();
    await Promise.all([seeder.seed('install'), send('evidence/list', {}), send('evidence/list', {})]);
    expect(logs).toHaveLength(1);
  });

  it('catches up on a missed update: a stored older built-in pack is brought up to date before the first read', async () => {
    const { evidence, send, logs } = setup(2);
    await evidence.seedBuiltin(builtin(1, [ev('b1', { figure: 'old' })]));
    const r = await send('evidence/forClaim', { claimId: 'practices-closed' });
    expect(r.evidence.find((e) => e.id === 'b1')!.figure).toBe('Figure b1');
    expect(logs[0]).toMatch(/v2 \(missed update\)/);
  });
});
