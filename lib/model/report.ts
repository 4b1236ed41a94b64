/**
 * A false flag the reader reported from the card: what Footnote marked, why the engine marked it,
 * and what the reader says is wrong. Kept on this computer only; the reader exports it to send it.
 */
import { z } from 'zod/mini';
import './zod-config';
import { stanceSchema } from './scan';

export const REPORT_PROBLEMS = ['not-a-claim', 'wrong-stance', 'wrong-figure', 'other'] as const;
export const reportProblemSchema = z.enum(REPORT_PROBLEMS);
export type ReportProblem = z.infer<typeof reportProblemSchema>;

const text = (max: number) => z.string().check(z.maxLength(max));

/** What the reader writes in the form. */
export const reportInputSchema = z.object({
  problem: reportProblemSchema,
  note: text(2000),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/** What the card knows of the flag when the reader reports it. */
export const reportedFlagSchema = z.object({
  url: z.string().check(z.maxLength(8192), z.refine((s) => /^https?:\/\//i.test(s), 'an http(s) page URL')),
  title: text(2000),
  sentence: text(5000),
  claimId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The claim as the store states it (or its short name where the store had no statement). */
  claim: text(2000),
  stance: stanceSchema,
  /** The engine's reasons as the card showed them: the wording that matched, the stance in words. */
  wording: text(2000),
  why: z.array(text(2000)).check(z.maxLength(20)),
});
export type ReportedFlag = z.infer<typeof reportedFlagSchema>;

export const falseFlagReportSchema = z.extend(reportedFlagSchema, {
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  createdAt: z.number().check(z.int(), z.nonnegative()),
  problem: reportProblemSchema,
  note: text(2000),
});
export type FalseFlagReport = z.infer<typeof falseFlagReportSchema>;
