/**
 * The options page's sections for the reader's own controls: dismissed passages, paused sites and
 * false-flag reports, each read from the background and changed through it (which tells the tabs).
 */
import { useEffect, useState } from 'preact/hooks';
import { DismissedPassages, type DismissedPassage } from '@/components/DismissedPassages';
import { PausedSites, type PausedSite } from '@/components/PausedSites';
import { ReportList } from '@/components/ReportList';
import type { FalseFlagReport } from '@/lib/model/report';
import { reportsFileName, reportsJson, reportsMarkdown } from '@/lib/reports/export';
import type { sendToBackground } from '@/lib/messages';
import { saveFile } from '@/lib/save-file';
import { onStoreCleared } from './store-cleared';

type Send = typeof sendToBackground;

/** Loads a list, and runs changes one at a time, reloading after each; errors are shown, not thrown. */
function useList<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = () => load().then(setValue, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => void reload(), []);
  useEffect(() => onStoreCleared(() => void reload()), []);
  const change = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    work()
      .then(reload, (e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return { value, busy, error, change };
}

const ErrorLine = ({ error }: { error: string | null }) => (error ? <p class="error" role="alert">{error}</p> : null);

export function DismissalsPanel({ send }: { send: Send }) {
  const list = useList<DismissedPassage[]>(async () => (await send('dismissals/all', {})).dismissals);
  return (
    <>
      <DismissedPassages
        items={list.value}
        busy={list.busy}
        onRestore={(item) => list.change(() => send('dismissals/remove', { url: item.url, key: item.key }))}
        onRestoreAll={() => list.change(() => send('dismissals/clear', {}))}
      />
      <ErrorLine error={list.error} />
    </>
  );
}

export function PausedSitesPanel({ send }: { send: Send }) {
  const list = useList<PausedSite[]>(async () => (await send('sites/paused', {})).sites);
  return (
    <>
      <PausedSites
        sites={list.value}
        busy={list.busy}
        onResume={(host) => list.change(() => send('site/setPaused', { host, paused: false }))}
        onResumeAll={() => list.change(() => send('sites/resumeAll', {}))}
      />
      <ErrorLine error={list.error} />
    </>
  );
}

export function ReportsPanel({ send, save = saveFile, now = Date.now }: { send: Send; save?: typeof saveFile; now?: () => number }) {
  const list = useList<FalseFlagReport[]>(async () => (await send('reports/list', {})).reports);
  const onExport = (format: 'json' | 'markdown') => {
    const reports = list.value ?? [];
    const at = now();
    if (format === 'json') save(reportsFileName('json', at), reportsJson(reports, at), 'application/json');
    else save(reportsFileName('markdown', at), reportsMarkdown(reports, at), 'text/markdown');
  };
  return (
    <>
      <ReportList
        reports={list.value}
        busy={list.busy}
        onDelete={(id) => list.change(() => send('reports/delete', { id }))}
        onDeleteAll={() => list.change(() => send('reports/clear', {}))}
        onExport={onExport}
      />
      <ErrorLine error={list.error} />
    </>
  );
}
