/** The options page's false-flag reports: each with what was flagged and why, to delete or export. */
import { PROBLEM_WORDS, type FalseFlagReport } from '@/lib/model/report';
import { dayOf } from './DismissedPassages';

export interface ReportListProps {
  reports: FalseFlagReport[] | null;
  busy?: boolean;
  onDelete(id: string): void;
  onDeleteAll(): void;
  onExport(format: 'json' | 'markdown'): void;
}

export function ReportList({ reports, busy, onDelete, onDeleteAll, onExport }: ReportListProps) {
  if (reports === null) return <p class="muted">Loading…</p>;
  if (reports.length === 0) return <p class="muted" data-testid="reports-empty">No reports. "Report a false flag" on a card keeps one here; nothing is sent.</p>;
  return (
    <div class="reader-list">
      <p>
        {reports.length} {reports.length === 1 ? 'report' : 'reports'}, kept on this computer. Export them to send them yourself.
      </p>
      <p class="reader-actions">
        <button type="button" data-testid="export-reports-json" onClick={() => onExport('json')}>
          Export as JSON
        </button>
        <button type="button" data-testid="export-reports-markdown" onClick={() => onExport('markdown')}>
          Export as Markdown
        </button>
        <button type="button" class="danger" data-testid="delete-all-reports" disabled={busy} onClick={onDeleteAll}>
          Delete all
        </button>
      </p>
      <ul data-testid="reports">
        {reports.map((r) => (
          <li key={r.id} data-testid="report-item">
            <p>
              <strong>{PROBLEM_WORDS[r.problem]}</strong> · {dayOf(r.createdAt)} · <span class="reader-page">{r.url}</span>
            </p>
            <q>{r.sentence}</q>
            <p class="muted">Claim: {r.claim}</p>
            {r.note && <p class="reader-note">Note: {r.note}</p>}
            <button type="button" data-testid="delete-report" disabled={busy} onClick={() => onDelete(r.id)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
