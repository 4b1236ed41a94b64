import { describe, expect, it } from 'vitest';
import { alternate, formatKB, formatMs, formatRatio, median, proportional, ratio, relativeSpread, round, verdict } from '@/scripts/bench/stats';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1000], 10],
  ])('median(%j) = %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });

  it('leaves its input in order', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and non-finite samples', () => {
    expect(() => median([])).toThrow(/no samples/);
    expect(() => median([1, Number.NaN])).toThrow(/non-finite/);
  });
});

describe('relativeSpread', () => {
  it('is the median absolute deviation over the median', () => {
    expect(relativeSpread([9, 10, 11])).toBeCloseTo(0.1);
    expect(relativeSpread([7, 7, 7])).toBe(0);
    expect(relativeSpread([0, 0, 1])).toBe(0);
  });
});

describe('ratio', () => {
  it('divides ours by the reference', () => {
    expect(ratio(1, 4)).toBe(0.25);
  });
  it('has no ratio against a zero reference, and refuses non-numbers', () => {
    expect(ratio(3, 0)).toBeNull();
    expect(() => ratio(Number.NaN, 1)).toThrow();
  });
});

describe('formats', () => {
  it.each([
    [0.0412, '0.041 ms'],
    [3.214, '3.21 ms'],
    [12.34, '12.3 ms'],
    [512.4, '512 ms'],
    [1520, '1.52 s'],
  ])('formatMs(%d) = %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
  it('formats ratios and kilobytes', () => {
    expect(formatRatio(0.1834)).toBe('0.183×');
    expect(formatRatio(3.4321)).toBe('3.43×');
    expect(formatRatio(12.34)).toBe('12.3×');
    expect(formatRatio(null)).toBe('n/a');
    expect(formatKB(40 * 1024)).toBe('40.0 KB');
    expect(formatKB(1536)).toBe('1.5 KB');
  });
  it('rounds to significant digits', () => {
    expect(round(0.012345)).toBe(0.0123);
    expect(round(1234.5, 3)).toBe(1230);
    expect(round(0)).toBe(0);
  });
});

describe('verdict', () => {
  it('meets a goal at or under it, misses it above, and has none without a value', () => {
    expect(verdict(0.2, 0.2)).toBe('met');
    expect(verdict(0.21, 0.2)).toBe('missed');
    expect(verdict(null, 0.2)).toBe('n/a');
  });
});

describe('proportional', () => {
  it('shares whole bytes in proportion and adds up exactly', () => {
    const shares = proportional(100, { a: 1, b: 1, c: 1 });
    expect(Object.values(shares).reduce((s, x) => s + x, 0)).toBe(100);
    expect(shares).toEqual({ a: 34, b: 33, c: 33 });
    expect(proportional(1000, { big: 300, small: 100 })).toEqual({ big: 750, small: 250 });
  });
  it('gives nothing to parts without weight', () => {
    expect(proportional(10, { a: 0, b: 5 })).toEqual({ b: 10 });
    expect(proportional(0, { a: 1 })).toEqual({ a: 0 });
  });
});

describe('alternate', () => {
  it('runs both sides in alternating order, drops the warm-up rounds and prepares every run', async () => {
    const order: string[] = [];
    let now = 0;
    let prepared = 0;
    const runs = await alternate({
      rounds: 3,
      warmup: 1,
      clock: () => now,
      prepare: () => ++prepared,
      a: (p) => {
        order.push(`a${p}`);
        now += 2;
      },
      b: (p) => {
        order.push(`b${p}`);
        now += 5;
      },
    });
    expect(order).toEqual(['a1', 'b2', 'b3', 'a4', 'a5', 'b6', 'b7', 'a8']);
    expect(runs.a).toEqual([2, 2, 2]);
    expect(runs.b).toEqual([5, 5, 5]);
  });

  it('waits for a side that returns a promise', async () => {
    let now = 0;
    const runs = await alternate({
      rounds: 1,
      warmup: 0,
      clock: () => now,
      prepare: () => undefined,
      a: async () => {
        await Promise.resolve();
        now += 7;
      },
      b: () => undefined,
    });
    expect(runs.a).toEqual([7]);
    expect(runs.b).toEqual([0]);
  });
});
