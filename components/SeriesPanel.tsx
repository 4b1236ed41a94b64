/**
 * The options page's series: each one as its chart and the table of its points, every point with
 * its source. Pure: the series come in as props (the page asks the background for them).
 */
import type { Series } from '@/lib/model/series';
import { t } from '@/lib/i18n';
import { SeriesChart } from './SeriesChart';

export interface SeriesPanelProps {
  series: readonly Series[] | null;
  error: string | null;
  formatDate(date: string): string;
}

const latest = (s: Series) => s.points.reduce((m, p) => (p.period > m ? p.period : m), '');

export function SeriesPanel({ series, error, formatDate }: SeriesPanelProps) {
  if (error) return <p class="error">{t('seriesPanelError', error)}</p>;
  if (!series) return <p class="muted">{t('seriesPanelLoading')}</p>;
  if (series.length === 0) return <p class="muted">{t('seriesPanelEmpty')}</p>;
  return (
    <div class="series-panel">
      <p class="muted">{t('seriesPanelIntro')}</p>
      {series.map((s) => (
        <article class="series-item" key={s.id} aria-labelledby={`series-${s.id}`} data-series={s.id}>
          <h3 id={`series-${s.id}`}>{s.name}</h3>
          <p class="muted">
            {s.measure}. {s.geography}; {s.publication.publisher}, {s.publication.title}.
          </p>
          <SeriesChart series={s} articleMonth={null} startPeriod={latest(s)} formatDate={formatDate} idPrefix={`series-chart-${s.id}`} tableOpen />
        </article>
      ))}
    </div>
  );
}
