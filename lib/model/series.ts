/**
 * A series: one official measure month by month (or year by year), each point with its own source
 * and the exact words that give its value. A point without a quote is refused: a value the source
 * does not print is never stored, and a month with no source stays empty (the chart shows a gap).
 */
import { z } from 'zod/mini';
import './zod-config';
import { directionSchema, httpUrl, nationSchema, partialDate, recordId } from './records';

const text = /* @__NO_SIDE_EFFECTS__ */ (min: number, max: number, what: string) =>
  z.string().check(z.trim(), z.minLength(min, `${what} (required)`), z.maxLength(max, `${what}: at most ${max} characters`));

/** A point's period: a month (YYYY-MM) or, for a yearly survey, a year (YYYY). */
export const seriesPeriod = /* @__PURE__ */ z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a period written YYYY or YYYY-MM'));

export const seriesSourceSchema = z.object({
  publisher: text(1, 200, 'the publisher'),
  title: text(1, 500, 'the title'),
  url: httpUrl,
  /** The words that give the value, exactly as the source prints them. */
  quote: text(1, 1000, 'the exact quote that gives the value'),
});
export type SeriesSource = z.infer<typeof seriesSourceSchema>;

export const seriesPointSchema = z.object({
  period: seriesPeriod,
  value: z.number().check(z.refine(Number.isFinite, 'a finite number')),
  /** When the source published it: a first release and a revision of one month are two points. */
  published: partialDate,
  /** The stored excerpt the quote was checked against (tests/fixtures/series-sources). */
  sourceId: z.optional(recordId),
  source: seriesSourceSchema,
  note: z.optional(z.string().check(z.maxLength(1000))),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** What a series does to one claim: the claims it answers, and how. */
export const seriesClaimSchema = z.object({ claimId: recordId, direction: directionSchema });
export type SeriesClaim = z.infer<typeof seriesClaimSchema>;

export const seriesSchema = z.object({
  id: recordId,
  name: text(1, 200, 'the name'),
  measure: text(1, 1000, 'the measure'),
  unit: text(1, 60, 'the unit'),
  frequency: z.enum(['month', 'year']),
  geography: text(1, 200, 'the geography'),
  nation: nationSchema,
  publication: z.object({ publisher: text(1, 200, 'the publisher'), title: text(1, 300, 'the title') }),
  /** The claims the series answers; where left out, the built-in mapping by measure applies. */
  claims: z.optional(z.array(seriesClaimSchema).check(z.maxLength(50))),
  points: z.array(seriesPointSchema).check(z.maxLength(5000)),
});
export type Series = z.infer<typeof seriesSchema>;
