/**
 * Orders the evidence for one flagged claim so that the first figure speaks to the same time and
 * place as the claim: counter-figures first, then figures that qualify or support the claim; within
 * each, figures for the article's nation before others, then those whose period covers the claim's
 * time or ends nearest before it. Figures from after the article come last and say so.
 */
import type { Direction, Evidence, Nation } from '../db/records';
import { monthIndex, type MonthSpan } from './claim-time';

export interface RankedEvidence {
  id: string;
  direction: Direction;
  /** The figure's nation is the article's (UK-wide figures count for every nation). */
  nationMatch: boolean;
  /** The source was published, or its period starts, after the article. */
  afterArticle: boolean;
  /** Months between the claim's time and the figure's period; 0 where the period covers it. */
  distance: number;
  /** Months the figure's period shares with the claim's time: more speaks to more of the claim. */
  overlap: number;
}

export interface Ranking {
  ranked: RankedEvidence[];
  /** Plain words for the card where the store has no figure for the article's nation. */
  nationNote: string | null;
}

export interface RankContext {
  /** The period the claim speaks of (claimTime); null when neither it nor the article is dated. */
  claimTime: MonthSpan | null;
  /** The article's publication date (partial date) or null. */
  published: string | null;
  /** The article's nation or null when it is not clear (figures are then not filtered by nation). */
  nation: Nation | null;
}

const DIRECTION_ORDER: Record<Direction, number> = { counters: 0, context: 1, supports: 2 };

function distance(period: Evidence['period'], time: MonthSpan | null): number {
  if (!time) return 0;
  const from = monthIndex(period.from);
  const to = monthIndex(period.to, true);
  if (to < time.from) return time.from - to; // ends before the claim's time
  if (from > time.to) return from - time.to + 1000; // starts after it: behind every earlier figure
  return 0;
}

function overlap(period: Evidence['period'], time: MonthSpan | null): number {
  if (!time) return 0;
  return Math.max(0, Math.min(monthIndex(period.to, true), time.to) - Math.max(monthIndex(period.from), time.from) + 1);
}

function isAfter(partial: string, published: string): boolean {
  // Compare at the precision both dates have: "2021" is not after "2021-06".
  const n = Math.min(partial.length, published.length);
  return partial.slice(0, n) > published.slice(0, n);
}

export function rankEvidence(evidence: readonly Evidence[], context: RankContext): Ranking {
  const ranked = evidence.map((e): RankedEvidence => {
    const afterArticle =
      context.published !== null && (isAfter(e.source.published, context.published) || isAfter(e.period.from, context.published));
    return {
      id: e.id,
      direction: e.direction,
      nationMatch: context.nation === null || e.nation === context.nation || e.nation === 'UK',
      afterArticle,
      distance: distance(e.period, context.claimTime),
      overlap: overlap(e.period, context.claimTime),
    };
  });
  ranked.sort(
    (a, b) =>
      DIRECTION_ORDER[a.direction] - DIRECTION_ORDER[b.direction] ||
      Number(a.afterArticle) - Number(b.afterArticle) ||
      Number(b.nationMatch) - Number(a.nationMatch) ||
      a.distance - b.distance ||
      b.overlap - a.overlap ||
      a.id.localeCompare(b.id),
  );
  const hasOwnNation = context.nation === null || ranked.some((r) => r.nationMatch);
  const nationNote =
    hasOwnNation || ranked.length === 0
      ? null
      : `Footnote has no figure for ${context.nation}. The figures below are for England and are labelled as England's.`;
  return { ranked, nationNote };
}
