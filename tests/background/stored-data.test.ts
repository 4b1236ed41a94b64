/**
 * Everything stored, as the options page sees it through the real protocol: the counts of each
 * kind, "Clear all data" in one transaction that puts the built-in pack back, the tabs told of
 * what changed for them, and every clip exported in each format.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createStoredDataHandlers } from '@/lib/background/stored-data';
import { createClipsRepository } from '@/lib/db/clips';
import { quietClipHandlers } from './clip-handlers-fixture';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createEvidenceRepository } from '@/lib/db/evidence-store';
import { createReportRepository } from '@/lib/db/reports';
import { createSiteSettingsRepository } from '@/lib/db/site-settings';
import { createStoredDataRepository } from '@/lib/db/stored-data';
import { dispatch, request, type Handlers, type MessageType, type RequestOf } from '@/lib/messages';
import { exportClips } from '@/lib/clips/export';
import { parseClipsFile } from '@/lib/clips/import';
import { clip, GP_VOTE } from '../clips/fixtures';
import { builtin, ev, freshDb, pack, packText, snapshot } from '../model/evidence-fixtures';
import { builtinSeries } from '@/lib/packs/builtin-series';
import { createSeriesRepository } from '@/lib/db/series-store';

const SERIES = builtinSeries();

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const EXPORTED_AT = Date.UTC(2026, 11, 7, 12);
const BUILTIN = builtin(1, [ev('b1'), ev('b2'), ev('b3')]);
const EMPTY = {
  clips: 0, drafts: 0, dismissals: 0, pausedSites: 0, reports: 0,
  builtinFigures: 3, editedBuiltin: 0, deletedBuiltin: 0, importedFigures: 0, importedClaims: 0, packs: 0, yourFigures: 0,
};

async function setup() {
  const db = freshDb();
  dbs.push(db);
  const evidence = createEvidenceRepository(db);
  await evidence.seedBuiltin(BUILTIN, 1);
  const told: string[] = [];
  const clips = createClipsRepository(db, { now: () => 50 });
  const data = createStoredDataRepository(db, evidence);
  const handlers: Handlers = {
    ...createStoredDataHandlers({
      data,
      builtinPack: () => BUILTIN,
      builtinSeries: () => SERIES,
      broadcastSiteChange: async (host, paused) => void told.push(`site ${host} ${paused}`),
      notifyDismissals: async (url) => void told.push(`dismissals ${url}`),
      clipsChanged: async (urls) => void told.push(`clips ${JSON.stringify(urls)}`),
      now: () => 200,
    }),
    ...quietClipHandlers(db, clips, { now: () => EXPORTED_AT }),
  };
  const send = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, handlers), type, payload);
  return { db, evidence, clips, told, send };
}

/** One of each kind of record a reader's use of Footnote leaves. */
async function fill(db: FootnoteDatabase, evidence: ReturnType<typeof createEvidenceRepository>, clips: ReturnType<typeof createClipsRepository>) {
  await clips.restore(clip());
  await clips.restore(clip({ id: 'c2', url: 'https://news.example/b', createdAt: 2, updatedAt: 2 }));
  await clips.startDraft({ url: GP_VOTE.url, title: GP_VOTE.title, quote: 'A passage being clipped.', anchor: [{ type: 'TextQuoteSelector', exact: 'A passage being clipped.' }] });
  const dismissals = createDismissalRepository(db);
  await dismissals.add('https://news.example/a', 'practices-closed|gp practices were closed', 3, 'GP practices were closed.');
  await dismissals.add('https://news.example/a', 'no-face-to-face|gps refused', 4, 'GPs refused.');
  const sites = createSiteSettingsRepository(db);
  await sites.setPaused('www.paused.example', true, 5);
  await sites.setPaused('resumed.example', false, 6);
  await createReportRepository(db, () => 'r1').add(
    { url: 'https://news.example/a', title: 'A', sentence: 'GP practices were closed.', claimId: 'practices-closed', claim: 'Closed', stance: 'asserted', wording: 'were closed', why: ['Wording matched'] },
    { problem: 'other', note: '' },
    7,
  );
  await evidence.saveEvidence({ ...ev('b1'), figure: 'An edited built-in figure' }, 8);
  await evidence.deleteEvidence('b2', 9);
  await evidence.importPackText(packText(pack('regional', 4, [ev('p1'), ev('p2')])), 10);
  await evidence.saveEvidence(ev('mine-1'), 11);
}

describe('data/counts', () => {
  it('counts nothing of the reader’s in a fresh store, only the built-in figures', async () => {
    const { send } = await setup();
    expect(await send('data/counts', {})).toEqual(EMPTY);
  });

  it('counts each kind the reader’s use leaves', async () => {
    const { db, evidence, clips, send } = await setup();
    await fill(db, evidence, clips);
    expect(await send('data/counts', {})).toEqual({
      clips: 2, drafts: 1, dismissals: 2, pausedSites: 1, reports: 1,
      builtinFigures: 2, editedBuiltin: 1, deletedBuiltin: 1, importedFigures: 2, importedClaims: 0, packs: 1, yourFigures: 1,
    });
  });
});

describe('data/clear', () => {
  it('refuses a payload without the reader’s confirmation, and changes nothing', async () => {
    const { db, evidence, clips, send } = await setup();
    await fill(db, evidence, clips);
    const before = await snapshot(db);
    await expect(send('data/clear', {} as never)).rejects.toThrow(/confirmed/);
    expect(await snapshot(db)).toEqual(before);
  });

  it('removes everything, says what it removed, puts the built-in pack and series back and tells the tabs', async () => {
    const { db, evidence, clips, told, send } = await setup();
    await fill(db, evidence, clips);
    await createSeriesRepository(db).seedBuiltin(SERIES, 1);
    const first = SERIES[0]!;
    await db.series.put({ ...first, points: first.points.slice(0, 1), origin: { kind: 'builtin', packId: 'builtin', packVersion: 1, editedAt: 5 }, updatedAt: 5 });
    const { removed } = await send('data/clear', { confirmed: true });
    expect(removed).toMatchObject({ clips: 2, drafts: 1, dismissals: 2, pausedSites: 1, reports: 1, editedBuiltin: 1, deletedBuiltin: 1, importedFigures: 2, packs: 1, yourFigures: 1 });
    expect(await send('data/counts', {})).toEqual(EMPTY);
    // The built-in figures are as they ship: the edit undone, the deleted one back.
    const figures = await evidence.listEvidence();
    expect(figures.map((f) => `${f.id}:${f.origin.kind}:${f.figure}`).sort()).toEqual(['b1:builtin:Figure b1', 'b2:builtin:Figure b2', 'b3:builtin:Figure b3']);
    expect(await db.siteSettings.count()).toBe(0);
    // The series too: every built-in one, the reader's edit undone.
    const series = await db.series.orderBy('id').toArray();
    expect(series.map((x) => x.id)).toEqual(SERIES.map((x) => x.id).sort());
    expect(series.find((x) => x.id === first.id)!.points).toHaveLength(first.points.length);
    expect(told.sort()).toEqual([
      'clips ["https://news.example/b","https://www.gponline.com/bma-delivers-vote-no-confidence-nhs-england-failure-support-gps/article/1716665"]',
      'dismissals https://news.example/a',
      'site paused.example false',
    ]);
  });

  it('leaves everything as it was when any part fails: one transaction', async () => {
    const { db, evidence, clips, send } = await setup();
    await fill(db, evidence, clips);
    const before = await snapshot(db);
    const failing = createStoredDataRepository(db, evidence);
    // A built-in pack that the seeding refuses fails the transaction after the tables were emptied.
    await expect(failing.clearAll(pack('not-builtin', 1, [ev('x')]), SERIES, 300)).rejects.toThrow(/not the built-in pack/);
    expect(await snapshot(db)).toEqual(before);
    expect((await send('data/counts', {})).clips).toBe(2);
  });
});

describe('clips/export', () => {
  it('gives every clip in each format; the Footnote JSON reads back as the same clips', async () => {
    const { clips, send } = await setup();
    await clips.restore(clip());
    await clips.restore(clip({ id: 'c2', createdAt: 2, updatedAt: 2, note: 'Second' }));
    const json = await send('clips/export', { format: 'json' });
    expect(json.count).toBe(2);
    expect(parseClipsFile(json.text).map((c) => c.id)).toEqual(['c2', '3f1c9a52-7d0e-4b8a-9c61-2f5e8d4a1b07']);
    // Each format is the same file the side panel writes for the same clips.
    for (const format of ['markdown', 'csv', 'json', 'jsonld'] as const) {
      expect((await send('clips/export', { format })).text).toBe(exportClips(format, await clips.all(), EXPORTED_AT));
    }
    await expect(send('clips/export', { format: 'pdf' } as never)).rejects.toThrow(/format/);
  });
});
