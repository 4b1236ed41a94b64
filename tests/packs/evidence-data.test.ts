/**
 * The built-in evidence is the product: every record must pass the shared schema, carry a source a
 * reader can open, and answer only claims the catalogue knows.
 */
import { describe, expect, it } from 'vitest';
import raw from '@/assets/evidence.json';
import { evidenceSchema, isHttpUrl } from '@/lib/model/records';
import { describeZodError } from '@/lib/messages';

/** The claim ids are fixed across the team (claim engine, store, card, ranking). */
const KNOWN_CLAIM_IDS = ['practices-closed', 'no-face-to-face', 'cannot-see-gp', 'face-to-face-collapsed', 'gps-doing-less'];

const records = raw as unknown[];
const ids = (records as { id?: unknown }[]).map((r) => r.id);

describe('assets/evidence.json', () => {
  it('is a non-empty array', () => {
    expect(Array.isArray(raw)).toBe(true);
    expect(records.length).toBeGreaterThan(40);
  });

  it.each(records.map((r, i) => [i, ids[i], r] as const))('record %i (%s) passes the evidence schema', (_i, _id, record) => {
    const parsed = evidenceSchema.safeParse(record);
    expect(parsed.success ? '' : describeZodError(parsed.error, 'record')).toBe('');
  });

  it('has unique ids', () => {
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('gives every source an http(s) URL a reader can open', () => {
    const bad = records.map((r) => evidenceSchema.parse(r)).filter((e) => !isHttpUrl(e.source.url)).map((e) => e.id);
    expect(bad).toEqual([]);
  });

  it('refers only to known claim ids, and every record answers at least one claim', () => {
    for (const record of records) {
      const e = evidenceSchema.parse(record);
      expect(e.claimIds.length, e.id).toBeGreaterThan(0);
      for (const claimId of e.claimIds) expect(KNOWN_CLAIM_IDS, `${e.id} → ${claimId}`).toContain(claimId);
    }
  });

  it('gives every claim counter-figures and shows the other side where the record has one', () => {
    const all = records.map((r) => evidenceSchema.parse(r));
    for (const claimId of KNOWN_CLAIM_IDS) {
      const mine = all.filter((e) => e.claimIds.includes(claimId));
      expect(mine.some((e) => e.direction === 'counters'), claimId).toBe(true);
      expect(mine.some((e) => e.direction !== 'counters'), claimId).toBe(true);
    }
  });

  it('quotes every source and says how it was checked; inferred dates say so', () => {
    for (const record of records) {
      const e = evidenceSchema.parse(record);
      expect(e.source.quote?.length ?? 0, e.id).toBeGreaterThan(10);
      expect(e.source.checked, e.id).toMatch(/figures\.md|captured article text|stored copy/);
      // A date of year or month precision came from the text, not the page: it must say how.
      if (e.source.published.length < 10) expect(e.source.publishedNote, e.id).toBeTruthy();
    }
  });

  it('keeps the figures that cut both ways as context with a caution that says so', () => {
    const all = records.map((r) => evidenceSchema.parse(r));
    for (const id of ['bma-56pc-face-to-face-sep-2020', 'dhsc-face-to-face-2019-vs-2025']) {
      const e = all.find((x) => x.id === id)!;
      expect(e.direction).toBe('context');
      expect(e.caution).toMatch(/cuts both ways/);
    }
  });
});
