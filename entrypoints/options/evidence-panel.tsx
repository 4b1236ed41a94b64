/**
 * The options page's evidence section: state and messages to the background, around the pure
 * Evidence* components. All data goes through typed messages; nothing here opens the database.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { EvidenceForm } from '@/components/EvidenceForm';
import { EvidenceList } from '@/components/EvidenceList';
import { EvidencePackTools, type PackStatus } from '@/components/EvidencePackTools';
import { EvidenceUndo } from '@/components/EvidenceUndo';
import { newEvidenceId } from '@/lib/model/evidence-ids';
import { checkPackSize } from '@/lib/packs/pack';
import type { Evidence } from '@/lib/model/records';
import { bareEvidence, type StoredClaim, type StoredEvidence } from '@/lib/model/stored';
import type { MessageType, RequestOf, ResponseOf } from '@/lib/messages';
import { saveFile } from '@/lib/save-file';
import { t } from '@/lib/i18n';
import { onStoreCleared } from './store-cleared';

export type Send = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface EvidencePanelProps {
  send: Send;
  /** Saves a file for the reader (a download). */
  saveFile?: (fileName: string, text: string) => void;
  /** Reads a chosen file's text, reporting progress. */
  readFile?: (file: File, onProgress: (loaded: number, total: number) => void) => Promise<string>;
}

type FormState = null | { mode: 'add'; opener: string } | { mode: 'edit'; record: StoredEvidence; opener: string };

export const downloadFile = (fileName: string, text: string): void => saveFile(fileName, text, 'application/json');

export function readFileText(file: File, onProgress: (loaded: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (ev) => onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size);
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error(t('evidenceReadFailed')));
    reader.readAsText(file);
  });
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function EvidencePanel({ send, saveFile = downloadFile, readFile = readFileText }: EvidencePanelProps) {
  const [data, setData] = useState<{ claims: StoredClaim[]; evidence: StoredEvidence[] } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [form, setForm] = useState<FormState>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [undo, setUndo] = useState<StoredEvidence | null>(null);
  const [notice, setNotice] = useState('');
  const [pack, setPack] = useState<PackStatus>({ phase: 'idle' });
  const [includeBuiltin, setIncludeBuiltin] = useState(false);
  const [inputKey, setInputKey] = useState(0);

  const load = useCallback(async () => {
    try {
      setData(await send('evidence/list', {}));
      setLoadError(null);
    } catch (err) {
      setLoadError(message(err));
    }
  }, [send]);
  useEffect(() => void load(), [load]);
  useEffect(() => onStoreCleared(() => void load()), [load]);
  useEffect(() => {
    if (form) focusById('ev-figure');
  }, [form]);

  function closeForm(focus = true) {
    const opener = form?.opener;
    setForm(null);
    setSaveError(null);
    if (focus && opener) focusById(opener);
  }

  async function save(evidence: Evidence) {
    if (!form) return;
    setSaving(true);
    setSaveError(null);
    try {
      const record = form.mode === 'add' ? { ...evidence, id: newEvidenceId(evidence.figure) } : evidence;
      const { evidence: saved } = await send('evidence/save', { evidence: record });
      await load();
      setNotice(form.mode === 'add' ? t('evidenceAdded', saved.figure) : t('evidenceSaved', saved.figure));
      closeForm();
    } catch (err) {
      setSaveError(message(err));
    } finally {
      setSaving(false);
    }
  }

  async function remove(id: string) {
    setBusyId(id);
    try {
      const { deleted } = await send('evidence/delete', { id });
      await load();
      setNotice('');
      setUndo(deleted);
      if (form?.mode === 'edit' && form.record.id === id) setForm(null);
    } catch (err) {
      setNotice(t('evidenceNotDeleted', message(err)));
    } finally {
      setBusyId(null);
    }
  }

  async function restore() {
    if (!undo) return;
    const record = undo;
    try {
      await send('evidence/restore', { evidence: record });
      setUndo(null);
      await load();
      setNotice(t('evidenceRestored', record.figure));
      focusById('evidence-search');
    } catch (err) {
      setNotice(t('evidenceCouldNotUndo', message(err)));
    }
  }

  async function exportPack() {
    setPack({ phase: 'exporting' });
    try {
      const out = await send('packs/export', { includeBuiltin });
      saveFile(out.fileName, out.text);
      setPack({ phase: 'exported', fileName: out.fileName, evidence: out.evidence, claims: out.claims });
    } catch (err) {
      setPack({ phase: 'failed', message: t('evidencePackExportFailed', message(err)) });
    }
  }

  async function importFile(file: File) {
    const fileName = file.name || t('evidencePackTheFile');
    // A file over the limit is refused on its size alone, before it is read.
    const tooBig = checkPackSize(file.size);
    if (tooBig) {
      setPack({ phase: 'refused', fileName, errors: [tooBig] });
      setInputKey((k) => k + 1);
      return;
    }
    try {
      setPack({ phase: 'reading', fileName, loaded: 0, total: file.size });
      const text = await readFile(file, (loaded, total) => setPack({ phase: 'reading', fileName, loaded, total }));
      setPack({ phase: 'checking', fileName });
      const r = await send('packs/import', { text });
      if (r.ok && r.summary && r.packId) setPack({ phase: 'imported', fileName, packId: r.packId, summary: r.summary });
      else setPack({ phase: 'refused', fileName, errors: r.errors });
      await load();
    } catch (err) {
      setPack({ phase: 'failed', message: t('evidencePackImportFailed', fileName, message(err)) });
    } finally {
      setInputKey((k) => k + 1);
    }
  }

  if (loadError && !data) {
    return (
      <div class="evidence-panel">
        <p class="error" role="alert">
          {t('evidenceLoadFailed', loadError)}
        </p>
        <button type="button" onClick={() => void load()}>
          {t('evidenceTryAgain')}
        </button>
      </div>
    );
  }
  if (!data) return <p class="muted" role="status">{t('evidenceLoading')}</p>;

  return (
    <div class="evidence-panel">
      <p class="muted">{t('evidenceIntro')}</p>
      <div class="evidence-toolbar">
        <button
          type="button"
          id="add-figure"
          class="primary"
          aria-expanded={form?.mode === 'add'}
          aria-controls="evidence-form-region"
          onClick={() => (form?.mode === 'add' ? closeForm() : setForm({ mode: 'add', opener: 'add-figure' }))}
        >
          {t('evidenceAddFigure')}
        </button>
        <p class="notice" role="status" aria-live="polite" data-testid="evidence-notice">
          {notice}
        </p>
      </div>
      {undo && <EvidenceUndo figure={undo.figure} onUndo={() => void restore()} onDismiss={() => setUndo(null)} />}
      <div id="evidence-form-region">
        {form && (
          <EvidenceForm
            key={form.mode === 'edit' ? form.record.id : 'add'}
            mode={form.mode}
            claims={data.claims}
            id={form.mode === 'edit' ? form.record.id : 'mine-new'}
            initial={form.mode === 'edit' ? bareEvidence(form.record) : undefined}
            saving={saving}
            error={saveError}
            onSave={(e) => void save(e)}
            onCancel={() => closeForm()}
          />
        )}
      </div>
      <EvidenceList
        claims={data.claims}
        evidence={data.evidence}
        query={query}
        onQuery={setQuery}
        busyId={busyId}
        onEdit={(id) => {
          const record = data.evidence.find((e) => e.id === id);
          const opener = document.activeElement instanceof HTMLElement && document.activeElement.id ? document.activeElement.id : 'add-figure';
          if (record) setForm({ mode: 'edit', record, opener });
        }}
        onDelete={(id) => void remove(id)}
      />
      <EvidencePackTools
        includeBuiltin={includeBuiltin}
        onIncludeBuiltin={setIncludeBuiltin}
        onExport={() => void exportPack()}
        onImportFile={(f) => void importFile(f)}
        status={pack}
        inputKey={inputKey}
      />
    </div>
  );
}
