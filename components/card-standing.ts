/**
 * The card's plain words on how the record stands, made only from the lead figures' own fields
 * (direction, period, figure text): never words of Footnote's own about what a figure means. And
 * the warning where the lead figures are years away from the article's date.
 */
import type { Direction } from '@/lib/model/records';
import { t } from '@/lib/i18n';
import type { CardFigure } from './CardFigures';
import { formatPartialDate, monthName } from './partial-date';


/** A record's period from its own from/to: "April 2024", "March – June 2020", "March 2020 – March 2021", "2019 – 2024". */
export function formatSpan(from: string, to: string): string {
  if (from === to) return formatPartialDate(from);
  const [fy, fm] = from.split('-');
  const [ty, tm] = to.split('-');
  const sameYear = fy === ty && fm && tm && from.length === 7 && to.length === 7 ? monthName(Number(fm)) : undefined;
  return t('dateRange', sameYear ?? formatPartialDate(from), formatPartialDate(to));
}

const STANDING: Record<Direction, (period: string, figure: string) => string> = {
  counters: (period, figure) => t('cardStandingCounters', period, figure),
  context: (period, figure) => t('cardStandingContext', period, figure),
  supports: (period, figure) => t('cardStandingSupports', period, figure),
};

/** "The record contradicts this for April 2024: 19.9 million face-to-face consultations …"; null without a figure. */
export function standingLine(lead: CardFigure | undefined): string | null {
  if (!lead) return null;
  const { direction, period, figure } = lead.evidence;
  const span = formatSpan(period.from, period.to);
  return STANDING[direction](lead.afterArticle ? t('cardStandingLater', span) : span, figure);
}

/** Months since year 0 of a partial date's first month, or (with `end`) of its last month. */
function month(date: string, end = false): number {
  const [y, m] = date.split('-').map(Number);
  if (m === undefined || Number.isNaN(m)) return y! * 12 + (end ? 11 : 0);
  return y! * 12 + m - 1;
}

/** Lead figures this many months or more from the article's date earn the warning. */
export const YEARS_AWAY_MONTHS = 24;

/**
 * Plain words where even the nearest lead figure is two years or more from the article's month:
 * "The figures shown first are 9 years or more after this article (29 June 2014); the nearest is
 * for April 2023." Null where a lead figure is near, or the article's date is not known.
 */
export function yearsAwayWarning(lead: readonly CardFigure[], articleDate: string | null | undefined): string | null {
  if (!articleDate || lead.length === 0) return null;
  const from = month(articleDate);
  const to = month(articleDate, true);
  const gaps = lead.map(({ evidence: { period } }) => {
    const start = month(period.from);
    const end = month(period.to, true);
    const gap = end < from ? from - end : start > to ? start - to : 0;
    return { gap, after: start > to, period };
  });
  const nearest = gaps.reduce((a, b) => (b.gap < a.gap ? b : a));
  if (nearest.gap < YEARS_AWAY_MONTHS) return null;
  const years = Math.floor(nearest.gap / 12);
  const date = formatPartialDate(articleDate);
  const span = formatSpan(nearest.period.from, nearest.period.to);
  if (gaps.every((g) => g.after)) return t('cardYearsAfter', years, date, span);
  if (gaps.every((g) => !g.after)) return t('cardYearsBefore', years, date, span);
  return t('cardYearsAway', years, date, span);
}
