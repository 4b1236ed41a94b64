import type { Series, SeriesPoint } from './series';

/**
 * A point's id, stable across loads: the series, the period and the source (its stored excerpt,
 * or else its publication date), so that a first release and its revision, or two reports of one
 * release, are told apart. Used in `evidence` lists, clips and the card.
 */
export function seriesPointId(series: Pick<Series, 'id'>, point: Pick<SeriesPoint, 'period' | 'published' | 'sourceId'>): string {
  return `${series.id}.${point.period}.${point.sourceId ?? point.published}`;
}
