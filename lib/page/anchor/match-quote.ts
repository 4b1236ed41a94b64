/**
 * Finding a quote again in a page's text, after Hypothesis' match-quote: exact occurrences first,
 * then approximate ones (`approx-string-match`, Myers' bit-parallel edit distance), each scored on
 * the quote, the text before and after it, and its position. Unlike Hypothesis, a match must pass a
 * threshold: a rewritten page gives no match (an orphan) rather than the nearest wrong passage.
 * Pure: text in, offsets out.
 */
import approxSearch from 'approx-string-match';

export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string;
  /** Text expected just after the quote. */
  suffix?: string;
  /** Offset where the quote was when it was saved. */
  hint?: number;
}

export interface MatchOptions {
  /** Whether to look for edited passages too (costly on a huge page: O(text × quote length / 32)). */
  fuzzy?: boolean;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** 0..1: weighted agreement of quote, prefix, suffix and position. */
  score: number;
  /** Edits between the quote and the matched text (0 for an exact match). */
  errors: number;
  /** How well the surroundings agree with the saved prefix and suffix, 0..1. */
  context: number;
}

/** The tuning, exported for the tests that pin it. */
export const MATCH_TUNING = {
  weights: { quote: 50, prefix: 20, suffix: 20, position: 2 },
  /** At most this share of the quote may differ in a fuzzy match. */
  maxErrorRate: 0.25,
  /** A fuzzy match needs surroundings at least this close to the saved ones ... */
  minFuzzyContext: 0.6,
  /** ... and this overall score. */
  minFuzzyScore: 0.8,
  /**
   * An exact quote this long identifies its passage by itself; a shorter one ("GP practices")
   * occurs anywhere and must also be recognised by its surroundings.
   */
  selfEvidentLength: 40,
  minShortExactContext: 0.6,
  /** Bounds the work on hostile pages: a quote found more often than this is judged on its first occurrences. */
  maxCandidates: 2000,
} as const;

function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1 && found.length < MATCH_TUNING.maxCandidates; at = text.indexOf(quote, at + 1)) {
    found.push(at);
  }
  return found;
}

/** Similarity of `actual` to `expected`, 0..1, allowing `expected` anywhere inside `actual`. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? Math.max(0, 1 - best.errors / expected.length) : 0;
}

function contextScores(text: string, start: number, end: number, context: QuoteContext) {
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const prefixScore = similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
  const suffixScore = similarity(text.slice(end, end + suffix.length), suffix);
  const weightSum = (prefix ? prefix.length : 0) + (suffix ? suffix.length : 0);
  // The context score weighs each side by how much of it was saved (a quote at the top of a page has no prefix).
  const contextScore =
    weightSum === 0 ? 1 : ((prefix ? prefix.length * prefixScore : 0) + (suffix ? suffix.length * suffixScore : 0)) / weightSum;
  return { prefixScore, suffixScore, contextScore };
}

function score(text: string, quote: string, m: { start: number; end: number; errors: number }, context: QuoteContext): QuoteMatch {
  const w = MATCH_TUNING.weights;
  const quoteScore = 1 - m.errors / quote.length;
  const { prefixScore, suffixScore, contextScore } = contextScores(text, m.start, m.end, context);
  const positionScore = context.hint === undefined || text.length === 0 ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
  const total =
    (w.quote * quoteScore + w.prefix * prefixScore + w.suffix * suffixScore + w.position * positionScore) /
    (w.quote + w.prefix + w.suffix + w.position);
  return { start: m.start, end: m.end, errors: m.errors, score: total, context: contextScore };
}

function best(matches: QuoteMatch[]): QuoteMatch | null {
  let top: QuoteMatch | null = null;
  for (const m of matches) if (!top || m.score > top.score) top = m;
  return top;
}

/**
 * The passage of `text` that is `quote` as saved, or null when none is close enough. `quote` and
 * `text` must be in the same form (both whitespace-collapsed, see normalize.ts).
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}, options: MatchOptions = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const t = MATCH_TUNING;

  const exact = exactOccurrences(text, quote);
  if (exact.length > 0) {
    const top = best(exact.map((start) => score(text, quote, { start, end: start + quote.length, errors: 0 }, context)))!;
    if (quote.length >= t.selfEvidentLength || top.context >= t.minShortExactContext) return top;
    // A short quote whose surroundings changed: fall through to the fuzzy search, which may find
    // a slightly edited occurrence that still sits in its old surroundings.
  }

  const maxErrors = Math.min(256, Math.floor(quote.length * t.maxErrorRate));
  if (maxErrors < 1 || options.fuzzy === false) return null;
  const fuzzy = approxSearch(text, quote, maxErrors)
    .slice(0, t.maxCandidates)
    .filter((m) => m.errors > 0)
    .map((m) => score(text, quote, m, context))
    .filter((m) => m.context >= t.minFuzzyContext && m.score >= t.minFuzzyScore);
  return best(fuzzy);
}
