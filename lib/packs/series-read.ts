/**
 * Reads a list of series (built-in files, a pack's `series`) in full before anything uses it:
 * every point checked, no id twice. A point without its exact quote is refused with the rest.
 */
import { z } from 'zod/mini';
import { describeZodError } from '../model/errors';
import { seriesSchema, type Series } from '../model/series';
import { seriesPointId } from '../model/series-ids';

export type SeriesReading = { ok: true; series: Series[] } | { ok: false; errors: string[] };

export function readSeriesList(records: readonly unknown[], root = 'series'): SeriesReading {
  const errors: string[] = [];
  const series: Series[] = [];
  const ids = new Set<string>();
  records.forEach((record, i) => {
    const parsed = seriesSchema.safeParse(record);
    if (!parsed.success) {
      errors.push(describeZodError(parsed.error, `${root}[${i}]`));
      return;
    }
    const s = parsed.data;
    if (ids.has(s.id)) errors.push(`${root}[${i}]: series "${s.id}" appears twice`);
    ids.add(s.id);
    const pointIds = new Set<string>();
    s.points.forEach((p, j) => {
      const id = seriesPointId(s, p);
      if (pointIds.has(id)) errors.push(`${root}[${i}].points[${j}]: a second point for ${p.period} from the same source`);
      pointIds.add(id);
      if (s.frequency === 'month' && !/^\d{4}-\d\d$/.test(p.period)) errors.push(`${root}[${i}].points[${j}].period: a month (YYYY-MM) in a monthly series`);
      if (s.frequency === 'year' && !/^\d{4}$/.test(p.period)) errors.push(`${root}[${i}].points[${j}].period: a year (YYYY) in a yearly series`);
    });
    series.push(s);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, series };
}

/** The series list of a JSON value that must be an array of series. */
export function readSeriesJson(json: unknown, root = 'series'): SeriesReading {
  const list = z.array(z.unknown()).safeParse(json);
  if (!list.success) return { ok: false, errors: [`${root}: a list of series`] };
  return readSeriesList(list.data, root);
}
