/**
 * Import and export of evidence packs: the buttons, progress while a file is read and checked,
 * and the result ("12 added, 3 updated, 0 refused") or the reasons a file was refused.
 * Pure: the chosen file and the reader's requests go out; the status comes in.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ImportSummary } from '@/lib/packs/plan';
import { t } from '@/lib/i18n';
import { figureCount } from './evidence-format';

export type PackStatus =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; loaded: number; total: number }
  | { phase: 'checking'; fileName: string }
  | { phase: 'imported'; fileName: string; packId: string; summary: ImportSummary }
  | { phase: 'refused'; fileName: string; errors: string[] }
  | { phase: 'exporting' }
  | { phase: 'exported'; fileName: string; evidence: number; claims: number }
  | { phase: 'failed'; message: string };

export interface EvidencePackToolsProps {
  includeBuiltin: boolean;
  onIncludeBuiltin(on: boolean): void;
  onExport(): void;
  onImportFile(file: File): void;
  status: PackStatus;
  /** Changes after each import so the file input is fresh (the same file can be chosen again). */
  inputKey: number;
}

export function summaryText(s: ImportSummary): string {
  const parts = [t('evidenceSummaryAdded', s.added), t('evidenceSummaryUpdated', s.updated), t('evidenceSummaryRefused', s.refused)];
  if (s.removed) parts.push(t('evidenceSummaryRemoved', s.removed));
  if (s.unchanged) parts.push(t('evidenceSummaryUnchanged', s.unchanged));
  return parts.join(', ');
}

const busy = (s: PackStatus) => s.phase === 'reading' || s.phase === 'checking' || s.phase === 'exporting';

function Progress({ status }: { status: PackStatus }) {
  if (status.phase === 'reading') {
    return (
      <div class="pack-progress">
        <label for="pack-progress">{t('evidencePackReading', status.fileName)}</label>
        <progress id="pack-progress" max={status.total || 1} value={status.loaded} />
      </div>
    );
  }
  if (status.phase === 'checking' || status.phase === 'exporting') {
    const label = status.phase === 'checking' ? t('evidencePackChecking', status.fileName) : t('evidencePackExporting');
    return (
      <div class="pack-progress">
        <label for="pack-progress">{label}</label>
        <progress id="pack-progress" />
      </div>
    );
  }
  return null;
}

function Result({ status }: { status: PackStatus }) {
  switch (status.phase) {
    case 'imported':
      return (
        <div class="pack-result ok" data-testid="pack-result">
          <p>
            {t('evidencePackImported', status.fileName, status.packId)} <strong data-testid="pack-summary">{summaryText(status.summary)}</strong>.
          </p>
          {status.summary.notes.length > 0 && (
            <ul class="pack-notes">
              {status.summary.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      );
    case 'refused':
      return (
        <div class="pack-result refused" data-testid="pack-result">
          <p>
            <strong>{t('evidencePackNotImported', status.fileName)}</strong> {t('evidencePackRefusedWhy')}
          </p>
          <ul class="pack-errors">
            {status.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      );
    case 'exported':
      return (
        <p class="pack-result ok" data-testid="pack-result">
          {t('evidencePackExported', figureCount(status.evidence), status.claims === 1 ? t('evidenceClaimsOne') : t('evidenceClaimsMany', status.claims))}{' '}
          <strong>{status.fileName}</strong>.{status.evidence === 0 && ` ${t('evidencePackExportedNone')}`}
        </p>
      );
    case 'failed':
      return (
        <p class="pack-result refused" data-testid="pack-result">
          {status.message}
        </p>
      );
    default:
      return null;
  }
}

export function EvidencePackTools(props: EvidencePackToolsProps) {
  const resultRef = useRef<HTMLDivElement>(null);
  const { status } = props;
  const done = status.phase === 'imported' || status.phase === 'refused' || status.phase === 'exported' || status.phase === 'failed';
  useEffect(() => {
    // The outcome takes focus, so keyboard and screen-reader users land on it.
    if (done) resultRef.current?.focus();
  }, [done, status]);
  return (
    <section class="pack-tools" aria-labelledby="pack-tools-title">
      <h3 id="pack-tools-title">{t('evidencePackTitle')}</h3>
      <p class="muted">{t('evidencePackIntro')}</p>
      <div class="pack-row">
        <div class="pack-export">
          <button type="button" data-testid="export-pack" onClick={props.onExport} disabled={busy(status)}>
            {t('evidencePackExport')}
          </button>
          <label class="check">
            <input type="checkbox" checked={props.includeBuiltin} onChange={(ev) => props.onIncludeBuiltin((ev.currentTarget as HTMLInputElement).checked)} />{' '}
            {t('evidencePackIncludeBuiltin')}
          </label>
        </div>
        <div class="pack-import">
          <label for="pack-file">{t('evidencePackImport')}</label>
          <input
            key={props.inputKey}
            id="pack-file"
            type="file"
            accept=".json,application/json"
            disabled={busy(status)}
            onChange={(ev) => {
              const file = (ev.currentTarget as HTMLInputElement).files?.[0];
              if (file) props.onImportFile(file);
            }}
          />
        </div>
      </div>
      <div aria-live="polite">
        <Progress status={status} />
      </div>
      <div ref={resultRef} tabIndex={-1} class="pack-outcome" role="status" aria-live="polite">
        <Result status={status} />
      </div>
    </section>
  );
}
