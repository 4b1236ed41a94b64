import type Dexie from 'dexie';

/**
 * Every schema version, oldest first. A version is never edited once released: a change is a new
 * version with a dated comment and, where data must move, an upgrade. Each has a test that seeds the
 * version before it (tests/db/versions.test.ts).
 */
/** The passage a dismissal key names: the key is "<claim id>|<normalised text>" (lib/page/highlight markKey). */
export function sentenceOfKey(key: string): string {
  const bar = key.indexOf('|');
  return bar < 0 ? key : key.slice(bar + 1);
}

export function applySchemaVersions(db: Dexie): void {
  // v1, 2026-11-23: per-site settings (the pause switch).
  db.version(1).stores({
    siteSettings: '&host',
  });

  // v2, 2026-11-23: evidence and claim records with where each came from
  // (built-in pack, imported pack, the reader), tombstones for pack records the reader deleted (so
  // that seeding does not bring them back), and the passages a reader marked "not a claim here".
  // New tables only: nothing in v1 moves, so there is no upgrade function.
  db.version(2).stores({
    evidence: '&id, *claimIds, origin.kind, origin.packId',
    claims: '&id, origin.kind, origin.packId',
    tombstones: '&id',
    dismissals: '&[url+key], url',
  });

  // v3, 2026-11-24: the reader's clips, and drafts of clips being written (kept from
  // the moment the editor opens so that a closed tab or an error never loses what was typed).
  // Indexes: by page for re-anchoring, by time for the panel, by tag and claim for its filters.
  db.version(3).stores({
    clips: '&id, url, createdAt, updatedAt, *tags, claimId',
    clipDrafts: '&id, url, updatedAt',
  });

  // v4, 2026-12-07: the false flags a reader reported from the card (listed newest first and
  // exported from the options page), and dismissals listed across pages by time in the options page,
  // each with its sentence. A dismissal from before kept only its key ("<claim>|<normalised text>"):
  // the upgrade gives it the sentence that key holds.
  db.version(4)
    .stores({
      reports: '&id, createdAt',
      dismissals: '&[url+key], url, createdAt',
    })
    .upgrade((tx) =>
      tx
        .table('dismissals')
        .toCollection()
        .modify((row: { key: string; sentence?: string }) => {
          if (typeof row.sentence !== 'string') row.sentence = sentenceOfKey(row.key);
        }),
    );

  // v5, 2026-12-07: series (one official measure over time, each point with its source), with where
  // each came from. A new table only: the background seeds the built-in series into it before its
  // first read.
  db.version(5).stores({
    series: '&id, origin.kind, origin.packId',
  });
}
