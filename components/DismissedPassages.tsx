/** The options page's list of passages marked "Not a claim here", each with its page and date, to restore. */
import { formatPartialDate } from './partial-date';
import { t } from '@/lib/i18n';

export interface DismissedPassage {
  url: string;
  key: string;
  sentence: string;
  createdAt: number;
}

export interface DismissedPassagesProps {
  items: DismissedPassage[] | null;
  busy?: boolean;
  onRestore(item: DismissedPassage): void;
  onRestoreAll(): void;
}

/** "7 December 2026", from the time a reader acted. */
export const dayOf = (ms: number) => formatPartialDate(new Date(ms).toISOString().slice(0, 10));

export function DismissedPassages({ items, busy, onRestore, onRestoreAll }: DismissedPassagesProps) {
  if (items === null) return <p class="muted">{t('listLoading')}</p>;
  if (items.length === 0) return <p class="muted" data-testid="dismissed-empty">{t('dismissedEmpty')}</p>;
  return (
    <div class="reader-list">
      <p>
        {items.length === 1 ? t('dismissedCountOne') : t('dismissedCountMany', items.length)}{' '}
        <button type="button" data-testid="restore-all" disabled={busy} onClick={onRestoreAll}>
          {t('dismissedRestoreAll')}
        </button>
      </p>
      <ul data-testid="dismissed">
        {items.map((item) => (
          <li key={`${item.url}|${item.key}`} data-testid="dismissed-item">
            <q>{item.sentence}</q>
            <p class="muted">
              <span class="reader-page">{item.url}</span> · {dayOf(item.createdAt)}
            </p>
            <button type="button" data-testid="restore" disabled={busy} onClick={() => onRestore(item)}>
              {t('dismissedRestore')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
