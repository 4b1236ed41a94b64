/**
 * The series point a claim's card leads with: the latest point published on or before the
 * article's date for the time the claim speaks of (its own words, or the article's own time), and
 * the point for the article's own month where that was published only later (shown as later).
 * Pure: series in, points out. A month with no point has none: nothing is interpolated.
 */
import type { Direction, Evidence, Nation } from '../model/records';
import type { Series, SeriesPoint } from '../model/series';
import { seriesPointId } from '../model/series-ids';
import { describeSpan, monthIndex, type MonthIndex, type MonthSpan } from './claim-time';
import { seriesClaims, seriesForClaim } from './series-claims';

export interface SeriesFigure {
  id: string;
  series: Series;
  point: SeriesPoint;
  direction: Direction;
  /** The point was published after the article. */
  afterArticle: boolean;
  /** Months between the end of the point's period and the start of the claim's time; 0 inside it. */
  distance: number;
}

export interface SeriesChoice {
  lead: SeriesFigure | null;
  /** The point for the article's own month, published after the article (null where the lead is it). */
  later: SeriesFigure | null;
  /** The article's month, where its date gives one. */
  articleMonth: MonthIndex | null;
}

export interface SeriesContext {
  claimTime: MonthSpan | null;
  /** The article's date (partial date) or null. */
  published: string | null;
  nation: Nation | null;
}

export function pointSpan(point: Pick<SeriesPoint, 'period'>): MonthSpan {
  return { from: monthIndex(point.period), to: monthIndex(point.period, true) };
}

/** Compared at the precision both dates have: "2021-09-30" is not after "2021-09". */
function isAfter(partial: string, published: string): boolean {
  const n = Math.min(partial.length, published.length);
  return partial.slice(0, n) > published.slice(0, n);
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function chooseSeriesPoints(all: readonly Series[], claimId: string, context: SeriesContext): SeriesChoice {
  const { claimTime: time, published, nation } = context;
  const articleMonth = published && published.length >= 7 ? monthIndex(published) : null;
  const candidates: { figure: SeriesFigure; fit: number; preference: number; end: MonthIndex }[] = [];
  const linked = seriesForClaim(all, claimId);
  for (const { series, direction, preference } of linked) {
    const fit = nation === null || series.nation === nation ? 1 : 0;
    for (const point of series.points) {
      if (published !== null && isAfter(point.published, published)) continue;
      const span = pointSpan(point);
      if (time && span.from > time.to) continue; // after the time the claim speaks of
      const distance = time && span.to < time.from ? time.from - span.to : 0;
      const figure = { id: seriesPointId(series, point), series, point, direction, afterArticle: false, distance };
      candidates.push({ figure, fit, preference, end: span.to });
    }
  }
  candidates.sort(
    (a, b) =>
      b.fit - a.fit ||
      a.figure.distance - b.figure.distance ||
      a.preference - b.preference ||
      b.end - a.end ||
      // Where a month was published twice (first release, revision), the first release leads.
      byId(a.figure.point.published, b.figure.point.published) ||
      byId(a.figure.id, b.figure.id),
  );
  const lead = candidates[0]?.figure ?? null;
  let later: SeriesFigure | null = null;
  if (lead && articleMonth !== null && published !== null) {
    const covers = (p: SeriesPoint) => {
      const s = pointSpan(p);
      return s.from <= articleMonth && articleMonth <= s.to;
    };
    if (!covers(lead.point)) {
      const own = lead.series.points
        .filter((p) => covers(p) && isAfter(p.published, published))
        .sort((a, b) => byId(a.published, b.published) || byId(seriesPointId(lead.series, a), seriesPointId(lead.series, b)))[0];
      if (own) later = { id: seriesPointId(lead.series, own), series: lead.series, point: own, direction: lead.direction, afterArticle: true, distance: 0 };
    }
  }
  return { lead, later, articleMonth };
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** The value with its unit as a reader reads it: "57.7%", "28.7 million appointments", "27,558 FTE GPs". */
export function formatSeriesValue(series: Pick<Series, 'unit'>, value: number): string {
  if (series.unit === 'percent') return `${NUMBER.format(value)}%`;
  return `${NUMBER.format(value)} ${series.unit}`;
}

export function periodLabel(point: Pick<SeriesPoint, 'period'>): string {
  return describeSpan(pointSpan(point));
}

/** A point as a figure record, so that the card, clips and exports show it as they show any figure. */
export function seriesPointEvidence(figure: Pick<SeriesFigure, 'id' | 'series' | 'point' | 'direction'>, claimId: string): Evidence {
  const { series, point } = figure;
  const label = periodLabel(point);
  return {
    id: figure.id,
    figure: `${series.name}: ${formatSeriesValue(series, point.value)}, ${label}`,
    value: point.value,
    unit: series.unit,
    period: { from: point.period, to: point.period, label },
    geography: series.geography,
    nation: series.nation,
    claimIds: [claimId],
    direction: figure.direction,
    source: {
      publisher: point.source.publisher,
      title: point.source.title,
      published: point.published,
      url: point.source.url,
      quotedFrom: `${series.publication.publisher}, ${series.publication.title}`,
      quote: point.source.quote,
      checked: `A point of the series “${series.name}”: the quote gives the value.`,
    },
  };
}

/**
 * The figure record of the series point with this id (as `seriesPointId` makes it), for the claim
 * it was shown with; null where no stored series has that point.
 */
export function seriesPointFigure(all: readonly Series[], id: string, claimId: string | null): Evidence | null {
  for (const series of all) {
    if (!id.startsWith(`${series.id}.`)) continue;
    const point = series.points.find((p) => seriesPointId(series, p) === id);
    if (!point) continue;
    const links = seriesClaims(series);
    const link = links.find((c) => c.claimId === claimId) ?? links[0];
    const figure = seriesPointEvidence({ id, series, point, direction: link?.direction ?? 'context' }, claimId ?? link?.claimId ?? '');
    return claimId || link ? figure : { ...figure, claimIds: [] };
  }
  return null;
}
