/** The series point a claim leads with: its time, published by the article, nothing filled in. */
import { describe, expect, it } from 'vitest';
import { monthIndex } from '@/lib/claims/claim-time';
import { claimFigures } from '@/lib/claims/claim-figures';
import { seriesClaims } from '@/lib/claims/series-claims';
import { chooseSeriesPoints, formatSeriesValue, seriesPointEvidence, seriesPointFigure } from '@/lib/claims/series-order';
import { evidenceSchema } from '@/lib/model/records';
import type { Series, SeriesPoint } from '@/lib/model/series';
import { builtinSeries } from '@/lib/packs/builtin-series';

const point = (period: string, value: number, published: string): SeriesPoint => ({
  period,
  value,
  published,
  source: { publisher: 'NHS Digital', title: `Appointments ${period}`, url: `https://digital.nhs.uk/${period}`, quote: `${value}% in ${period}` },
});

const share: Series = {
  id: 'england-appointments-f2f-share',
  name: 'GP appointments in England seen face to face',
  measure: 'share',
  unit: 'percent',
  frequency: 'month',
  geography: 'England',
  nation: 'England',
  publication: { publisher: 'NHS Digital', title: 'Appointments in General Practice' },
  points: [point('2021-06', 56, '2021-07-29'), point('2021-08', 58, '2021-09-30'), point('2021-08', 57.7, '2021-10-28'), point('2021-09', 61, '2021-10-28')],
};
const total: Series = { ...share, id: 'england-appointments-total', name: 'GP appointments in England', unit: 'million appointments', points: [point('2021-09', 28.7, '2021-10-28')] };
const span = (from: string, to: string) => ({ from: monthIndex(from), to: monthIndex(to) });

describe('chooseSeriesPoints', () => {
  it('leads with the latest point of the claim’s time published by the article, the first release of it', () => {
    const c = chooseSeriesPoints([share, total], 'no-face-to-face', { claimTime: span('2021-08', '2021-10'), published: '2021-10-15', nation: null });
    expect(c.lead?.point).toMatchObject({ period: '2021-08', published: '2021-09-30', value: 58 });
    expect(c.lead?.series.id).toBe('england-appointments-f2f-share');
    // The article's own month (October) has no point at all: nothing is shown for it, nothing made up.
    expect(c.later).toBeNull();
  });

  it('shows the point for the article’s own month, published later, as later', () => {
    const c = chooseSeriesPoints([share], 'no-face-to-face', { claimTime: span('2021-07', '2021-09'), published: '2021-09-15', nation: null });
    // August's point came out on 30 September, after the article: June is the latest published by then.
    expect(c.lead?.point.period).toBe('2021-06');
    expect(c.later).toMatchObject({ afterArticle: true, point: { period: '2021-09', published: '2021-10-28' } });
  });

  it('takes the nearest point before the claim’s time, never one after it, and none published later', () => {
    const c = chooseSeriesPoints([share], 'no-face-to-face', { claimTime: span('2021-07', '2021-07'), published: '2022-01-01', nation: null });
    expect(c.lead?.point.period).toBe('2021-06');
    expect(c.lead?.distance).toBe(1);
    expect(chooseSeriesPoints([share], 'no-face-to-face', { claimTime: span('2021-08', '2021-10'), published: '2021-07-01', nation: null }).lead).toBeNull();
  });

  it('prefers the claim’s own measure, and answers only the claims a series is mapped to', () => {
    const closed = chooseSeriesPoints([share, total], 'practices-closed', { claimTime: span('2021-09', '2021-11'), published: '2021-11-15', nation: null });
    expect(closed.lead?.series.id).toBe('england-appointments-total');
    expect(chooseSeriesPoints([share, total], 'gps-doing-less', { claimTime: null, published: null, nation: null }).lead).toBeNull();
    expect(seriesClaims({ id: 'x', claims: [{ claimId: 'gps-doing-less', direction: 'counters' }] })).toEqual([{ claimId: 'gps-doing-less', direction: 'counters' }]);
  });
});

describe('series points as figures', () => {
  it('are valid figure records that quote their source and say their value, unit and month', () => {
    const c = chooseSeriesPoints([total], 'practices-closed', { claimTime: null, published: null, nation: null });
    const e = seriesPointEvidence(c.lead!, 'practices-closed');
    expect(evidenceSchema.safeParse(e).success).toBe(true);
    expect(e.figure).toBe('GP appointments in England: 28.7 million appointments, September 2021');
    expect(e.source.quote).toBe('28.7% in 2021-09');
    expect(formatSeriesValue(share, 57.7)).toBe('57.7%');
  });

  it('lead the claim’s list, before the one-off figures', () => {
    const r = claimFigures([], builtinSeries(), { claimId: 'no-face-to-face', text: 'GPs are still refusing to see patients face to face' }, { published: { date: '2021-10-15', how: 'test' } });
    expect(r.figures[0]?.series).toBe('england-appointments-f2f-share');
    expect(r.figures[0]?.evidence.period.from).toBe('2021-08');
  });
});

describe('seriesPointFigure', () => {
  it('finds a point by its id again, as the figure the card showed for the claim', () => {
    const c = chooseSeriesPoints([share, total], 'no-face-to-face', { claimTime: span('2021-08', '2021-10'), published: '2021-10-15', nation: null });
    const again = seriesPointFigure([total, share], c.lead!.id, 'no-face-to-face');
    expect(again).toEqual(seriesPointEvidence(c.lead!, 'no-face-to-face'));
    expect(seriesPointFigure([share], 'england-appointments-f2f-share.2021-07.2021-08-26', 'no-face-to-face')).toBeNull();
    expect(seriesPointFigure([share], 'bma-164m-face-to-face-2020-21', null)).toBeNull();
  });
});
