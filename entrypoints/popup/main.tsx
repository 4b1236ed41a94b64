import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import type { TabState } from '@/lib/messages';
import type { ClaimMatch } from '@/lib/model/scan';
import { sendToBackground, sendToTab } from '@/lib/messages';
import '@/assets/ui.css';
import './popup.css';
import { t } from '@/lib/i18n';

/** The tab the popup is about: the active tab, or `?tab=ID` (used by the tests, which open the popup as a page). */
async function currentTabId(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error(t('popupNoActiveTab'));
  return tab.id;
}

function Popup() {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [tabId, setTabId] = useState<number | null>(null);

  useEffect(() => {
    let id: number | null = null;
    const read = () => {
      if (id !== null) sendToBackground('tab/state', { tabId: id }).then(setState, (e: unknown) => setError(String(e instanceof Error ? e.message : e)));
    };
    // The page reports again after a resume (or any change): the popup shows what it says, not what it said.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && id !== null && `tab:${id}` in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    currentTabId().then(
      (found) => {
        id = found;
        setTabId(found);
        read();
      },
      (e: unknown) => setError(String(e instanceof Error ? e.message : e)),
    );
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const onTogglePause = (paused: boolean) => {
    if (!state?.host) return;
    setBusy(true);
    sendToBackground('site/setPaused', { host: state.host, paused })
      .then((r) => setState({ ...state, paused: r.paused }), (e: unknown) => setError(String(e instanceof Error ? e.message : e)))
      .finally(() => setBusy(false));
  };

  const onJump = (claim: ClaimMatch) => {
    if (tabId === null) return;
    sendToTab(tabId, 'page/jumpTo', { claimId: claim.claimId, text: claim.text })
      .then((r) => {
        if (!r.found) setError(t('popupClaimGone'));
        // The reader wants the page: a real popup steps aside (a popup opened as a tab for tests stays).
        else if (!new URLSearchParams(location.search).has('tab')) window.close();
      })
      .catch((e: unknown) => setError(String(e instanceof Error ? e.message : e)));
  };

  // Clip the selection in the page, as the context menu and the shortcut do.
  const [clipNotice, setClipNotice] = useState<string | null>(null);
  const onSaveClip = () => {
    if (tabId === null) return;
    sendToBackground('clips/captureTab', { tabId })
      .then((r) => {
        if (!r.started) setClipNotice(r.reason ?? t('popupCannotClip'));
        // The editor waits on the page: a real popup steps aside (a popup opened as a tab for tests stays).
        else if (!new URLSearchParams(location.search).has('tab')) window.close();
        else setClipNotice(t('popupEditorOpen'));
      })
      .catch((e: unknown) => setClipNotice(String(e instanceof Error ? e.message : e)));
  };

  // Opening a side panel or sidebar needs the click itself (a user gesture): no await before it.
  const panels = browser as unknown as {
    sidePanel?: { open(options: { tabId: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  const onOpenClips =
    panels.sidePanel || panels.sidebarAction
      ? () => {
          if (tabId === null) return;
          const opening = panels.sidebarAction ? panels.sidebarAction.open() : panels.sidePanel!.open({ tabId });
          opening.then(
            () => {
              if (!new URLSearchParams(location.search).has('tab')) window.close();
            },
            (e: unknown) => setClipNotice(String(e instanceof Error ? e.message : e)),
          );
        }
      : undefined;

  return (
    <PopupView
      state={state}
      error={error}
      busy={busy}
      onTogglePause={onTogglePause}
      onJump={onJump}
      onSaveClip={onSaveClip}
      clipNotice={clipNotice}
      onOpenClips={onOpenClips}
      helpHref={browser.runtime.getURL('/welcome.html')}
    />
  );
}

document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
