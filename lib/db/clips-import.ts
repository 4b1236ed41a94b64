/** Writes a checked clips file into the store: all of it in one transaction, or nothing. */
import { dedupeById, parseClipsFile, type ImportSummary } from '../clips/import';
import type { Clip } from '../model/clip';
import type { FootnoteDatabase } from './database';

/** Checks the whole file, then merges it into the store in one transaction. */
export async function importClips(db: FootnoteDatabase, text: string): Promise<ImportSummary> {
  const incoming = dedupeById(parseClipsFile(text));
  return db.transaction('rw', db.clips, async () => {
    const existing = await db.clips.bulkGet(incoming.map((c) => c.id));
    const write: Clip[] = [];
    const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0 };
    incoming.forEach((clip, i) => {
      const old = existing[i] as Clip | undefined;
      if (!old) summary.added++;
      else if (clip.updatedAt > old.updatedAt) summary.updated++;
      else return void summary.unchanged++;
      write.push(clip);
    });
    if (write.length > 0) await db.clips.bulkPut(write);
    return summary;
  });
}
