/**
 * Numbers for the benchmark: medians of repeated runs, ratios against a reference measured in the
 * same run, and the few formats the table uses. Pure: nothing here reads a clock.
 */

/** The median of the samples (the mean of the middle two for an even count). Throws on no samples. */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  if (samples.some((s) => !Number.isFinite(s))) throw new Error(`median of a non-finite sample: ${samples.join(', ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * How far the samples spread around their median: the median absolute deviation as a fraction of
 * the median (0.05 = samples typically within 5 %). 0 when the median is 0.
 */
export function relativeSpread(samples: readonly number[]): number {
  const m = median(samples);
  if (m === 0) return 0;
  return median(samples.map((s) => Math.abs(s - m))) / Math.abs(m);
}

/** `ours / reference`; null when the reference is 0 (a ratio against nothing means nothing). */
export function ratio(ours: number, reference: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(reference)) throw new Error(`ratio of ${ours} and ${reference}`);
  return reference === 0 ? null : ours / reference;
}

/** Rounds to `digits` significant digits for JSON output (keeps 0.0123 readable, 1234.5 whole-ish). */
export function round(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Math.round(x * scale) / scale;
}

/** Milliseconds for the table: "0.041 ms", "3.2 ms", "512 ms", "1.52 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

/** A ratio for the table: "0.18×"; "n/a" when there is none. */
export function formatRatio(r: number | null): string {
  if (r === null) return 'n/a';
  return `${r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2) : r.toFixed(3)}×`;
}

/** Bytes as kilobytes (1 KB = 1,024 bytes), one decimal: "38.4 KB". */
export function formatKB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export const kb = (bytes: number) => round(bytes / 1024, 4);

export type Verdict = 'met' | 'missed' | 'n/a';

/** Whether a figure meets a goal of "at most `goal`". */
export function verdict(value: number | null, goal: number): Verdict {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return value <= goal ? 'met' : 'missed';
}

/**
 * Splits `total` bytes among parts in proportion to their weights, in whole bytes that add up to
 * `total` exactly (largest remainders get the leftover bytes). Used to share the minified size of a
 * chunk among the packages whose rendered (pre-minification) code it holds.
 */
export function proportional(total: number, weights: Readonly<Record<string, number>>): Record<string, number> {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  const out: Record<string, number> = {};
  if (sum === 0 || total <= 0) {
    for (const [name] of entries) out[name] = 0;
    return out;
  }
  const shares = entries.map(([name, w]) => {
    const exact = (total * w) / sum;
    return { name, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((s, x) => s + x.floor, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.name.localeCompare(b.name))) {
    if (left <= 0) break;
    s.floor++;
    left--;
  }
  for (const s of shares) out[s.name] = s.floor;
  return out;
}

/**
 * Runs `a` and `b` alternately (a, b, b, a, a, b, …) so that slow drift of the machine (another
 * process, GC pressure, thermal) weighs on both the same; `warmup` rounds are run and dropped.
 * `prepare` is called before every single run, outside the timing (a fresh DOM copy, say).
 */
export async function alternate<P>(options: {
  rounds: number;
  warmup: number;
  prepare: () => P | Promise<P>;
  a: (p: P) => unknown;
  b: (p: P) => unknown;
  clock: () => number;
  /** Called between runs, outside the timing (e.g. a forced garbage collection). */
  settle?: () => void | Promise<void>;
}): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  const once = async (which: 'a' | 'b', keep: boolean) => {
    const p = await options.prepare();
    await options.settle?.();
    const t = options.clock();
    const result = options[which](p);
    // Synchronous work is timed without an await in between; a promise is waited for.
    if (result instanceof Promise) await result;
    const dt = options.clock() - t;
    if (keep) out[which].push(dt);
  };
  for (let i = 0; i < options.warmup + options.rounds; i++) {
    const keep = i >= options.warmup;
    const [first, second] = i % 2 === 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    await once(first, keep);
    await once(second, keep);
  }
  return out;
}
