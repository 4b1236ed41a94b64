/**
 * A small line chart of one series, drawn as inline SVG from chartModel: the article's month
 * marked, the 2019 average as a dashed baseline, months without a sourced point left as gaps.
 * Arrow keys (and Home/End) or the pointer pick a month; its value and source link show below.
 * A table of every point, with its source, is the chart's text alternative.
 */
import { useMemo, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent, TargetedPointerEvent } from 'preact';
import type { Series, SeriesPoint } from '@/lib/model/series';
import { formatSeriesValue, periodLabel } from '@/lib/claims/series-order';
import { t } from '@/lib/i18n';
import { chartModel, slotAt } from './series-chart-model';

export interface SeriesChartProps {
  series: Series;
  /** The article's month (YYYY-MM); null where the article's date gives none. */
  articleMonth: string | null;
  /** The period the reading starts at (the point the card leads with). */
  startPeriod: string;
  /** How a source's date reads ("30 September 2021"). */
  formatDate(date: string): string;
  /** Unique within the page: ids for the chart's description and readout. */
  idPrefix?: string;
  /** The table of points starts open (the options page), not folded (the card). */
  tableOpen?: boolean;
}

/** Room under the plot for the year labels, in chart units. */
const YEAR_ROW = 12;

const AXIS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** The scale's ends, short: "66.2%", "28.7" (the unit is in the chart's name). */
const axisValue = (series: Series, v: number) => `${AXIS.format(v)}${series.unit === 'percent' ? '%' : ''}`;

/** The table's order: by period, and a period's points (first figure, then corrections) by publication. */
const compare = (x: string, y: string) => (x === y ? 0 : x < y ? -1 : 1);
const byPeriodThenPublished = (a: SeriesPoint, b: SeriesPoint) => compare(a.period, b.period) || compare(a.published, b.published);

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

export function SeriesChart(props: SeriesChartProps) {
  const { series, formatDate } = props;
  const model = useMemo(() => chartModel(series, { articleMonth: props.articleMonth }), [series, props.articleMonth]);
  const start = Math.max(0, model.slots.findIndex((s) => s.period === props.startPeriod));
  const [picked, setPicked] = useState(start);
  const slot = model.slots[picked];
  const id = props.idPrefix ?? `fn-chart-${series.id}`;
  const last = model.slots[model.slots.length - 1];
  const article = model.articleSlot >= 0 ? model.slots[model.articleSlot]! : null;
  const yearly = series.frequency === 'year';
  const articleValue = article?.point ? formatSeriesValue(series, article.point.value) : t('seriesChartNoFigure');
  const articleWords = !article
    ? t('seriesChartArticleOutside')
    : yearly
      ? t('seriesChartArticleYear', periodLabel(article), articleValue)
      : t('seriesChartArticleMonth', periodLabel(article), articleValue);
  const name = t('seriesChartName', series.name, model.slots[0] ? periodLabel(model.slots[0]) : '', last ? periodLabel(last) : '', articleWords);
  const sourced = model.slots.filter((s) => s.point).length;
  const description = [
    yearly ? t('seriesChartSourcedYears', sourced, model.slots.length) : t('seriesChartSourcedMonths', sourced, model.slots.length),
    model.baseline ? t('seriesChartBaseline', formatSeriesValue(series, model.baseline.value), model.baseline.points) : t('seriesChartNoBaseline'),
    t('seriesChartKeys'),
  ].join(' ');

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (!event.isTrusted) return;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1 };
    let next = picked;
    if (event.key in moves) next = picked + moves[event.key]!;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = model.slots.length - 1;
    else return;
    event.preventDefault();
    event.stopPropagation();
    setPicked(Math.max(0, Math.min(model.slots.length - 1, next)));
  };
  const onPointerMove = (event: TargetedPointerEvent<SVGSVGElement>) => {
    if (!event.isTrusted) return;
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0) setPicked(slotAt(model, (event.clientX - box.left) / box.width));
  };

  return (
    <div class="fn-chart" data-series={series.id}>
      <div
        class="fn-chart-plot"
        role="group"
        aria-roledescription="chart"
        tabindex={0}
        aria-label={name}
        aria-describedby={`${id}-desc ${id}-readout`}
        onKeyDown={onKeyDown}
      >
        <svg viewBox={`0 0 ${model.width} ${model.height + YEAR_ROW}`} width="100%" aria-hidden="true" focusable="false" onPointerMove={onPointerMove}>
          {model.baseline && <line class="fn-chart-baseline" x1={0} x2={model.width} y1={model.baseline.y} y2={model.baseline.y} />}
          {article && <line class="fn-chart-article" x1={article.x} x2={article.x} y1={0} y2={model.height} data-period={article.period} />}
          <path class="fn-chart-line" d={model.line} />
          {model.slots.map((s) => s.y !== null && <circle class="fn-chart-dot" cx={s.x} cy={s.y} r={1.8} key={s.period} />)}
          {slot && <line class="fn-chart-pick" x1={slot.x} x2={slot.x} y1={0} y2={model.height} />}
          {slot?.y != null && <circle class="fn-chart-picked" cx={slot.x} cy={slot.y} r={3.2} />}
          {model.years.map((y, i) => (
            <text class="fn-chart-year" x={y.x} y={model.height + YEAR_ROW - 2} text-anchor={i === 0 ? 'start' : 'middle'} key={y.year}>
              {i === 0 || model.years.length <= 4 || i % 2 === 0 ? y.year : ''}
            </text>
          ))}
          <text class="fn-chart-year" x={model.width} y={9} text-anchor="end">
            {axisValue(series, model.max)}
          </text>
          <text class="fn-chart-year" x={model.width} y={model.height - 2} text-anchor="end">
            {axisValue(series, model.min)}
          </text>
        </svg>
      </div>
      <p id={`${id}-desc`} class="fn-chart-desc">
        {description}
      </p>
      <p id={`${id}-readout`} class="fn-chart-readout" aria-live="polite" data-period={slot?.period}>
        {slot && (
          <>
            <strong>{periodLabel(slot)}</strong>: {slot.point ? formatSeriesValue(series, slot.point.value) : t('seriesChartGap')}
            {slot.point && (
              <>
                {' '}
                (
                <a class="fn-chart-source" href={safeHref(slot.point.source.url)} target="_blank" rel="noopener noreferrer">
                  {slot.point.source.publisher}
                </a>
                , {formatDate(slot.point.published)})
              </>
            )}
          </>
        )}
      </p>
      <details class="fn-chart-table" open={props.tableOpen}>
        <summary>{t('seriesChartTableSummary', series.points.length)}</summary>
        <table>
          <caption>{t('seriesChartTableCaption', series.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{yearly ? t('seriesChartColumnYear') : t('seriesChartColumnMonth')}</th>
              <th scope="col">{t('seriesChartColumnValue')}</th>
              <th scope="col">{t('seriesChartColumnSource')}</th>
            </tr>
          </thead>
          <tbody>
            {[...series.points]
              .sort(byPeriodThenPublished)
              .map((p) => (
                <tr key={`${p.period}.${p.sourceId ?? p.published}`}>
                  <th scope="row">{periodLabel(p)}</th>
                  <td>{formatSeriesValue(series, p.value)}</td>
                  <td>
                    <a href={safeHref(p.source.url)} target="_blank" rel="noopener noreferrer">
                      {p.source.publisher}
                    </a>
                    , {formatDate(p.published)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
