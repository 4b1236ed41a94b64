/** The options page's series: a chart and a table of points with sources for each series. */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { SeriesPanel } from '@/components/SeriesPanel';
import { builtinSeries } from '@/lib/packs/builtin-series';

describe('SeriesPanel', () => {
  it('shows every series as its chart and an open table of its points, each with its source link', () => {
    const all = builtinSeries();
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    render(<SeriesPanel series={all} error={null} formatDate={(d) => d} />, host);
    const items = [...host.querySelectorAll('.series-item')];
    expect(items.map((i) => i.getAttribute('data-series'))).toEqual(all.map((s) => s.id));
    items.forEach((item, i) => {
      expect(item.querySelector('h3')?.textContent).toBe(all[i]!.name);
      expect(item.querySelector('[aria-roledescription="chart"] svg')).not.toBeNull();
      expect(item.querySelector('details.fn-chart-table')?.hasAttribute('open')).toBe(true);
      const links = [...item.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'));
      expect(links.sort()).toEqual(all[i]!.points.map((p) => p.source.url).sort());
    });
    // Ids stay unique with several charts on one page.
    const ids = [...host.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says when it is loading or failed', () => {
    const host = document.createElement('div');
    render(<SeriesPanel series={null} error={null} formatDate={(d) => d} />, host);
    expect(host.textContent).toBe('Loading the series…');
    render(<SeriesPanel series={null} error="no store" formatDate={(d) => d} />, host);
    expect(host.textContent).toBe('Could not load the series: no store');
  });
});
