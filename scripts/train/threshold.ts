/**
 * The model's thresholds, chosen on the dev split only: the engine (phrase patterns and model
 * together) runs over dev with every model claim scored, and of every combination of per-kind
 * thresholds (a grid of 0.02) the one with the most dev recall whose precision over all kinds is at
 * or above the goal is taken (fewer wrong flags, then the grid's order, on ties).
 */
import type { ClaimsModel } from '../../lib/claims/model';
import { KIND_OF } from '../../lib/claims/lexicons';
import { countPage, precisionOf, recallOf, type Counts } from '../corpus/metrics';
import { isKindKey, outcomes } from '../corpus/evaluate';

export const MIN_THRESHOLD = 0.2;
export const THRESHOLDS = Array.from({ length: 99 }, (_, j) => Math.round((0.01 + j * 0.01) * 100) / 100);

interface DevPage {
  gold: Set<string>;
  ignored: ReadonlySet<string>;
  scored: Map<string, number>;
}

export function devPages(model: ClaimsModel): DevPage[] {
  return outcomes('dev', { model, threshold: 0 }).map((o) => ({
    gold: new Set([...o.gold].filter(isKindKey)),
    ignored: o.ignored,
    scored: new Map([...o.scored].filter(([k]) => isKindKey(k))),
  }));
}

/** Counts when a claim of kind k is flagged at score ≥ thresholds[k] (a pattern's claim scores 1). */
export function countAt(pages: readonly DevPage[], thresholds: ReadonlyMap<string, number>): Counts {
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
function perKind(pages: readonly DevPage[], kind: string, grid: readonly number[]): { tp: number; fp: number }[] {
  return grid.map((x) => {
    const c = countAt(pages, new Map([[kind, x]]));
    return { tp: c.tp, fp: c.fp };
  });
}

export function chooseThresholds(model: ClaimsModel, goal: number): { thresholds: Map<string, number>; log: string[] } {
  const pages = devPages(model);
  const kinds = Object.keys(model.claims).map((id) => KIND_OF.get(id) ?? id);
  // No kind is flagged below MIN_THRESHOLD: with a handful of dev claims of a kind, a lower one fits dev, not the language.
  const grid = [...THRESHOLDS.filter((x, j) => j % 2 === 1 && x >= MIN_THRESHOLD), 1];
  // Every kind at 1: the phrase patterns' flags alone; each kind's table adds to it.
  const base = countAt(pages, new Map());
  const gold = base.tp + base.fn;
  const tables = kinds.map((k) => perKind(pages, k, grid));
  let best: { at: number[]; tp: number; fp: number } | null = null;
  const at = kinds.map(() => 0);
  const visit = (depth: number, tp: number, fp: number): void => {
    if (depth === kinds.length) {
      const p = tp + fp === 0 ? 1 : tp / (tp + fp);
      if (p >= goal && (!best || tp > best.tp || (tp === best.tp && fp < best.fp))) best = { at: [...at], tp, fp };
      return;
    }
    const table = tables[depth]!;
    const none = table[table.length - 1]!;
    for (let j = 0; j < grid.length; j++) {
      at[depth] = j;
      visit(depth + 1, tp + table[j]!.tp - none.tp, fp + table[j]!.fp - none.fp);
    }
  };
  visit(0, base.tp, base.fp);
  const chosen = best as { at: number[]; tp: number; fp: number } | null;
  const t = new Map(kinds.map((k, j) => [k, chosen ? grid[chosen.at[j]!]! : 1]));
  const c = countAt(pages, t);
  const met = precisionOf(c) >= goal;
  return {
    thresholds: t,
    log: [
      `dev: thresholds ${[...t].map(([k, x]) => `${k} ${x.toFixed(2)}`).join(', ')}: precision ${precisionOf(c).toFixed(3)}, recall ${recallOf(c).toFixed(3)} (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}; ${gold} gold)${met ? '' : ` — precision goal ${goal} not reached`}`,
    ],
  };
}
