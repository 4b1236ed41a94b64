/**
 * Label records of the corpus: what one annotator said of a page (corpus/labels/<role>/<id>.json),
 * what the adjudicator decided where the two disagreed (corpus/adjudication/<id>.json), and the
 * gold label built from them (corpus/gold/<id>.json). See corpus/GUIDELINE.md.
 */
import { z } from 'zod';

export const CLAIM_KINDS = ['closed', 'no-f2f', 'cant-see-gp', 'not-working'] as const;
export const STANCES = ['asserted', 'reported', 'rebutted', 'negated'] as const;
export const FLAGGED_STANCES: readonly string[] = ['asserted', 'reported'];

export const LabelledClaim = z.object({ kind: z.enum(CLAIM_KINDS), stance: z.enum(STANCES) });
export type LabelledClaim = z.infer<typeof LabelledClaim>;

export const LabelledSentence = z.object({
  i: z.number().int().min(0),
  text: z.string(),
  claims: z.array(LabelledClaim),
  borderline: z.boolean().optional(),
  why: z.string().optional(),
});
export type LabelledSentence = z.infer<typeof LabelledSentence>;

export const PageLabel = z.object({
  page: z.string(),
  annotator: z.string(),
  topic: z.enum(['on', 'off']),
  sentences: z.array(LabelledSentence),
});
export type PageLabel = z.infer<typeof PageLabel>;

/** The adjudicator's decisions: only the topic and sentences the annotators disagreed on. */
export const Adjudication = z.object({
  page: z.string(),
  topic: z.enum(['on', 'off']).optional(),
  sentences: z.array(z.object({ i: z.number().int().min(0), claims: z.array(LabelledClaim), borderline: z.boolean().optional(), note: z.string().optional() })),
});
export type Adjudication = z.infer<typeof Adjudication>;

const SentenceView = z.object({ claims: z.array(LabelledClaim), borderline: z.boolean().optional() });

export const GoldSentence = z.object({
  i: z.number().int().min(0),
  text: z.string(),
  claims: z.array(LabelledClaim),
  borderline: z.boolean().optional(),
  /** Each annotator's label where they disagreed (absent: they agreed). */
  a: SentenceView.optional(),
  b: SentenceView.optional(),
});
export type GoldSentence = z.infer<typeof GoldSentence>;

export const GoldLabel = z.object({
  page: z.string(),
  topic: z.enum(['on', 'off']),
  topicA: z.enum(['on', 'off']).optional(),
  topicB: z.enum(['on', 'off']).optional(),
  sentences: z.array(GoldSentence),
});
export type GoldLabel = z.infer<typeof GoldLabel>;

/** One sentence's claims as a comparable key: kinds with stances, sorted; "" for none. */
export function claimsKey(claims: readonly LabelledClaim[]): string {
  return [...new Set(claims.map((c) => `${c.kind}:${c.stance}`))].sort().join('|');
}

/** Only what Footnote would flag: the kinds asserted or reported, sorted; "" for none. */
export function flaggedKey(claims: readonly LabelledClaim[]): string {
  return [...new Set(claims.filter((c) => FLAGGED_STANCES.includes(c.stance)).map((c) => c.kind))].sort().join('|');
}
