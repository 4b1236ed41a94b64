/**
 * What the card's reader controls do beyond the marks: the Undo of "Not a claim here" and of
 * "Pause on this site" (through the page notice), keeping a false-flag report, and copying a
 * figure with its source. Every one goes through the background; nothing of it is written into the
 * page's DOM (the notice and the card live in closed shadow roots).
 */
import { whyLines } from '@/components/CardFigures';
import type { CitationFormat } from '@/components/citation';
import type { ReportInput } from '../model/report';
import type { ClaimMatch } from '../model/scan';
import type { ProtocolMessenger as Messenger } from '../messages';
import type { ReaderNotice } from './reader-notice';
import { fromPageScript } from './reader-input';
import { t } from '../i18n';

export interface CardActionDeps {
  messenger: Messenger;
  notice: ReaderNotice;
  /** Runs one card action with the card's busy state and error notice (`failed` words it). */
  act(failed: (error: string) => string, action: () => Promise<void>): Promise<void>;
  /** The card's own notice (announced in its live region). */
  setCardNotice(text: string): void;
  /** Reads the page's dismissals again and marks the passage again, focusing its mark. */
  refreshDismissals(focusKey: string): Promise<void>;
  /** Ends the session: every mark, the style and the card leave the page. */
  endSession(): void;
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function cardActions(deps: CardActionDeps) {
  const { messenger, notice } = deps;
  return {
    /** After a dismissal: the notice with its Undo. */
    dismissed(url: string, key: string) {
      void notice.show(t('noticeDismissed'), {
        label: t('noticeUndo'),
        onClick: () =>
          void (async () => {
            await messenger.send('dismissals/remove', { url, key });
            await deps.refreshDismissals(key);
          })().catch((err: unknown) => void notice.show(t('noticeCouldNotUndo', reason(err)))),
      });
    },

    pause: (host: string) =>
      deps.act((error) => t('cardCouldNotPause', error), async () => {
        await messenger.send('site/setPaused', { host, paused: true });
        deps.endSession();
        void notice.show(t('noticePaused'), {
          label: t('noticeUndo'),
          // Resuming goes through the background, which tells every tab on the site (this one too).
          onClick: () =>
            void messenger.send('site/setPaused', { host, paused: false }).catch((err: unknown) => void notice.show(t('noticeCouldNotResume', reason(err)))),
        });
      }),

    keepReport: (page: { url: string; title: string }, match: ClaimMatch, claim: string, input: ReportInput) =>
      deps.act((error) => t('cardCouldNotKeepReport', error), async () => {
        const flag = {
          url: page.url,
          title: page.title.slice(0, 2000),
          sentence: match.text.slice(0, 5000),
          claimId: match.claimId,
          claim: claim.slice(0, 2000),
          stance: match.stance,
          wording: match.wording.slice(0, 2000),
          why: whyLines(match.wording, match.stance, match.cues).map((line) => line.slice(0, 2000)),
        };
        await messenger.send('reports/add', { flag, input });
        deps.setCardNotice(t('cardReportKept'));
      }),

    copy(text: string, format: CitationFormat, event: Event) {
      // Only the reader's own click writes to the clipboard.
      if (fromPageScript(event)) return;
      void deps.act((error) => t('cardCouldNotCopy', error), async () => {
        await navigator.clipboard.writeText(text);
        deps.setCardNotice(format === 'markdown' ? t('cardCopiedMarkdown') : t('cardCopied'));
      });
    },
  };
}
