/**
 * The one ranking of a claim's one-off figures, used everywhere they are shown: `npm run scan` and
 * the card list them in this order, after any series point (claim-figures). It joins the
 * claim's own time (claim-time: the words of the sentence, relative to the article's date) with the
 * article's date and nation (meta: how the page was read) and ranks full evidence records (rank).
 * Pure: no DOM, no store.
 */
import type { Evidence, Nation } from '../model/records';
import { claimTime, describeSpan, type ClaimTime } from './claim-time';
import { sentenceMeasure } from './measure';
import { rankEvidence, type RankedEvidence } from './rank';
import type { ArticleInfo } from '../model/scan';

/** What of the article the ranking reads: its date and nation, each as the engine found them. */
export type ArticleSetting = Pick<ArticleInfo, 'published' | 'nation'>;

export interface OrderedFigure extends RankedEvidence {
  evidence: Evidence;
}

export interface EvidenceOrder {
  figures: OrderedFigure[];
  /** Plain words where the store has no figure for the article's nation (null otherwise). */
  nationNote: string | null;
  /** The period the claim speaks of and how it was set; null when neither claim nor article is dated. */
  claimTime: ClaimTime | null;
  /** "first lockdown: March – June 2020", only where the sentence's own words set the period. */
  speaksOf: { words: string; period: string } | null;
}

/**
 * Ranks the evidence records that answer one claim, for the sentence as the page states it
 * (`claimText`) and the article it is in (null when nothing is known of it).
 */
export function orderEvidence(evidence: readonly Evidence[], claimText: string, article: ArticleSetting | null): EvidenceOrder {
  const published = article?.published?.date ?? null;
  const nation: Nation | null = article?.nation?.nation ?? null;
  const time = claimTime(claimText, published);
  const { ranked, nationNote } = rankEvidence(evidence, { claimTime: time, published, nation, measure: sentenceMeasure(claimText) });
  const byId = new Map(evidence.map((e) => [e.id, e]));
  return {
    figures: ranked.map((r) => ({ ...r, evidence: byId.get(r.id)! })),
    nationNote,
    claimTime: time,
    speaksOf: time?.fromWords ? { words: time.how, period: describeSpan(time) } : null,
  };
}
