/**
 * The learned decision inside the engine: for a candidate sentence (lib/claims/candidates.ts),
 * the claims the model flags that the phrase patterns did not already find there, each with its
 * stance, its clause and the words that weighed most. A sentence the stance rules call a rebuttal
 * or a negation is never flagged here (the patterns report those, unflagged).
 */
import modelFile from '../../assets/model/claims-model.json';
import type { ClaimMatch } from '../model/scan';
import { candidateOf, hasSubject } from './candidates';
import { featuresOf, surfaceOf } from './features';
import { reportedScore, scoreClaims, weightiest, type ClaimsModel } from './model';
import { clauseOf, type Span } from './segment';
import { stanceOf } from './stance';

export const BUILTIN_MODEL = modelFile as unknown as ClaimsModel;

export interface ModelOptions {
  /** The model to use; none when null. */
  model?: ClaimsModel | null;
  /** Flag every model claim scoring at least this, in place of the model's own thresholds (for curves). */
  threshold?: number;
}

export interface SentenceContext {
  text: string;
  span: Span;
  sentence: string;
  prev?: string;
  next?: string;
  /** Pattern hits in this sentence as `<claimId>:<claim|negated>`. */
  patterns: readonly string[];
  /** Claim ids the patterns already reported for this sentence. */
  found: ReadonlySet<string>;
  /** Claim ids the engine looks for. */
  wanted: ReadonlySet<string>;
  evidenceFor: (claimId: string) => string[];
}

/**
 * Below this score a phrase pattern's flag is dropped: on dev the patterns' one wrong flag (a
 * claim named to argue it away) scored under it, and no right one did.
 */
export const PATTERN_VETO = 0.01;

/** The model's scores for sentence `c` by claim id, or null when it is no candidate. */
export function modelScores(model: ClaimsModel, c: Pick<SentenceContext, 'sentence' | 'prev' | 'next' | 'patterns'>): Map<string, number> | null {
  const cand = candidateOf(c.sentence, c.prev);
  if (!cand) return null;
  const features = featuresOf({ sentence: c.sentence, prev: c.prev, next: c.next, carried: cand.carried, subject: hasSubject(c.sentence), patterns: c.patterns });
  return new Map(scoreClaims(model, features).map((s) => [s.claimId, s.score]));
}

export function modelClaims(model: ClaimsModel, c: SentenceContext, threshold?: number): ClaimMatch[] {
  const cand = candidateOf(c.sentence, c.prev);
  if (!cand) return [];
  const features = featuresOf({ sentence: c.sentence, prev: c.prev, next: c.next, carried: cand.carried, subject: hasSubject(c.sentence), patterns: c.patterns });
  const out: ClaimMatch[] = [];
  for (const s of scoreClaims(model, features)) {
    if (!c.wanted.has(s.claimId) || c.found.has(s.claimId)) continue;
    if (threshold === undefined ? !s.flagged : s.score < threshold) continue;
    const rule = stanceOf({ sentence: c.sentence, from: cand.from, to: cand.to, quoted: false, next: c.next, prev: c.prev, negated: false });
    if (rule === 'rebutted' || rule === 'negated') continue;
    const stance = rule === 'reported' || reportedScore(model, features) >= 0.7 ? 'reported' : 'asserted';
    const clause = clauseOf(c.text, c.span, c.span.start + cand.from, c.span.start + cand.to);
    out.push({
      claimId: s.claimId,
      text: c.text.slice(clause.start, clause.end),
      start: clause.start,
      end: clause.end,
      stance,
      highlight: true,
      wording: c.sentence.slice(cand.from, cand.to).trim(),
      evidence: c.evidenceFor(s.claimId),
      score: Math.round(s.score * 1000) / 1000,
      cues: weightiest(model, s.claimId, features).map((f) => surfaceOf(c.sentence, f)),
    });
  }
  return out;
}
