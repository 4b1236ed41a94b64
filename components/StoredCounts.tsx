/** How much of each kind of record Footnote keeps: a table of counts, for the options page. */
import type { StoredCounts } from '@/lib/model/stored-counts';
import { t } from '@/lib/i18n';

export interface CountRow {
  kind: keyof StoredCounts;
  label: string;
  value: number;
}

/** Every kind, the reader's own first, with the words the options page shows for it. */
export function countRows(counts: StoredCounts): CountRow[] {
  const row = (kind: keyof StoredCounts, label: string): CountRow => ({ kind, label, value: counts[kind] });
  return [
    row('clips', t('storedClips')),
    row('drafts', t('storedDrafts')),
    row('dismissals', t('storedDismissals')),
    row('pausedSites', t('storedPausedSites')),
    row('reports', t('storedReports')),
    row('yourFigures', t('storedYourFigures')),
    row('importedFigures', t('storedImportedFigures')),
    row('importedClaims', t('storedImportedClaims')),
    row('packs', t('storedPacks')),
    row('editedBuiltin', t('storedEditedBuiltin')),
    row('deletedBuiltin', t('storedDeletedBuiltin')),
    row('builtinFigures', t('storedBuiltinFigures')),
  ];
}

/**
 * What clearing removes (or removed): every kind the reader's use put there. The built-in figures
 * are not among them, since the clear puts them back.
 */
export function removableRows(counts: StoredCounts): CountRow[] {
  return countRows(counts).filter((r) => r.kind !== 'builtinFigures' && r.value > 0);
}

/** A two-column table of kinds and counts. */
export function CountTable({ rows, testId }: { rows: CountRow[]; testId: string }) {
  return (
    <table class="stored-counts" data-testid={testId}>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kind} data-count={r.kind}>
            <th scope="row">{r.label}</th>
            <td>{r.value.toLocaleString('en-GB')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface StoredCountsProps {
  counts: StoredCounts | null;
  error?: string | null;
}

export function StoredCountsView({ counts, error }: StoredCountsProps) {
  return (
    <div class="stored-data">
      <h3>{t('storedHeading')}</h3>
      {error ? (
        <p class="error" role="alert">
          {t('storedLoadFailed', error)}
        </p>
      ) : counts === null ? (
        <p class="muted">{t('listLoading')}</p>
      ) : (
        <CountTable rows={countRows(counts)} testId="stored-counts" />
      )}
    </div>
  );
}
