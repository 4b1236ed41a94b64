/**
 * The card's view model: which claim's card is open, what it shows (the claim's figures in the
 * one ranking, grouped as the card groups them; loading, ready or failed; an action's notice and
 * busy state) and what its buttons and keys do. The card itself (components/Card) only renders
 * these props, and the session decides what an action means for the page.
 */
import { claimFigures } from '../claims/claim-figures';
import { formatMonth } from '../claims/claim-time';
import type { Series } from '../model/series';
import type { ArticleInfo, ClaimMatch } from '../model/scan';
import type { Evidence } from '../model/records';
import type { ReportInput } from '../model/report';
import type { CardProps } from '@/components/Card';
import type { CitationFormat } from '@/components/citation';
import { groupFigures, type CardArticle, type CardFigure, type CardSeries, type CardSpeaksOf } from '@/components/CardFigures';
import { tabLeavesAtEnd } from './card-focus';
import type { CardHost } from './card-loader';
import { setActive, setExpanded, type Mark } from './highlight';
import type { ForClaim, RecordCache } from './record-cache';

/**
 * The card's view of a claim's evidence: the one ranking (lib/claims/evidence-order, the order
 * `npm run scan` lists) with later figures marked, the note where the store has no figure for the
 * article's nation, the article's date and nation as Footnote read them, and the period the claim
 * speaks of where its own words set it. With series, the point of the claim's time leads
 * (`series`, shown above the one-off figures); `shown` is every figure's id in the card's order.
 */
export function rankFigures(
  evidence: readonly Evidence[],
  match: ClaimMatch,
  article: ArticleInfo | null,
  series: readonly Series[] = [],
): { figures: CardFigure[]; series: CardSeries | null; shown: string[]; nationNote: string | null; article: CardArticle | null; speaksOf: CardSpeaksOf | null } {
  const all = claimFigures(evidence, series, match, article);
  const { order, series: choice } = all;
  const read: CardArticle | null =
    article && (article.published || article.nation)
      ? {
          date: article.published?.date ?? null,
          nation: article.nation?.nation ?? null,
          ...(article.published?.how.startsWith('url') ? { dateFromAddress: true } : {}),
        }
      : null;
  const points = all.figures.filter((f) => f.series !== undefined);
  const lead = choice.lead && points[0];
  return {
    figures: order.figures.map((f) => ({ evidence: f.evidence, afterArticle: f.afterArticle })),
    series:
      choice.lead && lead
        ? {
            series: choice.lead.series,
            lead: { evidence: lead.evidence, afterArticle: false },
            later: points[1] ? { evidence: points[1].evidence, afterArticle: true } : null,
            articleMonth: choice.articleMonth === null ? null : formatMonth(choice.articleMonth),
            leadPeriod: choice.lead.point.period,
          }
        : null,
    shown: all.figures.map((f) => f.evidence.id),
    nationNote: order.nationNote,
    article: read,
    speaksOf: order.speaksOf,
  };
}

export interface CardPresenterDeps {
  card: CardHost;
  records: Pick<RecordCache, 'recordFor' | 'shortOf'>;
  /** The article as the page's scan read it (the figures are ranked for it). */
  article(): ArticleInfo | null;
  dismiss(mark: Mark): void;
  pause(): void;
  /** Keeps a false-flag report on the claim (named by its statement, or its short name). */
  keepReport(mark: Mark, claim: string, input: ReportInput): void;
  copy(text: string, format: CitationFormat, event: Event): void;
  /** The card's "Save clip": without it the card has no such button. */
  saveClip?(mark: Mark, evidenceIds: string[], claim: string): void;
}

export interface CardPresenter {
  /** The mark whose card is open. */
  readonly open: Mark | null;
  openCard(mark: Mark, focus: boolean): Promise<void>;
  /** Closes the card; with `returnFocus`, focus goes back to its mark. */
  closeCard(returnFocus: boolean): void;
  /** Runs one card action with the card's busy state, and its error as the card's notice (`failed` words it). */
  act(failed: (error: string) => string, action: () => Promise<void>): Promise<void>;
  /** The card's own notice (announced in its live region), shown on the next paint. */
  setNotice(text: string | null): void;
}

export function cardPresenter(deps: CardPresenterDeps): CardPresenter {
  const { card, records } = deps;
  let openMark: Mark | null = null;
  let busy = false;
  let notice: string | null = null;
  let cardRecord: ForClaim | null = null;
  let cardError: string | null = null;

  const ranked = (mark: Mark, record: ForClaim | null) => rankFigures(record?.evidence ?? [], mark.match, deps.article(), record?.series ?? []);

  const propsFor = (mark: Mark, record: ForClaim | null, error: string | null): CardProps => ({
    quote: mark.match.text,
    stance: mark.match.stance,
    wording: mark.match.wording,
    ...(mark.match.cues ? { cues: mark.match.cues } : {}),
    statement: record?.claim?.statement ?? null,
    ...(() => {
      const r = ranked(mark, record);
      return { figures: groupFigures(r.figures), series: r.series, nationNote: r.nationNote, article: r.article, speaksOf: r.speaksOf };
    })(),
    status: error ? { kind: 'error', message: error } : record ? { kind: 'ready' } : { kind: 'loading' },
    notice,
    busy,
    onClose: () => closeCard(true),
    onDismiss: () => deps.dismiss(mark),
    onPause: () => deps.pause(),
    onReport: (input) => deps.keepReport(mark, record?.claim?.statement ?? records.shortOf(mark.match), input),
    onCopy: (text, format, event) => deps.copy(text, format, event),
    ...(deps.saveClip
      ? {
          onSaveClip: () => {
            const { shown } = ranked(mark, record);
            closeCard(false); // the clip editor takes focus
            deps.saveClip!(mark, shown, records.shortOf(mark.match));
          },
        }
      : {}),
    onKeyDown: (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        closeCard(true);
      } else if (event.key === 'Tab' && !event.shiftKey && tabLeavesAtEnd(event.currentTarget, event.target)) {
        // Past the card's last control: back to the mark in the article, not out to the browser.
        event.preventDefault();
        closeCard(true);
      }
    },
  });

  const repaint = () => {
    if (openMark) card.update(propsFor(openMark, cardRecord, cardError));
  };

  const openCard = async (mark: Mark, focus: boolean) => {
    if (openMark && openMark !== mark) closeCard(false);
    openMark = mark;
    notice = null;
    setExpanded(mark, true);
    setActive(mark, true);
    cardRecord = null;
    cardError = null;
    const pending = records.recordFor(mark.match.claimId);
    const ready = await Promise.race([pending, Promise.resolve(null)]).catch(() => null);
    if (openMark !== mark) return;
    cardRecord = ready;
    try {
      await card.show(mark.pieces, propsFor(mark, cardRecord, null), { focus });
    } catch (err) {
      // The card script could not load (the extension was updated under the page): no card, no stuck state.
      if (openMark === mark) closeCard(false);
      console.debug('[Footnote]', err);
      return;
    }
    if (ready || openMark !== mark) return;
    try {
      const record = await pending;
      if (openMark !== mark) return;
      cardRecord = record;
    } catch (err) {
      if (openMark !== mark) return;
      cardError = err instanceof Error ? err.message : String(err);
    }
    repaint();
  };

  function closeCard(returnFocus: boolean) {
    const mark = openMark;
    openMark = null;
    card.hide();
    if (!mark) return;
    setExpanded(mark, false);
    setActive(mark, false);
    if (returnFocus && mark.pieces[0]?.isConnected) mark.pieces[0].focus();
  }

  return {
    get open() {
      return openMark;
    },
    openCard,
    closeCard,
    async act(failed, action) {
      if (busy) return;
      busy = true;
      notice = null;
      repaint();
      try {
        await action();
      } catch (err) {
        notice = failed(err instanceof Error ? err.message : String(err));
      } finally {
        busy = false;
        repaint();
      }
    },
    setNotice(text) {
      notice = text;
    },
  };
}
