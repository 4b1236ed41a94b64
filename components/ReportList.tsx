/** The options page's false-flag reports: each with what was flagged and why, to delete or export. */
import type { FalseFlagReport } from '@/lib/model/report';
import { problemWords } from './report-problem';
import { dayOf } from './DismissedPassages';
import { t } from '@/lib/i18n';

export interface ReportListProps {
  reports: FalseFlagReport[] | null;
  busy?: boolean;
  onDelete(id: string): void;
  onDeleteAll(): void;
  onExport(format: 'json' | 'markdown'): void;
}

export function ReportList({ reports, busy, onDelete, onDeleteAll, onExport }: ReportListProps) {
  if (reports === null) return <p class="muted">{t('listLoading')}</p>;
  if (reports.length === 0) return <p class="muted" data-testid="reports-empty">{t('reportsEmpty')}</p>;
  return (
    <div class="reader-list">
      <p>{reports.length === 1 ? t('reportsCountOne') : t('reportsCountMany', reports.length)}</p>
      <p class="reader-actions">
        <button type="button" data-testid="export-reports-json" onClick={() => onExport('json')}>
          {t('reportsExportJson')}
        </button>
        <button type="button" data-testid="export-reports-markdown" onClick={() => onExport('markdown')}>
          {t('reportsExportMarkdown')}
        </button>
        <button type="button" class="danger" data-testid="delete-all-reports" disabled={busy} onClick={onDeleteAll}>
          {t('reportsDeleteAll')}
        </button>
      </p>
      <ul data-testid="reports">
        {reports.map((r) => (
          <li key={r.id} data-testid="report-item">
            <p>
              <strong>{problemWords(r.problem)}</strong> · {dayOf(r.createdAt)} · <span class="reader-page">{r.url}</span>
            </p>
            <q>{r.sentence}</q>
            <p class="muted">{t('reportsClaim', r.claim)}</p>
            {r.note && <p class="reader-note">{t('reportsNote', r.note)}</p>}
            <button type="button" data-testid="delete-report" disabled={busy} onClick={() => onDelete(r.id)}>
              {t('reportsDelete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
