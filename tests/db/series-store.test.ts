/** Series in the store: schema version 5 over version 3, seeding, and series in packs. */
import { describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { bareSeries, createSeriesRepository } from '@/lib/db/series-store';
import { olderDatabase } from './older-database';
import type { Series } from '@/lib/model/series';
import { builtinSeries } from '@/lib/packs/builtin-series';
import { builtin, ev, pack } from '../model/evidence-fixtures';

const mine: Series = {
  id: 'lmc-appointments',
  name: 'Appointments in our practices',
  measure: 'Appointments booked in the LMC area in the month',
  unit: 'appointments',
  frequency: 'month',
  geography: 'An LMC area',
  nation: 'England',
  publication: { publisher: 'An LMC', title: 'Monthly returns' },
  claims: [{ claimId: 'practices-closed', direction: 'counters' }],
  points: [
    {
      period: '2021-03',
      value: 41000,
      published: '2021-04-20',
      source: { publisher: 'An LMC', title: 'March returns', url: 'https://lmc.example/march', quote: '41,000 appointments in March' },
    },
  ],
};

const packWith = (series: unknown[], version = 1) => JSON.stringify({ ...pack('lmc', version, [ev('l1')]), series });

describe('schema version 5 (series)', () => {
  it('upgrades a version 3 store keeping its clips and evidence, with a series table the built-in series seed', async () => {
    const name = `versions-series-${Math.random()}`;
    const v3 = olderDatabase(name, 4);
    await v3.open();
    expect(v3.verno).toBe(3);
    const clip = { id: 'c1', url: 'https://www.gponline.com/a', createdAt: 1, updatedAt: 1, tags: ['x'], claimId: 'practices-closed', quote: 'q' };
    const evidence = { ...ev('e1'), origin: { kind: 'user' }, updatedAt: 1 };
    const settings = { host: 'example.org', paused: true, updatedAt: 1 };
    await v3.table('clips').put(clip);
    await v3.table('evidence').put(evidence);
    await v3.table('siteSettings').put(settings);
    v3.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.table('clips').toArray()).toEqual([clip]);
    expect(await db.evidence.toArray()).toEqual([evidence]);
    expect(await db.siteSettings.toArray()).toEqual([settings]);
    expect(await db.series.count()).toBe(0);
    await createSeriesRepository(db).seedBuiltin(builtinSeries());
    const stored = await db.series.orderBy('id').toArray();
    expect(stored.map(bareSeries)).toEqual([...builtinSeries()].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.series.where('origin.kind').equals('builtin').count()).toBe(builtinSeries().length);
    await db.delete();
  });

  it('seeds a new store, and seeding again changes nothing', async () => {
    const db = new FootnoteDatabase(`series-seed-${Math.random()}`);
    const repo = createSeriesRepository(db);
    const first = await repo.seedBuiltin(builtinSeries(), 1);
    expect(first.added).toBe(builtinSeries().length);
    expect(await repo.seedBuiltin(builtinSeries(), 2)).toEqual({ added: 0, updated: 0, unchanged: builtinSeries().length, refused: [] });
    const changed = builtinSeries().map((s, i) => (i === 0 ? { ...s, points: s.points.slice(1) } : s));
    expect((await repo.seedBuiltin(changed, 3)).updated).toBe(1);
    await db.delete();
  });
});

describe('series in packs', () => {
  it('imports a pack’s series with its evidence and exports it again', async () => {
    const db = new FootnoteDatabase(`series-pack-${Math.random()}`);
    const evidence = createEvidenceRepository(db);
    await evidence.seedBuiltin(builtin(1, [ev('b1')]));
    const r = await evidence.importPackText(packWith([mine]), 5);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.series).toEqual({ added: 1, updated: 0, unchanged: 0, refused: [] });
    expect((await db.series.get('lmc-appointments'))?.origin).toEqual({ kind: 'pack', packId: 'lmc', packVersion: 1 });
    const out = await evidence.exportPack({ now: new Date('2026-12-07T00:00:00Z') });
    expect(out.series).toEqual([mine]);
    await db.delete();
  });

  it('refuses the whole pack, writing nothing, where one point has no quote or a series names an unknown claim', async () => {
    const db = new FootnoteDatabase(`series-pack-bad-${Math.random()}`);
    const evidence = createEvidenceRepository(db);
    await evidence.seedBuiltin(builtin(1, [ev('b1')]));
    const noQuote = { ...mine, points: [{ ...mine.points[0]!, source: { ...mine.points[0]!.source, quote: '' } }] };
    const bad = await evidence.importPackText(packWith([{ ...mine, id: 'fine' }, noQuote]));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join(' ')).toContain('series[1].points.0.source.quote');
    const unknown = await evidence.importPackText(packWith([{ ...mine, claims: [{ claimId: 'no-such-claim', direction: 'counters' }] }]));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors.join(' ')).toContain('no claim "no-such-claim"');
    expect(await db.series.count()).toBe(0);
    expect(await db.evidence.get('l1')).toBeUndefined();
    await db.delete();
  });

  it('does not let a pack replace a built-in series', async () => {
    const db = new FootnoteDatabase(`series-pack-builtin-${Math.random()}`);
    const evidence = createEvidenceRepository(db);
    await evidence.seedBuiltin(builtin(1, [ev('b1')]));
    const [first] = builtinSeries();
    await createSeriesRepository(db).seedBuiltin([first!]);
    const r = await evidence.importPackText(packWith([{ ...first!, points: first!.points.slice(1) }]));
    expect(r.ok && r.series?.refused).toEqual([first!.id]);
    expect(bareSeries((await db.series.get(first!.id))!)).toEqual(first);
    await db.delete();
  });
});
