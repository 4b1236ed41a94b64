import { describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository } from '@/lib/db/clips';
import { sentenceOfKey } from '@/lib/db/versions';
import { olderDatabase } from './older-database';
import { clip } from '../clips/fixtures';

describe('schema version 3 (clips)', () => {
  it('upgrades a store seeded at the version before it, keeping every record, with empty clip tables', async () => {
    const name = `versions-clips-${Math.random()}`;
    const old = olderDatabase(name, 3);
    await old.open();
    const before = old.verno;
    expect(before).toBeLessThan(3);
    // Seed every table the older version has (whatever other issues added), plus a real site setting.
    for (const table of old.tables) {
      const key = table.schema.primKey.keyPath;
      const keys = typeof key === 'string' ? [key] : (key ?? []);
      await table.put({ ...Object.fromEntries(keys.map((k) => [k, `seed-${table.name}-${k}`])), seeded: true });
    }
    await old.table('siteSettings').put({ host: 'gponline.com', paused: true, updatedAt: 1 });
    const seeded: Record<string, unknown[]> = {};
    for (const table of old.tables) seeded[table.name] = await table.toArray();
    const tableNames = old.tables.map((t) => t.name);
    old.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    // Version 4 gives each dismissal the sentence its key holds; every other record is as it was.
    const afterLater = (t: string, row: unknown) => (t === 'dismissals' ? { ...(row as { key: string }), sentence: sentenceOfKey((row as { key: string }).key) } : row);
    for (const t of tableNames) expect(await db.table(t).toArray()).toEqual(seeded[t]!.map((row) => afterLater(t, row)));
    expect(await db.clips.count()).toBe(0);
    expect(await db.clipDrafts.count()).toBe(0);

    // The new tables and their indexes work.
    const repo = createClipsRepository(db);
    await repo.restore(clip());
    expect(await db.clips.where('tags').equals('letters').count()).toBe(1);
    expect(await db.clips.where('claimId').equals('practices-closed').count()).toBe(1);
    await db.delete();
  });
});
