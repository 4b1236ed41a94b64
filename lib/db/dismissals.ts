/** The passages a reader marked "not a claim here", kept per page. */
import type { FootnoteDatabase } from './database';
import type { Dismissal } from '../model/stored';
import { pageKey } from '../model/page-key';
import { sentenceOfKey } from './versions';

export interface DismissalEntry {
  url: string;
  key: string;
  sentence: string;
  createdAt: number;
}

const entryOf = (row: Dismissal): DismissalEntry => ({ url: row.url, key: row.key, sentence: row.sentence ?? sentenceOfKey(row.key), createdAt: row.createdAt });

export function createDismissalRepository(db: FootnoteDatabase) {
  return {
    async list(url: string): Promise<string[]> {
      const rows = await db.dismissals.where('url').equals(pageKey(url)).toArray();
      return rows.sort((a, b) => a.createdAt - b.createdAt).map((r) => r.key);
    },
    async add(url: string, key: string, now = Date.now(), sentence?: string): Promise<void> {
      const page = pageKey(url);
      // Adding twice keeps the first time: put would move it, and order is the order of dismissal.
      await db.transaction('rw', db.dismissals, async () => {
        if (!(await db.dismissals.get([page, key]))) {
          await db.dismissals.add({ url: page, key, createdAt: now, sentence: sentence ?? sentenceOfKey(key) });
        }
      });
    },
    /** Every dismissal on every page, newest first (the options page's list). */
    async listAll(): Promise<DismissalEntry[]> {
      return (await db.dismissals.orderBy('createdAt').reverse().toArray()).map(entryOf);
    },
    /** The mark comes back on the page; true when there was such a dismissal. */
    async remove(url: string, key: string): Promise<boolean> {
      const id: [string, string] = [pageKey(url), key];
      const found = await db.dismissals.get(id);
      if (found) await db.dismissals.delete(id);
      return found !== undefined;
    },
    /** Removes every dismissal; returns the pages that had one (to tell their tabs). */
    async clear(): Promise<string[]> {
      const urls = [...new Set((await db.dismissals.toArray()).map((r) => r.url))];
      await db.dismissals.clear();
      return urls;
    },
  };
}
export type DismissalRepository = ReturnType<typeof createDismissalRepository>;
