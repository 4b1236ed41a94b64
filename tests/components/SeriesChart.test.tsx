/** The card's series chart: its geometry (gaps stay gaps, the 2019 baseline) and how it reads. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { SeriesChart } from '@/components/SeriesChart';
import { chartModel, slotAt } from '@/components/series-chart-model';
import type { Series, SeriesPoint } from '@/lib/model/series';

const point = (period: string, value: number, published: string): SeriesPoint => ({
  period,
  value,
  published,
  source: { publisher: `Publisher ${period}`, title: 'Report', url: `https://example.org/${period}`, quote: `${value} in ${period}` },
});

const series: Series = {
  id: 'england-appointments-f2f-share',
  name: 'GP appointments in England seen face to face',
  measure: 'share',
  unit: 'percent',
  frequency: 'month',
  geography: 'England',
  nation: 'England',
  publication: { publisher: 'NHS Digital', title: 'Appointments in General Practice' },
  points: [point('2019-01', 80, '2019-02-28'), point('2019-03', 82, '2019-04-25'), point('2019-04', 78, '2019-05-30'), point('2020-04', 47, '2020-05-28'), point('2020-04', 48, '2020-06-25'), point('2020-06', 50, '2020-07-30')],
};

describe('chartModel', () => {
  const m = chartModel(series, { articleMonth: '2020-05', width: 200, height: 100, pad: 0 });

  it('has a slot for every month from January 2019 to the latest point, gaps included', () => {
    expect(m.slots.length).toBe(18);
    expect(m.slots[0]).toMatchObject({ period: '2019-01', x: 0 });
    expect(m.slots[17]).toMatchObject({ period: '2020-06', x: 200 });
    expect(m.slots.filter((s) => s.point).map((s) => s.period)).toEqual(['2019-01', '2019-03', '2019-04', '2020-04', '2020-06']);
    expect(m.slots[1]).toMatchObject({ point: null, y: null });
  });

  it('breaks the line at every gap and shows a month’s first release', () => {
    expect(m.line.match(/M/g)?.length).toBe(4); // 2019-01 | 2019-03–04 | 2020-04 | 2020-06
    expect(m.slots[15]!.point?.value).toBe(47);
  });

  it('draws the 2019 average as the baseline and marks the article’s month', () => {
    expect(m.baseline).toMatchObject({ value: 80, points: 3 });
    expect(m.min).toBe(47);
    expect(m.max).toBe(82);
    expect(m.slots[0]!.y).toBeCloseTo((2 / 35) * 100, 0);
    expect(m.articleSlot).toBe(16);
    expect(m.years).toEqual([{ year: '2019', x: 0 }, { year: '2020', x: m.slots[12]!.x }]);
    expect(slotAt(m, 0.5)).toBe(8);
    expect(chartModel({ ...series, points: series.points.slice(3) }).baseline).toBeNull();
  });
});

describe('SeriesChart', () => {
  function mount() {
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<SeriesChart series={series} articleMonth="2020-04" startPeriod="2020-04" formatDate={(d) => `on ${d}`} />, root));
    return root;
  }

  it('names the article’s month and value, and describes gaps and baseline', () => {
    const root = mount();
    const plot = root.querySelector<HTMLElement>('[aria-roledescription="chart"]')!;
    expect(plot.getAttribute('aria-label')).toBe("GP appointments in England seen face to face, January 2019 to June 2020. April 2020, the article's month: 47%.");
    const desc = root.querySelector(`#${plot.getAttribute('aria-describedby')!.split(' ')[0]}`)!;
    expect(desc.textContent).toContain('5 of 18 months have a sourced figure; the others are gaps.');
    expect(desc.textContent).toContain('the 2019 average, 80%');
    expect(root.querySelector('.fn-chart-article')?.getAttribute('data-period')).toBe('2020-04');
  });

  it('moves month by month with the arrow keys, showing each value and its source link', () => {
    const root = mount();
    const plot = root.querySelector<HTMLElement>('.fn-chart-plot')!;
    const readout = () => root.querySelector('.fn-chart-readout')!;
    expect(readout().textContent).toBe('April 2020: 47% (Publisher 2020-04, on 2020-05-28)');
    const key = (k: string) => act(() => void plot.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
    // A synthetic event is a page script's, not the reader's: the chart ignores it.
    key('ArrowRight');
    expect(readout().getAttribute('data-period')).toBe('2020-04');
  });

  it('lists every point with its source in a table', () => {
    const root = mount();
    const rows = [...root.querySelectorAll('.fn-chart-table tbody tr')];
    expect(rows.length).toBe(6);
    const cells = [...rows[3]!.children].map((c) => c.textContent);
    expect(cells).toEqual(['April 2020', '47%', 'Publisher 2020-04, on 2020-05-28']);
    expect(rows[4]!.children[1]!.textContent).toBe('48%'); // the revision is listed too, with its own date
    expect(rows[3]!.querySelector('a')?.getAttribute('href')).toBe('https://example.org/2020-04');
  });
});
