/**
 * Upgrades from every schema version Footnote ever shipped (read from lib/db/versions.ts itself,
 * so a new version is covered the day it is added): a store seeded at that version, with records
 * in every table it had, opens at the current version with no record lost, step by step or in one
 * jump. And an upgrade that fails (its upgrade function throws, part-way through its writes) or an
 * open that another connection blocks leaves the old data readable at the old version: Dexie runs
 * upgrades in IndexedDB's version-change transaction, which rolls back as a whole.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { FootnoteDatabase } from '@/lib/db/database';
import { applySchemaVersions } from '@/lib/db/versions';
import { clip } from '../clips/fixtures';
import { ev } from '../model/evidence-fixtures';
import { builtinSeries } from '@/lib/packs/builtin-series';

interface Declared {
  version: number;
  stores: Record<string, string | null>;
  upgrade: boolean;
}

/** The versions lib/db/versions.ts declares, oldest first. */
function declaredVersions(): Declared[] {
  const calls: Declared[] = [];
  const recorder = {
    version(n: number) {
      const entry: Declared = { version: n, stores: {}, upgrade: false };
      calls.push(entry);
      const api = {
        stores(s: Record<string, string | null>) {
          Object.assign(entry.stores, s);
          return api;
        },
        upgrade() {
          entry.upgrade = true;
          return api;
        },
      };
      return api;
    },
  };
  applySchemaVersions(recorder as unknown as Dexie);
  return calls.sort((a, b) => a.version - b.version);
}

const VERSIONS = declaredVersions();
const CURRENT = VERSIONS.at(-1)!.version;

function tablesAt(version: number): string[] {
  const tables = new Set<string>();
  for (const v of VERSIONS.filter((d) => d.version <= version)) {
    for (const [name, schema] of Object.entries(v.stores)) {
      if (schema === null) tables.delete(name);
      else tables.add(name);
    }
  }
  return [...tables].sort();
}

/** The database as a Footnote that knew only versions up to `upTo` left it. */
function databaseAt(name: string, upTo: number, extra?: (db: Dexie) => void): Dexie {
  const db = new Dexie(name);
  const ignored = { stores: () => ignored, upgrade: () => ignored };
  applySchemaVersions(new Proxy(db, { get: (t, p, r) => (p === 'version' ? (n: number) => (n <= upTo ? t.version(n) : ignored) : Reflect.get(t, p, r)) }));
  extra?.(db);
  return db;
}

/** Realistic records for every table Footnote has had. A new table needs its rows here (the test says so). */
const SEEDS: Record<string, () => unknown[]> = {
  siteSettings: () => Array.from({ length: 30 }, (_, i) => ({ host: `site${i}.example.org`, paused: i % 3 === 0, updatedAt: 1_700_000_000_000 + i })),
  evidence: () => [
    { ...ev('f2f-appointments-2020-21'), origin: { kind: 'builtin', packId: 'builtin', packVersion: 1 }, updatedAt: 1 },
    { ...ev('lmc-1', { claimIds: ['cannot-see-gp', 'practices-closed'] }), origin: { kind: 'pack', packId: 'lmc', packVersion: 3 }, updatedAt: 2 },
    { ...ev('mine'), origin: { kind: 'user' }, updatedAt: 3 },
    { ...ev('edited'), origin: { kind: 'builtin', packId: 'builtin', packVersion: 1, editedAt: 9 }, updatedAt: 9 },
  ],
  claims: () => [
    { id: 'practices-closed', statement: 'GP practices were closed during the pandemic', short: 'practices were closed', wordings: ['surgeries had been closed'], origin: { kind: 'builtin', packId: 'builtin', packVersion: 1 }, updatedAt: 1 },
    { id: 'lmc-claim', statement: 'A claim from a pack', short: 'pack claim', wordings: [], origin: { kind: 'pack', packId: 'lmc', packVersion: 3 }, updatedAt: 2 },
  ],
  tombstones: () => [{ id: 'evidence:deleted-one', packId: 'builtin', deletedAt: 5 }],
  dismissals: () => [
    { url: 'https://www.gponline.com/a', key: 'practices-closed|surgeries had been closed', createdAt: 1 },
    { url: 'https://www.gponline.com/a', key: 'cannot-see-gp|x', createdAt: 2 },
    { url: 'https://www.pulsetoday.co.uk/b', key: 'practices-closed|y', createdAt: 3 },
  ],
  clips: () => [clip({ id: 'clip-1' }), clip({ id: 'clip-2', tags: [], claimId: undefined, counters: undefined, evidenceIds: undefined, note: '' }), clip({ id: 'clip-3', url: 'https://example.org/other' })],
  clipDrafts: () => [clip({ id: 'draft-1', note: 'half a thought' })],
  reports: () => [
    {
      id: 'report-1',
      createdAt: 4,
      url: 'https://www.gponline.com/a',
      title: 'A page',
      sentence: 'Surgeries had been closed.',
      claimId: 'practices-closed',
      claim: 'GP practices were closed during the pandemic',
      stance: 'reported',
      wording: 'surgeries had been closed',
      why: ['Wording matched: “surgeries had been closed”', 'Stance: the article reports someone saying it.'],
      problem: 'wrong-stance',
      note: 'The writer quotes a critic and answers them.',
    },
  ],
  series: () => [
    { ...builtinSeries()[0]!, origin: { kind: 'builtin', packId: 'builtin' }, updatedAt: 1 },
    { ...builtinSeries()[1]!, id: 'lmc-series', origin: { kind: 'pack', packId: 'lmc', packVersion: 2 }, updatedAt: 2 },
  ],
};

/** A row's primary key as text, to compare which records a table holds. */
function keyOf(table: Dexie.Table, row: unknown): string {
  const keyPath = table.schema.primKey.keyPath;
  return JSON.stringify((typeof keyPath === 'string' ? [keyPath] : (keyPath ?? [])).map((k) => (row as Record<string, unknown>)[k]));
}

async function seed(db: Dexie): Promise<Record<string, unknown[]>> {
  const seeded: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    const rows = SEEDS[table.name];
    if (!rows) throw new Error(`No seed rows for table "${table.name}": add realistic records for it to SEEDS in this test.`);
    await table.bulkPut(rows());
    seeded[table.name] = await table.toArray();
  }
  return seeded;
}

const names: string[] = [];
const fresh = (label: string) => {
  const name = `upgrade-${label}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Whether a version after `from` transforms data (then rows may change shape but none may go). */
const transformedAfter = (from: number) => VERSIONS.some((v) => v.version > from && v.upgrade);

describe('schema upgrades', () => {
  it('knows every version, numbered upwards from 1, each a table change', () => {
    // Numbers may skip (Dexie allows it: a version can be left to a change made alongside).
    expect(VERSIONS[0]!.version).toBe(1);
    VERSIONS.slice(1).forEach((v, i) => expect(v.version).toBeGreaterThan(VERSIONS[i]!.version));
    for (const v of VERSIONS) expect(Object.keys(v.stores).length).toBeGreaterThan(0);
    expect(CURRENT).toBeGreaterThanOrEqual(3);
  });

  it.each(VERSIONS.slice(0, -1).map((v) => [v.version]))('a store left at version %i opens at the current version with every record', async (from) => {
    const name = fresh(`from-${from}`);
    const old = databaseAt(name, from);
    await old.open();
    expect(old.verno).toBe(from);
    expect(old.tables.map((t) => t.name).sort()).toEqual(tablesAt(from));
    const seeded = await seed(old);
    old.close();

    const db = new FootnoteDatabase(name);
    await db.open();
    expect(db.verno).toBe(CURRENT);
    expect(db.tables.map((t) => t.name).sort()).toEqual(tablesAt(CURRENT));
    for (const [table, rows] of Object.entries(seeded)) {
      const now = await db.table(table).toArray();
      const keyPath = db.table(table).schema.primKey.keyPath;
      const key = (r: unknown) => JSON.stringify((typeof keyPath === 'string' ? [keyPath] : (keyPath ?? [])).map((k) => (r as Record<string, unknown>)[k]));
      // No record lost (by primary key), and none changed unless a later version transforms data.
      expect(now.map(key).sort()).toEqual(rows.map(key).sort());
      if (!transformedAfter(from)) expect(now).toEqual(rows);
    }
    // Tables added since are there and empty.
    for (const table of tablesAt(CURRENT).filter((t) => !(t in seeded))) expect(await db.table(table).count()).toBe(0);
    db.close();
  });

  it('upgrading one version at a time keeps every record too', async () => {
    const name = fresh('stepwise');
    const first = databaseAt(name, 1);
    await first.open();
    const seeded = await seed(first);
    first.close();
    for (const v of VERSIONS.slice(1)) {
      const step = databaseAt(name, v.version);
      await step.open();
      expect(step.verno).toBe(v.version);
      // Each step also gets rows in the tables it adds, which later steps must keep.
      for (const table of step.tables) {
        if (table.name in seeded) {
          // A step that transforms data may change a row's shape, never which rows there are.
          if (v.upgrade) {
            const now = await table.toArray();
            expect(now.map((r) => keyOf(table, r)).sort()).toEqual(seeded[table.name]!.map((r) => keyOf(table, r)).sort());
            seeded[table.name] = now;
          }
          continue;
        }
        await table.bulkPut(SEEDS[table.name]!());
        seeded[table.name] = await table.toArray();
      }
      step.close();
    }
    const db = new FootnoteDatabase(name);
    await db.open();
    for (const [table, rows] of Object.entries(seeded)) expect(await db.table(table).toArray()).toEqual(rows);
    db.close();
  });

  it('a failed upgrade (it throws after writing) leaves the old data readable at the old version', async () => {
    const name = fresh('failed');
    const current = new FootnoteDatabase(name);
    await current.open();
    const seeded = await seed(current);
    current.close();

    // A newer Footnote whose upgrade rewrites every clip and deletes the settings, then fails.
    const broken = databaseAt(name, CURRENT, (db) => {
      db.version(CURRENT + 1)
        .stores({ newTable: '&id' })
        .upgrade(async (tx) => {
          await tx.table('clips').toCollection().modify((c: { note: string }) => void (c.note = 'REWRITTEN'));
          await tx.table('siteSettings').clear();
          await tx.table('newTable').add({ id: 'half-done' });
          throw new Error('upgrade failed half-way');
        });
    });
    await expect(broken.open()).rejects.toThrow(/upgrade failed half-way/);
    broken.close();

    // The Footnote that is installed still opens it, at its own version, with every record as it was.
    const again = new FootnoteDatabase(name);
    await again.open();
    expect(again.verno).toBe(CURRENT);
    expect(again.tables.map((t) => t.name)).not.toContain('newTable');
    for (const [table, rows] of Object.entries(seeded)) expect(await again.table(table).toArray()).toEqual(rows);
    again.close();
  });

  it('an upgrade blocked by another open connection leaves the old data readable, and goes ahead once it closes', async () => {
    const name = fresh('blocked');
    const current = new FootnoteDatabase(name);
    await current.open();
    const seeded = await seed(current);
    current.close();

    // Another page (a side panel of the old version) holds the database open and ignores versionchange.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    holder.onversionchange = null;

    const newer = databaseAt(name, CURRENT, (db) => db.version(CURRENT + 1).stores({ newTable: '&id' }));
    let blocked = false;
    newer.on('blocked', () => void (blocked = true));
    const opening = newer.open();
    await new Promise((r) => setTimeout(r, 50));
    expect(blocked).toBe(true);
    expect(newer.isOpen()).toBe(false);

    // While blocked, the old version's data is all there and readable.
    const read = await new Promise<unknown[]>((resolve, reject) => {
      const req = holder.transaction('clips').objectStore('clips').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(read).toEqual(seeded.clips);
    expect(holder.version).toBe(CURRENT * 10); // Dexie stores version n as n × 10

    holder.close();
    await opening;
    expect(newer.verno).toBe(CURRENT + 1);
    for (const [table, rows] of Object.entries(seeded)) expect(await newer.table(table).toArray()).toEqual(rows);
    newer.close();
  });
});
