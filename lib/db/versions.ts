import type Dexie from 'dexie';

/**
 * Every schema version, oldest first. A version is never edited once released: a change is a new
 * version with a dated comment and, where data must move, an upgrade. Each has a test that seeds the
 * version before it (tests/db/versions.test.ts).
 */
export function applySchemaVersions(db: Dexie): void {
  // v1, 2026-11-23: per-site settings (the pause switch).
  db.version(1).stores({
    siteSettings: '&host',
  });
}
