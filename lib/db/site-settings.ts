import { z } from 'zod';
import type { FootnoteDatabase } from './database';

export const siteSettingSchema = z.object({
  host: z.string().min(1).max(253),
  paused: z.boolean(),
  updatedAt: z.number().int(),
});
export type SiteSetting = z.infer<typeof siteSettingSchema>;

/** Normalises a host so that "www.example.com" and "example.com" share one switch. */
export function siteKey(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

export function createSiteSettingsRepository(db: FootnoteDatabase) {
  return {
    async isPaused(host: string): Promise<boolean> {
      return (await db.siteSettings.get(siteKey(host)))?.paused ?? false;
    },
    /** The sites the reader paused, most recently paused first. */
    async listPaused(): Promise<{ host: string; updatedAt: number }[]> {
      const rows = await db.siteSettings.filter((s) => s.paused).toArray();
      return rows.sort((a, b) => b.updatedAt - a.updatedAt).map(({ host, updatedAt }) => ({ host, updatedAt }));
    },
    async setPaused(host: string, paused: boolean, now = Date.now()): Promise<void> {
      await db.siteSettings.put({ host: siteKey(host), paused, updatedAt: now });
    },
  };
}
export type SiteSettingsRepository = ReturnType<typeof createSiteSettingsRepository>;
