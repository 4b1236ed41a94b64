/**
 * The card's evidence: the few figures it leads with and the rest, in ranked order. Kept apart from
 * Card.tsx so that the content script can prepare card props without loading the card (which
 * loads on first use).
 */
import type { Direction, Evidence } from '@/lib/model/records';
import type { Series } from '@/lib/model/series';
import type { Stance } from '@/lib/model/scan';
import { t } from '@/lib/i18n';

/** How the article holds the claim, in words (each a literal key, so the catalogue test sees it used). */
const STANCE_WORDS: Record<Stance, () => string> = {
  asserted: () => t('cardStanceAsserted'),
  reported: () => t('cardStanceReported'),
  rebutted: () => t('cardStanceRebutted'),
  negated: () => t('cardStanceNegated'),
};

export const stanceWords = (stance: Stance): string => STANCE_WORDS[stance]();

/** The engine's reasons for a mark as the card's "Why" section words them (a report keeps these). */
export function whyLines(wording: string, stance: Stance, cues: readonly string[] = []): string[] {
  return [t('cardWhyWording', wording), ...(cues.length > 0 ? [t('cardWeighedMost', cues.join(', '))] : []), t('cardStance', stanceWords(stance))];
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
  /** The page showed no date: it was read from the page's address (/2014/06/29/). */
  dateFromAddress?: boolean;
}

/** The period the claim speaks of, where words in the sentence set it: "first lockdown", "March – June 2020". */
export interface CardSpeaksOf {
  words: string;
  period: string;
}

export interface CardFigures {
  /**
   * At most three, in this order: the best-ranked figure that answers the claim (a counter-figure,
   * or one that qualifies it where there is none), the next one, and the best-ranked figure that
   * partly supports the claim where the record has one.
   */
  lead: CardFigure[];
  /** Every other figure, in ranked order (the card keeps them behind "More figures (N)"). */
  more: CardFigure[];
}

export const emptyFigures = (): CardFigures => ({ lead: [], more: [] });

/** The figures answering the claim that the card leads with; one figure that partly supports it joins them. */
export const LEAD_ANSWERS = 2;

const answers = (f: CardFigure) => f.evidence.direction !== 'supports';

/**
 * Picks the lead from evidence in ranked order, keeping that order everywhere else: the first
 * figure is the ranking's first answer (what `npm run scan` lists first).
 */
export function groupFigures(figures: readonly CardFigure[]): CardFigures {
  const lead = figures.filter(answers).slice(0, LEAD_ANSWERS);
  const support = figures.find((f) => !answers(f));
  if (support) lead.push(support);
  return { lead, more: figures.filter((f) => !lead.includes(f)) };
}

/** The figures behind "More figures", split by what each does to the claim, each part in ranked order. */
export function byDirection(figures: readonly CardFigure[]): Record<Direction, CardFigure[]> {
  const groups: Record<Direction, CardFigure[]> = { counters: [], context: [], supports: [] };
  for (const figure of figures) groups[figure.evidence.direction].push(figure);
  return groups;
}

/**
 * The series point the card leads with, the point for the article's own month where that was
 * published later, and the whole series for the chart drawn under them.
 */
export interface CardSeries {
  series: Series;
  lead: CardFigure;
  later: CardFigure | null;
  /** The article's month (YYYY-MM), marked on the chart; null where its date gives none. */
  articleMonth: string | null;
  /** The period of the lead point, where the chart's keyboard reading starts. */
  leadPeriod: string;
}
