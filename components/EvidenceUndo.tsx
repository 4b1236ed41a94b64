/** "Deleted … Undo": shown after a delete, with focus on Undo so the keyboard can take it back at once. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

export interface EvidenceUndoProps {
  figure: string;
  onUndo(): void;
  onDismiss(): void;
}

export function EvidenceUndo({ figure, onUndo, onDismiss }: EvidenceUndoProps) {
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => undoRef.current?.focus(), [figure]);
  return (
    <div class="undo-bar" role="status" aria-live="polite" data-testid="undo-bar">
      <p>{t('evidenceUndoDeleted', figure)}</p>
      <button type="button" ref={undoRef} class="primary" onClick={onUndo}>
        {t('evidenceUndo')}
      </button>
      <button type="button" onClick={onDismiss} aria-label={t('evidenceUndoClose')}>
        ×
      </button>
    </div>
  );
}
