/**
 * The card's evidence, grouped by what each figure does to the claim. Kept apart from Card.tsx so
 * that the content script can prepare card props without loading the card (which loads on first use).
 */
import type { Direction, Evidence } from '@/lib/model/records';
import type { Stance } from '@/lib/model/scan';

export const STANCE_WORDS: Record<Stance, string> = {
  asserted: 'the article states it as fact',
  reported: 'the article reports someone saying it',
  rebutted: 'the article rebuts it',
  negated: 'the article denies it',
};

/** The engine's reasons for a mark as the card's "Why" section words them (a report keeps these). */
export function whyLines(wording: string, stance: Stance): string[] {
  return [`Wording matched: “${wording}”`, `Stance: ${STANCE_WORDS[stance]}.`];
}

export interface CardFigure {
  evidence: Evidence;
  /** The figure was published (or its period starts) after the article: shown as later. */
  afterArticle?: boolean;
}

/** The article's date (partial date) and nation as Footnote read them from the page; null where not found. */
export interface CardArticle {
  date: string | null;
  nation: string | null;
}

/** The period the claim speaks of, where words in the sentence set it: "first lockdown", "March – June 2020". */
export interface CardSpeaksOf {
  words: string;
  period: string;
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
