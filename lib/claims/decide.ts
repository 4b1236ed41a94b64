/**
 * The learned decision inside the engine: for a candidate sentence (lib/claims/candidates.ts),
 * the claims the model flags that the phrase patterns did not already find there, each with its
 * stance, its clause and the words that weighed most. A sentence the stance rules call a rebuttal
 * or a negation is never flagged here (the patterns report those, unflagged).
 */
import modelFile from '../../assets/model/claims-model.json';
import type { ClaimMatch, Stance } from '../model/scan';
import { candidateOf, hasSubject, type Candidate } from './candidates';
import { featuresOf, surfaceOf } from './features';
import { reportedScore, scoreClaims, weightiest, type ClaimsModel } from './model';
import { clauseOf, type Span } from './segment';
import { stanceOf } from './stance';
import { CONDITION_BEFORE, HEDGE_BEFORE, HEDGE_EARLIER, INTENT_GAP, PRONOUN_SUBJECT, RESTRICTED_SUBJECT } from './not-claims';
import { CLOSURE_NOT_CLAIM } from './patterns';
import { KIND_OF } from './lexicons';

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
  /** A phrase pattern read a claim here as rebutted or negated, or kept it unflagged. */
  denied?: boolean;
  /** Claim ids the patterns already reported for this sentence. */
  found: ReadonlySet<string>;
  /** Claim ids the engine looks for. */
  wanted: ReadonlySet<string>;
  evidenceFor: (claimId: string) => string[];
}

/**
 * A sentence that is a figure ("One in five patients find their surgery shut", "47% of
 * appointments") reports data, not the claim (corpus/GUIDELINE.md, "Not claims").
 */
const FIGURE = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\d\s*(?:%|per ?cent)|\b(?:a|one|two|three)[- ](?:thirds?|quarters?|fifths?)\s+(?:of\s+|(?:\w+\s+)?(?:say|said|struggle|find|found|could|can|cannot|can['’]t)\b)|\b(?:less|more|fewer)\s+than\s+half\b|\bhalf\s+of\s+(?:patients|people|respondents|those|callers|adults)\b/i;
/** "We are not shut", "never closed", "GPs prefer to see patients face to face": the opposite of the claim (negated, never flagged). */
/** The one claim a sentence may make with no subject named near it: patients cannot get an appointment. */
const STANDS_ALONE = 'cannot-see-gp';
const DENIED_STATE = /\b(?:not|never|n['’]t)\s+(?:been\s+|ever\s+|actually\s+)?['‘"“]?(?:shut|closed|lazy|idle)\b|\b(?:prefer\w*|want\w*|keen|happy|eager)\s+to\s+see\s+(?:patients|them|people)\s+(?:face[- ]to[- ]face|in[- ]person)/i;

/** The model's scores for sentence `c` by claim id, or null when it is no candidate. */
export function modelScores(model: ClaimsModel, c: Pick<SentenceContext, 'sentence' | 'prev' | 'next' | 'patterns'>): Map<string, number> | null {
  const cand = candidateOf(c.sentence, c.prev);
  if (!cand) return null;
  const features = featuresOf({ sentence: c.sentence, prev: c.prev, next: c.next, carried: cand.carried, subject: hasSubject(c.sentence), patterns: c.patterns });
  return new Map(scoreClaims(model, features).map((s) => [s.claimId, s.score]));
}

/**
 * The guideline's "not claims" (lib/claims/not-claims.ts) that a candidate sentence meets for one
 * claim, by name: a few rather than the profession, a subset, a condition or an intent, one surgery,
 * a figure, the state denied, no subject for a claim that needs one.
 */
export function notClaimRules(c: Pick<SentenceContext, 'sentence' | 'prev'>, cand: Candidate, subject: boolean, claimId: string): string[] {
  const s = c.sentence;
  const from = cand.from;
  const before = s.slice(0, from);
  const out: string[] = [];
  if (FIGURE.test(s)) out.push('figure');
  if (DENIED_STATE.test(s)) out.push('denied');
  // "Some practices", "GPs who…": a few, not the profession. Patients are another matter: "some
  // patients are struggling to get an appointment" is the claim (corpus/GUIDELINE.md).
  if (claimId !== STANDS_ALONE) {
    if (HEDGE_BEFORE.test(s.slice(Math.max(0, from - 60), from))) out.push('hedge');
    if (RESTRICTED_SUBJECT.test(s.slice(from))) out.push('restricted');
    if (PRONOUN_SUBJECT.test(s.slice(from)) && HEDGE_EARLIER.test(before)) out.push('hedge-earlier');
  }
  if (SUBSET_OBJECT.test(s)) out.push('subset');
  if (CONDITION_BEFORE.test(s.slice(Math.max(0, from - 200), from))) out.push('condition');
  if (INTENT_GAP.test(cand.gap)) out.push('intent');
  if (claimId === 'practices-closed' && !PLURAL_PRACTICES.test(s)) out.push('one-surgery');
  if ((claimId === 'practices-closed' || claimId === 'gps-doing-less') && CLOSURE_NOT_CLAIM.test(s)) out.push('own-cause');
  // With no subject in it or the sentence before, only a patient's difficulty stands alone ("It is
  // impossible to get an appointment."); "Even nightclubs are open." says nothing of surgeries.
  if (!subject && !(c.prev !== undefined && hasSubject(c.prev)) && claimId !== STANDS_ALONE) out.push('no-subject');
  return out;
}

/** "Not seeing patients with minor ailments in person": a subset of patients, by design. */
const SUBSET_OBJECT = /\b(?:patients|people)\s+with\s+(?:minor|mild|simple|routine|non-urgent)\b/i;
/** Practices closed means the service, not one surgery ("our surgery", a named one: local news), and not another trade's. */
const PLURAL_PRACTICES = /(?<!\b(?:dental|dentists?['’]?|veterinary|vets?['’]?|elective|planned|routine|cosmetic|hip|knee|cancer|cataract|constituency|mps?['’]?|law|legal)\s)\b(?:surgeries|practices|general practice|GPs|GP services|family doctors|doctors)\b/i;

/**
 * Whether the engine's rules keep a model claim from being flagged whatever its score: the stance
 * rules call the sentence a rebuttal or a negation (never flagged), or it meets a not-claim rule.
 * (Made soft, as features the model weighs, the not-claim rules gained nothing in cross-validation.)
 */
export function ruledOut(c: Pick<SentenceContext, 'sentence' | 'prev'>, cand: Candidate, rule: Stance, subject: boolean, claimId: string): boolean {
  if (rule === 'rebutted' || rule === 'negated') return true;
  return notClaimRules(c, cand, subject, claimId).length > 0;
}

/** The stance rules' reading of a candidate sentence, with no pattern to place the claim. */
export function ruleStance(c: Pick<SentenceContext, 'sentence' | 'prev' | 'next'>, cand: Candidate): Stance {
  return stanceOf({ sentence: c.sentence, from: cand.from, to: cand.to, quoted: false, next: c.next, prev: c.prev, negated: false });
}

export function modelClaims(model: ClaimsModel, c: SentenceContext, threshold?: number): ClaimMatch[] {
  // Where a phrase pattern read the sentence as a rebuttal or a negation, or kept its claim unflagged,
  // that reading stands; where it flagged one kind, the model may still find another there
  // ("I was reduced to tears trying to get an appointment. GPs must reopen").
  if (c.denied) return [];
  const foundKinds = new Set([...c.found].map((id) => KIND_OF.get(id) ?? id));
  const cand = candidateOf(c.sentence, c.prev);
  if (!cand) return [];
  const subject = hasSubject(c.sentence);
  const features = featuresOf({ sentence: c.sentence, prev: c.prev, next: c.next, carried: cand.carried, subject, patterns: c.patterns });
  const out: ClaimMatch[] = [];
  const rule = ruleStance(c, cand);
  for (const s of scoreClaims(model, features)) {
    if (!c.wanted.has(s.claimId) || foundKinds.has(KIND_OF.get(s.claimId) ?? s.claimId)) continue;
    if (threshold === undefined ? !s.flagged : s.score < threshold) continue;
    if (ruledOut(c, cand, rule, subject, s.claimId)) continue;
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
