/**
 * Everything a flagged claim is answered with, in the order the card shows it: the series point
 * of the claim's time first (series-order), the point for the article's own month where that was
 * published later, then the one-off figures in their own ranking (evidence-order). `npm run scan`
 * lists the same order as `evidence` (ids) and `figures` (summaries).
 */
import type { Evidence } from '../model/records';
import type { FigureSummary } from '../model/scan';
import type { Series } from '../model/series';
import { orderEvidence, type ArticleSetting, type EvidenceOrder } from './evidence-order';
import { chooseSeriesPoints, seriesPointEvidence, type SeriesChoice } from './series-order';

export interface ClaimFigures {
  series: SeriesChoice;
  /** The one-off figures, ranked as evidence-order ranks them. */
  order: EvidenceOrder;
  /** Series points (as figure records) then one-off figures: what the card shows, in its order. */
  figures: { evidence: Evidence; afterArticle: boolean; series?: string }[];
}

export function claimFigures(
  evidence: readonly Evidence[],
  series: readonly Series[],
  match: { claimId: string; text: string },
  article: ArticleSetting | null,
): ClaimFigures {
  const order = orderEvidence(evidence, match.text, article);
  const published = article?.published?.date ?? null;
  const choice = chooseSeriesPoints(series, match.claimId, {
    claimTime: order.claimTime,
    published,
    nation: article?.nation?.nation ?? null,
  });
  const points = [choice.lead, choice.later].flatMap((f) =>
    f ? [{ evidence: seriesPointEvidence(f, match.claimId), afterArticle: f.afterArticle, series: f.series.id }] : [],
  );
  return { series: choice, order, figures: [...points, ...order.figures.map((f) => ({ evidence: f.evidence, afterArticle: f.afterArticle }))] };
}

export function figureSummaries(figures: ClaimFigures['figures']): FigureSummary[] {
  return figures.map(({ evidence: e, series }) => ({
    id: e.id,
    figure: e.figure,
    period: { from: e.period.from, to: e.period.to },
    published: e.source.published,
    nation: e.nation,
    direction: e.direction,
    ...(series ? { series } : {}),
  }));
}
