/**
 * The store's records, made from the fixtures and the built-in catalogue and checked against the
 * store's own schemas (a record the extension would refuse would make the benchmark meaningless),
 * and the store benchmark under fake-indexeddb. The caller imports 'fake-indexeddb/auto' before
 * anything loads Dexie (Dexie reads `indexedDB` when it loads).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseClaims, parseEvidence } from '@/lib/claims/catalogue';
import { clipSchema } from '@/lib/model/clip';
import { storedClaimSchema, storedEvidenceSchema } from '@/lib/model/stored';
import { describeZodError } from '@/lib/messages';
import { articlePages, sourceArticle } from './fixtures';
import { runStoreBench, type StoreBenchResult } from './store-core';
import { makeStoreData, type SourceArticle, type StoreData } from './store-data';

const ASSETS = resolve(import.meta.dirname, '../../assets');

/** What a reader types in the side panel's search box, typo and tag included. */
export const QUERIES = ['face', 'face to face', 'appointments', 'nhs england', 'vaccin', 'hancock', 'letters', 'apointments', 'bma gp committee'] as const;

export function benchStoreData(): StoreData {
  const claims = parseClaims(JSON.parse(readFileSync(join(ASSETS, 'claims.json'), 'utf8')), 'assets/claims.json');
  const evidence = parseEvidence(JSON.parse(readFileSync(join(ASSETS, 'evidence.json'), 'utf8')), 'assets/evidence.json');
  const articles = articlePages()
    .map(sourceArticle)
    .filter((a): a is SourceArticle => a !== null);
  const data = makeStoreData({ articles, evidence, claims, clips: 10_000, evidenceRecords: 1_000 });
  const check = <T>(what: string, schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, records: readonly T[]) => {
    for (const [i, r] of records.entries()) {
      const result = schema.safeParse(r);
      if (!result.success) throw new Error(`benchmark ${what} ${i} is not a valid record: ${describeZodError(result.error as never, what)}`);
    }
  };
  check('clip', clipSchema, data.clips);
  check('evidence', storedEvidenceSchema, data.evidence);
  check('claim', storedClaimSchema, data.claims);
  return data;
}

export function storeFakeIndexedDb(data: StoreData): Promise<StoreBenchResult> {
  if (typeof indexedDB === 'undefined') throw new Error("fake-indexeddb is not loaded: import 'fake-indexeddb/auto' first");
  return runStoreBench({ data, queries: QUERIES, rounds: 5, opens: 3, dbName: 'footnote-bench' });
}
