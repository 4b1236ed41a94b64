/** The options page's clips tools: export every clip in any format, and import clips from a file. */
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/clips/export';
import { t } from '@/lib/i18n';

export type ClipsNotice = { kind: 'info' | 'error'; text: string } | null;

export interface ClipsDataProps {
  /** How many clips are stored (null while loading). */
  clips: number | null;
  busy?: boolean;
  notice: ClipsNotice;
  /** Remounts the file chooser after each import, so that choosing the same file again is seen. */
  inputKey?: number;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
}

const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function ClipsData({ clips, busy, notice, inputKey = 0, onExport, onImport }: ClipsDataProps) {
  return (
    <div class="clips-data">
      {clips === 0 ? (
        <p class="muted" data-testid="clips-none">
          {t('clipsDataNone')}
        </p>
      ) : (
        <p class="reader-actions">
          <span>{t('clipsDataExportLabel')}</span>
          {FORMATS.map((format) => (
            <button key={format} type="button" data-testid={`export-clips-${format}`} disabled={busy || clips === null} onClick={() => onExport(format)}>
              {EXPORT_FORMATS[format].label}
            </button>
          ))}
        </p>
      )}
      <div class="clips-import">
        <label for="clips-file">{t('clipsDataImportLabel')}</label>
        <input
          key={inputKey}
          id="clips-file"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          aria-describedby="clips-file-hint"
          disabled={busy}
          onChange={(e) => {
            const file = (e.currentTarget as HTMLInputElement).files?.[0];
            if (file) onImport(file);
          }}
        />
        <p id="clips-file-hint" class="muted">
          {t('clipsDataImportHint')}
        </p>
      </div>
      {notice && (
        <p class={notice.kind === 'error' ? 'error' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="clips-notice">
          {notice.text}
        </p>
      )}
    </div>
  );
}
