import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ClipsPanelShell } from '@/components/ClipsPanelShell';
import '@/assets/ui.css';

function Panel() {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTitle(tab?.title ?? null));
  }, []);
  return <ClipsPanelShell pageTitle={title} />;
}

render(<Panel />, document.getElementById('app')!);
