/**
 * Which claims a series answers, and how, by what it measures. A series may name its own claims
 * (`claims`); the built-in series are mapped here by their measure: appointment counts and the
 * face-to-face share answer "closed" and "no face to face"; the patient survey answers "can't see
 * a GP"; the workforce answers "GPs doing less". The order within each claim is the order of
 * preference when two series have a point for the same time.
 */
import type { Direction } from '../model/records';
import type { Series, SeriesClaim } from '../model/series';

interface MeasureRule {
  /** The series ids of one measure. */
  id: RegExp;
  claims: SeriesClaim[];
}

const MEASURES: MeasureRule[] = [
  {
    id: /-appointments-f2f-(?:share|count)$/,
    claims: [
      { claimId: 'no-face-to-face', direction: 'counters' },
      { claimId: 'face-to-face-collapsed', direction: 'context' },
      { claimId: 'practices-closed', direction: 'counters' },
      { claimId: 'cannot-see-gp', direction: 'context' },
    ],
  },
  {
    id: /-appointments-total$/,
    claims: [
      { claimId: 'practices-closed', direction: 'counters' },
      { claimId: 'cannot-see-gp', direction: 'context' },
      { claimId: 'no-face-to-face', direction: 'context' },
      { claimId: 'face-to-face-collapsed', direction: 'context' },
    ],
  },
  { id: /-(?:gpps|hace)-/, claims: [{ claimId: 'cannot-see-gp', direction: 'context' }] },
  {
    id: /-(?:gp-fte-fully-qualified|patients-per-gp)$/,
    claims: [{ claimId: 'gps-doing-less', direction: 'context' }],
  },
];

/** Ties between series for one claim: the series of the claim's own measure first. */
const PREFERENCE: Record<string, RegExp[]> = {
  'no-face-to-face': [/-f2f-share$/, /-f2f-count$/, /-appointments-total$/],
  'face-to-face-collapsed': [/-f2f-share$/, /-f2f-count$/, /-appointments-total$/],
  'practices-closed': [/-appointments-total$/, /-f2f-count$/, /-f2f-share$/],
  'cannot-see-gp': [/-appointments-total$/, /-gpps-appointment-satisfied$/, /-gpps-easy-phone$/, /-gpps-overall-good$/, /-hace-/, /-f2f-share$/],
  'gps-doing-less': [/-gp-fte-fully-qualified$/, /-patients-per-gp$/],
};

export function seriesClaims(series: Pick<Series, 'id' | 'claims'>): SeriesClaim[] {
  if (series.claims) return series.claims;
  return MEASURES.find((m) => m.id.test(series.id))?.claims ?? [];
}

export interface SeriesForClaim {
  series: Series;
  direction: Direction;
  /** 0 is the claim's own measure; higher is less fitting. */
  preference: number;
}

/** The series that answer `claimId`, the best-fitting measure first. */
export function seriesForClaim(all: readonly Series[], claimId: string): SeriesForClaim[] {
  const order = PREFERENCE[claimId] ?? [];
  const rank = (id: string) => {
    const i = order.findIndex((re) => re.test(id));
    return i === -1 ? order.length : i;
  };
  return all
    .flatMap((series) => {
      const link = seriesClaims(series).find((c) => c.claimId === claimId);
      return link ? [{ series, direction: link.direction, preference: rank(series.id) }] : [];
    })
    .sort((a, b) => a.preference - b.preference || (a.series.id < b.series.id ? -1 : a.series.id > b.series.id ? 1 : 0));
}
