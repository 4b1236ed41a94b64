import { afterEach, describe, expect, it } from 'vitest';
import type { FootnoteDatabase } from '@/lib/db/database';
import { createDismissalRepository } from '@/lib/db/dismissals';
import { pageKey } from '@/lib/model/page-key';
import { freshDb } from '../model/evidence-fixtures';

const dbs: FootnoteDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function repo() {
  const db = freshDb();
  dbs.push(db);
  return createDismissalRepository(db);
}

describe('dismissals', () => {
  it('remembers the passages dismissed on a page, in the order dismissed, once each', async () => {
    const r = repo();
    await r.add('https://www.gponline.com/article/1', 'second', 2);
    await r.add('https://www.gponline.com/article/1', 'first', 1);
    await r.add('https://www.gponline.com/article/1', 'second', 3);
    await r.add('https://www.pulsetoday.co.uk/other', 'elsewhere', 1);
    expect(await r.list('https://www.gponline.com/article/1')).toEqual(['first', 'second']);
    expect(await r.list('https://www.gponline.com/article/2')).toEqual([]);
  });

  it('treats the same page with another fragment as the same page, but not another query', async () => {
    const r = repo();
    await r.add('https://www.gponline.com/a?id=1#comments', 'k');
    expect(await r.list('https://www.gponline.com/a?id=1')).toEqual(['k']);
    expect(await r.list('https://www.gponline.com/a?id=2')).toEqual([]);
    expect(pageKey('https://example.org/p#x')).toBe('https://example.org/p');
  });

  it("lists every page's dismissals newest first with their sentence, restores one and then all", async () => {
    const r = repo();
    await r.add('https://www.gponline.com/a#top', 'practices-closed|gp surgeries are closed', 1, 'GP surgeries are closed.');
    await r.add('https://www.pulsetoday.co.uk/b', 'cannot-see-gp|no one can see a gp', 2);
    await r.add('https://www.pulsetoday.co.uk/c', 'cannot-see-gp|x', 3, 'X.');
    expect(await r.listAll()).toEqual([
      { url: 'https://www.pulsetoday.co.uk/c', key: 'cannot-see-gp|x', sentence: 'X.', createdAt: 3 },
      { url: 'https://www.pulsetoday.co.uk/b', key: 'cannot-see-gp|no one can see a gp', sentence: 'no one can see a gp', createdAt: 2 },
      { url: 'https://www.gponline.com/a', key: 'practices-closed|gp surgeries are closed', sentence: 'GP surgeries are closed.', createdAt: 1 },
    ]);
    expect(await r.remove('https://www.gponline.com/a#comments', 'practices-closed|gp surgeries are closed')).toBe(true);
    expect(await r.remove('https://www.gponline.com/a', 'practices-closed|gp surgeries are closed')).toBe(false);
    expect(await r.list('https://www.gponline.com/a')).toEqual([]);
    expect((await r.clear()).sort()).toEqual(['https://www.pulsetoday.co.uk/b', 'https://www.pulsetoday.co.uk/c']);
    expect(await r.listAll()).toEqual([]);
  });
});
