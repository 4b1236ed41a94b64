/**
 * The in-page clip editor: the passage, a note and tags. Pure: props in, events out. The quote and
 * whatever the reader types are rendered as text only. Its stylesheet (ClipEditor.css) goes into
 * the editor's shadow root with it (lib/page/clips-editor.ts).
 */
import type { TargetedKeyboardEvent } from 'preact';

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
      return 'Keeping a draft…';
    case 'editing':
      return status.draftKept ? 'Draft kept: closing this keeps it in the side panel.' : '';
    case 'saving':
      return 'Saving…';
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
        <h2 id="fn-clip-editor-title">Save clip</h2>
        <button type="button" class="fn-clip-close" aria-label="Close (the draft is kept)" title="Close (the draft is kept)" onClick={props.onClose}>
          ×
        </button>
      </header>
      <blockquote class="fn-clip-quote" data-testid="clip-quote">
        {shown}
      </blockquote>
      {claim && <p class="fn-clip-claim">From the flagged claim: {claim}</p>}
      <label class="fn-clip-field">
        <span>Note</span>
        <textarea
          data-testid="clip-note"
          rows={3}
          maxLength={10000}
          value={note}
          onInput={(e) => props.onNote((e.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <label class="fn-clip-field">
        <span>Tags</span>
        <input
          data-testid="clip-tags"
          type="text"
          placeholder="letters, access"
          value={tags}
          onInput={(e) => props.onTags((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <p class={status.kind === 'error' ? 'fn-clip-status fn-clip-error' : 'fn-clip-status'} role={status.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {statusText(status)}
      </p>
      <div class="fn-clip-actions">
        <button type="button" class="fn-clip-primary" data-testid="clip-save" disabled={busy} onClick={props.onSave}>
          Save clip
        </button>
        <button type="button" data-testid="clip-discard" disabled={busy} onClick={props.onDiscard}>
          Discard
        </button>
      </div>
    </section>
  );
}
