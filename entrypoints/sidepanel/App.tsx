/**
 * The side panel's state and its wiring to the extension: clips are read from the database
 * directly (an extension page shares the background's origin, and ten thousand clips are too many
 * to post as a message), every write goes through the background, which tells the tabs.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SidePanel, type PanelNotice } from '@/components/SidePanel';
import { FootnoteDatabase } from '@/lib/db/database';
import { createClipsRepository } from '@/lib/db/clips';
import { parseTags, type Clip, type ClipDraft } from '@/lib/model/clip';
import { EXPORT_FORMATS, exportClips, type ExportFormat } from '@/lib/clips/export';
import { IMPORT_LIMITS } from '@/lib/clips/import';
import { applyFilter, claimCounts, noFilter, tagCounts, type ClipFilter } from '@/lib/clips/filter';
import { panelRows } from '@/lib/clips/panel-rows';
import { ClipSearch } from '@/lib/clips/search';
import { listen, sendToBackground } from '@/lib/messages';
import { saveFile } from '@/lib/save-file';
import { t } from '@/lib/i18n';

const UNDO_MS = 10_000;

interface Beside {
  tabId: number | null;
  url: string | null;
  title: string | null;
}

/** `?tab=ID` names the page tab (the tests open the panel as a page); otherwise the active tab. */
const tabFromQuery = (() => {
  const n = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(n) && n > 0 ? n : null;
})();

/**
 * The page beside the panel. Footnote has no "tabs" permission, so the browser does not say what a
 * tab shows: its content script told the background (clips/pageStatus).
 */
async function besideTab(): Promise<Beside & { orphans: string[] }> {
  const tabId = tabFromQuery ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null;
  if (tabId === null) return { tabId: null, url: null, title: null, orphans: [] };
  const status = await sendToBackground('clips/pageStatus', { tabId }).catch(() => null);
  return { tabId, url: status?.url ?? null, title: status?.title || null, orphans: status?.orphans ?? [] };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function App() {
  const db = useMemo(() => new FootnoteDatabase(), []);
  const repo = useMemo(() => createClipsRepository(db), [db]);
  const search = useRef(new ClipSearch());
  const [clips, setClips] = useState<Clip[]>([]);
  const [version, setVersion] = useState(0);
  const [drafts, setDrafts] = useState<ClipDraft[]>([]);
  const [loading, setLoading] = useState(true);
  const [beside, setBeside] = useState<Beside>({ tabId: null, url: null, title: null });
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<ClipFilter>(noFilter);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<PanelNotice>(null);
  const [undo, setUndo] = useState<Clip | null>(null);
  const undoTimer = useRef<number | null>(null);
  const [claimNames, setClaimNames] = useState<Map<string, string>>(new Map());

  const reload = async () => {
    const [all, pending] = await Promise.all([repo.all(), repo.drafts()]);
    search.current.sync(all);
    setClips(all);
    setVersion((v) => v + 1);
    setDrafts(pending);
    setLoading(false);
  };

  const refreshBeside = async () => {
    const { orphans: lost, ...b } = await besideTab();
    setBeside(b);
    setOrphans(new Set(lost));
  };

  useEffect(() => {
    reload().catch((e: unknown) => setNotice({ kind: 'error', text: t('sidePanelErrorRead', message(e)) }));
    void refreshBeside();
    // Claim names for the claim filter and the clips saved from a flag (the evidence store's claims).
    void db
      .table('claims')
      .toArray()
      .then((rows: { id?: unknown; short?: unknown }[]) =>
        setClaimNames(new Map(rows.filter((r) => typeof r.id === 'string' && typeof r.short === 'string').map((r) => [r.id as string, r.short as string]))),
      )
      .catch(() => undefined);
    const stop = listen({
      'clips/changed': () => {
        void reload();
        void refreshBeside();
        return {};
      },
    });
    // The real side panel follows the reader from tab to tab.
    const onActivated = () => void refreshBeside();
    const onUpdated = (_id: number, change: { url?: string; title?: string; status?: string }) => {
      if (change.url || change.title || change.status === 'complete') void refreshBeside();
    };
    if (tabFromQuery === null) {
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
    }
    return () => {
      stop();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const matches = useMemo(() => search.current.search(filter.query), [filter.query, version]);
  const shown = useMemo(() => applyFilter(clips, filter, matches), [clips, filter, matches]);
  const rows = useMemo(() => panelRows(shown, beside.url, orphans), [shown, beside.url, orphans]);
  const tags = useMemo(() => tagCounts(clips), [clips]);
  const claims = useMemo(() => claimCounts(clips).map((c) => ({ ...c, label: claimNames.get(c.claimId) ?? c.claimId })), [clips, claimNames]);

  /** Runs `work`, then reloads. `failure` wraps the error's own message, so each language words the sentence whole. */
  const act = async (work: () => Promise<unknown>, failure: (error: string) => string) => {
    setBusy(true);
    try {
      await work();
      await reload();
    } catch (e) {
      setNotice({ kind: 'error', text: failure(message(e)) });
    } finally {
      setBusy(false);
    }
  };

  const onExport = (format: ExportFormat) => {
    const text = exportClips(format, shown, Date.now());
    const { extension, mime } = EXPORT_FORMATS[format];
    saveFile(`footnote-clips-${new Date().toISOString().slice(0, 10)}.${extension}`, text, mime);
    const label = EXPORT_FORMATS[format].label;
    setNotice({ kind: 'info', text: shown.length === 1 ? t('sidePanelExportedOne', label) : t('sidePanelExportedMany', shown.length, label) });
  };

  const onImport = (file: File) =>
    void act(async () => {
      // Refused on its size before it is read: a huge file would otherwise be held in memory twice.
      if (file.size > IMPORT_LIMITS.bytes) {
        throw new Error(t('sidePanelImportTooBig', (file.size / 1048576).toFixed(0), IMPORT_LIMITS.bytes / 1048576));
      }
      const r = await sendToBackground('clips/import', { text: await file.text() });
      setNotice({ kind: 'info', text: t('sidePanelImported', file.name, r.added, r.updated, r.unchanged) });
    }, (error) => t('sidePanelErrorImport', file.name, error));

  const onDelete = (clip: Clip) =>
    void act(async () => {
      const { clip: removed } = await sendToBackground('clips/delete', { id: clip.id });
      if (undoTimer.current !== null) clearTimeout(undoTimer.current);
      setUndo(removed);
      undoTimer.current = window.setTimeout(() => setUndo(null), UNDO_MS);
    }, (error) => t('sidePanelErrorDelete', error));

  const onUndo = () => {
    const clip = undo;
    if (!clip) return;
    setUndo(null);
    void act(() => sendToBackground('clips/restore', { clip }), (error) => t('sidePanelErrorRestore', error));
  };

  return (
    <SidePanel
      pageTitle={beside.title}
      loading={loading}
      total={clips.length}
      shown={shown.length}
      rows={rows}
      filter={filter}
      tags={tags}
      claims={claims}
      drafts={drafts}
      editingId={editingId}
      busy={busy}
      notice={notice}
      undo={undo}
      claimLabel={(id) => claimNames.get(id) ?? null}
      onQuery={(query) => setFilter((f) => ({ ...f, query }))}
      onTag={(tag) => setFilter((f) => ({ ...f, tag }))}
      onClaim={(claimId) => setFilter((f) => ({ ...f, claimId }))}
      onOpen={(clip) =>
        void sendToBackground('clips/open', { id: clip.id, ...(beside.tabId !== null ? { tabId: beside.tabId } : {}) }).catch((e: unknown) =>
          setNotice({ kind: 'error', text: t('sidePanelErrorOpen', message(e)) }),
        )
      }
      onEdit={setEditingId}
      onSaveEdit={(id, note, tagsText) =>
        void act(async () => {
          await sendToBackground('clips/update', { id, note, tags: parseTags(tagsText) });
          setEditingId(null);
        }, (error) => t('sidePanelErrorEdit', error))
      }
      onDelete={onDelete}
      onUndo={onUndo}
      onExport={onExport}
      onImport={onImport}
      onSaveDraft={(id) => void act(() => sendToBackground('clips/draftSave', { id }), (error) => t('sidePanelErrorDraftSave', error))}
      onDiscardDraft={(id) => void act(() => sendToBackground('clips/draftDiscard', { id }), (error) => t('sidePanelErrorDraftDiscard', error))}
    />
  );
}
