/**
 * Logistic regression over binary features by stochastic gradient descent, deterministic: the
 * examples are visited in the order given, the learning rate falls on a fixed schedule, and
 * nothing is random, so the same examples always give the same weights.
 */

export interface Example {
  /** Indices of the features present (each once). */
  x: readonly number[];
  y: 0 | 1;
}

export interface TrainOptions {
  epochs: number;
  rate: number;
  /** L2 penalty per step. */
  l2: number;
  /** Weight of a positive example's gradient (the classes are unbalanced). */
  positiveWeight: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function trainLogistic(examples: readonly Example[], dims: number, o: TrainOptions): Float64Array {
  const w = new Float64Array(dims);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const rate = o.rate / (1 + epoch * 0.2);
    for (const e of examples) {
      let z = 0;
      for (const j of e.x) z += w[j]!;
      const g = (e.y - sigmoid(z)) * (e.y === 1 ? o.positiveWeight : 1);
      for (const j of e.x) w[j] = w[j]! * (1 - rate * o.l2) + rate * g;
    }
  }
  return w;
}

/** Probability of the positive class for one example. */
export function predict(w: Float64Array, x: readonly number[]): number {
  let z = 0;
  for (const j of x) z += w[j]!;
  return sigmoid(z);
}
