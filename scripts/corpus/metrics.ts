/**
 * Measuring flagged claims against gold labels: precision, recall and F1 over (sentence, kind)
 * items, with 95% intervals from a bootstrap over pages (a seeded generator, so the same corpus
 * prints the same intervals), and a precision–recall curve from the model's scores.
 */
import { seededRandom } from '../seeded-random';

/** One page's items: what gold flags and what the engine flagged, as keys ("<i>:<kind>[:<stance>]"). */
export interface PageItems {
  gold: ReadonlySet<string>;
  predicted: ReadonlySet<string>;
  /** Keys that count neither way (borderline gold sentences). */
  ignored: ReadonlySet<string>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Interval {
  value: number;
  low: number;
  high: number;
}

export interface Scores {
  counts: Counts;
  precision: Interval;
  recall: Interval;
  f1: Interval;
}

/** The sentence index of a key, for matching ignored sentences. */
const sentenceOf = (key: string) => key.slice(0, key.indexOf(':'));

export function countPage(p: PageItems, keep: (key: string) => boolean = () => true): Counts {
  const ignoredSentences = new Set([...p.ignored].map(sentenceOf));
  const counted = (k: string) => keep(k) && !ignoredSentences.has(sentenceOf(k));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of p.predicted) if (counted(k)) p.gold.has(k) ? tp++ : fp++;
  for (const k of p.gold) if (counted(k) && !p.predicted.has(k)) fn++;
  return { tp, fp, fn };
}

const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export const precisionOf = (c: Counts) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recallOf = (c: Counts) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export const f1Of = (c: Counts) => {
  const p = precisionOf(c);
  const r = recallOf(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[at]!;
}

/** Scores over pages, each with a 95% interval from `rounds` page resamples. */
export function score(pages: readonly Counts[], rounds = 1000, seed = 15): Scores {
  const total = pages.reduce(add, { tp: 0, fp: 0, fn: 0 });
  const rand = seededRandom(seed);
  const ps: number[] = [];
  const rs: number[] = [];
  const fs: number[] = [];
  for (let r = 0; r < rounds && pages.length > 0; r++) {
    let c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (let j = 0; j < pages.length; j++) c = add(c, pages[Math.floor(rand() * pages.length)]!);
    ps.push(precisionOf(c));
    rs.push(recallOf(c));
    fs.push(f1Of(c));
  }
  const iv = (value: number, xs: number[]): Interval => {
    xs.sort((x, y) => x - y);
    return { value, low: percentile(xs, 0.025), high: percentile(xs, 0.975) };
  };
  return { counts: total, precision: iv(precisionOf(total), ps), recall: iv(recallOf(total), rs), f1: iv(f1Of(total), fs) };
}

export interface CurvePoint {
  threshold: number;
  precision: number;
  recall: number;
}

/**
 * Precision and recall at each threshold: `scored` holds each page's predictions with their score
 * (a phrase-pattern claim scores 1, it is always flagged).
 */
export function curve(pages: readonly { gold: ReadonlySet<string>; ignored: ReadonlySet<string>; scored: ReadonlyMap<string, number> }[], thresholds: readonly number[]): CurvePoint[] {
  return thresholds.map((t) => {
    let c: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const p of pages) c = add(c, countPage({ gold: p.gold, ignored: p.ignored, predicted: new Set([...p.scored].filter(([, s]) => s >= t).map(([k]) => k)) }));
    return { threshold: t, precision: precisionOf(c), recall: recallOf(c) };
  });
}

/** The curve as an SVG picture: recall across, precision up, the engine's own operating point marked. */
export function curveSvg(points: readonly CurvePoint[], chosen: Scores, title: string): string {
  const W = 480;
  const H = 360;
  const m = 48;
  const x = (r: number) => (m + r * (W - 2 * m)).toFixed(1);
  const y = (p: number) => (H - m - p * (H - 2 * m)).toFixed(1);
  const path = points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.recall)},${y(p.precision)}`).join(' ');
  const at = { precision: chosen.precision.value, recall: chosen.recall.value };
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14">${esc(title)}</text>`,
    ...ticks.map((t) => `<line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#ddd"/><text x="${m - 6}" y="${y(t)}" text-anchor="end" dy="4">${t}</text>`),
    ...ticks.map((t) => `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#ddd"/><text x="${x(t)}" y="${H - m + 16}" text-anchor="middle">${t}</text>`),
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">recall</text>`,
    `<text x="14" y="${H / 2}" text-anchor="middle" transform="rotate(-90 14 ${H / 2})">precision</text>`,
    `<path d="${path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`,
    `<circle cx="${x(at.recall)}" cy="${y(at.precision)}" r="5" fill="#c0392b"/><text x="${x(at.recall)}" y="${y(at.precision)}" dx="8" dy="18">the model's thresholds: P ${at.precision.toFixed(3)}, R ${at.recall.toFixed(3)}</text>`,
    `<text x="${x(1)}" y="${Number(y(0)) - 8}" text-anchor="end" fill="#555">curve: one threshold for every kind, 0.01 to 0.99</text>`,
    '</svg>',
    '',
  ].join('\n');
}
