/**
 * The geometry of a series chart, as plain numbers: one slot per month (or year) from January 2019
 * to the series' latest point, the line broken wherever a month has no sourced point (a gap, never
 * filled in), the 2019 average as a baseline where 2019 has points, and the article's month.
 * Pure and small, so that the card draws its chart without a charting library.
 */
import type { Series, SeriesPoint } from '@/lib/model/series';

export const CHART_START_YEAR = 2019;

export interface ChartSlot {
  /** "2021-03" (monthly series) or "2021" (yearly). */
  period: string;
  x: number;
  /** The point the chart shows for this slot: the first published of its period; null for a gap. */
  point: SeriesPoint | null;
  y: number | null;
}

export interface ChartModel {
  width: number;
  height: number;
  slots: ChartSlot[];
  /** SVG path data of the line, one `M…L…` run per stretch of slots with points. */
  line: string;
  /** The 2019 average and how many 2019 points it is taken over; null where 2019 has none. */
  baseline: { value: number; y: number; points: number } | null;
  min: number;
  max: number;
  /** The slot of the article's month, or -1 where it is outside the chart. */
  articleSlot: number;
  /** Where each year starts, for the labels under the chart. */
  years: { year: string; x: number }[];
}

export interface ChartOptions {
  width?: number;
  height?: number;
  /** The article's month (YYYY-MM), marked on the chart. */
  articleMonth?: string | null;
  /** Room kept free at the edges, in chart units. */
  pad?: number;
}

function periods(series: Series): string[] {
  const yearly = series.frequency === 'year';
  const latest = series.points.reduce((m, p) => (p.period > m ? p.period : m), `${CHART_START_YEAR}`);
  const lastYear = Number(latest.slice(0, 4));
  const lastMonth = yearly ? 12 : latest.length > 4 ? Number(latest.slice(5, 7)) : 12;
  const out: string[] = [];
  for (let y = CHART_START_YEAR; y <= lastYear; y++) {
    if (yearly) out.push(String(y));
    else for (let m = 1; m <= (y === lastYear ? lastMonth : 12); m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

/** The point shown for each period: the first published (a first release before its revision). */
export function firstPublished(series: Series): Map<string, SeriesPoint> {
  const shown = new Map<string, SeriesPoint>();
  for (const p of series.points) {
    const had = shown.get(p.period);
    if (!had || p.published < had.published) shown.set(p.period, p);
  }
  return shown;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartModel(series: Series, options: ChartOptions = {}): ChartModel {
  const width = options.width ?? 288;
  const height = options.height ?? 96;
  const pad = options.pad ?? 6;
  const shown = firstPublished(series);
  const list = periods(series);
  const values = list.flatMap((p) => (shown.has(p) ? [shown.get(p)!.value] : []));
  const in2019 = list.filter((p) => p.startsWith(String(CHART_START_YEAR)) && shown.has(p)).map((p) => shown.get(p)!.value);
  const average = in2019.length > 0 ? in2019.reduce((a, b) => a + b, 0) / in2019.length : null;
  const all = average === null ? values : [...values, average];
  let min = all.length > 0 ? Math.min(...all) : 0;
  let max = all.length > 0 ? Math.max(...all) : 1;
  if (max === min) {
    min -= 1;
    max += 1;
  }
  const step = list.length > 1 ? (width - 2 * pad) / (list.length - 1) : 0;
  const yOf = (v: number) => round(pad + ((max - v) / (max - min)) * (height - 2 * pad));
  const slots: ChartSlot[] = list.map((period, i) => {
    const point = shown.get(period) ?? null;
    return { period, x: round(pad + i * step), point, y: point ? yOf(point.value) : null };
  });
  let line = '';
  slots.forEach((s, i) => {
    if (s.y === null) return;
    line += `${i > 0 && slots[i - 1]!.y !== null ? 'L' : 'M'}${s.x} ${s.y}`;
  });
  return {
    width,
    height,
    slots,
    line,
    baseline: average === null ? null : { value: round(average), y: yOf(average), points: in2019.length },
    min,
    max,
    years: slots.filter((s) => s.period.length === 4 || s.period.endsWith('-01')).map((s) => ({ year: s.period.slice(0, 4), x: s.x })),
    articleSlot: options.articleMonth ? list.indexOf(series.frequency === 'year' ? options.articleMonth.slice(0, 4) : options.articleMonth) : -1,
  };
}

/** The slot a pointer at `fraction` (0 to 1) of the chart's width is over. */
export function slotAt(model: Pick<ChartModel, 'slots' | 'width'>, fraction: number): number {
  const x = Math.max(0, Math.min(1, fraction)) * model.width;
  let best = 0;
  model.slots.forEach((s, i) => {
    if (Math.abs(s.x - x) < Math.abs(model.slots[best]!.x - x)) best = i;
  });
  return best;
}
