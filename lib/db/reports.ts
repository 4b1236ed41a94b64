/** The false flags a reader reported, newest first; nothing here leaves the computer. */
import type { FootnoteDatabase } from './database';
import { falseFlagReportSchema, type FalseFlagReport, type ReportedFlag, type ReportInput } from '../model/report';

export function createReportRepository(db: FootnoteDatabase, newId: () => string = () => crypto.randomUUID()) {
  return {
    async add(flag: ReportedFlag, input: ReportInput, now = Date.now()): Promise<FalseFlagReport> {
      const report = falseFlagReportSchema.parse({ ...flag, ...input, id: newId(), createdAt: now });
      await db.reports.add(report);
      return report;
    },
    async list(): Promise<FalseFlagReport[]> {
      const rows = await db.reports.orderBy('createdAt').reverse().toArray();
      // A row that no longer checks out is left out rather than shown half.
      return rows.flatMap((r) => {
        const parsed = falseFlagReportSchema.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      });
    },
    async remove(id: string): Promise<void> {
      await db.reports.delete(id);
    },
    async clear(): Promise<number> {
      const count = await db.reports.count();
      await db.reports.clear();
      return count;
    },
  };
}
export type ReportRepository = ReturnType<typeof createReportRepository>;
