/**
 * Settings shared by the property tests: a fixed seed so that `npm test` is repeatable, a small
 * run count so that it stays fast, and `npm run test:fuzz` (FOOTNOTE_FUZZ_RUNS) for long runs.
 * A failing run prints its seed and path; FOOTNOTE_FUZZ_SEED replays it.
 */
import type { Parameters } from 'fast-check';

const envInt = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
  return n;
};

export const FUZZ_SEED = envInt('FOOTNOTE_FUZZ_SEED') ?? 20261123;
const FUZZ_RUNS = envInt('FOOTNOTE_FUZZ_RUNS');

/** fast-check parameters for a property that runs `quick` times in `npm test`. */
export function fuzzParams<T>(quick: number): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: FUZZ_RUNS ?? quick };
}

/** A test timeout that grows with the run count (vitest's default is 5 s). */
export function fuzzTimeout(quick: number, msPerRun = 150): number {
  return Math.max(20_000, (FUZZ_RUNS ?? quick) * msPerRun);
}


/**
 * Lets happy-dom finish tearing down what a run left (iframe windows are destroyed
 * asynchronously): without a turn of the event loop between runs, a long fuzz run holds every
 * run's iframe documents in memory at once.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
