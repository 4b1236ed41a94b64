/** The corpus evaluation's arithmetic (scripts/corpus/metrics.ts): counts, intervals, the curve. */
import { describe, expect, it } from 'vitest';
import { countPage, curve, curveSvg, f1Of, precisionOf, recallOf, score } from '../../scripts/corpus/metrics';
import { seededRandom } from '../../scripts/seeded-random';

const page = (gold: string[], predicted: string[], ignored: string[] = []) => ({ gold: new Set(gold), predicted: new Set(predicted), ignored: new Set(ignored) });

describe('corpus metrics', () => {
  it('counts true and false flags and misses, leaving borderline sentences out both ways', () => {
    const p = page(['1:closed', '2:no-f2f', '5:cant-see-gp'], ['1:closed', '3:closed', '5:not-working', '7:closed'], ['7:']);
    // 7 is borderline: its flag is no false positive.
    expect(countPage(p)).toEqual({ tp: 1, fp: 2, fn: 2 });
    expect(countPage(p, (k) => k.endsWith(':closed'))).toEqual({ tp: 1, fp: 1, fn: 0 });
  });

  it('computes precision, recall and F1, with nothing flagged counting as precise', () => {
    expect(precisionOf({ tp: 3, fp: 1, fn: 2 })).toBe(0.75);
    expect(recallOf({ tp: 3, fp: 1, fn: 2 })).toBe(0.6);
    expect(f1Of({ tp: 3, fp: 1, fn: 2 })).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 10);
    expect(precisionOf({ tp: 0, fp: 0, fn: 4 })).toBe(1);
    expect(recallOf({ tp: 0, fp: 0, fn: 4 })).toBe(0);
    expect(f1Of({ tp: 0, fp: 2, fn: 0 })).toBe(0);
  });

  it('gives the same bootstrap intervals for the same pages and seed, around the value', () => {
    const pages = [
      { tp: 3, fp: 0, fn: 1 },
      { tp: 1, fp: 1, fn: 0 },
      { tp: 0, fp: 0, fn: 2 },
      { tp: 5, fp: 0, fn: 1 },
    ];
    const a = score(pages, 500, 7);
    expect(score(pages, 500, 7)).toEqual(a);
    expect(a.counts).toEqual({ tp: 9, fp: 1, fn: 4 });
    expect(a.precision.value).toBe(0.9);
    for (const m of [a.precision, a.recall, a.f1]) {
      expect(m.low).toBeLessThanOrEqual(m.value);
      expect(m.high).toBeGreaterThanOrEqual(m.value);
      expect(m.high).toBeGreaterThan(m.low);
    }
    // One page only: every resample is that page.
    const one = score([{ tp: 2, fp: 2, fn: 0 }], 100, 1);
    expect([one.precision.low, one.precision.high]).toEqual([0.5, 0.5]);
  });

  it('draws numbers in [0, 1) from a seed, the same for the same seed', () => {
    const r = seededRandom(42);
    const xs = Array.from({ length: 5 }, r);
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(xs);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('traces precision and recall over thresholds, a pattern claim (score 1) always in', () => {
    const pages = [{ gold: new Set(['1:closed', '2:closed']), ignored: new Set<string>(), scored: new Map([['1:closed', 1], ['2:closed', 0.4], ['3:closed', 0.6]]) }];
    expect(curve(pages, [0.3, 0.5, 0.9])).toEqual([
      { threshold: 0.3, precision: 2 / 3, recall: 1 },
      { threshold: 0.5, precision: 0.5, recall: 0.5 },
      { threshold: 0.9, precision: 1, recall: 0.5 },
    ]);
    const svg = curveSvg(curve(pages, [0.3, 0.5, 0.9]), score([{ tp: 1, fp: 0, fn: 1 }], 10), 'dev');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('P 1.000, R 0.500');
  });
});
