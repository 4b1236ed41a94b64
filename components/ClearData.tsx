/**
 * The options page's "Clear all data": a button, then the question with what would be removed,
 * then what was removed. Nothing is cleared until the reader answers the question.
 */
import type { StoredCounts } from '@/lib/model/stored-counts';
import { t } from '@/lib/i18n';
import { CountTable, removableRows } from './StoredCounts';

export type ClearState =
  | { phase: 'idle' }
  /** `counts` is what is stored now (null while it is read). */
  | { phase: 'confirming'; counts: StoredCounts | null }
  | { phase: 'clearing' }
  | { phase: 'done'; removed: StoredCounts }
  | { phase: 'failed'; error: string };

export interface ClearDataProps {
  state: ClearState;
  onAsk(): void;
  onConfirm(): void;
  onCancel(): void;
}

export function ClearData({ state, onAsk, onConfirm, onCancel }: ClearDataProps) {
  const asking = state.phase === 'confirming' || state.phase === 'clearing';
  return (
    <div class="clear-data">
      <h3>{t('clearHeading')}</h3>
      <p>{t('clearExplain')}</p>
      {!asking && (
        <p>
          <button type="button" class="danger" id="clear-data" data-testid="clear-data" onClick={onAsk}>
            {t('clearAsk')}
          </button>
        </p>
      )}
      {asking && (
        <div class="clear-confirm" role="group" aria-labelledby="clear-question" data-testid="clear-confirm">
          {state.phase === 'confirming' && state.counts !== null && removableRows(state.counts).length === 0 ? (
            <p id="clear-question">{t('clearConfirmNothing')}</p>
          ) : (
            <p id="clear-question">
              <strong>{t('clearConfirmQuestion')}</strong>
            </p>
          )}
          {state.phase === 'confirming' && state.counts !== null && removableRows(state.counts).length > 0 && (
            <CountTable rows={removableRows(state.counts)} testId="clear-will-remove" />
          )}
          <p class="reader-actions">
            <button type="button" class="danger" data-testid="confirm-clear" disabled={state.phase === 'clearing'} onClick={onConfirm}>
              {state.phase === 'clearing' ? t('clearClearing') : t('clearConfirm')}
            </button>
            <button type="button" id="cancel-clear" data-testid="cancel-clear" disabled={state.phase === 'clearing'} onClick={onCancel}>
              {t('clearCancel')}
            </button>
          </p>
        </div>
      )}
      {state.phase === 'done' && <ClearResult removed={state.removed} />}
      {state.phase === 'failed' && (
        <p class="error" role="alert" data-testid="clear-failed">
          {t('clearFailed', state.error)}
        </p>
      )}
    </div>
  );
}

function ClearResult({ removed }: { removed: StoredCounts }) {
  const rows = removableRows(removed);
  return (
    <div class="clear-result" role="status" data-testid="clear-result" id="clear-result" tabIndex={-1}>
      <p>{rows.length > 0 ? t('clearDone') : t('clearDoneNothing')}</p>
      {rows.length > 0 && <CountTable rows={rows} testId="clear-removed" />}
      <p>{t('clearBuiltinBack')}</p>
    </div>
  );
}
