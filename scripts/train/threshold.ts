/**
 * The model's thresholds: the engine (phrase patterns and model together) runs with every model
 * claim scored, and of every combination of per-kind thresholds (a grid of 0.02) the one with the
 * most recall whose precision over all kinds is at or above the goal is taken (fewer wrong flags,
 * then the grid's order, on ties). The pages it is chosen on are the caller's: the trainer gives
 * the train split's pages scored out of fold together with the dev split, because dev alone holds
 * too few claims of each kind for one wrong flag not to move a threshold across the scale.
 */
import type { ClaimsModel } from '../../lib/claims/model';
import { KIND_OF } from '../../lib/claims/lexicons';
import { countPage, precisionOf, recallOf, type Counts } from '../corpus/metrics';
import { isKindKey, outcomes } from '../corpus/evaluate';
import type { SplitName } from '../corpus/dataset';

/** The lowest threshold a kind may have: below it a kind's flags are the model's guesses, not its findings. */
export const MIN_THRESHOLD = 0.1;
export const THRESHOLDS = Array.from({ length: 99 }, (_, j) => Math.round((0.01 + j * 0.01) * 100) / 100);

export interface ScoredPage {
  gold: Set<string>;
  ignored: ReadonlySet<string>;
  scored: Map<string, number>;
}

/** The pages of `split` (those `only` keeps) as the engine scores them with `model`, every model claim kept. */
export function scoredPages(model: ClaimsModel, split: SplitName, only?: (id: string) => boolean): ScoredPage[] {
  return outcomes(split, { model, threshold: 0 }, only).map((o) => ({
    gold: new Set([...o.gold].filter(isKindKey)),
    ignored: o.ignored,
    scored: new Map([...o.scored].filter(([k]) => isKindKey(k))),
  }));
}

/** Counts when a claim of kind k is flagged at score ≥ thresholds[k] (a pattern's claim scores 1). */
export function countAt(pages: readonly ScoredPage[], thresholds: ReadonlyMap<string, number>): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const p of pages) {
    const predicted = new Set([...p.scored].filter(([k, s]) => s >= (thresholds.get(k.slice(k.indexOf(':') + 1)) ?? 1)).map(([k]) => k));
    const n = countPage({ gold: p.gold, ignored: p.ignored, predicted });
    c.tp += n.tp;
    c.fp += n.fp;
    c.fn += n.fn;
  }
  return c;
}

/** Per kind and threshold, the true and false flags it adds: kinds add up, so every combination can be tried. */
function perKind(pages: readonly ScoredPage[], kind: string, grid: readonly number[]): { tp: number; fp: number }[] {
  return grid.map((x) => {
    const c = countAt(pages, new Map([[kind, x]]));
    return { tp: c.tp, fp: c.fp };
  });
}

export const describe = (name: string, c: Counts, goal?: number) =>
  `${name}: precision ${precisionOf(c).toFixed(3)}, recall ${recallOf(c).toFixed(3)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}; ${c.tp + c.fn} gold)${goal !== undefined && precisionOf(c) < goal ? ` — precision goal ${goal} not reached` : ''}`;

/**
 * The thresholds with the most true flags over `sets[0]` such that precision over every set is at
 * or above `goal` (the trainer gives train-out-of-fold with dev, and dev alone: dev must meet the goal
 * by itself, and the pooled pages keep one dev page from moving a threshold across the scale).
 */
export function chooseThresholds(model: ClaimsModel, sets: readonly (readonly ScoredPage[])[], goal: number): Map<string, number> {
  const kinds = Object.keys(model.claims).map((id) => KIND_OF.get(id) ?? id);
  const grid = [...THRESHOLDS.filter((x, j) => j % 2 === 1 && x >= MIN_THRESHOLD), 1];
  // Every kind at 1: the phrase patterns' flags alone; each kind's table adds to it.
  const bases = sets.map((pages) => countAt(pages, new Map()));
  const tables = sets.map((pages) => kinds.map((k) => perKind(pages, k, grid)));
  let best: { at: number[]; tp: number; fp: number } | null = null;
  const at = kinds.map(() => 0);
  const visit = (depth: number, tp: readonly number[], fp: readonly number[]): void => {
    if (depth === kinds.length) {
      if (!tp.every((t, j) => (t + fp[j]! === 0 ? 1 : t / (t + fp[j]!)) >= goal)) return;
      if (!best || tp[0]! > best.tp || (tp[0] === best.tp && fp[0]! < best.fp)) best = { at: [...at], tp: tp[0]!, fp: fp[0]! };
      return;
    }
    for (let j = 0; j < grid.length; j++) {
      at[depth] = j;
      visit(
        depth + 1,
        tp.map((t, k) => t + tables[k]![depth]![j]!.tp - tables[k]![depth]![grid.length - 1]!.tp),
        fp.map((f, k) => f + tables[k]![depth]![j]!.fp - tables[k]![depth]![grid.length - 1]!.fp),
      );
    }
  };
  visit(0, bases.map((b) => b.tp), bases.map((b) => b.fp));
  const chosen = best as { at: number[]; tp: number; fp: number } | null;
  return new Map(kinds.map((k, j) => [k, chosen ? grid[chosen.at[j]!]! : 1]));
}
