/**
 * The same short article, dated the 15th of each month from June 2019 to December 2024, making the
 * catalogue claim "Why are GPs still refusing to see patients face to face?", read as `npm run scan
 * -- --json` reads it (scripts/scan, the built-in pack and series).
 *
 * On every month the first figure obeys the ranking rule: it is the latest series point published
 * by the article's date for the claim's time ("still": the article's own time), and nothing later
 * leads. The coverage (months whose first figure's period ends 0-3 months before the article and
 * was published by then) is printed; its floor is what the sourced points support today, and rises
 * as months are sourced: a month with no source stays empty, it is never interpolated.
 */
import { describe, expect, it } from 'vitest';
import { monthIndex } from '@/lib/claims/claim-time';
import { chooseSeriesPoints } from '@/lib/claims/series-order';
import { loadEngine, loadSeries, scanHtml } from '../../scripts/scan';

const CLAIM = 'Why are GPs still refusing to see patients face to face?';
/** Months of 67 that the sourced points cover now; the goal is 61 (90%). */
const COVERED_NOW = 41;

const { engine } = loadEngine();
const series = loadSeries();

function page(date: string): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'GP access', datePublished: date });
  return `<!doctype html><html><head><title>GP access: patients speak</title>
<script type="application/ld+json">${ld}</script></head><body><article><h1>GP access: patients speak</h1>
<p>${CLAIM}</p>
<p>Patients across England say they struggle to get a GP appointment at their surgery. Practices say demand on general practice is higher than ever, and the BMA says GP workload is unsafe.</p>
<p>NHS England says GP surgeries are open and offering appointments by phone, video and in person.</p>
</article></body></html>`;
}

const months: string[] = [];
for (let m = monthIndex('2019-06'); m <= monthIndex('2024-12'); m++) {
  months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
}

describe('a dated article is answered by the record of its own time', () => {
  const results = months.map((month) => {
    const date = `${month}-15`;
    const r = scanHtml(page(date), `article-${month}.html`, engine);
    const claim = r.claims.find((c) => c.highlight && c.claimId === 'no-face-to-face');
    return { month, date, article: r.article, claim };
  });

  it('finds the claim on every month, with the article dated', () => {
    expect(results.length).toBe(67);
    for (const r of results) {
      expect(r.article.published?.date, r.month).toBe(r.date);
      expect(r.claim, r.month).toBeDefined();
      expect(r.claim!.figures?.map((f) => f.id)).toEqual(r.claim!.evidence);
    }
  });

  it('leads on every month with the latest point of the claim’s time published by the article', () => {
    for (const r of results) {
      const a = monthIndex(r.month);
      const expected = chooseSeriesPoints(series, 'no-face-to-face', { claimTime: { from: a - 2, to: a }, published: r.date, nation: null }).lead;
      const first = r.claim!.figures![0]!;
      if (!expected) {
        expect(first.series, r.month).toBeUndefined();
        // No appointment point of the article's time or before it was published by then.
        const known = series.filter((x) => x.id.includes('-appointments-')).flatMap((x) => x.points);
        expect(known.filter((p) => p.published <= r.date && monthIndex(p.period, true) <= a), r.month).toEqual([]);
        continue;
      }
      expect(first.id, r.month).toBe(expected.id);
      expect(first.published <= r.date, r.month).toBe(true);
      // No point of a later period, published by the article's date, was passed over.
      for (const s of series.filter((x) => x.id === first.series)) {
        for (const p of s.points) {
          if (p.published > r.date || monthIndex(p.period, true) > a) continue;
          expect(monthIndex(p.period, true) <= monthIndex(first.period.to, true), `${r.month}: ${p.period} is later than ${first.period.to}`).toBe(true);
        }
      }
    }
  });

  it('covers the months the sourced points support', () => {
    const covered = results.filter((r) => {
      const f = r.claim!.figures![0]!;
      const gap = monthIndex(r.month) - monthIndex(f.period.to, true);
      return f.series !== undefined && gap >= 0 && gap <= 3 && f.published <= r.date;
    });
    const missing = results.filter((r) => !covered.includes(r)).map((r) => r.month);
    console.info(`series coverage: ${covered.length} of ${results.length} months (${Math.round((100 * covered.length) / results.length)}%); not covered: ${missing.join(' ')}`);
    expect(covered.length).toBeGreaterThanOrEqual(COVERED_NOW);
  });
});
