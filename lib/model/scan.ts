import { z } from 'zod/mini';
import './zod-config';
import { directionSchema, nationSchema } from './records';

export const stanceSchema = z.enum(['asserted', 'reported', 'rebutted', 'negated']);
export type Stance = z.infer<typeof stanceSchema>;

const offset = z.number().check(z.int(), z.nonnegative());

/** One figure a claim is answered with, as `npm run scan` lists it; `series` names a series point's series. */
export const figureSummarySchema = z.object({
  id: z.string(),
  figure: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  published: z.string(),
  nation: nationSchema,
  direction: directionSchema,
  series: z.optional(z.string()),
});
export type FigureSummary = z.infer<typeof figureSummarySchema>;

/** One claim found in extracted text. Offsets are UTF-16 indices into that text, end exclusive. */
export const claimMatchSchema = z.object({
  claimId: z.string(),
  text: z.string(),
  start: offset,
  end: offset,
  stance: stanceSchema,
  /** Only asserted and reported claims are flagged for a counter-figure. */
  highlight: z.boolean(),
  /** The press wording that matched, for the card's "why flagged". */
  wording: z.string(),
  evidence: z.array(z.string()),
  /** The figures of `evidence`, in its order, where the engine had full records to rank. */
  figures: z.optional(z.array(figureSummarySchema)),
  /** The learned decision's probability that the sentence flags this claim (absent: a phrase pattern found it). */
  score: z.optional(z.number().check(z.gte(0), z.lte(1))),
  /** The words that weighed most in the learned decision, heaviest first, for the card's "why flagged". */
  cues: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(8))),
});
export type ClaimMatch = z.infer<typeof claimMatchSchema>;

/** An article with this much text is read and marked from what is in view outward; the popup says it is large. */
export const LARGE_TEXT_CHARS = 2_000_000;

export const articleInfoSchema = z.object({
  isArticle: z.boolean(),
  onTopic: z.boolean(),
  topicScore: z.number().check(z.gte(0), z.lte(1)),
  title: z.string(),
  signals: z.array(z.string()),
  /** The article's date (YYYY-MM-DD, YYYY-MM or YYYY) and where it was read, e.g. "json-ld:datePublished". */
  published: z.optional(z.object({ date: z.string().check(z.maxLength(10)), how: z.string().check(z.maxLength(200)) })),
  /** The nation the story is about and how that was decided, e.g. "text:scotland-terms=3+2". */
  nation: z.optional(z.object({ nation: nationSchema, how: z.string().check(z.maxLength(200)) })),
  /** Characters of article text, given for a very long article only (LARGE_TEXT_CHARS or more). */
  textChars: z.optional(z.number().check(z.gte(0))),
});
export type ArticleInfo = z.infer<typeof articleInfoSchema>;
