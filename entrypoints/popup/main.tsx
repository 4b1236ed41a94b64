import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/PopupView';
import type { TabState } from '@/lib/messages';
import { sendToBackground } from '@/lib/runtime';
import '@/assets/ui.css';
import './popup.css';

/** The tab the popup is about: the active tab, or `?tab=ID` (used by the tests, which open the popup as a page). */
async function currentTabId(): Promise<number> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('No active tab.');
  return tab.id;
}

function Popup() {
  const [state, setState] = useState<TabState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    currentTabId()
      .then((tabId) => sendToBackground('tab/state', { tabId }))
      .then(setState, (e: unknown) => setError(String(e instanceof Error ? e.message : e)));
  }, []);

  const onTogglePause = (paused: boolean) => {
    if (!state?.host) return;
    setBusy(true);
    sendToBackground('site/setPaused', { host: state.host, paused })
      .then((r) => setState({ ...state, paused: r.paused }), (e: unknown) => setError(String(e instanceof Error ? e.message : e)))
      .finally(() => setBusy(false));
  };

  return <PopupView state={state} error={error} busy={busy} onTogglePause={onTogglePause} />;
}

render(<Popup />, document.getElementById('app')!);
