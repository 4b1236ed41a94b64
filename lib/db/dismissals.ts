/** The passages a reader marked "not a claim here", kept per page. */
import type { FootnoteDatabase } from './database';

import { pageKey } from '../model/page-key';

export function createDismissalRepository(db: FootnoteDatabase) {
  return {
    async list(url: string): Promise<string[]> {
      const rows = await db.dismissals.where('url').equals(pageKey(url)).toArray();
      return rows.sort((a, b) => a.createdAt - b.createdAt).map((r) => r.key);
    },
    async add(url: string, key: string, now = Date.now()): Promise<void> {
      const page = pageKey(url);
      // Adding twice keeps the first time: put would move it, and order is the order of dismissal.
      await db.transaction('rw', db.dismissals, async () => {
        if (!(await db.dismissals.get([page, key]))) await db.dismissals.add({ url: page, key, createdAt: now });
      });
    },
  };
}
export type DismissalRepository = ReturnType<typeof createDismissalRepository>;
