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

/**
 * A model's weights by feature, every claim's weight for a feature in one array (claims in the
 * model's order, 0 where a claim does not weigh it): one lookup per feature instead of one per
 * feature and claim, the cost of scoring a candidate. Sums run in the features' order, as a sum over
 * each claim's record would, so the scores are the same to the last bit. Built once per model
 * object; a model's weights are not changed once it scores (thresholds may be, and are read anew).
 */
interface Compiled {
  ids: string[];
  weights: Map<string, Float64Array>;
  reported: Map<string, number>;
}

const compiledModels = new WeakMap<ClaimsModel, Compiled>();

function compiled(model: ClaimsModel): Compiled {
  let c = compiledModels.get(model);
  if (c) return c;
  const ids = Object.keys(model.claims);
  const weights = new Map<string, Float64Array>();
  ids.forEach((id, k) => {
    for (const [f, w] of Object.entries(model.claims[id]!.weights)) {
      let row = weights.get(f);
      if (!row) weights.set(f, (row = new Float64Array(ids.length)));
      row[k] = w;
    }
  });
  c = { ids, weights, reported: new Map(Object.entries(model.reported)) };
  compiledModels.set(model, c);
  return c;
}

export function scoreClaims(model: ClaimsModel, features: readonly string[]): Scored[] {
  const { ids, weights } = compiled(model);
  const sums = new Float64Array(ids.length);
  for (const f of features) {
    const row = weights.get(f);
    if (row) for (let k = 0; k < row.length; k++) sums[k] = sums[k]! + row[k]!;
  }
  return ids.map((claimId, k) => {
    const score = sigmoid(sums[k]!);
    return { claimId, score, flagged: score >= model.claims[claimId]!.threshold };
  });
}

export function reportedScore(model: ClaimsModel, features: readonly string[]): number {
  const { reported } = compiled(model);
  let sum = 0;
  for (const f of features) sum += reported.get(f) ?? 0;
  return sigmoid(sum);
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
