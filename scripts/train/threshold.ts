/**
 * The model's threshold, chosen on the dev split only: the engine (phrase patterns and model
 * together) runs over dev with every model claim scored, and the lowest threshold whose flags
 * keep dev precision at or above the goal, with the most recall, is taken.
 */
import type { ClaimsModel } from '../../lib/claims/model';
import { curve, type CurvePoint } from '../corpus/metrics';
import { isKindKey, outcomes } from '../corpus/evaluate';

export const THRESHOLDS = Array.from({ length: 99 }, (_, j) => Math.round((0.01 + j * 0.01) * 100) / 100);

export function devCurve(model: ClaimsModel): CurvePoint[] {
  const pages = outcomes('dev', { model, threshold: 0 }).map((o) => ({
    gold: new Set([...o.gold].filter(isKindKey)),
    ignored: o.ignored,
    scored: new Map([...o.scored].filter(([k]) => isKindKey(k))),
  }));
  return curve(pages, THRESHOLDS);
}

export function chooseThreshold(model: ClaimsModel, goal: number): { threshold: number; log: string[] } {
  const points = devCurve(model);
  let best: CurvePoint | null = null;
  for (const p of points) if (p.precision >= goal && (!best || p.recall > best.recall)) best = p;
  const met = best !== null;
  // Where no threshold reaches the goal on dev, the most precise one (then the one with most recall) is taken.
  if (!best) for (const p of points) if (!best || p.precision > best.precision || (p.precision === best.precision && p.recall > best.recall)) best = p;
  const at = best!;
  return {
    threshold: at.threshold,
    log: [`dev: threshold ${at.threshold.toFixed(2)}: precision ${at.precision.toFixed(3)}, recall ${at.recall.toFixed(3)}${met ? '' : ` (no threshold reaches precision ${goal} on dev: the most precise taken)`}`],
  };
}
