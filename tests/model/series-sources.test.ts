/**
 * Every point of every built-in series carries its source's exact words, and those words are in
 * the stored excerpt of that source (tests/fixtures/series-sources), whose address and date are
 * the point's. A value no stored text prints cannot pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinSeries } from '@/lib/packs/builtin-series';
import { readSeriesList } from '@/lib/packs/series-read';

const ROOT = resolve(__dirname, '../..');
const SOURCES = resolve(ROOT, 'tests/fixtures/series-sources');

interface Excerpt {
  id: string;
  url: string;
  published: string;
  excerpt: string;
}

const excerpts = new Map<string, Excerpt>(
  readdirSync(SOURCES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const e = JSON.parse(readFileSync(resolve(SOURCES, f), 'utf8')) as Excerpt;
      return [f.replace(/\.json$/, ''), e];
    }),
);

describe('built-in series', () => {
  const series = builtinSeries();

  it('reads every file in assets/series', () => {
    const files = readdirSync(resolve(ROOT, 'assets/series')).filter((f) => f.endsWith('.json'));
    expect(series.map((s) => `${s.id}.json`).sort()).toEqual(files.sort());
  });

  it('has every point quoted verbatim from its stored excerpt, at its address and date', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const s of series) {
      for (const p of s.points) {
        const where = `${s.id} ${p.period} (${p.sourceId ?? 'no source id'})`;
        const e = p.sourceId ? excerpts.get(p.sourceId) : undefined;
        if (!e) {
          problems.push(`${where}: no stored excerpt`);
          continue;
        }
        if (e.id !== p.sourceId) problems.push(`${where}: excerpt file names another id (${e.id})`);
        if (!e.excerpt.includes(p.source.quote)) problems.push(`${where}: quote not in the excerpt: ${p.source.quote}`);
        if (e.url !== p.source.url) problems.push(`${where}: url ${p.source.url} is not the excerpt's ${e.url}`);
        if (e.published !== p.published) problems.push(`${where}: published ${p.published} is not the excerpt's ${e.published}`);
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('was published no earlier than the period it reports', () => {
    for (const s of series) for (const p of s.points) expect(p.published.slice(0, p.period.length) >= p.period, `${s.id} ${p.period}`).toBe(true);
  });
});

describe('series schema', () => {
  const good = builtinSeries()[0]!;
  const point = good.points[0]!;

  it('refuses a point without an exact quote, and the whole list with it', () => {
    const noQuote = { ...good, points: [point, { ...point, period: '2018-01', source: { ...point.source, quote: '  ' } }] };
    const r = readSeriesList([good, noQuote].map((s, i) => ({ ...s, id: `s${i}` })));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toContain('series[1].points.1.source.quote: the exact quote that gives the value (required)');
    const missing = { ...good, points: [{ ...point, source: { publisher: 'x', title: 'y', url: point.source.url } }] };
    expect(readSeriesList([missing]).ok).toBe(false);
  });

  it('refuses a non-number value, a bad period, a month in a yearly series and a series twice', () => {
    expect(readSeriesList([{ ...good, points: [{ ...point, value: '12' }] }]).ok).toBe(false);
    expect(readSeriesList([{ ...good, points: [{ ...point, period: '2021-13' }] }]).ok).toBe(false);
    expect(readSeriesList([{ ...good, frequency: 'year', points: [{ ...point, period: '2021-03' }] }]).ok).toBe(false);
    expect(readSeriesList([good, good]).ok).toBe(false);
    expect(readSeriesList([good]).ok).toBe(true);
  });
});
