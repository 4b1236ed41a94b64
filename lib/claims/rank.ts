/**
 * Orders the evidence for one flagged claim so that the first figure speaks to the same time and
 * place as the claim.
 *
 * What "first" means: where the sentence speaks of GPs' hours (measure.ts), figures of hours and of
 * GPs published by the article's time come before all others. Then by direction: counter-figures
 * first, then figures that qualify the claim (context), then figures that partly support it. Within
 * each direction the order is: figures published before the article before later ones; figures for
 * the article's own nation before the rest; then the figure whose period covers the claim's time or
 * ends nearest before it; among figures that cover it, the one that speaks most precisely of that
 * time (the larger share of its own period inside the claim's time), then the one covering more of
 * it; then the original publisher's page before a copy of it (a reprint, a mirror); then a UK-wide
 * figure before another nation's (it covers the article's nation too, but a figure from the wrong
 * time misleads more than England's figure labelled as England's); where nothing tells them apart
 * (an undated article), the newest figure first, as the store lists them, then by id: the order
 * never depends on the order records arrive in, so the card (records from the store) and
 * `npm run scan` (records from the pack file) always agree. So for "during the first lockdown" the
 * first counter-figure is the one nearest spring 2020 and the first supporting figure is a
 * spring-2020 one.
 */
import type { Direction, Evidence, Nation } from '../model/records';
import { monthIndex, type MonthSpan } from './claim-time';
import { figureMeasure, isCopy, type Measure } from './measure';

export interface RankedEvidence {
  id: string;
  direction: Direction;
  /** The figure's nation is the article's, or the figure is UK-wide (it covers every nation). */
  nationMatch: boolean;
  /** The source was published, or its period starts, after the article. */
  afterArticle: boolean;
  /** Months between the claim's time and the figure's period; 0 where the period covers it. */
  distance: number;
  /** Months the figure's period shares with the claim's time: more speaks to more of the claim. */
  overlap: number;
  /** The sentence speaks of a measure (GPs' hours) and the figure is of it. */
  measureMatch: boolean;
  /** The source is a copy of another publisher's page (the original, where stored, comes first). */
  copy: boolean;
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
  /** What the sentence measures (measure.ts), where that decides which figures answer it; null otherwise. */
  measure?: Measure | null;
}

const DIRECTION_ORDER: Record<Direction, number> = { counters: 0, context: 1, supports: 2 };

/** Figures starting after the claim's time sort behind every figure that ends before it. */
const AFTER_CLAIM = 1000;

function span(period: Evidence['period']): MonthSpan {
  return { from: monthIndex(period.from), to: monthIndex(period.to, true) };
}

function distance(p: MonthSpan, time: MonthSpan | null): number {
  if (!time) return 0;
  if (p.to < time.from) return time.from - p.to; // ends before the claim's time
  if (p.from > time.to) return p.from - time.to + AFTER_CLAIM; // starts after it
  return 0;
}

function overlap(p: MonthSpan, time: MonthSpan | null): number {
  if (!time) return 0;
  return Math.max(0, Math.min(p.to, time.to) - Math.max(p.from, time.from) + 1);
}

function isAfter(partial: string, published: string): boolean {
  // Compare at the precision both dates have: "2021" is not after "2021-06".
  const n = Math.min(partial.length, published.length);
  return partial.slice(0, n) > published.slice(0, n);
}

/** 2: the article's own nation (or no nation known), 1: UK-wide, 0: another nation. */
function nationFit(e: Evidence, nation: Nation | null): number {
  if (nation === null || e.nation === nation) return 2;
  return e.nation === 'UK' ? 1 : 0;
}

/**
 * The note where no figure is the article's nation's own. It names what the figures shown are, so
 * that England's figures are never read as Scotland's or Wales's.
 */
function noteFor(nation: Nation, evidence: readonly Evidence[]): string {
  const others = [...new Set(evidence.map((e) => e.nation))].filter((n) => n !== 'UK');
  const ukWide = evidence.filter((e) => e.nation === 'UK').length;
  const whose = others.length === 0 ? '' : others.map((n) => `${n}'s`).join(' and ');
  if (ukWide === 0) return `Footnote has no figure for ${nation}. The figures shown are ${whose}, not ${nation}'s.`;
  const uk = ukWide === 1 ? 'one, which covers the whole UK' : `${ukWide}, which cover the whole UK`;
  if (!whose) return `Footnote has no figure for ${nation} alone. The figures shown cover the whole UK.`;
  return `Footnote has no figure for ${nation} alone. The figures shown are ${whose}, except ${uk}.`;
}

export function rankEvidence(evidence: readonly Evidence[], context: RankContext): Ranking {
  const keyed = evidence.map((e) => {
    const period = span(e.period);
    const afterArticle =
      context.published !== null && (isAfter(e.source.published, context.published) || isAfter(e.period.from, context.published));
    const shared = overlap(period, context.claimTime);
    const fit = nationFit(e, context.nation);
    const ranked: RankedEvidence = {
      id: e.id,
      direction: e.direction,
      nationMatch: fit > 0,
      afterArticle,
      distance: distance(period, context.claimTime),
      overlap: shared,
      measureMatch: !!context.measure && figureMeasure(e) === context.measure,
      copy: isCopy(e.source),
    };
    // The share of the figure's own period that lies in the claim's time: a figure for April 2020
    // speaks of the first lockdown more precisely than one for March 2020 – March 2021.
    return { ranked, fit, end: period.to, precision: shared / (period.to - period.from + 1) };
  });
  // A figure of the measure the sentence speaks of, published by the article's time, answers it
  // before any figure of another measure, whatever each does to the claim: a sentence on GPs' hours
  // is answered by hours and numbers of GPs first, not by a count of appointments.
  const fits = (k: (typeof keyed)[number]) => Number(k.ranked.measureMatch && !k.ranked.afterArticle);
  keyed.sort(
    (a, b) =>
      fits(b) - fits(a) ||
      DIRECTION_ORDER[a.ranked.direction] - DIRECTION_ORDER[b.ranked.direction] ||
      Number(a.ranked.afterArticle) - Number(b.ranked.afterArticle) ||
      Number(b.fit === 2) - Number(a.fit === 2) ||
      a.ranked.distance - b.ranked.distance ||
      b.precision - a.precision ||
      b.ranked.overlap - a.ranked.overlap ||
      Number(a.ranked.copy) - Number(b.ranked.copy) ||
      b.fit - a.fit ||
      b.end - a.end ||
      (a.ranked.id < b.ranked.id ? -1 : a.ranked.id > b.ranked.id ? 1 : 0),
  );
  const ownNation = context.nation === null || keyed.some((k) => k.fit === 2);
  return {
    ranked: keyed.map((k) => k.ranked),
    nationNote: ownNation || evidence.length === 0 ? null : noteFor(context.nation!, evidence),
  };
}
