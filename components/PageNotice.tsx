/**
 * A short notice on the page ("Select some text on the page first.", "Footnote is paused on this
 * site."): announced politely, dismissible, with an optional action such as Undo.
 */
import { t } from '@/lib/i18n';
export interface PageNoticeAction {
  label: string;
  onClick: () => void;
}

export interface PageNoticeProps {
  message: string;
  action?: PageNoticeAction;
  onClose: () => void;
}

export function PageNotice({ message, action, onClose }: PageNoticeProps) {
  return (
    <div class="fn-notice" role="status" aria-live="polite">
      <span class="fn-notice-brand" aria-hidden="true">
        {t('noticeBrand')}
      </span>
      <span class="fn-notice-text">{message}</span>
      {action && (
        <button type="button" class="fn-notice-action" data-action="notice-action" onClick={action.onClick}>
          {action.label}
        </button>
      )}
      <button type="button" class="fn-notice-close" aria-label={t('noticeDismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
