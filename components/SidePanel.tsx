/**
 * The clips side panel (Chrome side panel, Firefox sidebar): search and filters, export and
 * import, unsaved drafts, then the list (this page's clips first, those not found on it, then every
 * other clip by site and day). Pure: props in, events out; clip text is rendered as text only.
 */
import { useCallback, useState } from 'preact/hooks';
import type { Clip, ClipDraft } from '@/lib/model/clip';
import type { ExportFormat } from '@/lib/clips/export';
import { EXPORT_FORMATS } from '@/lib/clips/export';
import type { ClipFilter } from '@/lib/clips/filter';
import type { PanelRow } from '@/lib/clips/panel-rows';
import { ClipItem, CLIP_EDIT_HEIGHT, CLIP_NOTE_OPEN_HEIGHT, CLIP_ROW_HEIGHT } from './ClipItem';
import { ClipList } from './ClipList';
import { t } from '@/lib/i18n';

export type PanelNotice = { kind: 'info' | 'error'; text: string } | null;

export interface SidePanelProps {
  /** The page beside the panel. */
  pageTitle: string | null;
  loading: boolean;
  /** Every clip stored. */
  total: number;
  /** Clips the filter lets through. */
  shown: number;
  rows: PanelRow[];
  filter: ClipFilter;
  tags: { tag: string; count: number }[];
  claims: { claimId: string; count: number; label: string }[];
  drafts: ClipDraft[];
  editingId: string | null;
  busy: boolean;
  notice: PanelNotice;
  /** The clip just deleted, while it can still be put back. */
  undo: Clip | null;
  claimLabel(claimId: string): string | null;
  listHeight?: number;
  onQuery(query: string): void;
  onTag(tag: string | null): void;
  onClaim(claimId: string | null): void;
  onOpen(clip: Clip): void;
  onEdit(id: string | null): void;
  onSaveEdit(id: string, note: string, tags: string): void;
  onDelete(clip: Clip): void;
  onUndo(): void;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
  onSaveDraft(id: string): void;
  onDiscardDraft(id: string): void;
}

const ROW_HEIGHTS = { section: 40, site: 30, day: 24 } as const;

export function SidePanel(props: SidePanelProps) {
  const { filter, rows, editingId } = props;
  // The clip whose whole note is shown (one at a time: its row grows, the list keeps fixed rows).
  const [noteOpen, setNoteOpen] = useState<string | null>(null);
  const heightOf = useCallback(
    (row: PanelRow) => {
      if (row.kind !== 'clip') return ROW_HEIGHTS[row.kind];
      if (row.clip.id === editingId) return CLIP_EDIT_HEIGHT;
      return row.clip.id === noteOpen ? CLIP_NOTE_OPEN_HEIGHT : CLIP_ROW_HEIGHT;
    },
    [editingId, noteOpen],
  );
  const filtered = !!filter.query.trim() || filter.tag !== null || filter.claimId !== null;

  const render = (row: PanelRow) => {
    switch (row.kind) {
      case 'section':
        return (
          <h2 class={`section section-${row.key.slice(2)}`}>
            {row.title} <span class="count">({row.count})</span>
          </h2>
        );
      case 'site':
        return <h3 class="site">{row.site}</h3>;
      case 'day':
        return <h4 class="day">{row.day}</h4>;
      case 'clip':
        return (
          <ClipItem
            clip={row.clip}
            place={row.place}
            editing={row.clip.id === editingId}
            busy={props.busy}
            claimLabel={row.clip.claimId ? props.claimLabel(row.clip.claimId) : null}
            onOpen={props.onOpen}
            onEdit={props.onEdit}
            onSave={props.onSaveEdit}
            onDelete={props.onDelete}
            noteOpen={row.clip.id === noteOpen}
            onToggleNote={(id) => setNoteOpen((open) => (open === id ? null : id))}
          />
        );
    }
  };

  return (
    <main class="panel">
      <header class="panel-head">
        <h1>{t('sidePanelTitle')}</h1>
        <p class="muted" data-testid="panel-page">
          {props.pageTitle ? t('sidePanelBeside', props.pageTitle) : t('sidePanelNotRead')}
        </p>
        <div class="filters" role="search">
          <input
            type="search"
            data-testid="search"
            placeholder={t('sidePanelSearchPlaceholder')}
            aria-label={t('sidePanelSearchLabel')}
            value={filter.query}
            onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <select data-testid="filter-tag" aria-label={t('sidePanelFilterTag')} value={filter.tag ?? ''} onChange={(e) => props.onTag((e.currentTarget as HTMLSelectElement).value || null)}>
            <option value="">{t('sidePanelAllTags')}</option>
            {props.tags.map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {tag.tag} ({tag.count})
              </option>
            ))}
          </select>
          <select data-testid="filter-claim" aria-label={t('sidePanelFilterClaim')} value={filter.claimId ?? ''} onChange={(e) => props.onClaim((e.currentTarget as HTMLSelectElement).value || null)}>
            <option value="">{t('sidePanelAllClaims')}</option>
            {props.claims.map((c) => (
              <option key={c.claimId} value={c.claimId}>
                {c.label} ({c.count})
              </option>
            ))}
          </select>
        </div>
        <p class="muted" data-testid="count" aria-live="polite">
          {props.loading ? t('sidePanelLoading') : filtered ? t('sidePanelCountFiltered', props.shown, props.total) : props.total === 1 ? t('sidePanelCountOne') : t('sidePanelCountMany', props.total)}
        </p>
        <details class="transfer" data-testid="transfer">
          <summary>{t('sidePanelTransfer')}</summary>
          <span>{filtered ? t('sidePanelExportThese') : t('sidePanelExportAll')}</span>
          {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => (
            <button key={f} type="button" data-testid={`export-${f}`} disabled={props.shown === 0} onClick={() => props.onExport(f)}>
              {EXPORT_FORMATS[f].label}
            </button>
          ))}
          <label class="import">
            <span>{t('sidePanelImport')}</span>
            <input
              type="file"
              data-testid="import"
              accept=".json,.jsonld,application/json,application/ld+json"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                if (file) props.onImport(file);
                input.value = '';
              }}
            />
          </label>
        </details>
        {props.notice && (
          <p class={props.notice.kind === 'error' ? 'notice error' : 'notice'} role={props.notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
            {props.notice.text}
          </p>
        )}
        {props.undo && (
          <p class="undo" role="status" data-testid="undo-bar">
            {t('sidePanelDeleted')}{' '}
            <button type="button" data-testid="undo" onClick={props.onUndo}>
              {t('sidePanelUndo')}
            </button>
          </p>
        )}
        {props.drafts.length > 0 && (
          <section class="drafts" aria-labelledby="drafts-title" data-testid="drafts">
            <h2 id="drafts-title">{t('sidePanelDrafts', props.drafts.length)}</h2>
            <ul>
              {props.drafts.map((d) => (
                <li key={d.id} data-testid="draft">
                  <q>{d.quote.length > 140 ? `${d.quote.slice(0, 140)}…` : d.quote}</q>
                  {d.note && <span class="draft-note"> — {d.note}</span>}
                  <span class="draft-actions">
                    <button type="button" data-testid="draft-save" onClick={() => props.onSaveDraft(d.id)}>
                      {t('sidePanelDraftSave')}
                    </button>
                    <button type="button" data-testid="draft-discard" onClick={() => props.onDiscardDraft(d.id)}>
                      {t('sidePanelDraftDiscard')}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </header>
      {!props.loading && rows.length === 0 ? (
        <p class="empty muted" data-testid="empty">
          {props.total === 0 ? t('sidePanelEmpty') : t('sidePanelNoMatch')}
        </p>
      ) : (
        <ClipList rows={rows} heightOf={heightOf} render={render} initialHeight={props.listHeight} focusKey={editingId ? `c:${editingId}` : null} />
      )}
    </main>
  );
}
