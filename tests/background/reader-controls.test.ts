/** The reader's controls through the real protocol: dismissals restored and told to their pages, sites resumed, reports kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { createReaderControlHandlers } from '@/lib/background/reader-controls';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { createReportRepository } from '@/lib/db/reports';
import { createSiteSettingsRepository } from '@/lib/db/site-settings';
import { dispatch, request, type MessageType, type RequestOf } from '@/lib/messages';
import { freshDb } from '../model/evidence-fixtures';

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function setup() {
  const db = freshDb();
  dbs.push(db);
  const told: string[] = [];
  const dismissals = createDismissalRepository(db);
  const sites = createSiteSettingsRepository(db);
  let id = 0;
  const handlers = createReaderControlHandlers({
    dismissals,
    sites,
    reports: createReportRepository(db, () => `r${++id}`),
    notifyDismissals: async (url) => void told.push(`dismissals ${url}`),
    broadcastSiteChange: async (host, paused) => void told.push(`site ${host} ${paused}`),
    now: () => 100,
  });
  const send = <T extends MessageType>(type: T, payload: RequestOf<T>) => request((m) => dispatch(m, {}, handlers), type, payload);
  return { send, told, dismissals, sites };
}

const FLAG = {
  url: 'https://www.gponline.com/a',
  title: 'A page',
  sentence: 'GP surgeries are closed.',
  claimId: 'practices-closed',
  claim: 'GP practices closed',
  stance: 'asserted' as const,
  wording: 'surgeries are closed',
  why: ['Wording matched: “surgeries are closed”', 'Stance: the article states it as fact.'],
};

describe('reader controls', () => {
  it('restores one dismissal and tells its page; a second restore is a no-op that tells no one; restore all tells each page', async () => {
    const { send, told, dismissals } = setup();
    await dismissals.add('https://www.gponline.com/a', 'k1', 1, 'One.');
    await dismissals.add('https://www.gponline.com/b', 'k2', 2, 'Two.');
    expect((await send('dismissals/all', {})).dismissals.map((d) => d.sentence)).toEqual(['Two.', 'One.']);
    expect(await send('dismissals/remove', { url: 'https://www.gponline.com/a#x', key: 'k1' })).toEqual({ removed: true });
    expect(await send('dismissals/remove', { url: 'https://www.gponline.com/a', key: 'k1' })).toEqual({ removed: false });
    expect(told).toEqual(['dismissals https://www.gponline.com/a#x']);
    expect(await send('dismissals/clear', {})).toEqual({ removed: 1 });
    expect(told.at(-1)).toBe('dismissals https://www.gponline.com/b');
    expect((await send('dismissals/all', {})).dismissals).toEqual([]);
  });

  it('lists paused sites, most recent first, and resumes all, telling each site', async () => {
    const { send, told, sites } = setup();
    await sites.setPaused('www.a.example', true, 1);
    await sites.setPaused('b.example', true, 5);
    await sites.setPaused('c.example', false, 9);
    expect(await send('sites/paused', {})).toEqual({ sites: [{ host: 'b.example', updatedAt: 5 }, { host: 'a.example', updatedAt: 1 }] });
    expect(await send('sites/resumeAll', {})).toEqual({ resumed: 2 });
    expect(told).toEqual(['site b.example false', 'site a.example false']);
    expect(await send('sites/paused', {})).toEqual({ sites: [] });
  });

  it("keeps reports with the flag and the reader's words, lists them newest first, deletes one and all", async () => {
    const { send } = setup();
    expect(await send('reports/add', { flag: FLAG, input: { problem: 'not-a-claim', note: 'A headline quoting a critic.' } })).toEqual({ id: 'r1' });
    await send('reports/add', { flag: { ...FLAG, stance: 'reported' }, input: { problem: 'wrong-figure', note: '' } });
    const { reports } = await send('reports/list', {});
    expect(reports.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(reports.find((r) => r.id === 'r1')).toEqual({ ...FLAG, id: 'r1', createdAt: 100, problem: 'not-a-claim', note: 'A headline quoting a critic.' });
    await send('reports/delete', { id: 'r1' });
    expect((await send('reports/list', {})).reports.map((r) => r.id)).toEqual(['r2']);
    expect(await send('reports/clear', {})).toEqual({ removed: 1 });
    // A report that is not one is refused by its schema before any handler.
    await expect(send('reports/add', { flag: { ...FLAG, url: 'javascript:alert(1)' }, input: { problem: 'other', note: '' } })).rejects.toThrow(/url/);
  });
});
