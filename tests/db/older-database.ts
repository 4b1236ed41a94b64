import Dexie from 'dexie';
import { applySchemaVersions } from '@/lib/db/versions';

/**
 * The database as a Footnote that knew only the versions before `upTo` left it: the real schema
 * history, cut short, so an upgrade test seeds exactly what an older release wrote.
 */
export function olderDatabase(name: string, upTo: number): Dexie {
  const db = new Dexie(name);
  const ignored = { stores: () => ignored, upgrade: () => ignored };
  applySchemaVersions(
    new Proxy(db, {
      get: (target, prop, receiver) => (prop === 'version' ? (n: number) => (n < upTo ? target.version(n) : ignored) : Reflect.get(target, prop, receiver)),
    }),
  );
  return db;
}
