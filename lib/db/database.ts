import Dexie, { type EntityTable } from 'dexie';
import type { SiteSetting } from './site-settings';
import type { Dismissal, StoredClaim, StoredEvidence, Tombstone } from '../model/stored';
import type { Clip, ClipDraft } from '../model/clip';
import type { FalseFlagReport } from '../model/report';
import type { StoredSeries } from './series-store';
import { applySchemaVersions } from './versions';

/** The only place that knows table names; the rest of the extension goes through the repositories. */
export class FootnoteDatabase extends Dexie {
  siteSettings!: EntityTable<SiteSetting, 'host'>;
  evidence!: EntityTable<StoredEvidence, 'id'>;
  claims!: EntityTable<StoredClaim, 'id'>;
  tombstones!: EntityTable<Tombstone, 'id'>;
  dismissals!: Dexie.Table<Dismissal, [string, string]>;

  clips!: EntityTable<Clip, 'id'>;
  clipDrafts!: EntityTable<ClipDraft, 'id'>;

  reports!: EntityTable<FalseFlagReport, 'id'>;
  series!: EntityTable<StoredSeries, 'id'>;

  constructor(name = 'footnote', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    applySchemaVersions(this);
  }
}
