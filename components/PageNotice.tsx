/** A short notice on the page ("Select some text on the page first."): announced politely, dismissible. */
export interface PageNoticeProps {
  message: string;
  onClose: () => void;
}

export function PageNotice({ message, onClose }: PageNoticeProps) {
  return (
    <div class="fn-notice" role="status" aria-live="polite">
      <span class="fn-notice-brand" aria-hidden="true">
        Footnote
      </span>
      <span class="fn-notice-text">{message}</span>
      <button type="button" class="fn-notice-close" aria-label="Dismiss" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
