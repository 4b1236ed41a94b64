import { describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createReportRepository } from '@/lib/db/reports';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { olderDatabase } from './older-database';
import { builtin, ev, pack, packText } from '../model/evidence-fixtures';

describe('schema version 2 (evidence store)', () => {
  it('upgrades a version 1 store keeping every site setting, with empty evidence tables that work', async () => {
    const name = `versions-evidence-${Math.random()}`;
    const v1 = olderDatabase(name, 2);
    await v1.open();
    expect(v1.verno).toBe(1);
    const settings = Array.from({ length: 50 }, (_, i) => ({ host: `site${i}.example`, paused: i % 2 === 0, updatedAt: i }));
    await v1.table('siteSettings').bulkPut(settings);
    v1.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.siteSettings.orderBy('host').toArray()).toEqual([...settings].sort((a, b) => (a.host < b.host ? -1 : 1)));
    for (const table of [db.evidence, db.claims, db.tombstones, db.dismissals]) expect(await table.count()).toBe(0);

    // The new tables and their indexes answer queries.
    const repo = createEvidenceRepository(db);
    await repo.seedBuiltin(builtin(1, [ev('b1', { claimIds: ['practices-closed', 'cannot-see-gp'] })]));
    await repo.importPackText(packText(pack('lmc', 1, [ev('l1')])));
    expect(await db.evidence.where('claimIds').equals('cannot-see-gp').primaryKeys()).toEqual(['b1']);
    expect(await db.evidence.where('origin.packId').equals('lmc').primaryKeys()).toEqual(['l1']);
    expect(await db.claims.where('origin.kind').equals('builtin').count()).toBe(5);
    await createDismissalRepository(db).add('https://www.gponline.com/a#comments', 'k1');
    expect(await db.dismissals.where('url').equals('https://www.gponline.com/a').count()).toBe(1);
    await db.delete();
  });

  it('keeps version 2 evidence, claims, tombstones and dismissals through every later version', async () => {
    const name = `versions-evidence-later-${Math.random()}`;
    const v2 = olderDatabase(name, 3);
    await v2.open();
    const seeded = {
      evidence: [{ ...ev('e1'), origin: { kind: 'user' }, updatedAt: 1 }],
      claims: [{ id: 'practices-closed', statement: 'S', short: 's', wordings: [], origin: { kind: 'builtin', packId: 'builtin', packVersion: 1 }, updatedAt: 1 }],
      tombstones: [{ id: 'evidence:b9', packId: 'builtin', deletedAt: 1 }],
      dismissals: [{ url: 'https://www.gponline.com/a', key: 'k', createdAt: 1 }],
    };
    for (const [table, rows] of Object.entries(seeded)) await v2.table(table).bulkPut(rows);
    v2.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    // Version 4 gives each dismissal the sentence its key holds ("k": the key has no claim part).
    const later = { ...seeded, dismissals: seeded.dismissals.map((d) => ({ ...d, sentence: 'k' })) };
    for (const [table, rows] of Object.entries(later)) expect(await db.table(table).toArray()).toEqual(rows);
    await db.delete();
  });
});

describe('schema version 4 (reports, dismissals by time with their sentence)', () => {
  it('upgrades a version 3 store: every clip, setting and dismissal kept, each dismissal given the sentence of its key, and reports work', async () => {
    const name = `versions-reports-${Math.random()}`;
    const v3 = olderDatabase(name, 4);
    await v3.open();
    expect(v3.verno).toBe(3);
    const dismissals = [
      { url: 'https://www.gponline.com/a', key: 'practices-closed|gp surgeries are closed', createdAt: 5 },
      { url: 'https://www.gponline.com/b', key: 'cannot-see-gp|you cannot see a gp', createdAt: 9 },
      { url: 'https://www.gponline.com/c', key: 'no-bar-in-key', createdAt: 7 },
    ];
    await v3.table('dismissals').bulkPut(dismissals);
    await v3.table('siteSettings').put({ host: 'example.com', paused: true, updatedAt: 3 });
    const clipRow = { id: 'c1', url: 'https://www.gponline.com/a', createdAt: 1, updatedAt: 2, tags: ['t'], claimId: null, quote: 'q' };
    await v3.table('clips').put(clipRow);
    v3.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4); // the current version, whichever came after 4
    expect(await db.table('clips').toArray()).toEqual([clipRow]);
    expect(await db.siteSettings.toArray()).toEqual([{ host: 'example.com', paused: true, updatedAt: 3 }]);
    const repo = createDismissalRepository(db);
    // Newest first, through the new createdAt index, each with the sentence its key holds.
    expect(await repo.listAll()).toEqual([
      { ...dismissals[1], sentence: 'you cannot see a gp' },
      { ...dismissals[2], sentence: 'no-bar-in-key' },
      { ...dismissals[0], sentence: 'gp surgeries are closed' },
    ]);
    expect(await db.dismissals.get(['https://www.gponline.com/a', 'practices-closed|gp surgeries are closed'])).toMatchObject({ sentence: 'gp surgeries are closed' });

    const reports = createReportRepository(db, () => 'r1');
    const flag = { url: 'https://www.gponline.com/a', title: 'A', sentence: 'S', claimId: 'practices-closed', claim: 'C', stance: 'reported' as const, wording: 'w', why: ['Wording matched: “w”'] };
    const kept = await reports.add(flag, { problem: 'wrong-stance', note: 'n' }, 11);
    expect(await reports.list()).toEqual([kept]);
    expect(kept).toEqual({ ...flag, id: 'r1', createdAt: 11, problem: 'wrong-stance', note: 'n' });
    await db.delete();
  });
});
