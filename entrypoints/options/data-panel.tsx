/**
 * The options page's Clips and Settings sections: every clip exported or imported, the counts of
 * what Footnote keeps, and "Clear all data". State and messages to the background around the pure
 * ClipsData, StoredCountsView and ClearData components; nothing here opens the database.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ClearData, type ClearState } from '@/components/ClearData';
import { ClipsData, type ClipsNotice } from '@/components/ClipsData';
import { StoredCountsView } from '@/components/StoredCounts';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/clips/export';
import { IMPORT_LIMITS } from '@/lib/clips/import';
import { t } from '@/lib/i18n';
import { listen, type Handlers } from '@/lib/messages';
import type { StoredCounts } from '@/lib/model/stored-counts';
import { saveFile } from '@/lib/save-file';
import type { Send } from './evidence-panel';
import { onStoreCleared, storeCleared } from './store-cleared';
import './stored-data.css';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export interface ClipsPanelProps {
  send: Send;
  save?: typeof saveFile;
  now?: () => number;
  /** Hears the background's messages (clips changed in the side panel or a tab). */
  listenTo?: (handlers: Handlers) => () => void;
}

export function ClipsPanel({ send, save = saveFile, now = Date.now, listenTo = listen }: ClipsPanelProps) {
  const [counts, setCounts] = useState<StoredCounts | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ClipsNotice>(null);
  const [inputKey, setInputKey] = useState(0);

  const reload = useCallback(async () => {
    try {
      setCounts(await send('data/counts', {}));
      setLoadError(null);
    } catch (err) {
      setLoadError(messageOf(err));
    }
  }, [send]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => onStoreCleared(() => void reload()), [reload]);
  useEffect(() => listenTo({ 'clips/changed': () => (void reload(), {}) }), [listenTo, reload]);

  async function onExport(format: ExportFormat) {
    setBusy(true);
    try {
      const { text, count } = await send('clips/export', { format });
      const { extension, mime, label } = EXPORT_FORMATS[format];
      save(`footnote-clips-${new Date(now()).toISOString().slice(0, 10)}.${extension}`, text, mime);
      setNotice({ kind: 'info', text: count === 1 ? t('clipsExportedOne', label) : t('clipsExportedMany', count, label) });
    } catch (err) {
      setNotice({ kind: 'error', text: t('clipsExportFailed', messageOf(err)) });
    } finally {
      setBusy(false);
    }
  }

  async function onImport(file: File) {
    setBusy(true);
    try {
      // Refused on its size before it is read: a huge file would otherwise be held in memory twice.
      if (file.size > IMPORT_LIMITS.bytes) {
        throw new Error(t('clipsImportTooLarge', (file.size / 1048576).toFixed(0), IMPORT_LIMITS.bytes / 1048576));
      }
      const r = await send('clips/import', { text: await file.text() });
      setNotice({ kind: 'info', text: t('clipsImported', file.name, r.added, r.updated, r.unchanged) });
      await reload();
    } catch (err) {
      setNotice({ kind: 'error', text: t('clipsImportFailed', file.name, messageOf(err)) });
    } finally {
      setBusy(false);
      setInputKey((k) => k + 1);
    }
  }

  return (
    <>
      <ClipsData clips={counts?.clips ?? null} busy={busy} notice={notice} inputKey={inputKey} onExport={(f) => void onExport(f)} onImport={(f) => void onImport(f)} />
      <StoredCountsView counts={counts} error={loadError} />
    </>
  );
}

export function SettingsPanel({ send }: { send: Send }) {
  const [state, setState] = useState<ClearState>({ phase: 'idle' });

  async function ask() {
    setState({ phase: 'confirming', counts: null });
    focusById('cancel-clear');
    try {
      const counts = await send('data/counts', {});
      setState((s) => (s.phase === 'confirming' ? { phase: 'confirming', counts } : s));
    } catch {
      // The question stands without the list: clearing does not depend on it.
    }
  }

  async function confirm() {
    setState({ phase: 'clearing' });
    try {
      const { removed } = await send('data/clear', { confirmed: true });
      setState({ phase: 'done', removed });
      storeCleared();
      focusById('clear-result');
    } catch (err) {
      setState({ phase: 'failed', error: messageOf(err) });
      focusById('clear-data');
    }
  }

  return (
    <>
      <p class="muted">{t('settingsPrivacy')}</p>
      <ClearData
        state={state}
        onAsk={() => void ask()}
        onConfirm={() => void confirm()}
        onCancel={() => {
          setState({ phase: 'idle' });
          focusById('clear-data');
        }}
      />
    </>
  );
}
