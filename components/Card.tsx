/**
 * The context card: what the page says, the plain claim it matched, and the record with its
 * sources. Pure: props in, events out; its one piece of state is whether "More figures" is open.
 * Every string is rendered as text (Preact escapes it); no HTML from a page or a pack is ever
 * parsed here. Its stylesheet is Card.css, which whoever mounts the card puts where the card lives
 * (on web pages: inside the card's shadow root).
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { Direction, Evidence } from '@/lib/model/records';
import type { ReportInput } from '@/lib/model/report';
import type { Stance } from '@/lib/model/scan';
import { t } from '@/lib/i18n';
import { byDirection, stanceWords, type CardArticle, type CardFigure, type CardFigures, type CardSeries, type CardSpeaksOf } from './CardFigures';
import { standingLine, yearsAwayWarning } from './card-standing';
import { citation, type CitationFormat } from './citation';
import { formatPartialDate } from './partial-date';
import { ReportForm } from './ReportForm';
import { SeriesLead } from './SeriesLead';

/** A time word as the page set it, but not shouted: a headline's "STILL" reads "still". */
const plainCase = (words: string): string => (words === words.toUpperCase() ? words.toLowerCase() : words);

export type CardStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

export interface CardProps {
  /** The claim as the page states it. */
  quote: string;
  stance: Stance;
  /** The press wording that matched. */
  wording: string;
  /** Where the learned decision flagged the claim: the sentence's words that weighed most, heaviest first. */
  cues?: readonly string[];
  /** The plain statement of the claim from the store; null until loaded or when the store has none. */
  statement: string | null;
  figures: CardFigures;
  /** The series point of the claim's time, led with above the other figures, and its chart. */
  series?: CardSeries | null;
  /** Plain words where the store has no figure for the article's nation (shown above the figures). */
  nationNote?: string | null;
  /** The article's date and nation as Footnote read them (the figures are chosen for these). */
  article?: CardArticle | null;
  /** The period the claim speaks of, where words in the sentence set it. */
  speaksOf?: CardSpeaksOf | null;
  status: CardStatus;
  /** The outcome of an action, announced to screen readers ("Could not pause: …"). */
  notice?: string | null;
  /** An action is under way: the action buttons wait. */
  busy?: boolean;
  onClose(): void;
  onDismiss(): void;
  onPause(): void;
  /** Present once clips exist; without it there is no "Save clip" button. */
  onSaveClip?: () => void;
  /** Present where reports are kept: the card offers "Report a false flag" and its form. */
  onReport?: (input: ReportInput) => void;
  /**
   * Present where the card can copy: each figure offers its citation as text and as Markdown. The
   * click comes with it, so that the owner acts on the reader's own click only.
   */
  onCopy?: (text: string, format: CitationFormat, event: Event) => void;
  onKeyDown?: (event: TargetedKeyboardEvent<HTMLElement>) => void;
}


/** What each figure does to the claim, said on each lead figure and as the parts of "More figures". */
const DIRECTION_TAG: Record<Direction, () => string> = {
  counters: () => t('cardDirectionCounters'),
  context: () => t('cardDirectionContext'),
  supports: () => t('cardDirectionSupports'),
};
const MORE_GROUPS: { direction: Direction; title: () => string }[] = [
  { direction: 'counters', title: () => t('cardMoreCounters') },
  { direction: 'context', title: () => t('cardMoreContext') },
  { direction: 'supports', title: () => t('cardMoreSupports') },
];

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

type OnCopy = CardProps['onCopy'];

function CopyButtons({ evidence, onCopy }: { evidence: Evidence; onCopy: NonNullable<OnCopy> }) {
  return (
    <p class="fn-cite">
      <button type="button" data-action="copy-text" aria-label={t('cardCopyLabel')} onClick={(e) => onCopy(citation(evidence, 'text'), 'text', e)}>
        {t('cardCopy')}
      </button>
      <button
        type="button"
        data-action="copy-markdown"
        aria-label={t('cardCopyMarkdownLabel')}
        onClick={(e) => onCopy(citation(evidence, 'markdown'), 'markdown', e)}
      >
        {t('cardCopyMarkdown')}
      </button>
    </p>
  );
}

function Figure({ figure, tagged, onCopy }: { figure: CardFigure; tagged?: boolean; onCopy: OnCopy }) {
  const { evidence, afterArticle } = figure;
  const { source } = evidence;
  return (
    <li class={`fn-figure fn-figure-${evidence.direction}`} data-evidence={evidence.id} data-direction={evidence.direction}>
      {tagged && <p class="fn-direction">{DIRECTION_TAG[evidence.direction]()}</p>}
      <p class="fn-figure-value">{evidence.figure}</p>
      <p class="fn-figure-meta">
        <span class="fn-period">{evidence.period.label}</span>
        <span aria-hidden="true"> · </span>
        <span class="fn-geography">{evidence.geography}</span>
      </p>
      {afterArticle && <p class="fn-later">{t('cardLater')}</p>}
      {evidence.caution && <p class="fn-caution">{evidence.caution}</p>}
      <p class="fn-source">
        {t('cardSource')}{' '}
        <a href={safeHref(source.url)} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
        , {source.publisher}, {formatPartialDate(source.published)}
        {source.quotedFrom && <span class="fn-quoted">. {source.quotedFrom}</span>}
      </p>
      {onCopy && <CopyButtons evidence={evidence} onCopy={onCopy} />}
    </li>
  );
}

/**
 * The figures beyond the lead, behind a disclosure: its <summary> is in the tab order, and Enter or
 * Space opens and closes it. The keys are handled here, not left to the browser, because Firefox
 * did not toggle a <summary> in the card's shadow root from the keyboard; the click (and its
 * toggle) stays the browser's, and `open` follows it.
 */
function MoreFigures({ figures, onCopy }: { figures: readonly CardFigure[]; onCopy: OnCopy }) {
  const [open, setOpen] = useState(false);
  if (figures.length === 0) return null;
  const groups = byDirection(figures);
  const onKey = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    setOpen((was) => !was);
  };
  return (
    <details class="fn-more" open={open} onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}>
      <summary onKeyDown={onKey}>{t('cardMoreFigures', figures.length)}</summary>
      {MORE_GROUPS.map(({ direction, title }) =>
        groups[direction].length === 0 ? null : (
          <section class={`fn-group fn-group-${direction}`} aria-labelledby={`fn-group-${direction}`} key={direction}>
            <h4 id={`fn-group-${direction}`}>{title()}</h4>
            <ul>
              {groups[direction].map((figure) => (
                <Figure figure={figure} key={figure.evidence.id} onCopy={onCopy} />
              ))}
            </ul>
          </section>
        ),
      )}
    </details>
  );
}

export function Card(props: CardProps) {
  const { status, figures } = props;
  const [reporting, setReporting] = useState(false);
  const onReport = props.onReport;
  const series = props.series ?? null;
  const total = figures.lead.length + figures.more.length;
  // Where a series point leads the card, the plain words on the record start from it.
  const first = series ? [series.lead, ...figures.lead] : figures.lead;
  const standing = standingLine(first[0]);
  const yearsAway = yearsAwayWarning(first, props.article?.date);
  return (
    <section
      class="fn-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fn-card-title"
      aria-describedby="fn-card-quote"
      tabindex={-1}
      onKeyDown={props.onKeyDown}
    >
      <header class="fn-card-head">
        <h2 id="fn-card-title">{t('cardTitle')}</h2>
        <button type="button" class="fn-close" data-action="close" aria-label={t('cardClose')} onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>

      <blockquote id="fn-card-quote" class="fn-quote">
        {props.quote}
      </blockquote>
      {props.statement && (
        <p class="fn-statement">
          {t('cardMatches')} <strong>{props.statement}</strong>
        </p>
      )}
      {props.article && (
        <p class="fn-article">
          {t('cardArticle')} {props.article.date ? formatPartialDate(props.article.date) : t('cardDateNotFound')}
          {props.article.date && props.article.dateFromAddress && ` ${t('cardDateFromAddress')}`}
          <span aria-hidden="true"> · </span>
          {props.article.nation ?? t('cardNationNotClear')}
        </p>
      )}
      {props.speaksOf && (
        <p class="fn-speaks-of">
          {t('cardSpeaksOf', props.speaksOf.period, plainCase(props.speaksOf.words))}
        </p>
      )}

      <div class="fn-status" aria-live="polite" aria-atomic="true">
        {status.kind === 'loading' && <p>{t('cardLoading')}</p>}
        {status.kind === 'error' && <p class="fn-error">{t('cardLoadError', status.message)}</p>}
        {props.notice && <p class="fn-notice">{props.notice}</p>}
      </div>

      {status.kind === 'ready' && (
        <>
          {standing && <p class="fn-standing">{standing}</p>}
          {yearsAway && <p class="fn-years-away">{yearsAway}</p>}
          {props.nationNote && <p class="fn-nation-note">{props.nationNote}</p>}
          {series && (
            <SeriesLead series={series} renderFigure={(figure) => <Figure figure={figure} tagged onCopy={props.onCopy} />} formatDate={formatPartialDate} />
          )}
          {total === 0 && !series && <p class="fn-empty">{t('cardNoFigure')}</p>}
          {figures.lead.length > 0 && (
            <section class="fn-lead" aria-labelledby="fn-lead-title">
              <h3 id="fn-lead-title">{t('cardLeadTitle')}</h3>
              <ul>
                {figures.lead.map((figure) => (
                  <Figure figure={figure} tagged key={figure.evidence.id} onCopy={props.onCopy} />
                ))}
              </ul>
            </section>
          )}
          {/* A new claim's card starts with the disclosure closed. */}
          <MoreFigures figures={figures.more} onCopy={props.onCopy} key={props.quote} />
        </>
      )}

      <section class="fn-why" aria-labelledby="fn-why-title">
        <h3 id="fn-why-title">{t('cardWhyTitle')}</h3>
        <p>
          {t('cardWordingMatched')} <q>{props.wording}</q>
        </p>
        {props.cues && props.cues.length > 0 && <p>{t('cardWeighedMost', props.cues.join(', '))}</p>}
        <p>{t('cardStance', stanceWords(props.stance))}</p>
        <p class="fn-legend">
          <span class="fn-legend-solid" aria-hidden="true" />
          {t('cardLegendSolid')}{' '}
          <span class="fn-legend-dashed" aria-hidden="true" />
          {t('cardLegendDashed')}
        </p>
      </section>

      {onReport && reporting && (
        <ReportForm
          busy={props.busy}
          onSubmit={(input) => {
            setReporting(false);
            onReport(input);
          }}
          onCancel={() => setReporting(false)}
        />
      )}

      <footer class="fn-actions">
        {props.onSaveClip && (
          <button type="button" class="fn-primary" data-action="save-clip" disabled={props.busy} onClick={props.onSaveClip}>
            {t('cardSaveClip')}
          </button>
        )}
        <button type="button" data-action="dismiss" disabled={props.busy} onClick={props.onDismiss}>
          {t('cardDismiss')}
        </button>
        <button type="button" data-action="pause" disabled={props.busy} onClick={props.onPause}>
          {t('cardPause')}
        </button>
        {onReport && !reporting && (
          <button type="button" data-action="report" disabled={props.busy} onClick={() => setReporting(true)}>
            {t('cardReport')}
          </button>
        )}
      </footer>
    </section>
  );
}
