/**
 * The card's first figure where a series answers the claim: the series point of the claim's time,
 * the series' chart under it, and below that the point for the article's own month where that was
 * published only later (marked so). The figure layout is the card's own (passed in as `renderFigure`).
 */
import type { ComponentChild } from 'preact';
import type { CardFigure, CardSeries } from './CardFigures';
import { t } from '@/lib/i18n';
import { SeriesChart } from './SeriesChart';

export interface SeriesLeadProps {
  series: CardSeries;
  /** The card's own figure, with its tag and copy buttons. */
  renderFigure(figure: CardFigure): ComponentChild;
  formatDate(date: string): string;
}

export function SeriesLead({ series, renderFigure, formatDate }: SeriesLeadProps) {
  return (
    <section class="fn-group fn-group-series" aria-labelledby="fn-group-series">
      <h3 id="fn-group-series">{t('seriesLeadHeading')}</h3>
      <ul>
        {renderFigure(series.lead)}
      </ul>
      <SeriesChart series={series.series} articleMonth={series.articleMonth} startPeriod={series.leadPeriod} formatDate={formatDate} />
      {series.later && (
        <ul class="fn-series-later">
          {renderFigure(series.later)}
        </ul>
      )}
    </section>
  );
}
