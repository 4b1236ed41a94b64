/**
 * One clip in the side panel: the quote (a button that opens the page at the clip), where it came
 * from, the note and tags, and edit/delete. Editing happens in place. Pure: props in, events out;
 * every string is rendered as text.
 */
import { useState } from 'preact/hooks';
import { siteOf, type Clip } from '@/lib/model/clip';
import { dayOf } from '@/lib/clips/panel-rows';
import { t } from '@/lib/i18n';

export interface ClipItemProps {
  clip: Clip;
  /** Where the clip stands relative to the page beside the panel. */
  place: 'page' | 'orphan' | 'other';
  editing: boolean;
  busy?: boolean;
  /** The flagged claim's short name, when the clip came from one. */
  claimLabel?: string | null;
  onOpen(clip: Clip): void;
  onEdit(id: string | null): void;
  onSave(id: string, note: string, tags: string): void;
  onDelete(clip: Clip): void;
  /** Whether the whole note is shown (a long note is otherwise cut to one line). */
  noteOpen?: boolean;
  onToggleNote?(id: string): void;
}

export const CLIP_ROW_HEIGHT = 124;
export const CLIP_EDIT_HEIGHT = 268;
/** A row with its whole note shown: the note scrolls inside it beyond this. */
export const CLIP_NOTE_OPEN_HEIGHT = 300;

/** A note that one line of the panel cannot show whole. */
export const noteIsLong = (note: string): boolean => note.length > 48 || note.includes('\n');

function ClipEditFields({ clip, busy, onSave, onCancel }: { clip: Clip; busy?: boolean; onSave(note: string, tags: string): void; onCancel(): void }) {
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  return (
    <form
      class="clip-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(note, tags);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <label>
        <span>{t('clipItemNote')}</span>
        <textarea data-testid="edit-note" rows={3} maxLength={10000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label>
        <span>{t('clipItemTags')}</span>
        <input data-testid="edit-tags" type="text" value={tags} onInput={(e) => setTags((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <div class="clip-edit-actions">
        <button type="submit" class="primary" data-testid="edit-save" disabled={busy}>
          {t('clipItemSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('clipItemCancel')}
        </button>
      </div>
    </form>
  );
}

export function ClipItem({ clip, place, editing, busy, claimLabel, onOpen, onEdit, onSave, onDelete, noteOpen = false, onToggleNote }: ClipItemProps) {
  const source = [clip.publisher || siteOf(clip.url), clip.published, t('clipItemSaved', dayOf(clip.createdAt))].filter(Boolean).join(' · ');
  return (
    <article class={`clip clip-${place}`} data-testid="clip" data-clip={clip.id} aria-label={t('clipItemLabel', clip.quote.slice(0, 80))}>
      <button type="button" class="clip-quote" data-testid="clip-open" title={place === 'orphan' ? t('clipItemOpenOrphan') : t('clipItemOpen')} onClick={() => onOpen(clip)}>
        {clip.quote}
      </button>
      <p class="clip-source">
        <span class="clip-title">{clip.title || siteOf(clip.url)}</span>
        <span class="clip-meta"> — {source}</span>
        {claimLabel && <span class="clip-claim"> · {t('clipItemFlagged', claimLabel)}</span>}
      </p>
      {editing ? (
        <ClipEditFields clip={clip} busy={busy} onSave={(note, tags) => onSave(clip.id, note, tags)} onCancel={() => onEdit(null)} />
      ) : (
        <>
          {clip.note && (
            <p class={noteOpen ? 'clip-note clip-note-open' : 'clip-note'} data-testid="clip-note" id={`note-${clip.id}`}>
              {clip.note}
            </p>
          )}
          {clip.note && onToggleNote && noteIsLong(clip.note) && (
            <button
              type="button"
              class="clip-note-toggle"
              data-testid="clip-note-toggle"
              aria-expanded={noteOpen}
              aria-controls={`note-${clip.id}`}
              onClick={() => onToggleNote(clip.id)}
            >
              {noteOpen ? t('clipItemNoteLess') : t('clipItemNoteMore')}
            </button>
          )}
          <div class="clip-foot">
            <ul class="clip-tags" aria-label={t('clipItemTagsLabel')}>
              {clip.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
            <span class="clip-actions">
              <button type="button" data-testid="clip-edit" onClick={() => onEdit(clip.id)} aria-label={t('clipItemEditLabel')}>
                {t('clipItemEdit')}
              </button>
              <button type="button" data-testid="clip-delete" onClick={() => onDelete(clip)} aria-label={t('clipItemDeleteLabel')}>
                {t('clipItemDelete')}
              </button>
            </span>
          </div>
        </>
      )}
    </article>
  );
}
