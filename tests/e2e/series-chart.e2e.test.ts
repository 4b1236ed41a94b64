/**
 * The record month by month, in each real browser: a short article dated 15 October 2021 asks
 * "Why are GPs still refusing to see patients face to face?". Its card leads with the series point
 * of the article's time, shows the point for October (published later) marked as later, and draws
 * the series' chart with October 2021 marked; the chart's accessible name states that month and
 * its value; the arrow keys move along the months; the picked month's source link is there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { formatSeriesValue } from '../../lib/claims/series-order';
import { buildBuiltinPack } from '../../lib/packs/builtin';
import { rankFigures } from '../../lib/page/card-presenter';
import { loadEngine, loadSeries, scanHtml } from '../../scripts/scan';
import { FIXTURES_DIR } from './server';
import { eventually, forEachBrowser } from './suite';

const ARTICLE = '/series-pages/article-2021-10-15.html';

function expectedCard() {
  const { engine } = loadEngine();
  const file = resolve(FIXTURES_DIR, `.${ARTICLE}`);
  const result = scanHtml(readFileSync(file, 'utf8'), file, engine);
  const claim = result.claims.find((c) => c.highlight)!;
  const pack = buildBuiltinPack();
  const ranked = rankFigures(pack.evidence.filter((e) => e.claimIds.includes(claim.claimId)), claim, result.article, loadSeries());
  return { claim, ranked, scanned: claim.evidence };
}

forEachBrowser('series chart', (suite) => {
  const want = expectedCard();
  const series = want.ranked.series!;
  const october = series.series.points.filter((p) => p.period === '2021-10').sort((a, b) => (a.published < b.published ? -1 : 1))[0]!;

  it('the page is read as 15 October 2021 and its card leads with a point of its time, published by then', () => {
    expect(want.claim.claimId).toBe('no-face-to-face');
    expect(series.leadPeriod >= '2021-07' && series.leadPeriod <= '2021-10').toBe(true);
    expect(series.lead.evidence.source.published <= '2021-10-15').toBe(true);
    expect(want.scanned.slice(0, 2)).toEqual([series.lead.evidence.id, series.later?.evidence.id]);
    expect(october.published > '2021-10-15').toBe(true);
  });

  it('the card shows the lead point, the later October point and the chart with October marked', async () => {
    const page = await suite.page();
    await page.goto(suite.server.url(`${ARTICLE}?series-chart`));
    await page.waitForSelector('footnote-mark[tabindex]');
    await page.click('footnote-mark[tabindex]');
    await page.waitForSelector('.fn-card .fn-chart-plot', { state: 'visible' });
    const card = await page.evaluateOn('.fn-card', (el) => {
      const t = (e: Element | null | undefined) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
      const group = el.querySelector('.fn-group-series')!;
      const plot = el.querySelector('.fn-chart-plot')!;
      return {
        firstGroup: t(el.querySelector('.fn-group h3')),
        // The series point leads: its section comes before the one-off figures ("What the record shows").
        aboveLead: [...el.querySelectorAll('.fn-group-series, .fn-lead')].map((s) => s.className),
        figures: [...group.querySelectorAll('.fn-figure')].map((li) => ({ id: li.getAttribute('data-evidence'), later: t(li.querySelector('.fn-later')) })),
        marked: el.querySelector('.fn-chart-article')?.getAttribute('data-period') ?? null,
        name: plot.getAttribute('aria-label'),
        description: plot
          .getAttribute('aria-describedby')!
          .split(' ')
          .map((id) => t(el.querySelector(`[id="${id}"]`)))
          .join(' '),
        readout: el.querySelector('.fn-chart-readout')?.getAttribute('data-period') ?? null,
        chartWidth: el.querySelector('.fn-chart svg')!.getBoundingClientRect().width,
        cardWidth: el.getBoundingClientRect().width,
        rows: el.querySelectorAll('.fn-chart-table tbody tr').length,
      };
    });
    expect(card.firstGroup).toBe('The record at the time');
    expect(card.aboveLead).toEqual(['fn-group fn-group-series', 'fn-lead']);
    expect(card.figures).toEqual([
      { id: series.lead.evidence.id, later: null },
      { id: series.later!.evidence.id, later: 'Published after this article' },
    ]);
    expect(card.marked).toBe('2021-10');
    expect(card.name).toContain(`October 2021, the article's month: ${formatSeriesValue(series.series, october.value)}`);
    expect(card.description).toContain('Arrow keys move along the chart.');
    expect(card.readout).toBe(series.leadPeriod);
    expect(card.chartWidth).toBeGreaterThan(200);
    expect(card.chartWidth).toBeLessThanOrEqual(card.cardWidth);
    expect(card.rows).toBe(series.series.points.length);

    // The keyboard: focus the chart, a key press moves one month on, and the month's source is linked.
    await page.focus('.fn-chart-plot');
    await page.press('ArrowRight');
    const next = (Number(series.leadPeriod.slice(5)) % 12) + 1;
    const nextPeriod = `${series.leadPeriod.slice(0, 4)}-${String(next).padStart(2, '0')}`;
    const readout = () => page.evaluateOn('.fn-card', (el) => el.querySelector('.fn-chart-readout')?.getAttribute('data-period') ?? null);
    await eventually(async () => (await readout()) === nextPeriod, 5000, `the readout at ${nextPeriod}`);
    const after = await page.evaluateOn('.fn-card', (el) => ({
      period: el.querySelector('.fn-chart-readout')?.getAttribute('data-period') ?? null,
      text: el.querySelector('.fn-chart-readout')?.textContent ?? '',
      href: el.querySelector('.fn-chart-readout a')?.getAttribute('href') ?? null,
      target: el.querySelector('.fn-chart-readout a')?.getAttribute('target') ?? null,
    }));
    expect(after.period).toBe(nextPeriod);
    const shown = series.series.points.filter((p) => p.period === nextPeriod).sort((a, b) => (a.published < b.published ? -1 : 1))[0];
    if (shown) expect(after).toMatchObject({ href: shown.source.url, target: '_blank' });
    else expect(after.text).toContain('no sourced figure');
    // End goes to the latest month; its point has its source link.
    await page.press('End');
    const lastSlot = series.series.points.reduce((m, p) => (p.period > m ? p.period : m), '');
    await eventually(async () => (await readout()) === lastSlot, 5000, `the readout at ${lastSlot}`);
    const latest = await page.evaluateOn('.fn-card', (el) => el.querySelector('.fn-chart-readout a')?.getAttribute('href') ?? null);
    const last = [...series.series.points].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : a.published < b.published ? -1 : 1))[0]!;
    expect(latest).toBe(last.source.url);
    expect(page.errors()).toEqual([]);
  });

  it('the options page shows each series as its chart and a table of its points with sources', async () => {
    const page = await suite.page();
    const item = '.series-item[data-series="england-appointments-f2f-share"]';
    await page.openExtensionPage('/options.html', `${item} .fn-chart-plot`);
    const all = loadSeries();
    expect(await page.count('.series-item')).toBe(all.length);
    const f2f = all.find((s) => s.id === 'england-appointments-f2f-share')!;
    expect(await page.count(`${item} tbody tr`)).toBe(f2f.points.length);
    const links = await page.evaluateOn(item, (el) => [...el.querySelectorAll('tbody a')].map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(f2f.points.map((p) => p.source.url).sort());
    expect(page.errors()).toEqual([]);
  });
});
