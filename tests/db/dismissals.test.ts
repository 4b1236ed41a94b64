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
});
