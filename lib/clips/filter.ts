/**
 * The side panel's filters besides the words searched: by tag (any case) and by claim, with the
 * tags and claims in use and how many clips each has.
 */
import type { Clip } from '../model/clip';

export interface ClipFilter {
  query: string;
  tag: string | null;
  claimId: string | null;
}

export const noFilter = (): ClipFilter => ({ query: '', tag: null, claimId: null });

/** The clips the filter lets through, in the order given. */
export function applyFilter(clips: readonly Clip[], filter: ClipFilter, matches: Set<string> | null): Clip[] {
  const tag = filter.tag?.toLocaleLowerCase();
  return clips.filter(
    (c) =>
      (matches === null || matches.has(c.id)) &&
      (tag === undefined || c.tags.some((t) => t.toLocaleLowerCase() === tag)) &&
      (filter.claimId === null || c.claimId === filter.claimId),
  );
}

/** Every tag in use with its number of clips, most used first (case folded to the first spelling). */
export function tagCounts(clips: readonly Clip[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const c of clips) {
    for (const t of c.tags) {
      const key = t.toLocaleLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag: t, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

export function claimCounts(clips: readonly Clip[]): { claimId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of clips) if (c.claimId) counts.set(c.claimId, (counts.get(c.claimId) ?? 0) + 1);
  return [...counts].map(([claimId, count]) => ({ claimId, count })).sort((a, b) => b.count - a.count || a.claimId.localeCompare(b.claimId));
}
