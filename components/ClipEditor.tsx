/**
 * The in-page clip editor: the passage, a note and tags. Pure: props in, events out. The quote and
 * whatever the reader types are rendered as text only. Its stylesheet (ClipEditor.css) goes into
 * the editor's shadow root with it (lib/page/clips-editor.ts).
 */
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '@/lib/i18n';

export type ClipEditorStatus =
  | { kind: 'starting' }
  | { kind: 'editing'; draftKept: boolean }
  | { kind: 'saving' }
  | { kind: 'error'; message: string };

export interface ClipEditorProps {
  quote: string;
  note: string;
  /** Tags as typed, comma separated. */
  tags: string;
  /** The flagged claim the passage came from, if any ("practices were closed"). */
  claim?: string | null;
  status: ClipEditorStatus;
  onNote(value: string): void;
  onTags(value: string): void;
  onSave(): void;
  onDiscard(): void;
  /** Closes the editor; the draft stays stored and is listed in the side panel. */
  onClose(): void;
}

const QUOTE_SHOWN = 400;

function statusText(status: ClipEditorStatus): string {
  switch (status.kind) {
    case 'starting':
      return t('clipEditorStarting');
    case 'editing':
      return status.draftKept ? t('clipEditorDraftKept') : '';
    case 'saving':
      return t('clipEditorSaving');
    case 'error':
      return status.message;
  }
}

export function ClipEditor(props: ClipEditorProps) {
  const { quote, note, tags, claim, status } = props;
  const busy = status.kind === 'saving' || status.kind === 'starting';
  const shown = quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN).trimEnd()}…` : quote;
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (!busy) props.onSave();
    }
  };
  return (
    <section class="fn-clip-editor" role="dialog" aria-modal="false" aria-labelledby="fn-clip-editor-title" onKeyDown={onKeyDown}>
      <header class="fn-clip-head">
        <h2 id="fn-clip-editor-title">{t('clipEditorTitle')}</h2>
        <button type="button" class="fn-clip-close" aria-label={t('clipEditorClose')} title={t('clipEditorClose')} onClick={props.onClose}>
          ×
        </button>
      </header>
      <blockquote class="fn-clip-quote" data-testid="clip-quote">
        {shown}
      </blockquote>
      {claim && <p class="fn-clip-claim">{t('clipEditorFromClaim', claim)}</p>}
      <label class="fn-clip-field">
        <span>{t('clipEditorNote')}</span>
        <textarea
          data-testid="clip-note"
          rows={3}
          maxLength={10000}
          value={note}
          onInput={(e) => props.onNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label class="fn-clip-field">
        <span>{t('clipEditorTags')}</span>
        <input
          data-testid="clip-tags"
          type="text"
          placeholder={t('clipEditorTagsPlaceholder')}
          value={tags}
          onInput={(e) => props.onTags((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <p class={status.kind === 'error' ? 'fn-clip-status fn-clip-error' : 'fn-clip-status'} role={status.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {statusText(status)}
      </p>
      <div class="fn-clip-actions">
        <button type="button" class="fn-clip-primary" data-testid="clip-save" disabled={busy} onClick={props.onSave}>
          {t('clipEditorSave')}
        </button>
        <button type="button" data-testid="clip-discard" disabled={busy} onClick={props.onDiscard}>
          {t('clipEditorDiscard')}
        </button>
      </div>
    </section>
  );
}
