/**
 * The card's evidence, grouped by what each figure does to the claim. Kept apart from Card.tsx so
 * that the content script can prepare card props without loading the card (which loads on first use).
 */
import type { Direction, Evidence } from '@/lib/db/records';

export interface CardFigure {
  evidence: Evidence;
  /** The figure was published (or its period starts) after the article: shown as later. */
  afterArticle?: boolean;
}

/** Evidence grouped by what it does to the claim; each group in ranked order. */
export type CardFigures = Record<Direction, CardFigure[]>;

export const emptyFigures = (): CardFigures => ({ counters: [], context: [], supports: [] });

/** Splits evidence by direction, keeping the order given (the ranked order) within each group. */
export function groupFigures(figures: readonly CardFigure[]): CardFigures {
  const groups = emptyFigures();
  for (const figure of figures) groups[figure.evidence.direction].push(figure);
  return groups;
}
