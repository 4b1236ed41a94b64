/** Small, valid records for store tests (the real built-in data is tested in evidence-data.test.ts). */
import { FootnoteDatabase } from '@/lib/db/database';
import type { Claim, Evidence } from '@/lib/model/records';
import { BUILTIN_PACK_ID, PACK_FORMAT, PACK_FORMAT_VERSION, type Pack } from '@/lib/packs/pack';

let n = 0;
export function freshDb(): FootnoteDatabase {
  n += 1;
  return new FootnoteDatabase(`footnote-test-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`);
}

/** The five claims, in figures.md's words (group headings A–D). */
export const CLAIMS: Claim[] = [
  { id: 'practices-closed', statement: 'GP practices were closed during the pandemic', short: 'practices were closed', wordings: ['surgeries had been closed to face-to-face appointments'] },
  { id: 'no-face-to-face', statement: 'GPs refused to see patients face to face', short: 'GPs refused face-to-face', wordings: [] },
  { id: 'cannot-see-gp', statement: "Patients can't see a GP", short: "patients can't see a GP", wordings: [] },
  { id: 'face-to-face-collapsed', statement: 'Face-to-face appointments collapsed', short: 'face-to-face collapsed', wordings: [] },
  { id: 'gps-doing-less', statement: 'GPs are doing less', short: 'GPs doing less', wordings: [] },
];

export function ev(id: string, over: Partial<Evidence> = {}): Evidence {
  return {
    id,
    figure: `Figure ${id}`,
    value: 164,
    unit: 'million appointments',
    period: { from: '2020-03', to: '2021-03', label: 'March 2020 – March 2021' },
    geography: 'England',
    nation: 'England',
    claimIds: ['practices-closed'],
    direction: 'counters',
    source: {
      publisher: 'GPonline',
      title: `Title ${id}`,
      published: '2021-05',
      publishedNote: 'date not shown on the page; inferred from its text',
      url: `https://www.example.org/${id}`,
      quotedFrom: 'BMA GP committee chair, citing official figures',
      quote: 'official figures showing …',
      checked: 'test record',
    },
    ...over,
  };
}

export function pack(id: string, version: number, evidence: Evidence[], claims: Claim[] = []): Pack {
  return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, pack: { id, version }, created: '2026-11-23T10:00:00.000Z', claims, evidence };
}

export function builtin(version: number, evidence: Evidence[], claims: Claim[] = CLAIMS): Pack {
  return pack(BUILTIN_PACK_ID, version, evidence, claims);
}

export function packText(p: unknown): string {
  return JSON.stringify(p);
}

/** Every row of every table, in key order: two snapshots are equal only if nothing changed. */
export async function snapshot(db: FootnoteDatabase): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return out;
}
