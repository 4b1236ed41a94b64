/**
 * The learned claim decision: a linear model per claim over the features of a candidate sentence
 * (lib/claims/features.ts), and one that tells a reported claim from an asserted one. Made by
 * `npm run train` from the labelled corpus (assets/model/claims-model.json); nothing is fetched.
 */
import { z } from 'zod/mini';

const weights = z.record(z.string(), z.number());

export const claimsModelSchema = z.object({
  format: z.literal('footnote-claims-model'),
  version: z.number(),
  /** Corpus pages and sentences it was trained on, for the record. */
  trainedOn: z.object({ pages: z.number(), sentences: z.number(), candidates: z.number() }),
  /** Per claim id: the weights of the features that say the sentence flags that claim. */
  claims: z.record(z.string(), z.object({ threshold: z.number(), weights })),
  /** Weights that say a flagged claim is reported (attributed) rather than asserted. */
  reported: weights,
});
export type ClaimsModel = z.infer<typeof claimsModelSchema>;

export interface Scored {
  claimId: string;
  /** Probability that the sentence flags this claim (asserted or reported). */
  score: number;
  flagged: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

const dot = (w: Readonly<Record<string, number>>, features: readonly string[]) => {
  let sum = 0;
  for (const f of features) sum += w[f] ?? 0;
  return sum;
};

export function scoreClaims(model: ClaimsModel, features: readonly string[]): Scored[] {
  return Object.entries(model.claims).map(([claimId, m]) => {
    const score = sigmoid(dot(m.weights, features));
    return { claimId, score, flagged: score >= m.threshold };
  });
}

export function reportedScore(model: ClaimsModel, features: readonly string[]): number {
  return sigmoid(dot(model.reported, features));
}

/** Word features (w:, b:) that weighed most for `claimId`, heaviest first: the card's "why flagged". */
export function weightiest(model: ClaimsModel, claimId: string, features: readonly string[], n = 4): string[] {
  const w = model.claims[claimId]?.weights ?? {};
  return features
    .filter((f) => (f.startsWith('w:') || f.startsWith('b:')) && (w[f] ?? 0) > 0)
    .sort((a, b) => (w[b] ?? 0) - (w[a] ?? 0) || a.localeCompare(b))
    .slice(0, n)
    .map((f) => f.slice(2).replace('_', ' '));
}
